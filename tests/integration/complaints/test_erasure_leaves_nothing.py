"""After `flask purge-expired` erases a complaint, no text anywhere in the database holds
what its complainant or officers wrote about the family; the anonymous counts stay."""

from __future__ import annotations

from datetime import date

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintAction, ComplaintPoint, ComplaintStage
from feedback_app.services import audit, complaint_points, complaints
from tests.support.planted import where_found

# Words no default data holds, planted in every free text an officer or family fills in.
NAME, EMAIL, PHONE = "Perpetua Zanzibar", "perpetua.z@example.com", "07700 900987"
CHILD = "Tobias Quagga"
PLANTED = [NAME, "Zanzibar", EMAIL, PHONE, "Quagga", "Tobias", "1 Marmoset Row", "CHILD-8675"]


def _casework(make_complaint) -> Complaint:  # type: ignore[no-untyped-def]
    complaint = make_complaint(
        received_on=date(2016, 5, 3),
        complainant_name=NAME,
        contact_email=EMAIL,
        contact_phone=PHONE,
        contact_address="1 Marmoset Row",
        child_reference="CHILD-8675",
        summary=f"I am {NAME} ({PHONE}). Nobody rang back about {CHILD}'s plan.",
    )
    complaints.extend(complaint, 5, f"{CHILD} was in hospital, so the visit moved")
    point = complaint_points.add_point(
        complaint, theme="transport", summary=f"{CHILD}'s taxi never came", outcome="upheld"
    )
    action = complaint_points.add_action(
        point,
        {
            "description": f"Ring {NAME} on {PHONE} about {CHILD}'s taxi",
            "team": "Transport",
            "owner": "A Manager",
            "owner_email": "",
            "due_on": date(2016, 6, 1),
            "notes": f"{NAME} prefers calls after 3pm",
            "you_said_we_did": False,
        },
    )
    complaint_points.complete_action(action, date(2016, 6, 1), f"Spoke to {NAME}; Quagga happy")
    complaints.respond(complaint, date(2016, 6, 2))
    complaints.close(complaint, date(2016, 6, 2))
    return complaint


def test_purge_expired_leaves_no_personal_text_anywhere(app, make_complaint):
    complaint = _casework(make_complaint)
    complaint_id = complaint.id
    assert where_found(PLANTED)  # planted far and wide: the search can see it

    result = app.test_cli_runner().invoke(args=["purge-expired"])

    assert result.exit_code == 0, result.output
    assert "Erased personal data from 1 complaints" in result.output
    db.session.expire_all()
    assert where_found(PLANTED) == []
    # What reports count stays: theme, outcome, team, stage clocks and dates.
    complaint = db.session.get(Complaint, complaint_id)
    assert complaint.erased_at is not None and complaint.closed_on == date(2016, 6, 2)
    point = db.session.query(ComplaintPoint).filter_by(complaint_id=complaint_id).one()
    assert (point.theme, point.outcome) == ("transport", "upheld")
    action = db.session.query(ComplaintAction).filter_by(point_id=point.id).one()
    assert (action.team, action.status, action.completed_on) == (
        "Transport",
        "done",
        date(2016, 6, 1),
    )
    assert action.description == action.evidence == action.notes == "[erased]"
    stage = db.session.query(ComplaintStage).filter_by(complaint_id=complaint_id).one()
    assert stage.extension_days == 5 and stage.extension_reason == "[erased]"
    assert stage.responded_on == date(2016, 6, 2)


def test_the_audit_keeps_who_did_what_but_not_the_action_s_words(app, make_complaint):
    complaint = _casework(make_complaint)
    added = next(
        e
        for e in audit.entries_for("complaint", complaint.id)
        if e.action == "complaint.action_added"
    )
    # An action's description names the family as often as its notes do: never logged.
    assert added.changes["description"] == "given"
    assert added.changes["team"] == "Transport" and added.changes["due_on"] == "2016-06-01"
    # An entry written before descriptions were kept out of the log loses its copy.
    audit.record("complaint.action_added", "complaint", complaint.id, description=f"Ring {NAME}")
    db.session.commit()

    app.test_cli_runner().invoke(args=["purge-expired"])

    db.session.expire_all()
    entries = audit.entries_for("complaint", complaint.id)
    assert NAME not in repr([e.changes for e in entries])
    assert [e.action for e in entries][-1] == "complaint.erased"
    assert all(e.actor for e in entries)
