"""A complaint's stages: acknowledge, respond, extend, escalate and close.

Each checks its date against what already happened to the complaint, changes the
current stage, calls ``refresh`` and records an audit entry. A closed complaint's
stages cannot change until it is escalated, and an erased one's never can. Extending
and escalating say what they change from (the deadline, the stage), so a form sent
twice changes things once (``once.claim``) and the repeat is told
``AlreadyDoneError``'s message.
"""

from __future__ import annotations

import re
from datetime import date

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintStage
from feedback_app.models.complaints import STAGES
from feedback_app.services import audit, once
from feedback_app.services.complaints_clocks import (
    clock_settings,
    new_stage,
    refresh,
    respond_by_date,
    set_respond_by,
)
from feedback_app.services.complaints_common import (
    AlreadyDoneError,
    ComplaintError,
    audit_safe,
    check_not_erased,
)
from feedback_app.templating import format_date


def _current(complaint: Complaint) -> ComplaintStage:
    current = complaint.current_stage
    if current is None:
        raise ComplaintError("This complaint has no stage")
    return current


def _open_stage(complaint: Complaint, doing: str) -> ComplaintStage:
    check_not_erased(complaint)
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
        set_respond_by(current, settings)
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
            "respond_by": respond_by_date(current, settings, old_days + days),
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
    check_not_erased(complaint)
    current = _current(complaint)
    _check_stage(current.stage, from_stage)
    following = {"1": "2", "2": "ombudsman"}.get(current.stage)
    if following is None:
        raise ComplaintError("A complaint with the ombudsman cannot be escalated further")
    _check_escalation_date(complaint, current, on)
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


def _check_escalation_date(complaint: Complaint, current: ComplaintStage, on: date) -> None:
    """Refuse an escalation dated before what it follows.

    The next stage starts after the last thing recorded at this one: its response, or
    else its acknowledgement, or else its start (a complainant may escalate a complaint
    nobody answered). A closed complaint reopens on a date after it was closed, or it
    would reopen with its clocks already run out.
    """
    after = [
        (current.started_on, f"stage {current.stage} started"),
        (current.acknowledged_on, f"stage {current.stage} was acknowledged"),
        (current.responded_on, f"the response at stage {current.stage}"),
        (complaint.closed_on, "the complaint was closed"),
    ]
    broken = [(when, what) for when, what in after if when is not None and on < when]
    if broken:
        when, what = max(broken)  # the latest: a date after it is after all the others too
        raise ComplaintError(f"The date escalated must be on or after {what}, {format_date(when)}")


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
    check_not_erased(complaint)
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
