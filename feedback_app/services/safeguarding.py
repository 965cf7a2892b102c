"""The designated safeguarding lead's queue: flagged comments and what was done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from flask import current_app
from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Comment, SafeguardingFlag, User
from feedback_app.services import audit, edits
from feedback_app.services.paging import page_bounds

STATUSES = ("open", "in_progress", "closed")


def lead_address() -> str:
    """Where alerts and reminders for the designated safeguarding lead go."""
    return str(current_app.config.get("SAFEGUARDING_LEAD_EMAIL") or "safeguarding-lead")


#: Flags a page; the flags needing attention are usually far fewer.
PAGE_SIZE = 50


@dataclass(frozen=True)
class FlagPage:
    """One page of the lead's queue."""

    flags: list[SafeguardingFlag]
    total: int
    page: int
    pages: int


def queue(include_closed: bool = False, page: int = 1) -> FlagPage:
    """Return a page of flags, open ones first and the longest-waiting first within each
    status; closed flags only when asked for."""
    order = case({"open": 0, "in_progress": 1, "closed": 2}, value=SafeguardingFlag.status)
    query = select(SafeguardingFlag)
    if not include_closed:
        query = query.where(SafeguardingFlag.status != "closed")
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page, pages = page_bounds(total, page, PAGE_SIZE)
    flags = db.session.scalars(
        query.options(joinedload(SafeguardingFlag.comment))
        .order_by(order, SafeguardingFlag.raised_at, SafeguardingFlag.id)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    return FlagPage(flags=list(flags), total=total, page=page, pages=pages)


def get_flag(flag_id: int) -> SafeguardingFlag | None:
    """Return one flag and record that it was viewed (it holds a family's disclosure)."""
    flag = db.session.get(SafeguardingFlag, flag_id)
    if flag is not None:
        audit.record("safeguarding.viewed", "safeguarding_flag", flag.id)
        db.session.commit()
    return flag


def record_action(
    flag: SafeguardingFlag,
    *,
    status: str,
    concern: str,
    action_taken: str,
    user: User,
    version: int | None,
) -> None:
    """Record what the lead did, their decision and the flag's new status, and commit; only
    if the flag is still at ``version``, the one the lead's page showed
    (``edits.EditConflict`` otherwise, and nothing is saved): what was done is one text,
    so a page opened before another save would replace that record.

    A comment the lead decides is not a safeguarding concern is no longer withheld: analysts
    review it, and may quote it once redacted and approved, like any other.
    """
    with edits.saving(flag, version, "flag"):
        old = {"status": flag.status, "concern": flag.concern, "action_taken": flag.action_taken}
        flag.status = status
        flag.concern = concern
        flag.comment.safeguarding = flag.withholds
        flag.action_taken = action_taken
        flag.handled_by_id = user.id
        flag.handled_at = datetime.now(UTC)
        audit.record(
            "safeguarding.updated",
            "safeguarding_flag",
            flag.id,
            status=[old["status"], status],
            concern=[old["concern"], concern],
            action_taken_changed=old["action_taken"] != action_taken,
        )
        db.session.commit()


def saved_message(flag: SafeguardingFlag) -> str:
    """What saving the lead's record did, in words: whether the flag is closed or still
    open, and whether the comment is still withheld from analysts."""
    state = {
        "closed": "The flag is closed",
        "in_progress": "The flag is still open (in progress)",
    }.get(flag.status, "The flag is still open")
    withheld = (
        "the comment stays withheld from review and quotes"
        if flag.withholds
        else "the comment is no longer withheld: analysts can review it"
    )
    return f"What was done about flag {flag.id} is saved. {state}, and {withheld}."


def waiting_for(flag: SafeguardingFlag, now: datetime | None = None) -> str:
    """Say in words how long a flag has waited since it arrived, e.g. "3 hours"."""
    raised = flag.raised_at if flag.raised_at.tzinfo else flag.raised_at.replace(tzinfo=UTC)
    seconds = int(((now or datetime.now(UTC)) - raised).total_seconds())
    if seconds < 3600:
        minutes = max(seconds // 60, 0)
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    if seconds < 2 * 86400:
        hours = seconds // 3600
        return f"{hours} hour{'s' if hours != 1 else ''}"
    days = seconds // 86400
    return f"{days} days"


@dataclass(frozen=True)
class FlagSummary:
    """What staff other than the lead may know of a flag: that the words were raised with
    the lead, when, and where the lead has got to. Never the lead's notes."""

    raised_at: datetime
    status: str
    concern: str
    handled_at: datetime | None

    @property
    def decided(self) -> bool:
        return self.concern != "undecided"

    @property
    def words(self) -> str:
        """Where the flag stands, in a sentence."""
        decision = {
            "concern": "decided it is a safeguarding concern",
            "no_concern": "decided it is not a safeguarding concern",
        }.get(self.concern)
        if self.status == "closed":
            on = f" on {clock.in_uk(self.handled_at):%-d %B %Y}" if self.handled_at else ""
            if decision:
                return f"The safeguarding lead {decision} and closed the flag{on}."
            return f"The safeguarding lead closed the flag{on}."
        if decision:
            return f"The safeguarding lead {decision}. The flag is still open."
        if self.status == "in_progress":
            return "The safeguarding lead is looking into it and has not decided yet."
        return "The flag is open: the safeguarding lead has not decided yet."


def flag_summary_for(source: str, source_id: int) -> list[FlagSummary]:
    """The flags raised on the words of one complaint, survey response or compliment
    (``source`` as comments name it), oldest first, as other staff may see them."""
    flags = db.session.scalars(
        select(SafeguardingFlag)
        .join(Comment, SafeguardingFlag.comment_id == Comment.id)
        .where(Comment.source == source, Comment.source_id == source_id)
        .order_by(SafeguardingFlag.raised_at, SafeguardingFlag.id)
    )
    return [
        FlagSummary(
            raised_at=flag.raised_at,
            status=flag.status,
            concern=flag.concern,
            handled_at=flag.handled_at,
        )
        for flag in flags
    ]
