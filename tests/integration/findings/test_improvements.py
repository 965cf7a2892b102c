"""A "you said, we did" entry made from a complaint action follows the action's status."""

from __future__ import annotations

from datetime import date

from flask import Flask

from feedback_app.extensions import db
from feedback_app.models import ComplaintAction, Improvement
from feedback_app.services import complaint_points, improvements


def _candidate_action(make_complaint) -> ComplaintAction:  # type: ignore[no-untyped-def]
    complaint = make_complaint()
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Calls", outcome="upheld"
    )
    return complaint_points.add_action(
        point,
        {
            "description": "Phone surgery",
            "team": "SEND casework",
            "owner": "Team manager",
            "due_on": date(2023, 5, 1),
            "you_said_we_did": True,
        },
    )


def _entry(status: str = "in_progress", **extra: object) -> improvements.EntryInput:
    return improvements.EntryInput(
        theme="communication",
        title="A weekly phone surgery",
        you_said="Families could not reach their caseworker.",
        we_did="Caseworkers now hold a phone surgery every week.",
        service="SEND casework",
        status=status,
        **extra,  # type: ignore[arg-type]
    )


def test_entry_becomes_done_when_its_action_is_completed(app: Flask, make_complaint) -> None:  # type: ignore[no-untyped-def]
    action = _candidate_action(make_complaint)
    entry = improvements.create_entry(_entry(), complaint_action_id=action.id)
    assert entry.status == "in_progress"
    complaint_points.complete_action(action, date(2023, 6, 2), "Surgery running since June")
    db.session.expire_all()
    entry = db.session.get(Improvement, entry.id)
    assert entry.status == "done" and entry.completed_on == date(2023, 6, 2)
    # Editing the action again keeps the entry done; wording edits leave it following.
    complaint_points.update_action(action, {"notes": "Reviewed in July"})
    improvements.update_entry(entry, _entry("done", completed_on=date(2023, 6, 2)))
    assert not entry.status_set_by_hand and entry.status == "done"


def test_a_status_set_by_hand_is_left_alone(app: Flask, make_complaint) -> None:  # type: ignore[no-untyped-def]
    action = _candidate_action(make_complaint)
    entry = improvements.create_entry(_entry("planned"), complaint_action_id=action.id)
    improvements.update_entry(entry, _entry("in_progress"))
    assert entry.status_set_by_hand
    complaint_points.complete_action(action, date(2023, 6, 2), "Surgery running since June")
    db.session.expire_all()
    assert db.session.get(Improvement, entry.id).status == "in_progress"


def test_entries_not_made_from_actions_are_untouched(app: Flask, make_complaint) -> None:  # type: ignore[no-untyped-def]
    action = _candidate_action(make_complaint)
    entry = improvements.create_entry(_entry("planned"))
    complaint_points.complete_action(action, date(2023, 6, 2), "Done")
    db.session.expire_all()
    assert db.session.get(Improvement, entry.id).status == "planned"
