"""Logging a complaint, changing its details, and loading it for a page.

A complaint is logged once per form (``once.make_once``), from the officer's form or
the public one; its text is analysed as a comment with the complainant's details
hidden. Changing its details checks the version the officer's page showed
(``edits.saving``), and a new date received moves the first stage's clock, even after
escalation. An erased complaint's details cannot be changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from feedback_app.extensions import db
from feedback_app.models import Complaint
from feedback_app.services import audit, comments, edits, once, references
from feedback_app.services.clocks import add_working_days
from feedback_app.services.complaints_clocks import (
    clock_settings,
    new_stage,
    refresh,
    set_respond_by,
)
from feedback_app.services.complaints_common import (
    AUDITED_FIELDS,
    WRITER_FIELDS,
    ComplaintError,
    apply_changes,
    audit_safe,
    check_not_erased,
    complainant,
)
from feedback_app.templating import format_date


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
    check_not_erased(complaint)
    with edits.saving(complaint, version, "complaint"):
        return _update_complaint(complaint, data)


def _update_complaint(complaint: Complaint, data: Mapping[str, Any]) -> dict[str, Any]:
    received = data.get("received_on")
    if received is not None and received != complaint.received_on:
        _check_received_on(complaint, received)
    changes = apply_changes(complaint, data, AUDITED_FIELDS)
    if not changes:
        return changes
    audited = dict(changes)
    if "received_on" in changes and complaint.stages:
        audited.update(_restart_first_clock(complaint))
    if changes.keys() & {"summary", "received_on", *WRITER_FIELDS}:
        comments.record_comment(
            source="complaint",
            source_id=complaint.id,
            text=complaint.summary,
            received_on=complaint.received_on,
            writer=complainant(complaint),
        )
    refresh(complaint)
    audit.record("complaint.updated", "complaint", complaint.id, **audit_safe(audited))
    db.session.commit()
    return changes


def _restart_first_clock(complaint: Complaint) -> dict[str, Any]:
    """Move the first stage's clock to the date received; return its dates as old → new.

    The first clock runs from the day the complaint was received, escalated since or
    not: a corrected date received moves when it started and when acknowledgement was
    due, and so whether it was acknowledged on time in the report. The response clock
    runs from the acknowledgement once there is one, so a recorded response is judged
    as before. (``_check_received_on`` has refused a date after anything recorded.)
    """
    first = complaint.stages[0]
    clock = {"started_on": complaint.received_on}
    settings = clock_settings(first.stage)
    if settings is not None:
        clock["acknowledge_by"] = add_working_days(complaint.received_on, settings.acknowledge_days)
    changes = apply_changes(first, clock, ("started_on", "acknowledge_by"))
    if settings is not None:
        old = first.respond_by
        set_respond_by(first, settings)
        if first.respond_by != old:
            changes["respond_by"] = {"old": old, "new": first.respond_by}
    # Kept apart, so the entry is not read as a change of the current stage.
    return {"first_stage_clock": changes} if changes else {}


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
