"""The complaints officer's triage queue and dashboard, sorted and counted in SQL.

The queue is ordered by the complaint's next deadline (``Complaint.due_on``,
kept by ``services.complaints.refresh``): an earlier deadline always means fewer
working days left, so overdue complaints come first and then the ones with the
least time. Working days are only counted for the 25 rows shown.

``QUEUE_ORDER`` is written exactly as the expression indexes of migration 0006
(``ix_complaints_queue_order`` and ``ix_complaints_state_order``), so that both
SQLite and PostgreSQL read a page straight from an index, in order, instead of
sorting every matching complaint (50,000 of them for "all") to keep 25.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Select, false, func, select
from sqlalchemy.orm import joinedload, selectinload

from feedback_app.extensions import db
from feedback_app.ids import parse_id
from feedback_app.models import Complaint, ComplaintAction, ComplaintPoint, Role, User
from feedback_app.models.complaints import STAGE_LABELS
from feedback_app.services.clocks import describe_days_left, urgency_colour
from feedback_app.services.paging import page_bounds
from feedback_app.templating import format_date

PAGE_SIZE = 25
# Complaints with a deadline first, earliest first; then by date received. Keep in step
# with the indexes in models/complaints.py and migration 0006, or the sort comes back.
QUEUE_ORDER = (
    Complaint.due_on.is_(None),
    Complaint.due_on,
    Complaint.received_on,
    Complaint.id,
)
# Listed rather than "!= closed" so that the database can use ix_complaints_queue.
OPEN_STATES = ("awaiting_acknowledgement", "awaiting_response", "responded")
STATUS_FILTERS = {
    "open": "All open",
    "overdue": "Overdue",
    "awaiting_acknowledgement": "Awaiting acknowledgement",
    "awaiting_response": "Awaiting response",
    "responded": "Responded",
    "closed": "Closed",
    # A word, not a blank value: a blank one is dropped from paging links, and the next
    # page would fall back to the default of open complaints only.
    "all": "All, including closed",
}


@dataclass(frozen=True)
class QueueFilters:
    """What the officer chose to see; blank means everything."""

    stage: str = ""
    status: str = "open"
    theme: str = ""
    officer: str = ""  # a user id, "none" for unassigned, or blank
    page: int = 1

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> QueueFilters:
        """Read the filters from a query string, ignoring anything not on offer."""
        stage = args.get("stage", "")
        status = args.get("status", "open")
        if status == "":  # the value "All, including closed" had before it was "all"
            status = "all"
        return cls(
            stage=stage if stage in STAGE_LABELS else "",
            status=status if status in STATUS_FILTERS else "open",
            theme=args.get("theme", "")[:40],
            officer=args.get("officer", "")[:12],
            page=parse_id(args.get("page", "1")) or 1,  # "²".isdigit(), but int("²") fails
        )

    def as_args(self, **overrides: object) -> dict[str, object]:
        """The filters as query arguments, leaving out blanks and page 1."""
        args: dict[str, object] = {
            "stage": self.stage,
            "status": self.status,
            "theme": self.theme,
            "officer": self.officer,
            "page": self.page,
        }
        args.update(overrides)
        return {key: value for key, value in args.items() if value not in ("", None, 1)}


@dataclass
class QueueRow:
    """One complaint as the queue shows it."""

    complaint: Complaint
    due_words: str
    colour: str
    overdue: bool
    points: int


@dataclass
class QueuePage:
    """A page of the queue with the counts for pagination."""

    rows: list[QueueRow]
    total: int
    page: int
    pages: int
    filters: QueueFilters
    counts: dict[str, int] = field(default_factory=dict)


def _conditions(filters: QueueFilters, on: date) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.stage:
        conditions.append(Complaint.stage == filters.stage)
    status = filters.status
    if status == "open":
        conditions.append(Complaint.state.in_(OPEN_STATES))
    elif status == "overdue":
        conditions += [Complaint.state.in_(OPEN_STATES), Complaint.due_on < on]
    elif status and status != "all":
        conditions.append(Complaint.state == status)
    if filters.theme:
        # A semi-join answered from ix_complaint_points_theme_complaint (theme, complaint_id).
        conditions.append(
            Complaint.id.in_(
                select(ComplaintPoint.complaint_id).where(ComplaintPoint.theme == filters.theme)
            )
        )
    if filters.officer == "none":
        conditions.append(Complaint.officer_id.is_(None))
    elif filters.officer.isdigit():
        officer_id = parse_id(filters.officer)
        conditions.append(Complaint.officer_id == officer_id if officer_id else false())
    return conditions


def page_query(filters: QueueFilters, on: date, page: int) -> Select[tuple[Complaint]]:
    """The statement for one page of the queue, in ``QUEUE_ORDER`` (1-based ``page``)."""
    return (
        select(Complaint)
        .where(*_conditions(filters, on))
        .options(selectinload(Complaint.officer))
        .order_by(*QUEUE_ORDER)
        .limit(PAGE_SIZE)
        .offset((max(1, page) - 1) * PAGE_SIZE)
    )


def queue(filters: QueueFilters, on: date) -> QueuePage:
    """Return one page of complaints, most urgent first."""
    conditions = _conditions(filters, on)
    # Counted straight off the table, not count(*) over a subquery of every column; the
    # open and overdue counts are of the complaints that match, as the page says.
    is_open = Complaint.state.in_(OPEN_STATES)
    total, open_count, overdue = db.session.execute(
        select(
            func.count(Complaint.id),
            func.count(Complaint.id).filter(is_open),
            func.count(Complaint.id).filter(is_open, Complaint.due_on < on),
        ).where(*conditions)
    ).one()
    page, pages = page_bounds(total, filters.page, PAGE_SIZE)
    complaints = list(db.session.scalars(page_query(filters, on, page)))
    point_counts: dict[int, int] = {
        complaint_id: count
        for complaint_id, count in db.session.execute(
            select(ComplaintPoint.complaint_id, func.count())
            .where(ComplaintPoint.complaint_id.in_([c.id for c in complaints]))
            .group_by(ComplaintPoint.complaint_id)
        ).tuples()
    }
    # A complaint with no deadline of its own (responded, or closed) may still have
    # actions open: its row shows the earliest of them, never "Nothing due".
    action_due: dict[int, date] = {
        complaint_id: due
        for complaint_id, due in db.session.execute(
            select(ComplaintPoint.complaint_id, func.min(ComplaintAction.due_on))
            .join(ComplaintAction, ComplaintAction.point_id == ComplaintPoint.id)
            .where(
                ComplaintAction.status == "open",
                ComplaintPoint.complaint_id.in_([c.id for c in complaints if c.due_on is None]),
            )
            .group_by(ComplaintPoint.complaint_id)
        ).tuples()
    }
    rows = [_row(c, on, action_due.get(c.id), point_counts.get(c.id, 0)) for c in complaints]
    counts = {
        "overdue_actions": overdue_action_count(on),
        "matching_open": open_count,
        "matching_overdue": overdue,
    }
    return QueuePage(rows=rows, total=total, page=page, pages=pages, filters=filters, counts=counts)


def _row(complaint: Complaint, on: date, action_due: date | None, points: int) -> QueueRow:
    """A queue row: the complaint's own deadline, else its earliest open action's."""
    due = complaint.due_on or action_due
    words = describe_days_left(due, on) if due else "Nothing due"
    if complaint.due_on is None and action_due is not None:
        words = f"Action {words.lower()}"
    return QueueRow(
        complaint=complaint,
        due_words=words,
        colour=urgency_colour(due, on),
        overdue=bool(complaint.due_on and complaint.due_on < on),
        points=points,
    )


def overdue_action_count(on: date) -> int:
    """How many open actions are past their agreed date, on every complaint."""
    overdue = db.session.scalar(
        select(func.count()).where(ComplaintAction.status == "open", ComplaintAction.due_on < on)
    )
    return overdue or 0


def open_actions(
    on: date, *, overdue_only: bool = False, limit: int | None = None
) -> list[ComplaintAction]:
    """Open actions, overdue first (earliest due date first), with their points and complaints.

    The pages show each action's complaint reference, so both are loaded in the same
    query rather than two lazy loads per action.
    """
    query = (
        select(ComplaintAction)
        .where(ComplaintAction.status == "open")
        .options(
            joinedload(ComplaintAction.point, innerjoin=True).joinedload(
                ComplaintPoint.complaint, innerjoin=True
            )
        )
    )
    if overdue_only:
        query = query.where(ComplaintAction.due_on < on)
    query = query.order_by(ComplaintAction.due_on, ComplaintAction.id)
    if limit:
        query = query.limit(limit)
    return list(db.session.scalars(query))


def officers() -> list[User]:
    """Staff who can be given complaints: complaints officers and admins."""
    roles = [Role.COMPLAINTS_OFFICER.value, Role.ADMIN.value]
    return list(
        db.session.scalars(
            select(User).where(User.role.in_(roles), User.active).order_by(User.name, User.email)
        )
    )


def officer_choices(keep: int | None = None) -> list[tuple[str, str]]:
    """Choices for a complaint's officer: "Not assigned", then everyone in ``officers``.

    ``keep`` is the officer the complaint has now. Their account may have been
    deactivated (or their role changed) since: they are offered still, marked
    "(deactivated)" if so, so that saving another change leaves the complaint with them
    until someone chooses another officer.
    """
    choices = [("", "Not assigned")] + [(str(user.id), user.display_name) for user in officers()]
    if keep is not None and all(value != str(keep) for value, _ in choices):
        user = db.session.get(User, keep)
        if user is not None:
            name = user.display_name if user.active else f"{user.display_name} (deactivated)"
            choices.append((str(user.id), name))
    return choices


def action_due_words(action: ComplaintAction, on: date) -> tuple[str, str]:
    """Words and tag colour for an action's due date."""
    if action.status == "done":
        return "Done", "green"
    return describe_days_left(action.due_on, on), urgency_colour(action.due_on, on)


def complaint_due(complaint: Complaint, on: date) -> tuple[str, str, str]:
    """What is due next on a complaint, for its page: tag words, tag colour and a line
    saying what is due by when.

    The complaint's own deadline comes first; with none (responded, or closed) the
    earliest open action's, so that a closed complaint with work still open never says
    that nothing is due.
    """
    if complaint.due_on is not None:
        what = "Acknowledgement" if complaint.state == "awaiting_acknowledgement" else "Response"
        return (
            describe_days_left(complaint.due_on, on),
            urgency_colour(complaint.due_on, on),
            f"{what} deadline: {format_date(complaint.due_on)}",
        )
    actions = [a for p in complaint.points for a in p.actions if a.status == "open"]
    if actions:
        first = min(actions, key=lambda a: (a.due_on, a.id))
        more = f" ({len(actions)} actions open)" if len(actions) > 1 else ""
        return (
            f"Action {describe_days_left(first.due_on, on).lower()}",
            urgency_colour(first.due_on, on),
            f"Open action deadline: {format_date(first.due_on)}{more}",
        )
    return "Nothing due", "grey", ""
