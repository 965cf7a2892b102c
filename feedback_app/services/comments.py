"""Free text from families: recording and analysing it, and analysts' labels.

Every survey comment, complaint text and compliment goes through
``record_comment``. Analysis runs at once (it takes about a millisecond); a
safeguarding disclosure raises a flag in the same transaction that stores the text,
so it can never sit unseen, and the designated lead is emailed once that transaction
commits (``comments_safeguarding``). Hiding words the redaction missed is in
``comments_hiding``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache

from sqlalchemy import delete, select
from sqlalchemy.orm.exc import StaleDataError

from feedback_app import analysis
from feedback_app.analysis.redaction import hide_phrases, own_details_in, phrase_pattern
from feedback_app.extensions import db
from feedback_app.models import (
    AnalysisModel,
    Comment,
    CommentLabel,
    CommentTheme,
    SafeguardingFlag,
    Theme,
    User,
)
from feedback_app.services import audit, edits, redaction_names, releases_shown, summaries
from feedback_app.services.comments_safeguarding import raise_safeguarding_flag


def record_comment(
    *,
    source: str,
    source_id: int,
    text: str,
    received_on: date,
    survey_id: int | None = None,
    quote_consent: bool = False,
    field: str = "comment",
    context: AnalysisContext | None = None,
    writer: WriterDetails | None = None,
) -> Comment | None:
    """Store (or update) a piece of free text and analyse it; the caller commits.

    Blank text stores nothing and removes an earlier comment for the same field.
    Callers that record many comments (imports) pass one ``context`` for them all.
    ``writer``: the name, email and phone number the record itself holds (a
    complainant's, say), hidden wherever the text repeats them.
    """
    existing = db.session.scalars(
        select(Comment).where(
            Comment.source == source, Comment.source_id == source_id, Comment.field == field
        )
    ).first()
    if not text or not text.strip():
        if existing is not None:
            db.session.delete(existing)
        return None
    comment = existing or Comment(source=source, source_id=source_id, field=field)
    text_changed = existing is not None and existing.text != text
    comment.text = text
    comment.received_on = received_on
    comment.survey_id = survey_id
    comment.quote_consent = quote_consent
    if existing is None:
        db.session.add(comment)
    if writer is not None:
        _hide_writer_details(comment, writer)
    analyse_comment(comment, context=context or AnalysisContext.load(), text_changed=text_changed)
    return comment


@dataclass(frozen=True)
class WriterDetails:
    """What a record holds about the person who wrote its text."""

    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()

    def found_in(self, text: str) -> list[list[str]]:
        """The writer's own details that ``text`` repeats, as hidden phrases."""
        return own_details_in(text, names=self.names, emails=self.emails, phones=self.phones)


def _hide_writer_details(comment: Comment, writer: WriterDetails) -> None:
    """Add the writer's own details that the text repeats to the comment's hidden phrases,
    which stay hidden through every later analysis, as an analyst's would."""
    found = writer.found_in(comment.text)
    hidden = list(comment.hidden_phrases or [])
    new = [pair for pair in found if pair not in hidden]
    if new:
        comment.hidden_phrases = [*hidden, *new]


class AnalysisContext:
    """What analysis needs from the database: theme rules, staff names, the learned model.

    Loaded once per request or batch, not once per comment.
    """

    def __init__(
        self,
        rules: Sequence[analysis.ThemeRule],
        known_names: Sequence[str],
        learned: analysis.LearnedModel | None,
        listed_names: Sequence[str] = (),
    ) -> None:
        self.rules = rules
        self.known_names = known_names
        self.learned = learned
        #: the names analysts hid in every comment (also among ``known_names``)
        self.listed_names = tuple(listed_names)
        self._listed_re = (
            re.compile(
                "|".join(phrase_pattern(name).pattern for name in self.listed_names),
                re.IGNORECASE,
            )
            if self.listed_names
            else None
        )

    def listed_names_in(self, text: str) -> list[str]:
        """The names hidden in every comment that this text holds."""
        if self._listed_re is None or self._listed_re.search(text) is None:
            return []
        return [name for name in self.listed_names if phrase_pattern(name).search(text)]

    @classmethod
    def load(cls) -> AnalysisContext:
        themes = db.session.scalars(select(Theme).where(~Theme.retired).order_by(Theme.position))
        rules = [
            analysis.ThemeRule(
                slug=theme.slug,
                name=theme.name,
                description=theme.description,
                keywords=analysis.parse_keywords(theme.keywords),
            )
            for theme in themes
        ]
        listed = redaction_names.names()
        names = redaction_names.staff_names() + listed
        newest = db.session.execute(
            select(AnalysisModel.id, AnalysisModel.created_at).order_by(AnalysisModel.id.desc())
        ).first()
        learned = (
            _learned_model(str(db.engine.url), newest.id, str(newest.created_at))
            if newest
            else None
        )
        return cls(
            rules=rules or analysis.DEFAULT_THEME_RULES,
            known_names=names,
            learned=learned,
            listed_names=listed,
        )

    def analyse(
        self, text: str, question: str | None = None, source: str | None = None
    ) -> analysis.Analysis:
        return analysis.analyse(
            text,
            question=question,
            source=source,
            theme_rules=self.rules,
            known_names=self.known_names,
            learned=self.learned,
        )


@lru_cache(maxsize=4)
def _learned_model(database: str, model_id: int, created_at: str) -> analysis.LearnedModel:
    """Parse a stored model once per process: rows are only ever added, never changed.

    Parsing and indexing a model takes tens of milliseconds, far more than analysing a
    comment, so it must not happen once per comment. The database and the row's time
    are part of the key, so a model with a reused id (a wiped database) is not mistaken
    for an older one.
    """
    data = db.session.scalar(select(AnalysisModel.data).where(AnalysisModel.id == model_id))
    return analysis.LearnedModel.from_dict(data or {})


def analyse_comment(
    comment: Comment, context: AnalysisContext, *, text_changed: bool = False
) -> None:
    """Run analysis on a comment, keeping any analyst's label, and flag disclosures.

    ``text_changed``: the words were edited since the comment was last analysed (a
    complaint's summary, say), so a lead's decision on the old words no longer holds.
    """
    result = context.analyse(comment.text, source=comment.source)
    shown_before = comment.redacted
    # A name on the list stays hidden in this comment even if it is taken off the list
    # later, as in the comments that had it when it was added.
    for name in context.listed_names_in(comment.text):
        if [name, "name"] not in (comment.hidden_phrases or []):
            comment.hidden_phrases = [*(comment.hidden_phrases or []), [name, "name"]]
    comment.redacted = hide_phrases(result.redacted, comment.hidden_phrases or [])
    if shown_before and comment.redacted != shown_before:
        # Better redaction (new rules, a name added to the list) changed the words shown:
        # a quote approved with the old words goes back for approval.
        releases_shown.reopen_quotes_of([comment])
    comment.machine_themes = list(result.themes)
    comment.machine_sentiment = result.sentiment
    comment.polarity = result.polarity
    comment.safeguarding_phrases = sorted(
        set(comment.safeguarding_phrases or []) | set(result.safeguarding_phrases)
    )
    comment.analysed_at = datetime.now(UTC)
    _sync_effective_themes(comment)
    # Once flagged, a comment stays withheld unless the lead decides it is no concern.
    withheld = bool(comment.safeguarding)
    if result.safeguarding:
        flag = raise_safeguarding_flag(
            comment,
            list(result.safeguarding_phrases),
            result.safeguarding_found_by,
            text_changed=text_changed,
        )
        withheld = flag.withholds
    comment.safeguarding = withheld


def _sync_effective_themes(comment: Comment) -> None:
    """Rewrite the comment's effective themes (label if any, else machine) for counting."""
    wanted = set(comment.effective_themes)
    sentiment = comment.sentiment
    current = {link.theme: link for link in comment.themes}
    for theme, link in current.items():
        if theme not in wanted:
            comment.themes.remove(link)
        else:
            link.sentiment = sentiment
    for theme in wanted - current.keys():
        comment.themes.append(CommentTheme(theme=theme, sentiment=sentiment))


def label_comment(
    comment: Comment, *, themes: Sequence[str], sentiment: str, user: User | None
) -> CommentLabel:
    """Store an analyst's correction; re-analysis will never overwrite it. Caller commits."""
    label = CommentLabel(
        comment_id=comment.id,
        user_id=user.id if user else None,
        themes=list(themes),
        sentiment=sentiment,
        # None when the comment was never analysed: nothing was suggested to agree with.
        suggested_themes=list(comment.machine_themes or []) if comment.analysed_at else None,
        suggested_sentiment=comment.machine_sentiment if comment.analysed_at else None,
    )
    db.session.add(label)
    # Themes are a set: the form lists them in the taxonomy's order, the analyser by score.
    changed = (
        set(themes) != set(comment.machine_themes or []) or sentiment != comment.machine_sentiment
    )
    comment.label_themes = list(themes)
    comment.label_sentiment = sentiment
    comment.review_status = "corrected" if changed else "accepted"
    comment.reviewed_by_id = user.id if user else None
    comment.reviewed_at = datetime.now(UTC)
    _sync_effective_themes(comment)
    audit.record(
        "comment.labelled", "comment", comment.id, themes=list(themes), sentiment=sentiment
    )
    return label


def reanalyse_all(batch_size: int = 500) -> int:
    """Analyse every comment again with the current rules; labels stay. Commits per batch."""
    context = AnalysisContext.load()
    count = 0
    last_id = 0
    beaten = 0
    while True:
        batch = list(
            db.session.scalars(
                select(Comment).where(Comment.id > last_id).order_by(Comment.id).limit(batch_size)
            )
        )
        if not batch:
            return count
        try:
            for comment in batch:
                analyse_comment(comment, context)
            db.session.commit()
        except StaleDataError:
            # Someone saved one of these comments (a review, hidden words) while the batch
            # was analysed: analyse it again from what they saved, rather than undo it.
            db.session.rollback()
            beaten += 1
            if beaten > edits.ATTEMPTS:
                raise
            continue
        count += len(batch)
        last_id = batch[-1].id


def delete_comments_for(source: str, source_id: int) -> None:
    """Remove every comment of one record (used when personal data is erased)."""
    ids = select(Comment.id).where(Comment.source == source, Comment.source_id == source_id)
    # Bulk deletes bypass the ORM, so the findings' running totals are moved explicitly.
    upkeep = summaries.before_change(comment_ids=list(db.session.scalars(ids)))
    db.session.execute(delete(SafeguardingFlag).where(SafeguardingFlag.comment_id.in_(ids)))
    db.session.execute(delete(CommentTheme).where(CommentTheme.comment_id.in_(ids)))
    db.session.execute(
        delete(Comment).where(Comment.source == source, Comment.source_id == source_id)
    )
    summaries.after_change(upkeep)
