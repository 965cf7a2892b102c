"""The evidence pack says why a figure is not shown, as the public page does, and lists
the "you said, we did" entries of its own period."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintPoint, Improvement, Release
from feedback_app.services import evidence_pack
from tests.support.publishing import publish

AGREE = {"involved": "agree"}


def _publish(client: FlaskClient, period: str) -> None:
    response = client.post("/staff/publishing/", data={"survey": "new_ehcp", "period": period})
    assert response.status_code == 302, response.get_data(as_text=True)
    release = db.session.scalars(select(Release).where(Release.period == period)).one()
    assert publish(client, release.id).status_code == 303


def _text(client: FlaskClient, address: str) -> str:
    page = client.get(address)
    assert page.status_code == 200
    return str(BeautifulSoup(page.get_data(as_text=True), "html.parser").get_text(" ", strip=True))


def test_responses_hidden_to_stop_subtraction_are_not_called_fewer_than_five(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(10, AGREE, on=date(2023, 6, 1))
    factories.add_responses(8, AGREE, on=date(2023, 8, 1))
    factories.add_responses(6, AGREE, on=date(2023, 11, 1))
    factories.add_responses(2, AGREE, on=date(2024, 2, 1))
    client = sign_in("analyst")
    for period in ("2023-24-Q1", "2023-24-Q2", "2023-24-Q3", "2023-24"):
        _publish(client, period)
    pack = _text(client, "/staff/publishing/evidence-pack?period=2023-24")
    # 26 families answered: hidden because the published quarters would give away Q4's 2.
    assert "fewer than 5 responses" not in pack
    assert (
        "Your new EHC plan (published version 1): number of responses not shown, as with "
        "figures already published it would reveal a smaller group" in pack
    )
    # The public chart of a statement hidden for the same reason does not say "fewer".
    year = client.get("/findings?survey=new_ehcp&period=2023-24").get_data(as_text=True)
    assert "fewer than 5 answers" not in year


def test_a_small_number_of_responses_is_still_called_fewer_than_five(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(3, AGREE, on=date(2023, 6, 1))
    pack = _text(sign_in("analyst"), "/staff/publishing/evidence-pack?period=2023-24")
    assert "Your new EHC plan (not yet published): fewer than 5 responses" in pack


def test_a_theme_hidden_beside_a_small_one_is_not_called_fewer_than_five(
    app: Flask, sign_in
) -> None:
    for theme, count in (("communication", 10), ("timeliness", 8), ("health", 2)):
        for number in range(count):
            complaint = Complaint(reference=f"{theme}{number}", received_on=date(2023, 5, 2))
            complaint.points = [ComplaintPoint(theme=theme, outcome="upheld", summary="x")]
            db.session.add(complaint)
    db.session.commit()
    page = BeautifulSoup(
        sign_in("analyst").get("/staff/publishing/evidence-pack?period=2023-24").data,
        "html.parser",
    )
    table = next(
        t for t in page.find_all("table") if "Complaint points by theme" in t.caption.get_text()
    )
    rows = {
        r.th.get_text(strip=True): r.find("td").get_text(strip=True)
        for r in table.tbody.find_all("tr")
    }
    # Timeliness's 8 is hidden so that 20 - 10 - 8 does not give away health's 2.
    assert rows == {
        "Communication": "10",
        "Timeliness and delays": "not shown",
        "Health services": "fewer than 5",
    }


def _entry(title: str, **dates: date | None) -> None:
    db.session.add(
        Improvement(
            theme="communication",
            title=title,
            you_said="Calls were not returned.",
            we_did="A call-back standard.",
            service="SEND casework",
            status="done" if dates.get("completed_on") else "in_progress",
            created_at=datetime(2020, 1, 1, tzinfo=UTC),
            **dates,
        )
    )
    db.session.commit()


def test_the_pack_lists_the_entries_of_its_period_and_counts_the_others(
    app: Flask, sign_in
) -> None:
    _entry("Done in the year", started_on=date(2021, 1, 4), completed_on=date(2021, 9, 1))
    _entry("Under way in the year", started_on=date(2021, 6, 1))
    _entry("Running through the year", started_on=date(2020, 6, 1), completed_on=date(2022, 5, 1))
    _entry("Done the year before", started_on=date(2020, 1, 4), completed_on=date(2021, 2, 1))
    _entry("Started the year after", started_on=date(2022, 6, 1))
    _entry("Done the year after", started_on=date(2022, 4, 4), completed_on=date(2022, 9, 1))
    pack = evidence_pack.build("2021-22")
    assert sorted(e.title for e in pack["improvements"]) == [
        "Done in the year",
        "Running through the year",
        "Under way in the year",
    ]
    assert [e.title for e in pack["improvements_done"]] == ["Done in the year"]
    assert pack["improvements_elsewhere"] == 3
    csv = evidence_pack.to_csv(pack)
    assert "Done the year before" not in csv and "Started the year after" not in csv
    assert "2021-22,you_said_we_did,Done in the year,status,done" in csv
    assert "2021-22,you_said_we_did,other periods,entries not listed,3" in csv
    text = _text(sign_in("analyst"), "/staff/publishing/evidence-pack?period=2021-22")
    assert "Done the year after" not in text and "Done the year before" not in text
    assert "Entries done in 2021/22, or under way at some time in it." in text
    assert "3 other entries, from other periods, are not listed." in text
    assert "1 “you said, we did” improvement was completed" in text
