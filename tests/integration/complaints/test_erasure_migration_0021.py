"""Migration 0021: complaints erased before it lose what erasure then left (actions' words,
extension reasons, descriptions in the audit); models trained on raw text are deleted."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, select

from feedback_app.extensions import db
from feedback_app.models import (
    AnalysisModel,
    AuditEntry,
    Complaint,
    ComplaintAction,
    ComplaintPoint,
    ComplaintStage,
)
from tests.conftest import make_app

pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


def _complaint(name: str, erased: bool) -> int:
    # Written with SQL, as erasure before 0021 left them: the services now erase it all.
    complaint_id = db.session.execute(
        insert(Complaint.__table__).values(
            reference=f"CMP-{name[:5]}",
            received_on=date(2016, 5, 3),
            complainant_name="[erased]" if erased else name,
            summary="[erased]" if erased else "Words",
            erased_at=datetime(2024, 1, 1, tzinfo=UTC) if erased else None,
        )
    ).inserted_primary_key[0]
    point_id = db.session.execute(
        insert(ComplaintPoint.__table__).values(
            complaint_id=complaint_id, theme="transport", summary="[erased]", outcome="upheld"
        )
    ).inserted_primary_key[0]
    db.session.execute(
        insert(ComplaintAction.__table__).values(
            point_id=point_id,
            description=f"Ring {name} about the taxi",
            team="Transport",
            due_on=date(2016, 6, 1),
            notes="",
            evidence=f"{name} confirmed",
            status="done",
        )
    )
    db.session.execute(
        insert(ComplaintStage.__table__).values(
            complaint_id=complaint_id,
            stage="1",
            started_on=date(2016, 5, 3),
            extension_days=5,
            extension_reason=f"5 working days: {name} in hospital",
        )
    )
    db.session.execute(
        insert(AuditEntry.__table__).values(
            actor="officer@example.gov.uk",
            action="complaint.action_added",
            entity_type="complaint",
            entity_id=str(complaint_id),
            changes={"description": f"Ring {name}", "team": "Transport"},
            at=datetime(2016, 5, 4, tzinfo=UTC),
        )
    )
    return complaint_id


def test_0021_finishes_the_erasure_of_complaints_erased_before(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0020"]).exit_code == 0
    with app.app_context():
        erased = _complaint("Perpetua Zanzibar", erased=True)
        kept = _complaint("Ada Quokkason", erased=False)
        db.session.execute(insert(AnalysisModel.__table__).values(examples=1, data={}, notes=""))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()

    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0

    with app.app_context():

        def texts(complaint_id: int) -> str:
            point = select(ComplaintPoint.id).where(ComplaintPoint.complaint_id == complaint_id)
            rows = [
                *db.session.execute(
                    select(ComplaintAction.description, ComplaintAction.evidence).where(
                        ComplaintAction.point_id.in_(point)
                    )
                ),
                *db.session.execute(
                    select(ComplaintStage.extension_reason, ComplaintStage.extension_days).where(
                        ComplaintStage.complaint_id == complaint_id
                    )
                ),
                *db.session.execute(
                    select(AuditEntry.changes).where(AuditEntry.entity_id == str(complaint_id))
                ),
            ]
            return repr(rows)

        assert "Zanzibar" not in texts(erased) and "Perpetua" not in texts(erased)
        assert "'Transport'" in texts(erased) and ", 5)" in texts(erased)
        assert texts(kept).count("Ada Quokkason") == 4  # not erased yet: untouched
        assert db.session.scalar(select(AnalysisModel.id)) is None
        assert "sent_reminders" in inspect(db.engine).get_table_names()
        db.engine.dispose()
