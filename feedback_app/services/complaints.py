"""Complaint casework: logging complaints and their stage clocks (points: complaint_points).

Every change to a complaint goes through a function here, which records an
audit entry (old → new values) in the same transaction and commits. Personal
data never goes into the audit log: for those fields the entry says only that
they were given or changed (``audit_safe``). Clocks are
in working days (``services.clocks``) from the settings of SPEC §7; after any
change ``refresh`` copies the current stage's next deadline onto the complaint
so that the triage queue can sort by it in SQL.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import current_app

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintStage
from feedback_app.models.complaints import STAGES
from feedback_app.services import audit, comments, edits, once, references
from feedback_app.services.clocks import add_working_days
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


@dataclass(frozen=True)
class ClockSettings:
    """Working-day timescales for one stage."""

    acknowledge_days: int
    respond_days: int
    max_extension_days: int


def clock_settings(stage: str, config: Mapping[str, Any] | None = None) -> ClockSettings | None:
    """Return the timescales for stage ``1`` or ``2`` from settings; None for the ombudsman."""
    config = config if config is not None else current_app.config
    if stage not in ("1", "2"):
        return None
    return ClockSettings(
        acknowledge_days=int(config[f"STAGE{stage}_ACKNOWLEDGE_DAYS"]),
        respond_days=int(config[f"STAGE{stage}_RESPOND_DAYS"]),
        max_extension_days=int(config[f"STAGE{stage}_MAX_EXTENSION_DAYS"]),
    )


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


# --- clocks -------------------------------------------------------------------------------


def new_stage(
    stage: str, started_on: date, config: Mapping[str, Any] | None = None
) -> ComplaintStage:
    """Make a stage record with its clock: acknowledge-by, and a provisional respond-by."""
    if stage not in STAGES:
        raise ComplaintError("Select stage 1, stage 2 or ombudsman")
    record = ComplaintStage(
        stage=stage, started_on=started_on, extension_days=0, extension_reason=""
    )
    settings = clock_settings(stage, config)
    if settings is not None:
        record.acknowledge_by = add_working_days(started_on, settings.acknowledge_days)
        _set_respond_by(record, settings)
    return record


def _set_respond_by(record: ComplaintStage, settings: ClockSettings) -> None:
    record.respond_by = _respond_by(record, settings, record.extension_days)


def _respond_by(record: ComplaintStage, settings: ClockSettings, extension_days: int) -> date:
    # The response clock runs from acknowledgement (LGSCO code); until then, from the
    # latest day acknowledgement was due, so the queue never shows a deadline too late.
    base = record.acknowledged_on or record.acknowledge_by
    assert base is not None
    return add_working_days(base, settings.respond_days + extension_days)


def refresh(complaint: Complaint) -> None:
    """Copy the current stage's state and next deadline onto the complaint for the queue."""
    current = complaint.current_stage
    if complaint.closed_on is not None:
        complaint.state, complaint.due_on = "closed", None
    elif current is None:
        complaint.state, complaint.due_on = "awaiting_acknowledgement", None
    elif current.responded_on is not None:
        complaint.state, complaint.due_on = "responded", None
    elif current.acknowledge_by is not None and current.acknowledged_on is None:
        complaint.state, complaint.due_on = "awaiting_acknowledgement", current.acknowledge_by
    else:
        complaint.state, complaint.due_on = "awaiting_response", current.respond_by
    if current is not None:
        complaint.stage = current.stage


# --- logging and editing ------------------------------------------------------------------


def create_complaint(
    data: Mapping[str, Any], *, source: str = "staff", submission_token: str | None = None
) -> Complaint:
    """Log a complaint, start its clock, analyse its text, audit it and commit."""
    complaint = Complaint(
        reference=f"pending-{uuid.uuid4().hex[:20]}", submission_token=submission_token
    )
    for name in AUDITED_FIELDS:
        if name in data and data[name] is not None:
            setattr(complaint, name, data[name])
    stage = str(data.get("stage") or "1")
    complaint.stages.append(new_stage(stage, complaint.received_on))
    refresh(complaint)
    db.session.add(complaint)
    db.session.flush()
    references.assign(complaint, references.COMPLAINT_PREFIX)
    comments.record_comment(
        source="complaint",
        source_id=complaint.id,
        text=complaint.summary,
        received_on=complaint.received_on,
        writer=complainant(complaint),
    )
    audit.record(
        "complaint.created",
        "complaint",
        complaint.id,
        source=source,
        stage=stage,
        **audit_safe({name: getattr(complaint, name) for name in AUDITED_FIELDS}),
    )
    db.session.commit()
    return complaint


def create_public_complaint(data: Mapping[str, Any], *, submission_token: str | None) -> Complaint:
    """Log a complaint sent from the public form, once per form.

    A form sent again with the same token (a double click, or Back then Send) gets
    the complaint its first sending made, and nothing new is created: no second
    reference, clock or safeguarding flag (``once.make_once``).
    """
    return once.make_once(
        Complaint,
        submission_token,
        lambda: create_complaint(data, source="public", submission_token=submission_token),
    ).record


def log_complaint(data: Mapping[str, Any], *, submission_token: str | None) -> once.Made[Complaint]:
    """Log a complaint from the officer's form, once per form (as ``create_public_complaint``)."""
    return once.make_once(
        Complaint,
        submission_token,
        lambda: create_complaint(data, submission_token=submission_token),
    )


def update_complaint(
    complaint: Complaint, data: Mapping[str, Any], *, version: int | None
) -> dict[str, Any]:
    """Change a complaint's details, if it is still at ``version`` (the one the officer's
    page showed: ``edits.EditConflict`` otherwise, and nothing is saved); commit.

    The audit entry has each changed field as old → new, except personal fields, which
    it names as changed without their values.
    """
    with edits.saving(complaint, version, "complaint"):
        return _update_complaint(complaint, data)


def _update_complaint(complaint: Complaint, data: Mapping[str, Any]) -> dict[str, Any]:
    received = data.get("received_on")
    if received is not None and received != complaint.received_on:
        _check_received_on(complaint, received)
    changes = apply_changes(complaint, data, AUDITED_FIELDS)
    if not changes:
        return changes
    if "received_on" in changes and len(complaint.stages) == 1:
        # The first clock runs from the day it was received: restart it on the new date.
        first = complaint.stages[0]
        replacement = new_stage(first.stage, complaint.received_on)
        for name in ("acknowledge_by", "respond_by", "started_on"):
            setattr(first, name, getattr(replacement, name))
        settings = clock_settings(first.stage)
        if settings:
            _set_respond_by(first, settings)
    if changes.keys() & {"summary", "received_on", *WRITER_FIELDS}:
        comments.record_comment(
            source="complaint",
            source_id=complaint.id,
            text=complaint.summary,
            received_on=complaint.received_on,
            writer=complainant(complaint),
        )
    refresh(complaint)
    audit.record("complaint.updated", "complaint", complaint.id, **audit_safe(changes))
    db.session.commit()
    return changes


def _check_received_on(complaint: Complaint, received: date) -> None:
    """Refuse a date received after anything that happened to the complaint since."""
    later: list[tuple[date | None, str]] = [(complaint.closed_on, "it was closed")]
    for stage in complaint.stages:
        later += [
            (stage.acknowledged_on, "it was acknowledged"),
            (stage.responded_on, "the response"),
        ]
    later += [(stage.started_on, f"stage {stage.stage} started") for stage in complaint.stages[1:]]
    broken = sorted((when, what) for when, what in later if when is not None and received > when)
    if broken:
        when, what = broken[0]  # the earliest: a date before it satisfies all the others too
        raise ComplaintError(
            f"The date the complaint was received must be on or before {what}, {format_date(when)}"
        )


def apply_changes(record: Any, data: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in fields:
        if name not in data:
            continue
        old, new = getattr(record, name), data[name]
        if old != new:
            setattr(record, name, new)
            changes[name] = {"old": old, "new": new}
    return changes


def get_complaint(complaint_id: int) -> Complaint | None:
    """Load a complaint (without auditing: use ``view_complaint`` for pages)."""
    return db.session.get(Complaint, complaint_id)


def view_complaint(complaint_id: int, page: str = "details") -> Complaint | None:
    """Load a complaint for a person to read, and record that they saw it."""
    complaint = db.session.get(Complaint, complaint_id)
    if complaint is not None:
        audit.record("complaint.viewed", "complaint", complaint.id, page=page)
        db.session.commit()
    return complaint


# --- stage clocks -------------------------------------------------------------------------


def _current(complaint: Complaint) -> ComplaintStage:
    current = complaint.current_stage
    if current is None:
        raise ComplaintError("This complaint has no stage")
    return current


def _open_stage(complaint: Complaint, doing: str) -> ComplaintStage:
    # A closed complaint's figures are settled: changing them would rewrite the
    # "responded on time" counts of a quarter already reported. Escalating reopens it.
    if complaint.closed_on is not None:
        raise ComplaintError(
            f"This complaint was closed on {format_date(complaint.closed_on)}, "
            f"so you cannot {doing}"
        )
    return _current(complaint)


def acknowledge(complaint: Complaint, on: date) -> None:
    """Record the acknowledgement of the current stage; the response clock starts from it."""
    current = _open_stage(complaint, "record an acknowledgement")
    if current.responded_on is not None:
        # Acknowledging again would move respond-by after the response was judged on it.
        raise ComplaintError(
            f"Stage {current.stage} already has a response, recorded on "
            f"{format_date(current.responded_on)}, so its acknowledgement cannot be changed"
        )
    if on < current.started_on:
        raise ComplaintError("The date acknowledged must be on or after the stage started")
    old = current.acknowledged_on
    current.acknowledged_on = on
    settings = clock_settings(current.stage)
    if settings:
        _set_respond_by(current, settings)
    refresh(complaint)
    audit.record(
        "complaint.acknowledged",
        "complaint",
        complaint.id,
        stage=current.stage,
        acknowledged_on={"old": old, "new": on},
        respond_by=current.respond_by,
    )
    db.session.commit()


def respond(complaint: Complaint, on: date) -> None:
    """Record the response to the current stage."""
    current = _open_stage(complaint, "record a response")
    if on < current.started_on:
        raise ComplaintError("The date of the response must be on or after the stage started")
    if current.acknowledged_on is not None and on < current.acknowledged_on:
        raise ComplaintError(
            "The date of the response must be on or after the date acknowledged, "
            f"{format_date(current.acknowledged_on)}"
        )
    old = current.responded_on
    if current.acknowledged_on is None and current.stage in ("1", "2"):
        # A full response acknowledges the complaint too.
        current.acknowledged_on = on
    current.responded_on = on
    refresh(complaint)
    audit.record(
        "complaint.responded",
        "complaint",
        complaint.id,
        stage=current.stage,
        responded_on={"old": old, "new": on},
    )
    db.session.commit()


def extend(complaint: Complaint, days: int, reason: str, *, deadline: date | None = None) -> None:
    """Extend the response deadline by ``days`` working days, up to the stage's maximum.

    ``deadline`` is the deadline the officer's form set out to extend. When the deadline
    is no longer that one (the form was sent twice, or someone else extended it at the
    same time) nothing changes: extending it again would stack a second extension, and
    the reason twice, on a deadline the officer has not seen.
    """
    current = _open_stage(complaint, "extend its response deadline")
    settings = clock_settings(current.stage)
    if settings is None:
        raise ComplaintError("The ombudsman stage has no clock to extend")
    if current.responded_on is not None:
        # Extending now would turn a late response into one "on time" in the report.
        raise ComplaintError(
            f"Stage {current.stage} already has a response, recorded on "
            f"{format_date(current.responded_on)}, so its deadline cannot be extended"
        )
    _check_deadline(current, deadline)
    if days < 1:
        raise ComplaintError("Extension must be 1 working day or more")
    if not reason.strip():
        raise ComplaintError("Enter the reason for the extension")
    allowed = settings.max_extension_days - current.extension_days
    if days > allowed:
        raise ComplaintError(
            f"Extension must be {allowed} working days or fewer: stage {current.stage} "
            f"may be extended by {settings.max_extension_days} working days in total"
        )
    old_by, old_days = current.respond_by, current.extension_days
    reasons = [current.extension_reason, f"{_working_days(days)}: {reason.strip()}"]
    extended = once.claim(
        ComplaintStage,
        current.id,
        {"respond_by": old_by, "extension_days": old_days},
        {
            "extension_days": old_days + days,
            "extension_reason": "\n".join(r for r in reasons if r),
            "respond_by": _respond_by(current, settings, old_days + days),
        },
    )
    if not extended:  # another request changed the deadline after this one read it
        db.session.rollback()
        _check_deadline(current, old_by)
        raise AlreadyDoneError(STALE_FORM)
    refresh(complaint)
    audit.record(
        "complaint.extended",
        "complaint",
        complaint.id,
        **audit_safe(
            {
                "stage": current.stage,
                "days": days,
                "reason": reason.strip(),
                "respond_by": {"old": old_by, "new": current.respond_by},
            }
        ),
    )
    db.session.commit()


def _working_days(days: int) -> str:
    return f"{days} working day{'s' if days != 1 else ''}"


_EXTENSION_LINE = re.compile(r"^\d+ working days?: ")


def describe_extension(stage: ComplaintStage) -> str:
    """Say how far a stage's deadline was extended and why, each reason once.

    Each extension's reason is kept as "10 working days: reason", one line each; a
    single one reads "Extended by 10 working days: reason", several are listed under
    their total. Blank when the deadline was never extended.
    """
    if not stage.extension_days:
        return ""
    total = _working_days(stage.extension_days)
    lines = [line.strip() for line in (stage.extension_reason or "").splitlines() if line.strip()]
    if not lines:
        return f"Extended by {total}"
    if len(lines) == 1:
        return f"Extended by {total}: {_EXTENSION_LINE.sub('', lines[0])}"
    return "\n".join([f"Extended by {total} in all:", *lines])


def _check_deadline(current: ComplaintStage, deadline: date | None) -> None:
    if deadline is not None and current.respond_by != deadline:
        raise AlreadyDoneError(
            f"The response deadline is now {format_date(current.respond_by)}: it changed "
            "after this form was opened (it may already have been extended), so nothing "
            "was changed"
        )


#: What an officer is told when a form does not say what it changes (a page from before
#: forms said so, or one changed by hand).
STALE_FORM = "This form is out of date: go back to the complaint and try again"
_ESCALATED_TO = {"1": "stage 2", "2": "the ombudsman"}


def escalate(
    complaint: Complaint, on: date, reference: str = "", *, from_stage: str | None = None
) -> ComplaintStage:
    """Move the complaint to the next stage (1 → 2 → ombudsman), starting new clocks.

    ``from_stage`` is the stage the officer's form escalates from. A complaint already
    past it (the form was sent twice, or someone else escalated it at the same time) is
    left as it is: escalating it again would skip a stage.
    """
    current = _current(complaint)
    _check_stage(current.stage, from_stage)
    following = {"1": "2", "2": "ombudsman"}.get(current.stage)
    if following is None:
        raise ComplaintError("A complaint with the ombudsman cannot be escalated further")
    if on < current.started_on:
        raise ComplaintError("The date escalated must be on or after the current stage started")
    was = current.stage
    if not once.claim(Complaint, complaint.id, {"stage": was}, {"stage": following}):
        db.session.rollback()  # another request escalated it after this one read it
        _check_stage(complaint.stage, was)
        raise AlreadyDoneError(STALE_FORM)
    record = new_stage(following, on)
    record.reference = reference
    complaint.stages.append(record)
    old_closed = complaint.closed_on
    complaint.closed_on = None
    refresh(complaint)
    audit.record(
        "complaint.escalated",
        "complaint",
        complaint.id,
        stage={"old": was, "new": following},
        started_on=on,
        closed_on={"old": old_closed, "new": None},
    )
    db.session.commit()
    return record


def _check_stage(stage: str, from_stage: str | None) -> None:
    if from_stage is None or from_stage == stage:
        return
    if from_stage in _ESCALATED_TO and STAGES.index(from_stage) < STAGES.index(stage):
        raise AlreadyDoneError(
            f"This complaint has already been escalated to {_ESCALATED_TO[from_stage]}"
        )
    raise ComplaintError(STALE_FORM)


class UnfinishedWorkError(ComplaintError):
    """Closing would leave work unfinished, and the officer has not said they mean to."""


#: What the officer is asked to confirm on the close page, and told when they have not.
CONFIRM_UNFINISHED = "Confirm that you want to close the complaint with this work unfinished"


def unfinished_work(complaint: Complaint) -> list[str]:
    """Say what is still to do on a complaint, one sentence each; empty when nothing is.

    A complaint may be closed with work unfinished (the family withdrew it, say), but
    only once the officer has seen this list and confirmed it.
    """
    work: list[str] = []
    current = complaint.current_stage
    if current is not None and current.responded_on is None:
        at = "the ombudsman stage" if current.stage == "ombudsman" else current.label.lower()
        work.append(f"No response has been recorded at {at}.")
    if not complaint.points:
        work.append("The complaint has not been split into points.")
    for point in complaint.points:
        name = f"Point {point.position}"
        if point.outcome == "pending":
            work.append(f"{name} has no outcome yet: it is pending.")
        elif point.needs_actions and not point.actions:
            work.append(f"{name} was {point.outcome_label.lower()} but has no actions.")
        for action in point.actions:
            if action.status == "open":
                work.append(
                    f"An action for {name.lower()} is still open, due "
                    f"{format_date(action.due_on)}: {_shorten(action.description)}"
                )
    return work


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def close(complaint: Complaint, on: date, *, confirmed_unfinished: bool | None = None) -> None:
    """Close the complaint; its retention period runs from this date.

    ``confirmed_unfinished`` is whether the officer confirmed closing it with work
    unfinished (``unfinished_work``): when False and work is unfinished, nothing is
    closed (``UnfinishedWorkError``). None, for imports and scripts, does not ask.
    """
    if complaint.closed_on is not None:
        raise ComplaintError("This complaint is already closed")
    if on < complaint.received_on:
        raise ComplaintError("The date closed must be on or after the date received")
    current = complaint.current_stage
    if current is not None and on < current.started_on:
        raise ComplaintError(
            f"The date closed must be on or after stage {current.stage} started, "
            f"{format_date(current.started_on)}"
        )
    if current is not None and current.responded_on is not None and on < current.responded_on:
        raise ComplaintError(
            f"The date closed must be on or after the response, {format_date(current.responded_on)}"
        )
    if confirmed_unfinished is False and unfinished_work(complaint):
        raise UnfinishedWorkError(CONFIRM_UNFINISHED)
    complaint.closed_on = on
    refresh(complaint)
    audit.record("complaint.closed", "complaint", complaint.id, closed_on={"old": None, "new": on})
    db.session.commit()


# --- points -------------------------------------------------------------------------------
