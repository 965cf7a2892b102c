"""Reminders to complaints officers, action owners and the safeguarding lead (run daily by
``flask send-reminders``).

Four kinds: an acknowledgement due soon or late, a response due soon or late, an action
past its agreed date, and safeguarding flags raised before today that nobody has
started on. Messages carry the complaint reference and the deadline, or the number of
flags and how long the oldest has waited; never a name or a family's words: email is not
the place for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintAction, ComplaintPoint, SafeguardingFlag
from feedback_app.services import notifications, safeguarding
from feedback_app.services.clocks import add_working_days, describe_days_left

# Remind this many working days before a deadline, and on every day after it.
WARN_WORKING_DAYS = 2


@dataclass
class ReminderCounts:
    """How many reminders of each kind went out."""

    acknowledgements: int = 0
    responses: int = 0
    actions: int = 0
    #: Open safeguarding flags raised before the day (all in one message to the lead).
    safeguarding_flags: int = 0

    @property
    def total(self) -> int:
        """Messages sent."""
        return self.acknowledgements + self.responses + self.actions + bool(self.safeguarding_flags)


def _officer_address(complaint: Complaint) -> str:
    if complaint.officer is not None:
        return str(complaint.officer.email)
    return str(current_app.config.get("COMPLAINTS_EMAIL") or current_app.config["CONTACT_EMAIL"])


def send_reminders(on: date) -> ReminderCounts:
    """Send every reminder due on ``on``; return how many of each kind."""
    counts = ReminderCounts()
    horizon = add_working_days(on, WARN_WORKING_DAYS)
    due = db.session.scalars(
        select(Complaint)
        .where(
            Complaint.state.in_(("awaiting_acknowledgement", "awaiting_response")),
            Complaint.due_on.is_not(None),
            Complaint.due_on <= horizon,
        )
        .options(selectinload(Complaint.officer))
        .order_by(Complaint.due_on)
    )
    for complaint in due:
        assert complaint.due_on is not None
        what = "acknowledgement" if complaint.state == "awaiting_acknowledgement" else "response"
        words = describe_days_left(complaint.due_on, on)
        notifications.send(
            to=_officer_address(complaint),
            subject=f"Complaint {complaint.reference}: {what} {words.lower()}",
            body=(
                f"The {complaint.stage_label.lower()} {what} to complaint {complaint.reference} "
                f"is due by {complaint.due_on:%-d %B %Y} ({words.lower()})."
            ),
            reference=f"complaint-{complaint.id}-{what}-{on.isoformat()}",
        )
        if what == "acknowledgement":
            counts.acknowledgements += 1
        else:
            counts.responses += 1
    actions = db.session.scalars(
        select(ComplaintAction)
        .where(ComplaintAction.status == "open", ComplaintAction.due_on < on)
        .options(selectinload(ComplaintAction.point).selectinload(ComplaintPoint.complaint))
        .order_by(ComplaintAction.due_on)
    )
    for action in actions:
        complaint = action.point.complaint
        notifications.send(
            to=action.owner_email or _officer_address(complaint),
            subject=f"Action from complaint {complaint.reference} is overdue",
            body=(
                f"The action agreed with {action.team or 'your team'} was due on "
                f"{action.due_on:%-d %B %Y} ({describe_days_left(action.due_on, on)}): "
                f"{action.description}\nPlease record it as done, with evidence, "
                "or agree a new date with the complaints officer."
            ),
            reference=f"complaint-action-{action.id}-{on.isoformat()}",
        )
        counts.actions += 1
    counts.safeguarding_flags = _remind_safeguarding_lead(on)
    return counts


def _remind_safeguarding_lead(on: date) -> int:
    """Tell the lead about flags raised before ``on`` that are still open (nobody has
    started on them); return how many. Each flag notified the lead when it was raised:
    this catches the one that sat unseen, in a full inbox or while the lead was away."""
    start_of_day = datetime.combine(on, time.min, tzinfo=clock.UK)
    waiting = list(
        db.session.scalars(
            select(SafeguardingFlag)
            .where(SafeguardingFlag.status == "open", SafeguardingFlag.raised_at < start_of_day)
            .order_by(SafeguardingFlag.raised_at)
        )
    )
    if not waiting:
        return 0
    many = len(waiting) > 1
    notifications.send(
        to=safeguarding.lead_address(),
        subject=(
            f"{len(waiting)} safeguarding flag{'s' if many else ''} "
            f"{'have' if many else 'has'} not been looked at"
        ),
        body=(
            f"{len(waiting)} comment{'s' if many else ''} flagged for safeguarding before today "
            f"{'are' if many else 'is'} still open. The oldest has waited "
            f"{safeguarding.waiting_for(waiting[0])}. Sign in to review "
            f"{'them' if many else 'it'}."
        ),
        reference=f"safeguarding-open-{on.isoformat()}",
    )
    return len(waiting)
