"""What a release's quotes show now, to the public and to staff.

A quote is frozen when it is approved or published, but what it may show is decided
again every time it is shown, because a comment can be flagged for safeguarding, or
have words hidden in it, at any time: a flagged (or erased) comment's quote is left
out or withheld, and its words are shown with the phrases hidden since and redacted
again by today's rules. When the words a comment shows change, its quotes approved in
draft releases go back for approval (``reopen_quotes_of``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from feedback_app.analysis.redaction import hide_phrases, redact
from feedback_app.extensions import db
from feedback_app.models import Comment, Release, ReleaseQuote
from feedback_app.services import audit, redaction_names

WITHHELD = "Withheld: raised with the safeguarding lead"


def quotable(comment: Comment | None) -> bool:
    """Whether a comment may be quoted: consented, redacted and not safeguarding-flagged."""
    return (
        comment is not None
        and comment.quote_consent
        and not comment.safeguarding
        and bool(comment.redacted and comment.redacted.strip())
        and comment.analysed_at is not None
    )


def approved_quotes(release: Release) -> list[dict[str, Any]]:
    """The draft's approved quotes still safe to publish, as snapshot entries."""
    return shown_quotes(
        [
            {"id": q.id, "comment_id": q.comment_id, "theme": q.theme, "text": q.text}
            for q in release.quotes
            if q.status == "approved"
        ]
    )


def reopen_quotes_of(changed: Sequence[Comment]) -> int:
    """Send the comments' quotes approved in draft releases back for approval, because the
    words they show have changed; return how many. The caller commits."""
    reopened = 0
    for quote in db.session.scalars(
        select(ReleaseQuote)
        .join(Release, Release.id == ReleaseQuote.release_id)
        .where(
            ReleaseQuote.comment_id.in_([comment.id for comment in changed]),
            ReleaseQuote.status == "approved",
            Release.status == "draft",
        )
    ):
        quote.status = "proposed"
        quote.text = ""
        quote.approved_by_id = None
        quote.approved_at = None
        audit.record("release.quote_reopened", "release", quote.release_id, quote_id=quote.id)
        reopened += 1
    return reopened


def staff_quote_texts(release: Release) -> dict[int, str | None]:
    """The words each of a release's quotes may show on a staff page, by quote id.

    ``None`` means withheld: the comment has been flagged for safeguarding (or erased)
    since it was picked, so not even forum members or analysts reading the release see
    its words. Approved words are shown with any phrases marked as personal data since
    hidden, as on the public page; a proposed quote shows the comment's redacted text,
    which the approver reads and approves as it stands.
    """
    ids = [quote.comment_id for quote in release.quotes]
    if not ids:
        return {}
    safe = {
        comment.id: comment
        for comment in db.session.scalars(
            select(Comment).where(Comment.id.in_(ids), Comment.safeguarding.is_(False))
        )
    }
    names = redaction_names.known_names()
    texts: dict[int, str | None] = {}
    for quote in release.quotes:
        comment = safe.get(quote.comment_id)
        if comment is None:
            texts[quote.id] = None
        elif quote.status == "approved":
            texts[quote.id] = _as_shown(quote.text, comment.hidden_phrases, names)
        else:
            texts[quote.id] = comment.redacted
    return texts


def _as_shown(text: str, hidden: list[list[str]] | None, names: Sequence[str]) -> str:
    """An approved quote's words as they may be shown now, on public and staff pages alike:
    with the phrases analysts have hidden since, and redacted again by today's rules."""
    return redact(hide_phrases(text, hidden or []), names)


def shown_quotes(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The quotes still safe to show, as they must be shown now.

    A quote whose comment has since been flagged for safeguarding (or erased) is left out,
    and words an analyst has marked as personal data since it was approved are hidden in
    its text too: a frozen snapshot never keeps showing them. The text is redacted again
    as well, so personal data the redaction has learned to find since (a spelled-out
    email address, a name now on the list) is hidden in quotes published before.
    """
    ids = [int(quote["comment_id"]) for quote in quotes]
    if not ids:
        return []
    hidden = {
        comment_id: phrases or []
        for comment_id, phrases in db.session.execute(
            select(Comment.id, Comment.hidden_phrases).where(
                Comment.id.in_(ids), Comment.safeguarding.is_(False)
            )
        )
    }
    names = redaction_names.known_names()
    return [
        {**quote, "text": _as_shown(quote["text"], hidden[comment_id], names)}
        for quote in quotes
        if (comment_id := int(quote["comment_id"])) in hidden
    ]
