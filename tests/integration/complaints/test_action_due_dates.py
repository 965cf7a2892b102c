"""An action's agreed due date cannot be before the complaint was received.

On a complaint received 5 January 2022, an action due 1 January 2001 was saved without
a word, and then reminded its owner every day.
"""

from __future__ import annotations

from datetime import date

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import ComplaintAction
from feedback_app.services import complaint_points
from tests.conftest import parse_html

MESSAGE = "The agreed due date must be on or after the complaint was received, 5 January 2022"


def _upheld_point(make_complaint):  # type: ignore[no-untyped-def]
    complaint = make_complaint(received_on=date(2022, 1, 5))
    point = complaint_points.add_point(
        complaint, theme="communication", summary="No reply", outcome="upheld"
    )
    return complaint, point


def _action_form(day: str, month: str, year: str) -> dict[str, object]:
    return {
        "description": "Call back within 2 days",
        "team": "SEND casework",
        "owner": "K. Hughes",
        "owner_email": "",
        "due_on": [day, month, year],
        "notes": "",
    }


def _refused(response) -> None:  # type: ignore[no-untyped-def]
    """The form again, with the message in its error summary and beside the date,
    and the date as it was typed."""
    assert response.status_code == 200
    soup = parse_html(response.get_data(as_text=True))
    summary = soup.select_one(".govuk-error-summary")
    assert summary is not None
    assert [a.get_text(strip=True) for a in summary.select("a")] == [MESSAGE]
    assert summary.select_one("a")["href"] == "#due_on-day"
    assert MESSAGE in soup.select_one("#due_on-error").get_text()
    assert soup.title.get_text().startswith("Error: ")
    typed = [soup.select_one(f"#due_on-{part}")["value"] for part in ("day", "month", "year")]
    assert typed == ["1", "1", "2001"]
    assert soup.select_one("textarea[name=description]").get_text() == "Call back within 2 days"


def test_adding_an_action_due_before_the_complaint_was_received_is_refused(
    officer_client: FlaskClient, make_complaint
) -> None:  # type: ignore[no-untyped-def]
    complaint, point = _upheld_point(make_complaint)
    url = f"/staff/complaints/{complaint.id}/points/{point.id}/actions/new"
    _refused(officer_client.post(url, data=_action_form("1", "1", "2001")))
    assert db.session.scalar(select(ComplaintAction.id)) is None
    # The day it was received is allowed.
    response = officer_client.post(url, data=_action_form("5", "1", "2022"))
    assert response.status_code == 302
    assert db.session.scalar(select(ComplaintAction.due_on)) == date(2022, 1, 5)


def test_changing_an_action_to_a_due_date_before_the_complaint_is_refused(
    officer_client: FlaskClient, make_complaint
) -> None:  # type: ignore[no-untyped-def]
    complaint, point = _upheld_point(make_complaint)
    action = complaint_points.add_action(
        point,
        {"description": "Call back", "team": "SEND", "owner": "K", "due_on": date(2022, 2, 1)},
    )
    url = f"/staff/complaints/{complaint.id}/actions/{action.id}/edit"
    _refused(officer_client.post(url, data=_action_form("1", "1", "2001")))
    db.session.expire_all()
    assert db.session.get(ComplaintAction, action.id).due_on == date(2022, 2, 1)

    # An action saved with such a date before the rule keeps it while other details change.
    db.session.get(ComplaintAction, action.id).due_on = date(2001, 1, 1)
    db.session.commit()
    data = _action_form("1", "1", "2001")
    data["notes"] = "Rang twice"
    assert officer_client.post(url, data=data).status_code == 302
    db.session.expire_all()
    saved = db.session.get(ComplaintAction, action.id)
    assert (saved.due_on, saved.notes) == (date(2001, 1, 1), "Rang twice")


def test_the_service_refuses_it_too(make_complaint) -> None:  # type: ignore[no-untyped-def]
    _, point = _upheld_point(make_complaint)
    with pytest.raises(complaint_points.DueDateError, match=MESSAGE):
        complaint_points.add_action(
            point, {"description": "x", "team": "T", "owner": "O", "due_on": date(2022, 1, 4)}
        )
