"""Safeguarding flags on comments: raised by the analyser or by a person, for the lead.

A comment that may disclose a risk of harm gets one flag, raised in the same transaction
that stores the text (``comments.analyse_comment`` raises it), or when an analyst refers
it. The designated safeguarding lead is emailed once that transaction commits
(``alert_lead``, a job): never while it is open, where a slow mail server would hold the
database and make other families' forms fail. The lead's queue and decisions are in
``safeguarding``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update

from feedback_app.extensions import db
from feedback_app.models import Comment, SafeguardingFlag
from feedback_app.services import audit, jobs, notifications, safeguarding


def raise_safeguarding_flag(
    comment: Comment, phrases: list[str], found_by: str = "", *, text_changed: bool = False
) -> SafeguardingFlag:
    """Open a flag for the safeguarding lead (once per comment) and notify them.

    ``found_by`` says whether the disclosure rules, the learned model alone or an analyst
    raised it; a flag becomes a rules flag if new rules find it on re-analysis. When the
    comment's words were edited (``text_changed``) and still read as a disclosure, the
    lead looks again: a flag they had closed or cleared is opened again as a new arrival,
    and an open one notifies them that the words changed. Re-analysis of unchanged words
    (after a change of rules) never reopens a decision.
    """
    flag = safeguarding_flag_of(comment)
    if flag is None:
        return _open_flag(comment, phrases, found_by)
    if found_by == "rules":
        flag.found_by = "rules"
    if text_changed:
        flag.phrases = sorted(set(flag.phrases or []) | set(phrases))
        _reopen(flag)
        audit.record("safeguarding.flag_reopened", "comment", comment.id, phrases=len(phrases))
    return flag


def refer_to_safeguarding_lead(comment: Comment) -> SafeguardingFlag:
    """A person reading a comment thinks it may disclose a risk of harm that the analyser
    missed (or the lead cleared): open or reopen its flag, withhold the comment and notify
    the lead. Caller commits."""
    flag = safeguarding_flag_of(comment)
    if flag is None:
        flag = _open_flag(comment, [], "analyst")
    else:
        flag.found_by = "analyst"
        _reopen(flag)
    comment.safeguarding = True
    audit.record("safeguarding.referred", "comment", comment.id, flag=flag.id)
    return flag


def safeguarding_flag_of(comment: Comment) -> SafeguardingFlag | None:
    """The comment's safeguarding flag, if it has one (there is at most one)."""
    db.session.flush()
    return db.session.scalars(
        select(SafeguardingFlag).where(SafeguardingFlag.comment_id == comment.id)
    ).first()


def _open_flag(comment: Comment, phrases: list[str], found_by: str) -> SafeguardingFlag:
    flag = SafeguardingFlag(comment_id=comment.id, phrases=phrases, found_by=found_by)
    db.session.add(flag)
    _notify_safeguarding_lead(flag)
    # How many phrases, never the words of a disclosure: they stay with the flag, which
    # only the lead reads.
    audit.record("safeguarding.flag_raised", "comment", comment.id, phrases=len(phrases))
    return flag


def _reopen(flag: SafeguardingFlag) -> None:
    """Put a flag back before the lead, undecided, and notify them. A flag they had closed
    or cleared arrives anew: its wait starts now, not from the first time it was raised."""
    if flag.status == "closed" or flag.concern == "no_concern":
        flag.raised_at = datetime.now(UTC)
        flag.status = "open"
    flag.concern = "undecided"
    _notify_safeguarding_lead(flag)


def _notify_safeguarding_lead(flag: SafeguardingFlag) -> None:
    db.session.flush()  # the flag has its id
    jobs.enqueue_after_commit(alert_lead, flag.id)


def alert_lead(flag_id: int) -> bool:
    """Email the safeguarding lead that flag ``flag_id`` is waiting for them; return whether
    the email went, and only then record when (``notified_at``).

    A job, enqueued once the flag's transaction has committed: on the worker where there
    is a job queue, else in the process that raised the flag. It reads and writes through
    a connection of its own, so the email never holds the database while it goes.
    """
    flags = SafeguardingFlag.__table__
    with db.engine.connect() as connection:
        if connection.scalar(select(flags.c.id).where(flags.c.id == flag_id)) is None:
            return False  # raised in a savepoint that was rolled back
    sent = notifications.send(
        to=safeguarding.lead_address(),
        subject="A comment may disclose a risk of harm",
        body="A new comment has been flagged for safeguarding. Sign in to review it.",
        reference=f"safeguarding-flag-{flag_id}",
    )
    if sent:
        with db.engine.begin() as connection:
            connection.execute(
                update(flags).where(flags.c.id == flag_id).values(notified_at=datetime.now(UTC))
            )
    return sent
