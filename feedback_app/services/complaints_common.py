"""What the complaint services share: their errors, the personal fields and ``audit_safe``.

Every change to a complaint goes through a service (``complaints_records``,
``complaints_stages``, ``complaint_points``), which records an audit entry (old → new
values) in the same transaction and commits. Personal data never goes into the audit
log: for those fields the entry says only that they were given or changed
(``audit_safe``). A complaint erased at the end of its retention period is read-only:
every service refuses to change it (``check_not_erased``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from feedback_app import clock
from feedback_app.models import Complaint
from feedback_app.services import comments
from feedback_app.templating import format_date

AUDITED_FIELDS = (
    "received_on",
    "channel",
    "complainant_name",
    "contact_email",
    "contact_phone",
    "contact_address",
    "relationship_to_child",
    "child_reference",
    "summary",
    "ehcp_stage",
    "officer_id",
)

#: Fields of a complaint that identify the family or are their words. Retention erases
#: them, so the audit log keeps no copy: it says which of them changed, never their values.
PERSONAL_FIELDS = (
    "complainant_name",
    "contact_email",
    "contact_phone",
    "contact_address",
    "child_reference",
    "summary",
)
#: Keys of a complaint's audit entries that would hold personal data: the complaint's
#: personal fields, a point's ``summary``, an action's ``description``, ``notes`` and
#: ``evidence``, and an extension's ``reason`` (all erased by retention).
# Free text an officer writes may name people: "Call Mrs Okafor about Tom's transport" is
# an action's description. The person a compliment praises is kept out of the log too.
# Every other key of a complaint's entries is a code, a date, a number, a team or an id.
PERSONAL_AUDIT_KEYS = frozenset(
    (*PERSONAL_FIELDS, "description", "notes", "reason", "evidence", "person_praised")
)


#: The complainant's own details, which are hidden wherever the complaint's text repeats them.
WRITER_FIELDS = ("complainant_name", "contact_email", "contact_phone")


def complainant(complaint: Complaint) -> comments.WriterDetails:
    """The complainant's name, email and phone number, to hide in the complaint's text."""
    return comments.WriterDetails(
        names=(complaint.complainant_name or "",),
        emails=(complaint.contact_email or "",),
        phones=(complaint.contact_phone or "",),
    )


class ComplaintError(ValueError):
    """A change that the rules do not allow; the message is shown to the officer."""


class AlreadyDoneError(ComplaintError):
    """The change was made already: its form was sent twice, or someone else made it at
    the same moment. Nothing was changed; the message says what the complaint holds now."""


class ErasedError(ComplaintError):
    """The complaint's personal data was erased at the end of its retention period, so it
    can no longer be changed."""


def erased_words(complaint: Complaint) -> str:
    """Say when a complaint was erased, for its page and for a refused change."""
    on = format_date(complaint.erased_at)
    return f"This complaint was erased on {on} under the retention policy"


def check_not_erased(complaint: Complaint) -> None:
    """Refuse every change to an erased complaint (``ErasedError``).

    Erasing keeps only what the reports count. Filling in a new name, email or summary
    afterwards would keep personal data that retention never erases again (it erases a
    complaint once), and new points or dates would change reports of quarters long gone.
    """
    if complaint.erased_at is not None:
        raise ErasedError(f"{erased_words(complaint)}, so it cannot be changed")


def today() -> date:
    """Today's date; one place, so tests and reminders agree."""
    return clock.today()


def audit_safe(values: Mapping[str, Any]) -> dict[str, Any]:
    """Return audit values with personal data replaced by whether it was given or changed.

    An ``{"old", "new"}`` change becomes ``"changed"``; a value becomes ``"given"`` or
    ``"blank"``. Other values (stage, outcome, dates, theme) are kept as they are.
    """
    safe: dict[str, Any] = {}
    for name, value in values.items():
        if name not in PERSONAL_AUDIT_KEYS:
            safe[name] = value
        elif isinstance(value, Mapping):
            safe[name] = "changed"
        else:
            safe[name] = "given" if value else "blank"
    return safe


def apply_changes(record: Any, data: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """Set the ``fields`` that ``data`` changes on ``record``; return them as old → new."""
    changes: dict[str, Any] = {}
    for name in fields:
        if name not in data:
            continue
        old, new = getattr(record, name), data[name]
        if old != new:
            setattr(record, name, new)
            changes[name] = {"old": old, "new": new}
    return changes
