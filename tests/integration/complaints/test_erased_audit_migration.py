"""Migration 0017: complaints erased before the fix lose the personal data in their audit."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Complaint
from feedback_app.services import audit, complaints
from tests.conftest import make_app


def test_0017_scrubs_the_audit_of_complaints_already_erased(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0016"]).exit_code == 0
    with app.app_context():
        ids = []
        for name in ("Erased Earlier", "Still Kept"):
            complaint = complaints.create_complaint(
                {
                    "received_on": date(2016, 5, 3),
                    "channel": "email",
                    "complainant_name": name,
                    "relationship_to_child": "parent_carer",
                    "summary": "Words",
                }
            )
            audit.record(
                "complaint.updated",
                "complaint",
                complaint.id,
                complainant_name={"old": "", "new": name},
                ehcp_stage={"old": "", "new": "draft"},
            )
            ids.append(complaint.id)
        db.session.get(Complaint, ids[0]).erased_at = datetime(2024, 1, 1, tzinfo=UTC)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    with app.app_context():
        text = {
            complaint_id: repr(
                [
                    e.changes
                    for e in db.session.query(AuditEntry).filter_by(entity_id=str(complaint_id))
                ]
            )
            for complaint_id in ids
        }
        db.engine.dispose()
    assert "Erased Earlier" not in text[ids[0]] and "[erased]" in text[ids[0]]
    assert "draft" in text[ids[0]]
    assert "Still Kept" in text[ids[1]]  # not erased yet: erasure will scrub it later
