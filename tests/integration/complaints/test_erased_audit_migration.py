"""Migration 0017: complaints erased before the fix lose the personal data in their audit."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import insert, update

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Complaint
from feedback_app.services import audit
from tests.conftest import make_app


def test_0017_scrubs_the_audit_of_complaints_already_erased(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0016"]).exit_code == 0
    with app.app_context():
        ids = []
        for name in ("Erased Earlier", "Still Kept"):
            # Written with SQL, not the service: the model has columns later migrations add
            # (0019's version), which a database at 0016 has not.
            complaint_id = db.session.execute(
                insert(Complaint.__table__).values(
                    reference=f"CMP-{name[:5]}",
                    received_on=date(2016, 5, 3),
                    complainant_name=name,
                    summary="Words",
                )
            ).inserted_primary_key[0]
            audit.record(
                "complaint.updated",
                "complaint",
                complaint_id,
                complainant_name={"old": "", "new": name},
                ehcp_stage={"old": "", "new": "draft"},
            )
            ids.append(complaint_id)
        db.session.execute(
            update(Complaint.__table__)
            .where(Complaint.__table__.c.id == ids[0])
            .values(erased_at=datetime(2024, 1, 1, tzinfo=UTC))
        )
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
