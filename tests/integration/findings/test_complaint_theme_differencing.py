"""Complaint points and compliments by theme are hidden where a published release of
another period would give a small number away by subtraction: on the page, in the CSV
and JSON downloads, and in the evidence pack."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintPoint, Compliment, Release
from feedback_app.services import evidence_pack
from tests.support.publishing import publish

Q1 = date(2021, 5, 3)
Q2 = date(2021, 8, 3)


def _points(theme: str, count: int, on: date) -> None:
    for _ in range(count):
        number = (db.session.scalar(select(db.func.count()).select_from(Complaint)) or 0) + 1
        complaint = Complaint(reference=f"T{number:04d}", received_on=on, summary="Test")
        complaint.points = [ComplaintPoint(theme=theme, outcome="upheld", summary="Test")]
        db.session.add(complaint)
        db.session.commit()


def _compliments(theme: str, count: int, on: date) -> None:
    db.session.add_all(Compliment(received_on=on, theme=theme) for _ in range(count))
    db.session.commit()


def _publish(client: FlaskClient, period: str) -> None:
    response = client.post("/staff/publishing/", data={"survey": "new_ehcp", "period": period})
    assert response.status_code == 302, response.get_data(as_text=True)
    release = db.session.scalars(select(Release).where(Release.period == period)).one()
    assert publish(client, release.id).status_code == 303


def _json(client: FlaskClient, period: str) -> dict[str, Any]:
    response = client.get(f"/findings/new_ehcp/{period}.json")
    assert response.status_code == 200
    return dict(json.loads(response.get_data(as_text=True)))


def _page_rows(client: FlaskClient, period: str, caption: str) -> dict[str, str]:
    page = client.get(f"/findings?survey=new_ehcp&period={period}").get_data(as_text=True)
    soup = BeautifulSoup(page, "html.parser")
    table = next(
        t for t in soup.find_all("table") if t.caption and t.caption.get_text(strip=True) == caption
    )
    rows = {}
    for row in table.find_all("tr")[1:]:
        cells = [c.get_text(strip=True) for c in row.find_all(["th", "td"])]
        rows[cells[0]] = cells[1]
    return rows


def test_complaint_points_by_theme_are_hidden_against_the_published_quarter(
    app: Flask, sign_in
) -> None:
    _points("timeliness", 20, Q1)
    _points("communication", 10, Q1)
    _points("timeliness", 3, Q2)
    _points("communication", 2, Q2)
    client = sign_in("analyst")
    _publish(client, "2021-22-Q1")
    quarter = {
        row["theme"]: row["count"] for row in _json(client, "2021-22-Q1")["complaints"]["by_theme"]
    }
    assert quarter == {"timeliness": 20, "communication": 10}
    _publish(client, "2021-22")
    year = _json(client, "2021-22")
    # Before the fix the year showed 23 and 12: 3 and 2 more than the quarter.
    assert year["complaints"]["points"] == 35  # 35 - 30 = 5 is safe to show
    by_theme = {row["theme"]: row["count"] for row in year["complaints"]["by_theme"]}
    assert by_theme == {"timeliness": None, "communication": None}
    assert _page_rows(client, "2021-22", "Complaint points by theme") == {
        "Timeliness and delays": "not shown",
        "Communication": "not shown",
    }
    csv = client.get("/findings/new_ehcp/2021-22.csv").get_data(as_text=True)
    assert ",complaint_theme,timeliness,points,," in csv
    assert ",complaint_theme,communication,points,," in csv
    assert ",23," not in csv and ",12," not in csv
    pack = evidence_pack.build("2021-22")
    points = {row["theme"]: row for row in pack["complaint_themes"]}
    assert points["timeliness"]["points"] is None and points["timeliness"]["upheld"] is None
    assert points["communication"]["points"] is None
    assert points["communication"]["upheld"] is None
    pack_csv = evidence_pack.to_csv(pack)
    assert ",23\r\n" not in pack_csv and ",12\r\n" not in pack_csv
    pack_page = client.get("/staff/publishing/evidence-pack?period=2021-22").get_data(as_text=True)
    assert ">23<" not in pack_page and ">12<" not in pack_page


def test_compliments_by_theme_are_hidden_against_the_published_quarter(app: Flask, sign_in) -> None:
    _compliments("joint_working", 20, Q1)
    _compliments("staff_attitude", 10, Q1)
    _compliments("joint_working", 3, Q2)
    _compliments("staff_attitude", 2, Q2)
    client = sign_in("analyst")
    _publish(client, "2021-22-Q1")
    _publish(client, "2021-22")
    year = _json(client, "2021-22")
    assert year["complaints"]["compliments"] == 35
    by_theme = {row["theme"]: row["count"] for row in year["complaints"]["compliments_by_theme"]}
    assert by_theme == {"joint_working": None, "staff_attitude": None}
    assert set(_page_rows(client, "2021-22", "Compliments by theme").values()) == {"not shown"}
    csv = client.get("/findings/new_ehcp/2021-22.csv").get_data(as_text=True)
    assert ",compliment_theme,joint_working,count,," in csv
    assert ",23," not in csv and ",12," not in csv


def test_a_theme_with_a_safe_difference_is_still_shown(app: Flask, sign_in) -> None:
    _points("timeliness", 20, Q1)
    _points("communication", 10, Q1)
    _points("timeliness", 6, Q2)
    _points("communication", 7, Q2)
    client = sign_in("analyst")
    _publish(client, "2021-22-Q1")
    _publish(client, "2021-22")
    by_theme = {
        row["theme"]: row["count"] for row in _json(client, "2021-22")["complaints"]["by_theme"]
    }
    assert by_theme == {"timeliness": 26, "communication": 17}
