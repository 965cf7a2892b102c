"""Free text from families, with the analyser's suggestions and analysts' corrections.

Every survey comment, complaint text and compliment becomes one ``Comment``. The
machine's suggestion and the analyst's label are kept apart so that re-analysis
never overwrites a person's correction; ``CommentTheme`` holds the effective
themes (label if any, else machine) so that findings can count them in SQL.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models.base import Versioned, utcnow

#: The safeguarding lead's decision on a flag, and how the form puts it.
SAFEGUARDING_CONCERNS = {
    "concern": "Yes: it may disclose a risk of harm",
    "no_concern": "No: it is not a safeguarding concern",
    "undecided": "Not decided yet",
}


class Comment(Versioned, db.Model):  # type: ignore[name-defined,misc]
    """A piece of free text and what is known about it."""

    __tablename__ = "comments"
    __table_args__ = (
        UniqueConstraint("source", "source_id", "field"),
        Index("ix_comments_survey_received", "survey_id", "received_on"),
        Index("ix_comments_review", "review_status", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # survey | complaint | compliment; source_id is the response, complaint or compliment id.
    source: Mapped[str] = mapped_column(String(20))
    source_id: Mapped[int] = mapped_column()
    field: Mapped[str] = mapped_column(String(40), default="comment")
    survey_id: Mapped[int | None] = mapped_column(ForeignKey("surveys.id"))
    received_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    # Whether the author agreed that their words may be quoted (anonymously).
    quote_consent: Mapped[bool] = mapped_column(default=False)

    redacted: Mapped[str] = mapped_column(Text, default="")
    #: [phrase, kind] pairs an analyst marked as personal data the redaction missed; hidden
    #: again whenever the comment is re-analysed (analysis.redaction.hide_phrases)
    hidden_phrases: Mapped[list[list[str]] | None] = mapped_column(JSON)
    machine_themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    machine_sentiment: Mapped[str | None] = mapped_column(String(10))
    polarity: Mapped[float] = mapped_column(Float, default=0.0)
    safeguarding: Mapped[bool] = mapped_column(default=False, index=True)
    safeguarding_phrases: Mapped[list[str]] = mapped_column(JSON, default=list)
    analysed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    # unreviewed | accepted | corrected
    review_status: Mapped[str] = mapped_column(String(20), default="unreviewed")
    label_themes: Mapped[list[str] | None] = mapped_column(JSON)
    label_sentiment: Mapped[str | None] = mapped_column(String(10))
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    themes: Mapped[list[CommentTheme]] = relationship(
        back_populates="comment", cascade="all, delete-orphan"
    )

    @property
    def effective_themes(self) -> list[str]:
        return list(self.label_themes if self.label_themes is not None else self.machine_themes)

    @property
    def sentiment(self) -> str | None:
        return self.label_sentiment or self.machine_sentiment


class CommentTheme(db.Model):  # type: ignore[name-defined,misc]
    """One effective theme of a comment, with the comment's sentiment copied for counting."""

    __tablename__ = "comment_themes"
    __table_args__ = (
        UniqueConstraint("comment_id", "theme"),
        Index("ix_comment_themes_theme", "theme", "sentiment"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    theme: Mapped[str] = mapped_column(String(40))
    sentiment: Mapped[str | None] = mapped_column(String(10))

    comment: Mapped[Comment] = relationship(back_populates="themes")


class CommentLabel(db.Model):  # type: ignore[name-defined,misc]
    """An analyst's correction, kept as history: who said which themes and tone, when."""

    __tablename__ = "comment_labels"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    sentiment: Mapped[str] = mapped_column(String(10))
    # What the analyser suggested when the analyst gave this label (None for labels given
    # before it was kept): how often analysts agree with the analyser is counted from these.
    suggested_themes: Mapped[list[str] | None] = mapped_column(JSON)
    suggested_sentiment: Mapped[str | None] = mapped_column(String(10))


class SafeguardingFlag(Versioned, db.Model):  # type: ignore[name-defined,misc]
    """A possible disclosure of harm, raised to the designated safeguarding lead."""

    __tablename__ = "safeguarding_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"), unique=True)
    raised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    phrases: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: "rules", "model" (the learned part alone: a prompt to check), "analyst" (a person
    #: reading the comment) or "" (flags from before this was kept)
    found_by: Mapped[str] = mapped_column(String(10), default="", server_default="")
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    #: The lead's decision (``SAFEGUARDING_CONCERNS``). A comment whose flag is "no_concern"
    #: is reviewed and quotable like any other; ``flask retrain`` learns from every decision.
    concern: Mapped[str] = mapped_column(
        String(12), default="undecided", server_default="undecided"
    )
    action_taken: Mapped[str] = mapped_column(Text, default="")
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: When the lead was last emailed about the flag; never set by an email that failed.
    notified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    comment: Mapped[Comment] = relationship()

    @property
    def withholds(self) -> bool:
        """Whether the comment is kept from analysts' review and from quotes: until the lead
        decides it is not a safeguarding concern."""
        return self.concern != "no_concern"


class AnalysisModel(db.Model):  # type: ignore[name-defined,misc]
    """A model learned by ``flask retrain`` from analysts' corrections and safeguarding leads'
    decisions; the newest is used."""

    __tablename__ = "analysis_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    examples: Mapped[int] = mapped_column(default=0)
    data: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")


class RedactionName(db.Model):  # type: ignore[name-defined,misc]
    """A name an analyst asked to hide in every comment, now and from now on (beside the
    staff names the system knows); only names that are no everyday word."""

    __tablename__ = "redaction_names"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
