"""Retention: erasing complainants' personal data once the retention period has run.

Themes, outcomes, stages and dates stay, so quarterly reports keep their counts.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask import current_app
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Complaint
from feedback_app.models.complaints import ERASED
from feedback_app.services import audit, comments
from feedback_app.services.complaints import PERSONAL_AUDIT_KEYS, today


def purge_expired(on: date | None = None) -> int:
    """Erase personal data of complaints closed more than the retention period ago; commit.

    Themes, outcomes, stages and dates stay, so reports keep their counts.
    """
    cutoff = (on or today()) - timedelta(days=int(current_app.config["COMPLAINT_RETENTION_DAYS"]))
    query = select(Complaint).where(
        Complaint.closed_on.is_not(None),
        Complaint.closed_on < cutoff,
        Complaint.erased_at.is_(None),
    )
    count = 0
    for complaint in db.session.scalars(query).all():
        erase_personal_data(complaint)
        count += 1
    db.session.commit()
    return count


def erase_personal_data(complaint: Complaint) -> None:
    """Blank the complainant's details and free text, and delete the complaint's comments.

    The complaint's audit entries (its points' and actions' too) lose their copies of
    those values, which entries made before personal data was kept out of the log hold.
    """
    complaint.complainant_name = ERASED
    complaint.contact_email = ""
    complaint.contact_phone = ""
    complaint.contact_address = ""
    complaint.child_reference = ""
    complaint.summary = ERASED
    for point in complaint.points:
        point.summary = ERASED
        for action in point.actions:
            action.notes = ERASED if action.notes else ""
    complaint.erased_at = datetime.now(UTC)
    comments.delete_comments_for("complaint", complaint.id)
    audit.scrub("complaint", complaint.id, PERSONAL_AUDIT_KEYS, ERASED)
    audit.record("complaint.erased", "complaint", complaint.id, reason="retention period ended")
