"""The audit log keeps no personal data of a complaint, and loses old copies on erasure."""

from __future__ import annotations

from datetime import date

from feedback_app.extensions import db
from feedback_app.services import audit, complaint_points, complaints, complaints_retention

PERSONAL = {
    "complainant_name": "Pat Private",
    "contact_email": "pat.private@example.com",
    "contact_phone": "07700 900123",
    "contact_address": "1 Hidden Lane",
    "child_reference": "CHILD-4242",
    "summary": "Zebrafinch never called back about the plan.",
}


def _all_audit_text(complaint_id: int) -> str:
    db.session.expire_all()
    return repr([entry.changes for entry in audit.entries_for("complaint", complaint_id)])


def _leaks(text: str) -> list[str]:
    words = [*PERSONAL.values(), "Zebrafinch", "Quokka", "Okapi", "Newer Name", "07700 900999"]
    return [word for word in words if word in text]


def _casework(make_complaint):  # type: ignore[no-untyped-def]
    complaint = make_complaint(**PERSONAL)
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Quokka lost the letter", outcome="pending"
    )
    complaint_points.update_point(
        point,
        theme="communication",
        summary="Okapi lost the letter",
        outcome="upheld",
        version=point.version,
    )
    complaint_points.add_action(
        point,
        {
            "description": "Send the letter again",
            "team": "SEND team",
            "owner": "A Manager",
            "owner_email": "",
            "due_on": date(2023, 6, 1),
            "notes": "Quokka asked for a call",
            "you_said_we_did": False,
        },
    )
    data = {name: getattr(complaint, name) for name in complaints.AUDITED_FIELDS}
    data.update(complainant_name="Newer Name", contact_phone="07700 900999", ehcp_stage="draft")
    complaints.update_complaint(complaint, data, version=complaint.version)
    return complaint


def test_the_audit_log_records_which_personal_fields_changed_never_their_values(
    make_complaint,
):
    complaint = _casework(make_complaint)

    assert _leaks(_all_audit_text(complaint.id)) == []
    entries = {e.action: e.changes for e in audit.entries_for("complaint", complaint.id)}
    updated = entries["complaint.updated"]
    assert updated["complainant_name"] == "changed" and updated["contact_phone"] == "changed"
    assert updated["ehcp_stage"] == {"old": "", "new": "draft"}  # not personal: kept
    assert entries["complaint.created"]["contact_email"] == "given"
    assert entries["complaint.created"]["channel"] == "email"
    assert entries["complaint.point_updated"]["outcome"] == {"old": "pending", "new": "upheld"}
    assert entries["complaint.point_updated"]["summary"] == "changed"


def test_erasure_scrubs_personal_values_from_older_audit_entries(sign_in, make_complaint):
    complaint = make_complaint(**PERSONAL)
    # Entries as they were written before personal data was kept out of the log.
    audit.record("complaint.created", "complaint", complaint.id, stage="1", **PERSONAL)
    audit.record(
        "complaint.updated",
        "complaint",
        complaint.id,
        contact_phone={"old": "", "new": "07700 900123"},
        ehcp_stage={"old": "", "new": "draft"},
    )
    audit.record(
        "complaint.point_added",
        "complaint",
        complaint.id,
        point_id=1,
        theme="communication",
        summary="Zebrafinch lost it",
    )
    db.session.commit()
    assert _leaks(_all_audit_text(complaint.id))  # the old entries do hold personal data

    complaints_retention.erase_personal_data(complaint)
    db.session.commit()

    assert _leaks(_all_audit_text(complaint.id)) == []
    entries = audit.entries_for("complaint", complaint.id)
    updated = next(e for e in entries if e.action == "complaint.updated")
    assert updated.changes["contact_phone"] == "[erased]"  # still says it changed
    assert updated.changes["ehcp_stage"] == {"old": "", "new": "draft"}
    assert updated.actor and updated.at
    admin_client = sign_in("admin")
    for url in (f"/staff/complaints/{complaint.id}/audit", "/staff/admin/audit"):
        body = admin_client.get(url).get_data(as_text=True)
        assert _leaks(body) == [], url


def test_purge_expired_scrubs_the_audit_of_points_and_actions(app, make_complaint):
    complaint = _casework(make_complaint)
    audit.record(
        "complaint.action_added", "complaint", complaint.id, notes="Quokka asked for a call"
    )
    complaints.respond(complaint, date(2023, 5, 1))
    complaints.close(complaint, date(2023, 5, 1))

    assert complaints_retention.purge_expired(on=date(2031, 1, 1)) == 1

    assert _leaks(_all_audit_text(complaint.id)) == []


def test_reasons_evidence_and_compliments_are_not_kept_in_the_audit_log(make_complaint):
    from feedback_app.models import AuditEntry, ComplaintAction
    from feedback_app.services import compliments

    complaint = _casework(make_complaint)
    complaints.extend(complaint, 5, "Zebrafinch is on leave")
    action = db.session.query(ComplaintAction).one()
    complaint_points.complete_action(action, date(2023, 6, 1), "Quokka confirmed by phone")
    compliment = compliments.create_compliment(
        {
            "received_on": date(2023, 6, 2),
            "theme": "communication",
            "team": "SEND team",
            "person_praised": "Okapi Smith",
            "summary": "Okapi Smith rang back the same day",
        }
    )
    db.session.commit()
    assert _leaks(_all_audit_text(complaint.id)) == []
    extended = next(
        e for e in audit.entries_for("complaint", complaint.id) if e.action == "complaint.extended"
    )
    assert extended.changes["reason"] == "given" and extended.changes["days"] == 5
    logged = db.session.query(AuditEntry).filter_by(action="compliment.created").one()
    assert _leaks(repr(logged.changes)) == [] and logged.changes["team"] == "SEND team"
    assert compliment.person_praised == "Okapi Smith"  # kept on the record, not in the log
