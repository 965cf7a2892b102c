"""The analysts' review queue: which comments to check next, and saving their verdicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from feedback_app import analysis
from feedback_app.extensions import db
from feedback_app.models import Comment, Theme, User
from feedback_app.services import (
    comments,
    comments_hiding,
    comments_safeguarding,
    edits,
    releases_shown,
)
from feedback_app.services.paging import page_bounds

PAGE_SIZE = 20
SENTIMENTS = ("negative", "neutral", "positive")
STATUSES = ("unreviewed", "accepted", "corrected")


@dataclass(frozen=True)
class ReviewFilters:
    """Which comments an analyst asked to see; blank means any."""

    status: str = "unreviewed"  # one of STATUSES, or "all"
    source: str = ""
    theme: str = ""
    sentiment: str = ""  # the comment's sentiment now: the analyst's label, else suggested
    #: Words to find in the comment as shown (with personal data hidden), in any case.
    words: str = ""
    page: int = 1

    def as_args(self, **overrides: object) -> dict[str, object]:
        """Query-string arguments for a link to these filters (defaults left out)."""
        args: dict[str, object] = {
            "status": self.status,
            "source": self.source,
            "theme": self.theme,
            "sentiment": self.sentiment,
            "words": self.words,
            "page": self.page,
        }
        args.update(overrides)
        defaults = {"status": "unreviewed", "page": 1}
        return {
            key: value
            for key, value in args.items()
            if value not in ("", None) and defaults.get(key) != value
        }


@dataclass(frozen=True)
class ReviewPage:
    """One page of the review queue."""

    comments: list[Comment]
    total: int
    page: int
    pages: int


def review_queue(filters: ReviewFilters | None = None) -> ReviewPage:
    """Return comments to review, oldest first, never those withheld for safeguarding."""
    filters = filters or ReviewFilters()
    query = select(Comment).where(~Comment.safeguarding)
    if filters.status in STATUSES:
        query = query.where(Comment.review_status == filters.status)
    if filters.source:
        query = query.where(Comment.source == filters.source)
    if filters.theme:
        query = query.where(Comment.themes.any(theme=filters.theme))
    if filters.sentiment in SENTIMENTS:
        query = query.where(
            func.coalesce(Comment.label_sentiment, Comment.machine_sentiment) == filters.sentiment
        )
    # Every word, anywhere: a phrase typed from a card would otherwise miss a comment whose
    # words are split by a line break or two spaces.
    for word in filters.words.split():
        query = query.where(Comment.redacted.icontains(word, autoescape=True))
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page, pages = page_bounds(total, filters.page, PAGE_SIZE)
    rows = db.session.scalars(
        query.order_by(Comment.id).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    )
    return ReviewPage(comments=list(rows), total=total, page=page, pages=pages)


def next_in_queue(filters: ReviewFilters, after_id: int) -> int | None:
    """The id of the first comment after ``after_id`` on the queue page ``filters`` show,
    or None when none follows it there."""
    following = [c.id for c in review_queue(filters).comments if c.id > after_id]
    return following[0] if following else None


def get_reviewable_comment(comment_id: int) -> Comment | None:
    """Return a comment an analyst may review (safeguarding ones go to the lead only)."""
    comment = db.session.get(Comment, comment_id)
    if comment is None or comment.safeguarding:
        return None
    return comment


def is_with_safeguarding_lead(comment_id: int) -> bool:
    """Whether the comment exists and is withheld for the safeguarding lead."""
    return bool(db.session.scalar(select(Comment.safeguarding).where(Comment.id == comment_id)))


def theme_choices(keep: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Return (slug, name) for every theme an analyst can choose, and for the retired ones
    in ``keep`` (a comment's own themes), marked "(retired)", so that saving a review
    does not drop a theme it already had without a word."""
    rows = db.session.execute(
        select(Theme.slug, Theme.name, Theme.retired)
        .where(~Theme.retired | Theme.slug.in_(list(keep)))
        .order_by(Theme.position)
    )
    return [(slug, f"{name} (retired)" if retired else name) for slug, name, retired in rows]


def explain_suggestions(shown: Sequence[Comment]) -> dict[int, analysis.Explanation | None]:
    """Why the analyser suggested each comment's themes and tone: the rule keywords, the
    sentiment cues and the words that led to them. Read from the redacted text, so no
    personal data is shown; None for a comment never analysed."""
    if not shown:
        return {}
    context = comments.AnalysisContext.load()
    return {
        comment.id: analysis.explain(
            comment.redacted,
            comment.machine_themes or [],
            comment.machine_sentiment,
            context.rules,
            context.learned,
        )
        if comment.redacted
        else None
        for comment in shown
    }


def save_review(
    comment: Comment, themes: list[str], sentiment: str, user: User, *, version: int | None
) -> None:
    """Store an analyst's accepted or corrected themes and sentiment, and commit; only if the
    comment is still at ``version``, the one the analyst's card showed (``edits.EditConflict``
    otherwise, and nothing is saved), so a card opened before another analyst's review,
    hidden words or re-analysis cannot quietly replace what they saved."""
    with edits.saving(comment, version, "comment"):
        comments.label_comment(comment, themes=themes, sentiment=sentiment, user=user)
        db.session.commit()


def refer_to_safeguarding_lead(comment: Comment) -> None:
    """Raise a comment the analyst thinks may disclose a risk of harm with the safeguarding
    lead: it leaves the review queue and is withheld until the lead decides; commit."""
    comments_safeguarding.refer_to_safeguarding_lead(comment)
    db.session.commit()


@dataclass(frozen=True)
class Hidden:
    """What hiding words changed: comments, and quotes sent back for approval."""

    comments: int
    reopened_quotes: int


def hide_personal_data(
    comment: Comment, phrase: str, kind: str, everywhere: bool = False, user: User | None = None
) -> Hidden:
    """Hide words the redaction missed (``comments_hiding.hide_personal_data``; with
    ``everywhere``, a name in every comment now and from now on), send quotes of the changed
    comments approved in draft releases back for approval, and commit.

    Two analysts hiding words in the same comment at the same moment both get them hidden:
    the comment's version makes the second save fail rather than replace the first one's
    list, and it is made again on the comment as the first left it (``edits.retrying``).
    Raises ``comments_hiding.CommentError`` with a message for the analyst; nothing is changed.
    """

    def hide() -> Hidden:
        if everywhere:
            if kind != "name":
                raise comments_hiding.CommentError("Only a name can be hidden in every comment")
            changed = comments_hiding.hide_name_everywhere(comment, phrase, user)
        else:
            comments_hiding.hide_personal_data(comment, phrase, kind)
            changed = [comment]
        reopened = releases_shown.reopen_quotes_of(changed)
        db.session.commit()
        return Hidden(len(changed), reopened)

    return edits.retrying(hide, "comment")
