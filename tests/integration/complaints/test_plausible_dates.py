"""Dates typed into complaints forms must be plausible; an action is done only once."""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import ComplaintAction
from feedback_app.services import complaint_points

COMPLAINT = {
    "channel": "email",
    "stage": "1",
    "complainant_name": "Sam Parent",
    "relationship_to_child": "parent_carer",
    "summary": "Nobody called back.",
}


@pytest.mark.parametrize("year", ["0001", "1900", "1999"])
def test_a_complaint_or_compliment_received_before_2000_is_refused(officer_client, year):
    complaint = officer_client.post(
        "/staff/complaints/new", data={**COMPLAINT, "received_on": ["31", "12", year]}
    )
    compliment = officer_client.post(
        "/staff/complaints/compliments/new",
        data={
            "received_on": ["1", "1", year],
            "theme": "communication",
            "team": "SEND team",
            "summary": "Thank you",
        },
    )
    for page, what in ((complaint, "complaint"), (compliment, "compliment")):
        assert page.status_code == 200, what
        assert (
            f"The date the {what} was received must be on or after 1 January 2000"
            in page.get_data(as_text=True)
        )


def _action(make_complaint):  # type: ignore[no-untyped-def]
    complaint = make_complaint(received_on=date(2023, 4, 3))
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Calls", outcome="upheld"
    )
    action = complaint_points.add_action(
        point,
        {"description": "Ring back", "team": "SEND", "owner": "A", "due_on": date(2023, 6, 1)},
    )
    return complaint, point, action


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (["1", "1", "0001"], "must be on or after 1 January 2000"),
        (["31", "12", "9999"], "must be on or before"),
    ],
)
def test_an_absurd_due_date_is_refused(officer_client, make_complaint, day, message):
    complaint, point, _ = _action(make_complaint)
    page = officer_client.post(
        f"/staff/complaints/{complaint.id}/points/{point.id}/actions/new",
        data={"description": "Write", "team": "SEND", "owner": "A", "due_on": day},
    )
    assert page.status_code == 200
    assert f"The agreed due date {message}" in page.get_data(as_text=True)


def test_a_due_date_next_year_is_accepted(officer_client, make_complaint):
    complaint, point, _ = _action(make_complaint)
    next_year = clock.today().year + 1
    page = officer_client.post(
        f"/staff/complaints/{complaint.id}/points/{point.id}/actions/new",
        data={
            "description": "Write",
            "team": "SEND",
            "owner": "A",
            "due_on": ["1", "3", str(next_year)],
        },
    )
    assert page.status_code == 302


def test_completing_before_the_complaint_was_received_is_refused(officer_client, make_complaint):
    complaint, _, action = _action(make_complaint)
    page = officer_client.post(
        f"/staff/complaints/{complaint.id}/actions/{action.id}/complete",
        data={"completed_on": ["1", "4", "2023"], "evidence": "Rang"},
    )
    assert "must be on or after the complaint was received, 3 April 2023" in page.get_data(
        as_text=True
    )
    db.session.expire_all()
    assert db.session.get(ComplaintAction, action.id).status == "open"


def test_completing_an_action_twice_is_refused(officer_client, make_complaint):
    complaint, _, action = _action(make_complaint)
    url = f"/staff/complaints/{complaint.id}/actions/{action.id}/complete"
    first = officer_client.post(url, data={"completed_on": ["2", "5", "2023"], "evidence": "Rang"})
    assert first.status_code == 302
    again = officer_client.post(
        url,
        data={"completed_on": ["9", "5", "2023"], "evidence": "Something else"},
        follow_redirects=True,
    )
    assert "already marked as done on 2 May 2023" in again.get_data(as_text=True)
    db.session.expire_all()
    done = db.session.get(ComplaintAction, action.id)
    assert done.completed_on == date(2023, 5, 2) and done.evidence == "Rang"
