"""Surveys as data: definitions with versions and questions, and the responses to them.

A survey has versions per audience (parents and carers, or children and young
people in easy read). Answers point at the exact question row they answered, so a
new version never changes the meaning of answers already given, while the stable
question ``key`` lets results from every version and audience merge.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models.base import utcnow

SCALE = (
    "strongly_agree",
    "agree",
    "neither",
    "disagree",
    "strongly_disagree",
    "not_applicable",
)
POSITIVE = frozenset({"strongly_agree", "agree"})
NEGATIVE = frozenset({"disagree", "strongly_disagree"})
RESPONDENTS = ("parent_carer", "young_person", "professional", "other")


class Survey(db.Model):  # type: ignore[name-defined,misc]
    """A survey such as ``new_ehcp``; its wording lives in its versions."""

    __tablename__ = "surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    path: Mapped[str] = mapped_column(String(60), unique=True)  # kebab-case, for URLs
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)

    versions: Mapped[list[SurveyVersion]] = relationship(
        back_populates="survey", order_by="SurveyVersion.number"
    )


class SurveyVersion(db.Model):  # type: ignore[name-defined,misc]
    """One wording of a survey for one audience; only one is current per audience."""

    __tablename__ = "survey_versions"
    __table_args__ = (UniqueConstraint("survey_id", "audience", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"))
    audience: Mapped[str] = mapped_column(String(20))  # parent | young_person
    number: Mapped[int] = mapped_column(default=1)
    title: Mapped[str] = mapped_column(String(200))
    introduction: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int] = mapped_column(default=3)
    is_current: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    survey: Mapped[Survey] = relationship(back_populates="versions")
    questions: Mapped[list[Question]] = relationship(
        back_populates="version", order_by="Question.position"
    )


class Question(db.Model):  # type: ignore[name-defined,misc]
    """A question of one survey version; ``key`` is the stable id of SPEC §4."""

    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("version_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_versions.id"))
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(default=0)
    # scale: the agreement scale; text: free text; choice: one of options.
    kind: Mapped[str] = mapped_column(String(20))
    # main: the survey's own questions; about_you: optional equality questions.
    section: Mapped[str] = mapped_column(String(20), default="main")
    text: Mapped[str] = mapped_column(Text)
    hint: Mapped[str] = mapped_column(Text, default="")
    # For scale and choice: [{"value": ..., "label": ...}, ...] in display order.
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    required: Mapped[bool] = mapped_column(default=True)
    max_length: Mapped[int] = mapped_column(default=5000)

    version: Mapped[SurveyVersion] = relationship(back_populates="questions")

    @property
    def option_values(self) -> list[str]:
        return [str(option["value"]) for option in self.options]


class Response(db.Model):  # type: ignore[name-defined,misc]
    """One family's response: a draft while they answer, then submitted once."""

    __tablename__ = "responses"
    __table_args__ = (
        Index("ix_responses_survey_submitted", "survey_id", "status", "submitted_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"))
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_versions.id"))
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | submitted
    # Only a hash of the resume code is kept, so a database leak cannot resume drafts.
    resume_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    submitted_on: Mapped[date | None] = mapped_column(Date)
    respondent: Mapped[str | None] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20), default="web")  # web | import
    contact_consent: Mapped[bool] = mapped_column(default=False)
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    quote_consent: Mapped[bool] = mapped_column(default=False)
    # Set when the family answers the consent page: until then both consents above are
    # only their defaults, and the draft is not sent (a resumed draft asks first).
    consent_answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The browser holding a draft keeps a random secret in its session; only its hash is
    # stored, so knowing a response id is never enough to read or change a draft.
    draft_secret_hash: Mapped[str | None] = mapped_column(String(64))
    # A resume code works until this moment (config RESUME_HOURS after it was issued).
    resume_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    survey: Mapped[Survey] = relationship()
    version: Mapped[SurveyVersion] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


class Answer(db.Model):  # type: ignore[name-defined,misc]
    """The answer to one question: a scale or choice value, or free text."""

    __tablename__ = "answers"
    __table_args__ = (
        UniqueConstraint("response_id", "question_key"),
        Index("ix_answers_key_value", "question_key", "value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id"))
    question_key: Mapped[str] = mapped_column(String(40))
    value: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str | None] = mapped_column(Text)

    response: Mapped[Response] = relationship(back_populates="answers")


class ContactRequest(db.Model):  # type: ignore[name-defined,misc]
    """A family's "yes" to "Would you like us to contact you?", and who contacted them when.

    The contact details themselves stay on the response, where retention erases them
    (``survey_retention.erase_contact_details``); the request keeps only that it was made
    and when it was answered, so it still makes sense once the details have gone.
    """

    __tablename__ = "contact_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), unique=True
    )
    #: The day the response was sent (in the UK): the promised reply counts from it.
    requested_on: Mapped[date] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    contacted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    contacted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    response: Mapped[Response] = relationship()
    contacted_by = relationship("User")
