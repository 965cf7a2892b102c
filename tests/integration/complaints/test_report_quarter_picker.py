"""The quarterly report's quarter picker offers every quarter there are complaints for.

It started at 2022-23 Q1: a report for 2021-22 Q3 (imported complaints) showed with no
quarter selected, and pressing "Show report" jumped to the current quarter.
"""

from __future__ import annotations

from datetime import date

from flask.testing import FlaskClient

from feedback_app import clock
from feedback_app.services import compliments
from feedback_app.services.periods import Quarter, quarter_of, quarters_between
from tests.conftest import parse_html


def _picker(client: FlaskClient, query: str = "") -> tuple[list[str], list[str]]:
    """The quarters offered, newest first, and those selected."""
    response = client.get(f"/staff/complaints/report{query}")
    assert response.status_code == 200
    options = parse_html(response.get_data(as_text=True)).select("select#quarter option")
    return [o["value"] for o in options], [o["value"] for o in options if o.has_attr("selected")]


def _labels(first: Quarter, last: Quarter) -> list[str]:
    return [q.label for q in reversed(quarters_between(first, last))]


def test_every_quarter_from_the_earliest_complaint_is_offered(
    officer_client: FlaskClient, make_complaint
) -> None:  # type: ignore[no-untyped-def]
    make_complaint(received_on=date(2021, 11, 5))
    make_complaint(received_on=date(2023, 4, 3))
    current = quarter_of(clock.today())
    offered, selected = _picker(officer_client, "?quarter=2021-22-Q3")
    assert offered == _labels(Quarter(2021, 3), current)
    assert selected == ["2021-22-Q3"]
    # The page shows the report that is selected, so "Show report" keeps it.
    page = officer_client.get("/staff/complaints/report?quarter=2021-22-Q3").get_data(as_text=True)
    assert "Complaints report Q3 2021/22" in page


def test_an_earlier_compliment_counts_too(officer_client: FlaskClient, make_complaint) -> None:  # type: ignore[no-untyped-def]
    make_complaint(received_on=date(2021, 11, 5))
    compliments.create_compliment(
        {
            "received_on": date(2020, 6, 1),
            "theme": "communication",
            "team": "SEND",
            "summary": "Thank you",
        }
    )
    offered, _ = _picker(officer_client)
    assert offered[-1] == "2020-21-Q1"


def test_the_quarter_shown_is_always_offered_and_selected(
    officer_client: FlaskClient, make_complaint
) -> None:  # type: ignore[no-untyped-def]
    make_complaint(received_on=date(2023, 4, 3))
    current = quarter_of(clock.today())
    offered, selected = _picker(officer_client, "?quarter=2005-06-Q2")
    assert selected == ["2005-06-Q2"]
    assert offered == [*_labels(Quarter(2023, 1), current), "2005-06-Q2"]


def test_with_no_complaints_last_quarter_is_shown_and_selected(
    officer_client: FlaskClient,
) -> None:
    current = quarter_of(clock.today())
    offered, selected = _picker(officer_client)
    assert offered == [current.label, current.previous().label]
    assert selected == [current.previous().label]
