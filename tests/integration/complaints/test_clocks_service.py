"""Stage clocks: acknowledgement and response deadlines, extensions, escalation."""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app.models import AuditEntry
from feedback_app.services import complaint_points, complaints


def test_stage_1_clock_from_settings(make_complaint):
    # Received Thursday 4 May 2023: the coronation bank holiday on Monday 8 May is skipped.
    complaint = make_complaint(received_on=date(2023, 5, 4))
    stage = complaint.current_stage
    assert stage.acknowledge_by == date(2023, 5, 12)
    assert stage.respond_by == date(2023, 5, 26)  # 10 working days after 12 May, provisional
    assert complaint.state == "awaiting_acknowledgement" and complaint.due_on == date(2023, 5, 12)

    complaints.acknowledge(complaint, date(2023, 5, 9))
    assert stage.respond_by == date(2023, 5, 23)  # 10 working days from acknowledgement
    assert complaint.state == "awaiting_response" and complaint.due_on == date(2023, 5, 23)

    complaints.respond(complaint, date(2023, 5, 22))
    assert complaint.state == "responded" and complaint.due_on is None


def test_timescales_are_settings(app, make_complaint):
    app.config["STAGE1_ACKNOWLEDGE_DAYS"] = 3
    complaint = make_complaint(received_on=date(2023, 5, 4))
    assert complaint.current_stage.acknowledge_by == date(2023, 5, 10)


def test_extension_is_capped_and_needs_a_reason(make_complaint):
    complaint = make_complaint(received_on=date(2023, 5, 4))
    complaints.acknowledge(complaint, date(2023, 5, 9))
    complaints.extend(complaint, 6, "Waiting for health advice from the ICB")
    # 23 May + 6: 24, 25, 26, (29 May bank holiday), 30, 31 May, 1 June.
    assert complaint.current_stage.respond_by == date(2023, 6, 1)
    assert complaint.due_on == date(2023, 6, 1)
    with pytest.raises(complaints.ComplaintError, match="4 working days or fewer"):
        complaints.extend(complaint, 5, "More time")
    with pytest.raises(complaints.ComplaintError, match="reason"):
        complaints.extend(complaint, 1, "  ")
    complaints.extend(complaint, 4, "Annual leave")
    assert complaint.current_stage.extension_days == 10
    assert "Annual leave" in complaint.current_stage.extension_reason


def test_escalation_starts_new_clocks_then_ombudsman_has_none(make_complaint):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    complaints.respond(complaint, date(2023, 4, 20))
    complaints.close(complaint, date(2023, 4, 20))
    stage2 = complaints.escalate(complaint, date(2023, 6, 1))
    assert complaint.stage == "2" and complaint.closed_on is None
    assert stage2.acknowledge_by == date(2023, 6, 8)
    assert stage2.respond_by == date(2023, 7, 6)  # 20 working days after 8 June
    assert complaint.state == "awaiting_acknowledgement"
    assert [s.stage for s in complaint.stages] == ["1", "2"]
    assert complaint.stages[0].responded_on == date(2023, 4, 20)  # stage 1 record kept

    ombudsman = complaints.escalate(complaint, date(2023, 9, 1), reference="LGSCO 23 001 234")
    assert ombudsman.acknowledge_by is None and ombudsman.respond_by is None
    assert complaint.stage == "ombudsman" and complaint.due_on is None
    with pytest.raises(complaints.ComplaintError):
        complaints.escalate(complaint, date(2023, 9, 2))
    with pytest.raises(complaints.ComplaintError):
        complaints.extend(complaint, 1, "no clock")


def test_every_change_is_audited_with_old_and_new(app, make_complaint):
    complaint = make_complaint(received_on=date(2023, 5, 4))
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Calls", outcome="pending"
    )
    complaint_points.update_point(
        point,
        theme="communication",
        summary="Calls",
        outcome="upheld",
        version=point.version,
    )
    action = complaint_points.add_action(
        point, {"description": "Phone surgery", "due_on": date(2023, 7, 1)}
    )
    complaint_points.complete_action(action, date(2023, 6, 20), "Surgery timetable published")
    complaints.update_complaint(
        complaint, {"contact_phone": "01905 000000"}, version=complaint.version
    )
    complaints.acknowledge(complaint, date(2023, 5, 5))
    complaints.extend(complaint, 2, "Reason")
    complaints.respond(complaint, date(2023, 5, 19))
    complaints.close(complaint, date(2023, 5, 19))
    complaints.escalate(complaint, date(2023, 6, 1))
    entries = (
        app.extensions["sqlalchemy"]
        .session.query(AuditEntry)
        .filter_by(entity_type="complaint", entity_id=str(complaint.id))
        .order_by(AuditEntry.id)
        .all()
    )
    actions = [e.action for e in entries]
    assert actions == [
        "complaint.created",
        "complaint.point_added",
        "complaint.point_updated",
        "complaint.action_added",
        "complaint.action_completed",
        "complaint.updated",
        "complaint.acknowledged",
        "complaint.extended",
        "complaint.responded",
        "complaint.closed",
        "complaint.escalated",
    ]
    assert entries[2].changes["outcome"] == {"old": "pending", "new": "upheld"}
    # Personal data: which field changed, never the values (see test_complaint_audit_privacy).
    assert entries[5].changes["contact_phone"] == "changed"
    assert entries[4].changes["status"] == {"old": "open", "new": "done"}


def test_actions_only_for_upheld_points(make_complaint):
    complaint = make_complaint()
    point = complaint_points.add_point(
        complaint, theme="decisions", summary="Refusal", outcome="not_upheld"
    )
    with pytest.raises(complaints.ComplaintError):
        complaint_points.add_action(point, {"description": "x", "due_on": date(2023, 7, 1)})


def test_complaint_text_is_analysed_as_a_comment(app, make_complaint):
    from feedback_app.models import Comment

    complaint = make_complaint(summary="Nobody returned my phone calls or emails for weeks.")
    comment = (
        app.extensions["sqlalchemy"]
        .session.query(Comment)
        .filter_by(source="complaint", source_id=complaint.id)
        .one()
    )
    assert "communication" in comment.effective_themes
