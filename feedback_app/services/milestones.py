"""Milestones of a "you said, we did" entry: changing one (marking it done) and removing one.

A milestone is public as soon as it is added, when its entry is: a typo or a step that
will not happen must be put right or taken off. Both are audited on the entry, and both
refuse a form opened before someone else changed the milestone (``services.edits``):
a stale form must not undo a colleague's change, nor remove a milestone they reworded.
Adding one stays in ``services.improvements``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from feedback_app import clock
from feedback_app.analysis.redaction import redact
from feedback_app.extensions import db
from feedback_app.models import Improvement, Milestone
from feedback_app.services import audit, edits
from feedback_app.services.improvements import ImprovementError

WHAT = "milestone"


@dataclass(frozen=True)
class MilestoneInput:
    """A milestone as typed by staff."""

    description: str
    due_on: date | None
    done_on: date | None


def get_milestone(improvement: Improvement, milestone_id: int) -> Milestone | None:
    """One of the entry's milestones by id, or None (also for another entry's milestone)."""
    milestone = db.session.get(Milestone, milestone_id)
    if milestone is None or milestone.improvement_id != improvement.id:
        return None
    return milestone


def validate(data: MilestoneInput) -> dict[str, str]:
    """Return field errors for a milestone, in GOV.UK wording."""
    errors: dict[str, str] = {}
    description = data.description.strip()
    if not description:
        errors["description"] = "Enter the milestone"
    elif redact(description) != description:
        errors["description"] = "Remove personal details from the milestone"
    if data.done_on is not None and data.done_on > clock.today():
        errors["done_on"] = "The date it was done must be today or in the past"
    return errors


def change_milestone(milestone: Milestone, data: MilestoneInput, version: int | None) -> bool:
    """Change a milestone's wording or dates (a done date marks it done), audited as
    old → new, if it is still at ``version``, the one the person's page showed
    (``edits.EditConflict`` otherwise, and nothing is saved). Commits.

    Returns whether anything changed.
    """
    errors = validate(data)
    if errors:
        raise ImprovementError(errors)
    with edits.saving(milestone, version, WHAT):
        new = {
            "description": data.description.strip(),
            "due_on": data.due_on,
            "done_on": data.done_on,
        }
        changes: dict[str, Any] = {}
        for name, value in new.items():
            old = getattr(milestone, name)
            if old != value:
                setattr(milestone, name, value)
                changes[name] = {"old": old, "new": value}
        if not changes:
            return False
        milestone.improvement.updated_at = datetime.now(UTC)
        audit.record(
            "improvement.milestone_changed",
            "improvement",
            milestone.improvement_id,
            milestone_id=milestone.id,
            **changes,
        )
        db.session.commit()
    return True


def remove_milestone(milestone: Milestone, version: int | None) -> None:
    """Take a milestone off its entry (and the public page), audited with its words, if it
    is still at ``version``, the one the confirmation page showed
    (``edits.EditConflict`` otherwise, and nothing is removed). Commits."""
    with edits.saving(milestone, version, WHAT):
        improvement = milestone.improvement
        audit.record(
            "improvement.milestone_removed",
            "improvement",
            improvement.id,
            milestone_id=milestone.id,
            text=milestone.description,
            due_on=milestone.due_on,
            done_on=milestone.done_on,
        )
        improvement.milestones.remove(milestone)
        improvement.updated_at = datetime.now(UTC)
        # The DELETE asks for the version read too; one that matches no row (changed or
        # removed since) raises StaleDataError, which ``saving`` turns into EditConflict.
        db.session.commit()
