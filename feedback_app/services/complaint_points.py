"""Complaint points and the actions given to services for upheld ones.

A point is one issue within a complaint, with its own theme and outcome; every
upheld or partially upheld point gets actions that are followed until done, even after
the complaint is closed. Every change is audited and committed here, as in
``services.complaints``; an erased complaint's points and actions never change.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintAction, ComplaintPoint, Theme
from feedback_app.models.complaints import OUTCOMES
from feedback_app.services import audit, comments, edits, improvements, once
from feedback_app.services.complaints import (
    AlreadyDoneError,
    ComplaintError,
    apply_changes,
    audit_safe,
    check_not_erased,
)
from feedback_app.templating import format_date

ACTION_FIELDS = (
    "description",
    "team",
    "owner",
    "owner_email",
    "due_on",
    "notes",
    "you_said_we_did",
)


def active_themes() -> list[Theme]:
    """Themes an officer may choose (not retired), in taxonomy order."""
    return list(db.session.scalars(select(Theme).where(~Theme.retired).order_by(Theme.position)))


def get_theme(slug: str) -> Theme | None:
    """Load a theme by its slug, retired or not."""
    return db.session.scalar(select(Theme).where(Theme.slug == slug))


def suggest_themes(text: str) -> list[str]:
    """Suggest themes for a point from its text, with the analyser the comments use."""
    if not text.strip():
        return []
    return list(comments.AnalysisContext.load().analyse(text).themes)


def add_point(
    complaint: Complaint,
    *,
    theme: str,
    summary: str,
    outcome: str = "pending",
    submission_token: str | None = None,
) -> ComplaintPoint:
    """Add a point to a complaint, audited; commit.

    ``submission_token`` is the one-time token of the form that adds it: see
    ``add_point_once``. A closed complaint takes no new points until it is escalated:
    its points are counted in a quarter's report already.
    """
    check_not_erased(complaint)
    if complaint.closed_on is not None:
        raise ComplaintError(
            f"This complaint was closed on {format_date(complaint.closed_on)}, so you cannot "
            "add a point. Escalate it if the complainant has raised something new"
        )
    _check_point(theme, outcome)
    point = ComplaintPoint(
        theme=theme,
        summary=summary,
        outcome=outcome,
        stage=complaint.stage,
        position=len(complaint.points) + 1,
        submission_token=submission_token,
    )
    complaint.points.append(point)
    db.session.flush()
    audit.record(
        "complaint.point_added",
        "complaint",
        complaint.id,
        point_id=point.id,
        theme=theme,
        outcome=outcome,
        **audit_safe({"summary": summary}),
    )
    db.session.commit()
    return point


def add_point_once(
    complaint: Complaint, *, theme: str, summary: str, outcome: str, submission_token: str | None
) -> once.Made[ComplaintPoint]:
    """Add a point from the officer's form, once per form: the form sent again gets the
    point it added the first time (a point added twice is counted twice in the report)."""
    return once.make_once(
        ComplaintPoint,
        submission_token,
        lambda: add_point(
            complaint,
            theme=theme,
            summary=summary,
            outcome=outcome,
            submission_token=submission_token,
        ),
    )


def update_point(
    point: ComplaintPoint, *, theme: str, summary: str, outcome: str, version: int | None
) -> dict[str, Any]:
    """Change a point's theme, summary or outcome, audited as old → new, if it is still at
    ``version`` (the one the officer's page showed: ``edits.EditConflict`` otherwise, and
    nothing is saved); commit.

    A point may keep a theme retired since it was chosen, but not move to another one.
    """
    check_not_erased(point.complaint)
    with edits.saving(point, version, "point"):
        _check_point(theme, outcome, current=point.theme)
        changes = apply_changes(
            point,
            {"theme": theme, "summary": summary, "outcome": outcome},
            ("theme", "summary", "outcome"),
        )
        if changes:
            audit.record(
                "complaint.point_updated",
                "complaint",
                point.complaint_id,
                point_id=point.id,
                **audit_safe(changes),
            )
            db.session.commit()
        return changes


def _check_point(theme: str, outcome: str, current: str | None = None) -> None:
    if outcome not in OUTCOMES:
        raise ComplaintError("Select the outcome of the point")
    found = get_theme(theme)
    if found is None or (found.retired and theme != current):
        raise ComplaintError("Select a theme")


# --- actions ------------------------------------------------------------------------------


class DueDateError(ComplaintError):
    """An action's agreed due date that the rules refuse; the message is for the form."""


def _check_due_on(point: ComplaintPoint, due_on: date | None) -> None:
    # An action agreed before the complaint arrived is a mistyped year, and an overdue
    # one is reminded of every day: refuse it, as completing one before receipt is.
    received = point.complaint.received_on
    if due_on is not None and due_on < received:
        raise DueDateError(
            "The agreed due date must be on or after the complaint was received, "
            f"{format_date(received)}"
        )


def add_action(
    point: ComplaintPoint, data: Mapping[str, Any], *, submission_token: str | None = None
) -> ComplaintAction:
    """Give an action to a service for an upheld or partially upheld point; commit.

    A closed complaint may still be given actions: an upheld point is followed up until
    its actions are done, which may be after the complaint was answered and closed.
    """
    check_not_erased(point.complaint)
    if not point.needs_actions:
        raise ComplaintError("Actions are for points that were upheld or partially upheld")
    _check_due_on(point, data.get("due_on"))
    action = ComplaintAction(
        status="open",
        notes="",
        evidence="",
        owner_email="",
        team="",
        owner="",
        submission_token=submission_token,
    )
    apply_changes(action, data, ACTION_FIELDS)
    point.actions.append(action)
    db.session.flush()
    audit.record(
        "complaint.action_added",
        "complaint",
        point.complaint_id,
        action_id=action.id,
        point_id=point.id,
        **audit_safe({name: getattr(action, name) for name in ACTION_FIELDS}),
    )
    db.session.commit()
    return action


def add_action_once(
    point: ComplaintPoint, data: Mapping[str, Any], submission_token: str | None
) -> once.Made[ComplaintAction]:
    """Give an action from the officer's form, once per form (as ``add_point_once``)."""
    return once.make_once(
        ComplaintAction,
        submission_token,
        lambda: add_action(point, data, submission_token=submission_token),
    )


def update_action(action: ComplaintAction, data: Mapping[str, Any]) -> dict[str, Any]:
    """Change an action's details, audited; commit.

    A new due date must be on or after the complaint was received (``DueDateError``);
    one saved before that rule is left as it is while other details change. Once an
    action is done its due date stays as it was (``DueDateError`` too): the report counts
    actions done by their agreed date, and moving the date afterwards would turn a late
    one into one on time.
    """
    check_not_erased(action.point.complaint)
    if "due_on" in data and data["due_on"] != action.due_on:
        if action.status == "done":
            raise DueDateError(
                f"This action was marked as done on {format_date(action.completed_on)}, so "
                f"its agreed due date, {format_date(action.due_on)}, cannot be changed"
            )
        _check_due_on(action.point, data["due_on"])
    changes = apply_changes(action, data, ACTION_FIELDS)
    if changes:
        audit.record(
            "complaint.action_updated",
            "complaint",
            action.point.complaint_id,
            action_id=action.id,
            **audit_safe(changes),
        )
        improvements.follow_action(action)
        db.session.commit()
    return changes


def complete_action(action: ComplaintAction, on: date, evidence: str) -> None:
    """Mark an action done, with the evidence that it was; commit.

    Done once: marking it again would overwrite the date and evidence recorded. Of two
    officers marking it done at the same moment, the first keeps their evidence and the
    second is told it was done already.
    """
    check_not_erased(action.point.complaint)
    _check_not_done(action)
    received = action.point.complaint.received_on
    if on < received:
        raise ComplaintError(
            "The date the action was completed must be on or after the complaint was "
            f"received, {format_date(received)}"
        )
    if not evidence.strip():
        raise ComplaintError("Enter the evidence that the action was done")
    old = {
        "status": action.status,
        "completed_on": action.completed_on,
        "evidence": action.evidence,
    }
    done = once.claim(
        ComplaintAction,
        action.id,
        {"status": action.status, "completed_on": action.completed_on},
        {"status": "done", "completed_on": on, "evidence": evidence.strip()},
    )
    if not done:  # another request marked it done after this one read it
        db.session.rollback()
        _check_not_done(action)
        raise AlreadyDoneError("This action was already changed: go back and check it")
    audit.record(
        "complaint.action_completed",
        "complaint",
        action.point.complaint_id,
        action_id=action.id,
        **audit_safe({name: {"old": old[name], "new": getattr(action, name)} for name in old}),
    )
    # A "you said, we did" entry made from this action says "done" too (unless staff
    # set its status by hand).
    improvements.follow_action(action)
    db.session.commit()


def _check_not_done(action: ComplaintAction) -> None:
    if action.status == "done" and action.completed_on is not None:
        raise AlreadyDoneError(
            f"This action was already marked as done on {format_date(action.completed_on)}"
        )


def get_action(action_id: int) -> ComplaintAction | None:
    """Load one action."""
    return db.session.get(ComplaintAction, action_id)
