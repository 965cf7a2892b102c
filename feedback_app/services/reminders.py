"""Reminders to complaints officers, action owners and the safeguarding lead (run daily by
``flask send-reminders``).

Four kinds: an acknowledgement due soon or late, a response due soon or late, an action
past its agreed date, and safeguarding flags raised before today that nobody has
started on. Messages carry the complaint reference, the deadline (and an action's team),
or the number of flags and how long the oldest has waited, and a link to sign in; never
a name or any free text (a family's words, an action's description): email is not the
place for them, and an action's owner may be outside the council.

A complaint's reminders go to its officer while their account is active; once it is
deactivated, to the complaints mailbox, as for a complaint nobody has been given.

Each reminder is sent at most once a day: its reference names the record, the kind and
the day, and is recorded (``SentReminder``) and committed before the message goes, so a
second run the same day (by hand, or a timer on two hosts) sends only what has fallen due
since, and no database write waits for the mail server. A message that fails loses its
record again, so it is counted as failed, not sent, and the next run tries it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask import current_app, has_request_context, url_for
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import (
    Complaint,
    ComplaintAction,
    ComplaintPoint,
    SafeguardingFlag,
    SentReminder,
    User,
)
from feedback_app.services import contact_requests, notifications, safeguarding
from feedback_app.services.clocks import add_working_days, describe_days_left

# Remind this many working days before a deadline, and on every day after it.
WARN_WORKING_DAYS = 2
#: How long the record of a sent reminder is kept: only today's is needed, a few weeks
#: answer "was I reminded?".
KEEP_SENT_DAYS = 35


@dataclass
class ReminderCounts:
    """How many reminders of each kind went out."""

    acknowledgements: int = 0
    responses: int = 0
    actions: int = 0
    #: Open safeguarding flags raised before the day (all in one message to the lead).
    safeguarding_flags: int = 0
    #: Reminders due that were sent earlier the same day, and not sent again.
    already_sent: int = 0
    #: Reminders whose message could not be sent (logged); the next run tries them again.
    failed: int = 0

    @property
    def total(self) -> int:
        """Messages sent."""
        return self.acknowledgements + self.responses + self.actions + bool(self.safeguarding_flags)


def _officer_address(complaint: Complaint) -> str:
    """The complaint's officer, while their account is active; else the complaints mailbox."""
    officer = complaint.officer
    if officer is not None and officer.active:
        return str(officer.email)
    return contact_requests.mailbox()


def _deactivated_addresses() -> set[str]:
    """Email addresses of staff accounts that have been deactivated."""
    emails = db.session.scalars(select(User.email).where(User.active.is_(False)))
    return {email.lower() for email in emails}


def _action_address(action: ComplaintAction, complaint: Complaint, deactivated: set[str]) -> str:
    """The action's owner, unless they have none or their staff account was deactivated;
    then whoever the complaint's reminders go to."""
    owner = (action.owner_email or "").strip()
    if owner and owner.lower() not in deactivated:
        return owner
    return _officer_address(complaint)


def _sign_in_link() -> str:
    """The address of the sign-in page, for emails: from ``PUBLIC_URL`` (always set in
    production), else from the request. Blank when there is neither: a command run
    without ``PUBLIC_URL`` cannot know where people reach the service."""
    public_url = str(current_app.config.get("PUBLIC_URL") or "")
    if public_url:
        adapter = current_app.url_map.bind("", script_name=current_app.config["APPLICATION_ROOT"])
        return public_url + adapter.build("auth.sign_in")
    if has_request_context():
        return url_for("auth.sign_in", _external=True)
    return ""


def _sign_in(to_do: str) -> str:
    """Say "Sign in to <to_do>", with the link to sign in when there is one."""
    link = _sign_in_link()
    return f"Sign in to {to_do}" + (f": {link}" if link else ".")


def _first_time(reference: str, on: date) -> bool:
    """Record that the reminder ``reference`` is sent on ``on`` and commit; False if it was
    sent already (by an earlier run, or a run at the same moment)."""
    if db.session.scalar(select(SentReminder.id).where(SentReminder.reference == reference)):
        return False
    db.session.add(SentReminder(reference=reference, sent_on=on))
    try:
        db.session.commit()
    except IntegrityError:  # another run recorded it between the check and the insert
        db.session.rollback()
        return False
    return True


def _send_once(
    counts: ReminderCounts, on: date, to: str, subject: str, body: str, reference: str
) -> bool:
    """Send a reminder unless it was sent already today; return whether it was sent."""
    if not _first_time(reference, on):
        counts.already_sent += 1
        return False
    if notifications.send(to=to, subject=subject, body=body, reference=reference):
        return True
    # Not sent: forget the record, so that it is not taken for sent and the next run retries.
    db.session.execute(delete(SentReminder).where(SentReminder.reference == reference))
    db.session.commit()
    counts.failed += 1
    return False


def send_reminders(on: date) -> ReminderCounts:
    """Send every reminder due on ``on`` not sent already that day; return how many of each
    kind. Commits (each reminder as it is recorded)."""
    counts = ReminderCounts()
    db.session.execute(
        delete(SentReminder).where(SentReminder.sent_on < on - timedelta(days=KEEP_SENT_DAYS))
    )
    db.session.commit()
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
    for complaint in list(due):
        assert complaint.due_on is not None
        what = "acknowledgement" if complaint.state == "awaiting_acknowledgement" else "response"
        words = describe_days_left(complaint.due_on, on)
        sent = _send_once(
            counts,
            on,
            to=_officer_address(complaint),
            subject=f"Complaint {complaint.reference}: {what} {words.lower()}",
            body=(
                f"The {complaint.stage_label.lower()} {what} to complaint {complaint.reference} "
                f"is due by {complaint.due_on:%-d %B %Y} ({words.lower()}).\n\n"
                + _sign_in("see the complaint")
            ),
            reference=f"complaint-{complaint.id}-{what}-{on.isoformat()}",
        )
        if not sent:
            continue
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
    deactivated = _deactivated_addresses()
    for action in list(actions):
        complaint = action.point.complaint
        # Never the action's description: it is free text, often naming the family.
        if not _send_once(
            counts,
            on,
            to=_action_address(action, complaint, deactivated),
            subject=f"Action from complaint {complaint.reference} is overdue",
            body=(
                f"An action from complaint {complaint.reference}, agreed with "
                f"{action.team or 'your team'}, was due on {action.due_on:%-d %B %Y} "
                f"({describe_days_left(action.due_on, on).lower()}).\n\n"
                + _sign_in("see it")
                + "\n\nRecord it as done, with evidence, or agree a new date with the "
                "complaints officer."
            ),
            reference=f"complaint-action-{action.id}-{on.isoformat()}",
        ):
            continue
        counts.actions += 1
    counts.safeguarding_flags = _remind_safeguarding_lead(counts, on)
    return counts


def _remind_safeguarding_lead(counts: ReminderCounts, on: date) -> int:
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
    sent = _send_once(
        counts,
        on,
        to=safeguarding.lead_address(),
        subject=(
            f"{len(waiting)} safeguarding flag{'s' if many else ''} "
            f"{'have' if many else 'has'} not been looked at"
        ),
        body=(
            f"{len(waiting)} comment{'s' if many else ''} flagged for safeguarding before today "
            f"{'are' if many else 'is'} still open. The oldest has waited "
            f"{safeguarding.waiting_for(waiting[0])}.\n\n"
            + _sign_in(f"review {'them' if many else 'it'}")
        ),
        reference=f"safeguarding-open-{on.isoformat()}",
    )
    return len(waiting) if sent else 0
