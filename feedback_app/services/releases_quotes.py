"""Quotes in a draft release: the comments that may be quoted, picked, approved by a
person in the words they read, or taken out again.

Only comments from the release's survey and period, consented, redacted and not flagged
for safeguarding may be quoted (``releases_shown.quotable``); what a quote may show once
approved is decided in ``releases_shown``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from feedback_app.extensions import db
from feedback_app.models import Comment, Release, ReleaseQuote, User
from feedback_app.services import audit
from feedback_app.services.periods import parse_period
from feedback_app.services.releases import ReleaseError, require_draft
from feedback_app.services.releases_shown import quotable


def quote_candidates(release: Release, limit: int = 30) -> list[Comment]:
    """Comments from the release's survey and period that may be quoted and are not picked."""
    period = parse_period(release.period)
    picked = select(ReleaseQuote.comment_id).where(ReleaseQuote.release_id == release.id)
    query = (
        select(Comment)
        .where(
            Comment.survey_id == release.survey_id,
            Comment.source == "survey",
            Comment.received_on >= period.start,
            Comment.received_on <= period.end,
            Comment.quote_consent.is_(True),
            Comment.safeguarding.is_(False),
            Comment.redacted != "",
            Comment.id.not_in(picked),
        )
        .order_by(Comment.received_on.desc(), Comment.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def propose_quote(release: Release, comment_id: int, user: User | None) -> ReleaseQuote:
    """Pick a comment for a draft; it still needs a person's approval. Commits."""
    require_draft(release)
    comment = db.session.get(Comment, comment_id)
    if not quotable(comment) or comment is None or comment.survey_id != release.survey_id:
        raise ReleaseError("That comment cannot be quoted")
    period = parse_period(release.period)
    if comment.source != "survey" or not period.start <= comment.received_on <= period.end:
        # The page only offers the period's survey comments; a posted id must match too.
        raise ReleaseError(
            f"That comment was not received in {period.name}, so it cannot be quoted in "
            "this release"
        )
    picked = "That comment is already picked"
    if any(q.comment_id == comment_id for q in release.quotes):
        raise ReleaseError(picked)
    themes = comment.effective_themes
    quote = ReleaseQuote(
        release_id=release.id,
        comment_id=comment.id,
        theme=themes[0] if themes else None,
        status="proposed",
        proposed_by_id=user.id if user else None,
    )
    db.session.add(quote)
    try:
        db.session.flush()
    except IntegrityError:
        # Picked at the same moment by another request: a comment is quoted once a release.
        db.session.rollback()
        raise ReleaseError(picked) from None
    audit.record("release.quote_proposed", "release", release.id, comment_id=comment.id)
    db.session.commit()
    return quote


def approve_quote(release: Release, quote_id: int, shown_text: str, user: User | None) -> None:
    """Approve a quote as worded in ``shown_text``, which must be the current redacted text.

    The approved words are stored, so what is published is exactly what was read.
    Commits.
    """
    require_draft(release)
    quote = _quote(release, quote_id)
    comment = db.session.get(Comment, quote.comment_id)
    if not quotable(comment) or comment is None:
        raise ReleaseError("That comment can no longer be quoted")
    if shown_text.strip() != comment.redacted.strip():
        raise ReleaseError("The redacted text changed since you read it: read it again")
    quote.text = comment.redacted.strip()
    quote.status = "approved"
    quote.approved_by_id = user.id if user else None
    quote.approved_at = datetime.now(UTC)
    audit.record(
        # The comment and quote ids, never the words: the audit log is read more widely
        # than the quote, and words hidden later would stay in it.
        "release.quote_approved",
        "release",
        release.id,
        quote_id=quote.id,
        comment_id=quote.comment_id,
    )
    db.session.commit()


def remove_quote(release: Release, quote_id: int) -> None:
    """Take a quote out of a draft. Commits."""
    require_draft(release)
    quote = _quote(release, quote_id)
    db.session.delete(quote)
    audit.record("release.quote_removed", "release", release.id, quote_id=quote_id)
    db.session.commit()


def _quote(release: Release, quote_id: int) -> ReleaseQuote:
    for quote in release.quotes:
        if quote.id == quote_id:
            return quote
    raise ReleaseError("That quote is not part of this release")
