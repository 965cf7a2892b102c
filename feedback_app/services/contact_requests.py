"""Families who asked to be contacted about their survey answers, and getting back to them.

A family who answers yes to "Would you like us to contact you?" and leaves an email
or phone number is told on the confirmation page that someone will get in touch within
10 working days. ``record_request`` keeps a ``ContactRequest`` as the response is sent,
and ``notify_mailbox`` tells the complaints officers' mailbox that one arrived, with no
personal data: they sign in to see who it is.

The list belongs to complaints officers: they already hold families' personal data
(every complaint does) and call and write to families every day. Analysts see only
redacted comments and forum members only what is published, so neither may see it.

The contact details stay on the response, where retention erases them; the request
keeps only that it was made and who answered it, when. A request whose details have
gone is no longer waiting: there is nobody left to call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from flask import current_app
from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import joinedload

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import ContactRequest, Response, User
from feedback_app.services import audit, jobs, notifications, once
from feedback_app.services.clocks import add_working_days, describe_days_left, urgency_colour
from feedback_app.services.paging import page_bounds

#: The confirmation page promises a reply within this many working days.
REPLY_WORKING_DAYS = 10
PAGE_SIZE = 50

SUBJECT = "A family asked to be contacted"


def mailbox() -> str:
    """Where news of a request goes: the complaints officers' shared mailbox."""
    return str(current_app.config.get("COMPLAINTS_EMAIL") or current_app.config["CONTACT_EMAIL"])


def reply_by(requested_on: date) -> date:
    """The last day of the promised reply: 10 working days after the response was sent."""
    return add_working_days(requested_on, REPLY_WORKING_DAYS)


def wants_contact(response: Response) -> bool:
    """Whether a response asks to be contacted and says how (an email or a phone number)."""
    return bool(response.contact_consent and (response.contact_email or response.contact_phone))


def record_request(response: Response, requested_on: date) -> ContactRequest | None:
    """Keep the response's request to be contacted, if it makes one; the caller commits,
    then calls ``notify_mailbox``."""
    if not wants_contact(response):
        return None
    request = ContactRequest(response_id=response.id, requested_on=requested_on)
    db.session.add(request)
    return request


def notify_mailbox(request: ContactRequest) -> None:
    """Tell the complaints officers' mailbox that a family asked to be contacted, and by
    when we promised to reply. Nothing about the family: email is not the place for it."""
    due = reply_by(request.requested_on)
    jobs.enqueue(
        notifications.send,
        to=mailbox(),
        subject=SUBJECT,
        body=(
            "A family asked to be contacted about their survey answers. We told them "
            f"someone would get in touch by {due:%-d %B %Y}. Sign in to see their details."
        ),
        reference=f"contact-request-{request.id}",
    )


@dataclass(frozen=True)
class RequestRow:
    """One request as the list shows it."""

    request: ContactRequest
    reply_by: date
    #: "3 working days left", "2 working days overdue", or "" once contacted
    due_words: str
    #: The govuk-tag colour of ``due_words``
    due_colour: str

    @property
    def response(self) -> Response:
        return self.request.response

    @property
    def erased(self) -> bool:
        """Whether retention erased the details (or they were never usable)."""
        response = self.request.response
        return not (response.contact_name or response.contact_email or response.contact_phone)

    @property
    def overdue(self) -> bool:
        return self.due_colour == "red"


@dataclass(frozen=True)
class RequestPage:
    """One page of the list, and how many requests are waiting in all."""

    rows: list[RequestRow]
    total: int
    waiting: int
    page: int
    pages: int


def _waiting() -> ColumnElement[bool]:
    """Not contacted yet, and the details are still there to contact them with."""
    return and_(
        ContactRequest.contacted_at.is_(None),
        or_(Response.contact_email.is_not(None), Response.contact_phone.is_not(None)),
    )


def requests_page(show_all: bool = False, page: int = 1, today: date | None = None) -> RequestPage:
    """Return a page of requests, newest first: those waiting, or every one with
    ``show_all``. Showing them is recorded in the audit log (which requests, never the
    details): the page holds families' personal data."""
    today = today or clock.today()
    base = select(ContactRequest).join(Response, ContactRequest.response_id == Response.id)
    waiting_query = base.where(_waiting())
    query = base if show_all else waiting_query
    count = select(func.count()).select_from
    total = db.session.scalar(count(query.subquery())) or 0
    waiting = total if not show_all else db.session.scalar(count(waiting_query.subquery())) or 0
    page, pages = page_bounds(total, page, PAGE_SIZE)
    requests = list(
        db.session.scalars(
            query.options(
                joinedload(ContactRequest.response).joinedload(Response.survey),
                joinedload(ContactRequest.contacted_by),
            )
            .order_by(ContactRequest.requested_on.desc(), ContactRequest.id.desc())
            .limit(PAGE_SIZE)
            .offset((page - 1) * PAGE_SIZE)
        )
    )
    rows = [_row(request, today) for request in requests]
    if rows:
        audit.record(
            "contact_requests.list_viewed",
            "contact_requests",
            "-",
            requests=[request.id for request in requests],
        )
        db.session.commit()
    return RequestPage(rows=rows, total=total, waiting=waiting, page=page, pages=pages)


def _row(request: ContactRequest, today: date) -> RequestRow:
    due = reply_by(request.requested_on)
    if request.contacted_at is not None:
        return RequestRow(request=request, reply_by=due, due_words="", due_colour="")
    return RequestRow(
        request=request,
        reply_by=due,
        due_words=describe_days_left(due, today),
        due_colour=urgency_colour(due, today),
    )


@dataclass(frozen=True)
class Marked:
    """A request marked as contacted, and whether this press marked it (``False``: it
    was marked already, by a double click or a colleague)."""

    request: ContactRequest
    new: bool


def mark_contacted(request_id: int, user: User) -> Marked | None:
    """Record that ``user`` contacted the family now, audit it (who and which request,
    never the details) and commit; None if there is no such request.

    One conditional UPDATE: of two presses at once, only the first marks it."""
    marked = once.claim(
        ContactRequest,
        request_id,
        {"contacted_at": None},
        {"contacted_at": datetime.now(UTC), "contacted_by_id": user.id},
    )
    if not marked:
        db.session.rollback()
        request = db.session.get(ContactRequest, request_id)
        return None if request is None else Marked(request, new=False)
    audit.record("contact_request.marked_contacted", "contact_request", request_id)
    db.session.commit()
    request = db.session.get(ContactRequest, request_id)
    assert request is not None  # it was just updated
    return Marked(request, new=True)


def already_marked_message(request: ContactRequest) -> str:
    """Say who marked a request as contacted, and when."""
    who = request.contacted_by.display_name if request.contacted_by else "someone"
    when = clock.in_uk(request.contacted_at).strftime("%-d %B %Y") if request.contacted_at else ""
    return f"Request {request.id} was already marked as contacted by {who} on {when}."
