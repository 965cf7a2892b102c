"""Findings releases, the quotes approved for them, forum comments, and "you said, we did".

A release is a draft until an analyst publishes it; publishing freezes its
figures as a JSON snapshot, so a published page never changes silently. A
correction is a new version of the same survey and period, with a note.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models.base import Versioned, utcnow

RELEASE_STATUSES = ("draft", "published", "superseded")
IMPROVEMENT_STATUSES = {"planned": "Planned", "in_progress": "In progress", "done": "Done"}


class Release(db.Model):  # type: ignore[name-defined,misc]
    """One version of the findings for a survey and period."""

    __tablename__ = "findings_releases"
    __table_args__ = (
        UniqueConstraint("survey_id", "period", "version"),
        Index("ix_findings_releases_public", "status", "survey_id", "period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"))
    period: Mapped[str] = mapped_column(String(12))  # 2023-24 or 2023-24-Q1
    version: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    # Why this version exists, shown publicly for corrections.
    note: Mapped[str] = mapped_column(Text, default="")
    # The public figures, suppressed, frozen at publication; empty for drafts.
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    quotes: Mapped[list[ReleaseQuote]] = relationship(
        back_populates="release", order_by="ReleaseQuote.id", cascade="all, delete-orphan"
    )
    remarks: Mapped[list[ReleaseRemark]] = relationship(
        back_populates="release", order_by="ReleaseRemark.id", cascade="all, delete-orphan"
    )

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


class ReleaseQuote(db.Model):  # type: ignore[name-defined,misc]
    """A comment picked for a release; ``text`` is exactly what the approver saw."""

    __tablename__ = "findings_quotes"
    __table_args__ = (UniqueConstraint("release_id", "comment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("findings_releases.id", ondelete="CASCADE"))
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"))
    theme: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), default="proposed")  # proposed | approved
    text: Mapped[str] = mapped_column(Text, default="")
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    release: Mapped[Release] = relationship(back_populates="quotes")


class ReleaseRemark(db.Model):  # type: ignore[name-defined,misc]
    """A forum member's (or analyst's) comment on a draft: co-production on the record."""

    __tablename__ = "findings_remarks"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("findings_releases.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author: Mapped[str] = mapped_column(String(254), default="")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: The one-time token of the form that left it (``services.once``).
    submission_token: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)

    release: Mapped[Release] = relationship(back_populates="remarks")


class Improvement(db.Model):  # type: ignore[name-defined,misc]
    """A "you said, we did" entry: what families said about a theme and what was done.

    Entries made from a complaint action keep only the action's id (no foreign key,
    so this table does not depend on the complaints migration) and public wording
    written by staff; nothing is copied from the complaint itself.
    """

    __tablename__ = "improvements"
    __table_args__ = (Index("ix_improvements_public", "published", "theme"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    theme: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    you_said: Mapped[str] = mapped_column(Text)
    we_did: Mapped[str] = mapped_column(Text)
    service: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12), default="planned")
    started_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="improvement")  # or complaint_action
    complaint_action_id: Mapped[int | None] = mapped_column(unique=True)
    quote_id: Mapped[int | None] = mapped_column(ForeignKey("findings_quotes.id"))
    published: Mapped[bool] = mapped_column(default=True)
    # For an entry made from a complaint action: staff chose the status themselves, so it
    # no longer follows the action's (an action marked done would otherwise make it done).
    status_set_by_hand: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The one-time token of the form that made it (services.once.make_once).
    submission_token: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)

    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="improvement", order_by="Milestone.due_on", cascade="all, delete-orphan"
    )
    quote: Mapped[ReleaseQuote | None] = relationship()

    @property
    def status_label(self) -> str:
        return IMPROVEMENT_STATUSES.get(self.status, self.status)


class Milestone(Versioned, db.Model):  # type: ignore[name-defined,misc]
    """A step towards an improvement, with when it is due and when it was done.

    Staff change and remove milestones through forms, so each has a ``version``
    (``services.edits``): a form opened before someone else's change is refused.
    """

    __tablename__ = "improvement_milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    improvement_id: Mapped[int] = mapped_column(ForeignKey("improvements.id", ondelete="CASCADE"))
    description: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    #: The one-time token of the form that added it (``services.once``).
    submission_token: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)

    improvement: Mapped[Improvement] = relationship(back_populates="milestones")


# The findings aggregation joins answers to responses and groups by key and value;
# this covering index lets it read the index alone. Declared here (not in surveys.py)
# because the findings migration creates it.
def _answers_index() -> Index:
    from feedback_app.models.surveys import Answer

    return Index(
        "ix_answers_response_key_value", Answer.response_id, Answer.question_key, Answer.value
    )


_answers_index()


class ResponseCount(db.Model):  # type: ignore[name-defined,misc]
    """How many responses to a survey were submitted on a day (kept by services.summaries)."""

    __tablename__ = "response_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"), primary_key=True)
    submitted_on: Mapped[date] = mapped_column(Date, primary_key=True)
    count: Mapped[int] = mapped_column(default=0)


class AnswerCount(db.Model):  # type: ignore[name-defined,misc]
    """How many submitted answers gave a value to a question on a day (services.summaries).

    The key starts with the survey and day, so a period's figures are a range read of at
    most days x questions x values rows, however many responses there are.
    """

    __tablename__ = "answer_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"), primary_key=True)
    submitted_on: Mapped[date] = mapped_column(Date, primary_key=True)
    question_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(40), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)


class CommentThemeCount(db.Model):  # type: ignore[name-defined,misc]
    """How many survey comments received on a day carry a theme with a sentiment.

    Counts every survey comment's effective themes, safeguarding-flagged ones included
    (as the findings always have); a missing sentiment is stored as ``unknown``.
    """

    __tablename__ = "comment_theme_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"), primary_key=True)
    received_on: Mapped[date] = mapped_column(Date, primary_key=True)
    theme: Mapped[str] = mapped_column(String(40), primary_key=True)
    sentiment: Mapped[str] = mapped_column(String(10), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)


FROZEN_FIELDS = ("snapshot", "survey_id", "period", "version", "note", "published_at")


@event.listens_for(Release, "before_update")
def _refuse_changes_to_published(mapper: Any, connection: Any, release: Release) -> None:
    """A published release is frozen: only its status may move on (to superseded)."""
    status_history: Any = inspect(release).attrs.status.history
    was = status_history.deleted[0] if status_history.deleted else release.status
    if was == "draft":
        return
    for name in FROZEN_FIELDS:
        if inspect(release).attrs[name].history.has_changes():
            raise PublishedReleaseError(f"Release {release.id} is published; {name} cannot change")


class PublishedReleaseError(RuntimeError):
    """Someone tried to change a published release; make a correction instead."""
