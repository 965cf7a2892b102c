"""The newest published findings are picked by their period's dates, not by sorting the
labels as text (which puts "2023-24-Q1" after "2023-24"), and the period menu shows
names people read, with the stable labels as its values."""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintPoint, Release
from feedback_app.services import improvements, open_data
from tests.support.publishing import publish


def _points(count: int, on: date) -> None:
    for number in range(count):
        complaint = Complaint(reference=f"N{on:%Y%m%d}{number:03d}", received_on=on, summary="x")
        complaint.points = [ComplaintPoint(theme="communication", outcome="upheld", summary="x")]
        db.session.add(complaint)
    db.session.commit()


def _publish(client: FlaskClient, period: str, survey: str = "new_ehcp") -> None:
    response = client.post("/staff/publishing/", data={"survey": survey, "period": period})
    assert response.status_code == 302, response.get_data(as_text=True)
    release = db.session.scalars(
        select(Release).where(Release.period == period, Release.status == "draft")
    ).one()
    assert publish(client, release.id).status_code == 303


def _heading(client: FlaskClient, address: str) -> str:
    page = BeautifulSoup(client.get(address).get_data(as_text=True), "html.parser")
    return str(page.find("h2", class_="govuk-heading-l").get_text(strip=True))


def _menu(client: FlaskClient) -> list[tuple[str, str]]:
    page = BeautifulSoup(client.get("/findings").get_data(as_text=True), "html.parser")
    menu = page.find("select", id="choose-period")
    return [(str(o["value"]), o.get_text(strip=True)) for o in menu.find_all("option")]


def test_findings_open_on_the_year_not_its_first_quarter(app: Flask, sign_in) -> None:
    _points(6, date(2023, 5, 2))
    _points(6, date(2024, 1, 10))
    client = sign_in("analyst")
    _publish(client, "2023-24")
    _publish(client, "2023-24-Q1")
    # Before the fix the text order made the quarter (April to June 2023) the newest.
    assert open_data.find_published(None, None).period == "2023-24"
    assert open_data.find_published("new_ehcp", None).period == "2023-24"
    assert _heading(client, "/findings") == "Your new EHC plan: 2023/24"
    assert [c.period for c in open_data.published_choices()] == ["2023-24", "2023-24-Q1"]
    # A quarter that ends after the year is newer than it.
    _publish(client, "2024-25-Q1")
    assert open_data.find_published(None, None).period == "2024-25-Q1"
    assert [value for value, _ in _menu(client)] == ["2024-25-Q1", "2023-24", "2023-24-Q1"]


def test_the_period_menu_shows_names_with_the_labels_as_values(app: Flask, sign_in) -> None:
    client = sign_in("analyst")
    _publish(client, "2023-24")
    _publish(client, "2023-24-Q1")
    _publish(client, "2023-24-Q4")
    assert _menu(client) == [
        ("2023-24", "2023/24 (April 2023 to March 2024)"),
        ("2023-24-Q4", "Q4 2023/24 (January to March 2024)"),
        ("2023-24-Q1", "Q1 2023/24 (April to June 2023)"),
    ]
    # The values are the labels bookmarked addresses use, so the addresses still work.
    assert _heading(client, "/findings?survey=new_ehcp&period=2023-24-Q4") == (
        "Your new EHC plan: Q4 2023/24"
    )


def test_you_said_we_did_quotes_the_latest_year_once(app: Flask, sign_in) -> None:
    _points(58, date(2023, 5, 2))
    _points(158, date(2023, 10, 2))
    client = sign_in("analyst")
    _publish(client, "2023-24")
    _publish(client, "2023-24", survey="annual_review")
    _publish(client, "2023-24-Q1")
    improvements.create_entry(
        improvements.EntryInput(
            theme="communication",
            title="Caseworkers call back within two days",
            you_said="Calls were not returned.",
            we_did="We set a two-day call-back standard.",
            service="SEND casework",
            status="in_progress",
        )
    )
    evidence = improvements.theme_evidence()["communication"]
    # Before the fix: "Q1 2023/24: 58" beside "2023/24: 216".
    assert evidence["complaints"] == [{"period": "2023/24", "count": 216}]
    page = client.get("/you-said-we-did").get_data(as_text=True)
    assert "Complaints, 2023/24: 216 complaint points about this" in page
    assert "Complaints, Q1 2023/24" not in page
