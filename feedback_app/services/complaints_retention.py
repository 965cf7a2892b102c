"""Retention: erasing complainants' personal data once the retention period has run.

Themes, outcomes, stages, teams and dates stay, so quarterly reports keep their counts.
Every free-text field of the complaint, its points, actions and stages goes: officers
write the family's names and circumstances into action descriptions, evidence and
extension reasons as readily as into the summary. "You said, we did" entries written from
its actions stay published, with the complainant's details hidden in them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Select, func, select

from feedback_app.analysis.redaction import phrase_shown
from feedback_app.extensions import db
from feedback_app.models import Complaint
from feedback_app.models.complaints import ERASED
from feedback_app.services import audit, comments, improvements, retention_periods
from feedback_app.services.complaints import PERSONAL_AUDIT_KEYS, complainant, today


def _expired(on: date | None) -> Select[tuple[Complaint]]:
    """Complaints closed before the retention period and not yet erased."""
    period = retention_periods.days("COMPLAINT_RETENTION_DAYS")
    cutoff = (on or today()) - timedelta(days=period)
    return select(Complaint).where(
        Complaint.closed_on.is_not(None),
        Complaint.closed_on < cutoff,
        Complaint.erased_at.is_(None),
    )


def count_expired(on: date | None = None) -> int:
    """How many complaints ``purge_expired`` would erase, changing nothing (``--dry-run``)."""
    query = _expired(on).with_only_columns(func.count()).order_by(None)
    return db.session.scalar(query) or 0


def purge_expired(on: date | None = None) -> int:
    """Erase personal data of complaints closed more than the retention period ago; commit.

    Themes, outcomes, stages and dates stay, so reports keep their counts. Raises
    ``retention_periods.RetentionSettingError`` (erasing nothing) for a bad setting.
    """
    count = 0
    for complaint in db.session.scalars(_expired(on)).all():
        erase_personal_data(complaint)
        count += 1
    db.session.commit()
    return count


def _erased(text: str | None) -> str:
    """What a free-text field holds once erased: a marker if there was text, else nothing."""
    return ERASED if text else ""


def erase_personal_data(complaint: Complaint) -> None:
    """Blank the complainant's details and every free text of the complaint, its points,
    actions and stages, and delete the complaint's comments.

    The complaint's audit entries (its points' and actions' too) lose their copies of
    those values, which entries made before personal data was kept out of the log hold.
    "You said, we did" entries written from its actions lose the complainant's details.
    """
    # First, while the complaint still says who the complainant is.
    improvements.hide_complainant_details(
        [action.id for point in complaint.points for action in point.actions],
        _details_finder(complaint),
    )
    complaint.complainant_name = ERASED
    complaint.contact_email = ""
    complaint.contact_phone = ""
    complaint.contact_address = ""
    complaint.child_reference = ""
    complaint.summary = ERASED
    for point in complaint.points:
        point.summary = ERASED
        for action in point.actions:
            # The team, dates and status stay: reports count actions done on time.
            action.description = ERASED
            action.notes = _erased(action.notes)
            action.evidence = _erased(action.evidence)
    for stage in complaint.stages:
        # The number of days stays (the clock's figures); the reason is the officer's words.
        stage.extension_reason = _erased(stage.extension_reason)
    complaint.erased_at = datetime.now(UTC)
    # A complaint's comment is its summary, analysed: its text, redacted text and hidden
    # phrases (the complainant's own details) all go with it.
    comments.delete_comments_for("complaint", complaint.id)
    audit.scrub("complaint", complaint.id, PERSONAL_AUDIT_KEYS, ERASED)
    audit.record("complaint.erased", "complaint", complaint.id, reason="retention period ended")


def _details_finder(complaint: Complaint) -> Callable[[str], list[list[str]]]:
    """What the complaint holds about the family, as a function giving the (phrase, kind)
    pairs a text repeats: the complainant's name (whole and part by part), email and phone
    number, the child's case reference, and the lines of the address with a number in
    them (a house, with and without its number, or a postcode; a town alone names no
    one)."""
    writer = complainant(complaint)
    others = [[complaint.child_reference.strip(), "reference"]]
    for line in re.split(r"[\n,]", complaint.contact_address or ""):
        line = " ".join(line.split())
        if any(ch.isdigit() for ch in line):
            street = re.sub(r"^\d+[a-z]?\s+", "", line, flags=re.IGNORECASE)
            others += [[line, "address"]] + ([[street, "address"]] if street != line else [])

    def details_in(text: str) -> list[list[str]]:
        found = writer.found_in(text)
        return found + [pair for pair in others if pair[0] and phrase_shown(text, pair[0])]

    return details_in
