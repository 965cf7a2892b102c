"""Retention for survey data: contact details and abandoned drafts do not live for ever.

Responses themselves are anonymous and kept; what is personal (the contact details
a family chose to leave) is erased after SURVEY_CONTACT_RETENTION_DAYS, and drafts
nobody came back to are deleted after DRAFT_RETENTION_DAYS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import delete, or_, select, update

from feedback_app.extensions import db
from feedback_app.models import Answer, Response
from feedback_app.services import audit


@dataclass(frozen=True)
class SurveyPurge:
    """How many responses lost their contact details, and how many drafts were deleted."""

    contacts_erased: int
    drafts_deleted: int


def purge_expired(now: datetime | None = None) -> SurveyPurge:
    """Erase expired contact details and delete expired drafts, then commit."""
    now = now or datetime.now(UTC)
    contact_cutoff = now - timedelta(days=current_app.config["SURVEY_CONTACT_RETENTION_DAYS"])
    draft_cutoff = now - timedelta(days=current_app.config["DRAFT_RETENTION_DAYS"])

    has_contact = or_(
        Response.contact_name.is_not(None),
        Response.contact_email.is_not(None),
        Response.contact_phone.is_not(None),
    )
    erased = db.session.execute(  # type: ignore[attr-defined]
        update(Response)
        .where(Response.status == "submitted", Response.submitted_at < contact_cutoff, has_contact)
        .values(contact_name=None, contact_email=None, contact_phone=None)
        .execution_options(synchronize_session=False)
    ).rowcount

    stale = select(Response.id).where(
        Response.status == "draft", Response.updated_at < draft_cutoff
    )
    stale_ids = list(db.session.scalars(stale))
    if stale_ids:
        db.session.execute(delete(Answer).where(Answer.response_id.in_(stale_ids)))
        db.session.execute(delete(Response).where(Response.id.in_(stale_ids)))
    if erased or stale_ids:
        audit.record(
            "surveys.retention_purge",
            "responses",
            "-",
            contacts_erased=erased,
            drafts=len(stale_ids),
        )
    db.session.commit()
    return SurveyPurge(contacts_erased=erased or 0, drafts_deleted=len(stale_ids))
