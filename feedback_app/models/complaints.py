"""Complaints, their points, stage clocks and follow-up actions, and compliments.

A complaint holds the complainant's personal data (erased after the retention
period); its points, stages, outcomes and dates are kept so that reports still
count them. ``Complaint.due_on`` and ``Complaint.state`` are copies of the
current stage's clock, kept up to date by the service, so that the triage queue
can sort and filter 50,000 complaints in SQL with an index
(``ix_complaints_queue_order`` and ``ix_complaints_state_order``, migration 0006,
match the queue's ORDER BY exactly).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models.base import Versioned, utcnow

STAGES = ("1", "2", "ombudsman")
STAGE_LABELS = {"1": "Stage 1", "2": "Stage 2", "ombudsman": "Ombudsman"}
OUTCOMES = ("pending", "upheld", "partially_upheld", "not_upheld")
OUTCOME_LABELS = {
    "pending": "Pending",
    "upheld": "Upheld",
    "partially_upheld": "Partially upheld",
    "not_upheld": "Not upheld",
}
STATES = ("awaiting_acknowledgement", "awaiting_response", "responded", "closed")
STATE_LABELS = {
    "awaiting_acknowledgement": "Awaiting acknowledgement",
    "awaiting_response": "Awaiting response",
    "responded": "Responded",
    "closed": "Closed",
}
CHANNELS = {
    "email": "Email",
    "phone": "Phone",
    "letter": "Letter",
    "online": "Online form",
    "in_person": "In person",
    "import": "Imported",
}
RELATIONSHIPS = {
    "parent_carer": "Parent or carer",
    "young_person": "The young person",
    "advocate": "Advocate or representative",
    "professional": "Professional",
    "other": "Other",
}
EHCP_STAGES = {
    "request": "Request for assessment",
    "assessment": "Needs assessment (20 weeks)",
    "draft_plan": "Draft or final plan",
    "annual_review": "Annual review",
    "other": "Other or not about an EHCP",
}
ERASED = "[erased]"


class Complaint(Versioned, db.Model):  # type: ignore[name-defined,misc]
    """One complaint: who made it, when, about what, and where its clock stands."""

    __tablename__ = "complaints"
    __table_args__ = (
        Index("ix_complaints_queue", "state", "due_on", "id"),
        Index("ix_complaints_stage_due", "stage", "due_on"),
        Index("ix_complaints_officer_due", "officer_id", "due_on"),
        Index("ix_complaints_closed_on", "closed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(20), default="email")
    stage: Mapped[str] = mapped_column(String(10), default="1")
    state: Mapped[str] = mapped_column(String(30), default="awaiting_acknowledgement")
    # The next deadline of the current stage; None when nothing is due.
    due_on: Mapped[date | None] = mapped_column(Date)
    complainant_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    contact_address: Mapped[str] = mapped_column(Text, default="")
    relationship_to_child: Mapped[str] = mapped_column(String(20), default="parent_carer")
    child_reference: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    ehcp_stage: Mapped[str] = mapped_column(String(20), default="")
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_on: Mapped[date | None] = mapped_column(Date)
    erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The one-time token of the public form it was sent with: the same form sent again
    # (a double click, or Back then Send) finds this complaint instead of making another.
    submission_token: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)

    officer = relationship("User")
    points: Mapped[list[ComplaintPoint]] = relationship(
        back_populates="complaint", order_by="ComplaintPoint.position", cascade="all, delete-orphan"
    )
    stages: Mapped[list[ComplaintStage]] = relationship(
        back_populates="complaint", order_by="ComplaintStage.id", cascade="all, delete-orphan"
    )

    @property
    def current_stage(self) -> ComplaintStage | None:
        return self.stages[-1] if self.stages else None

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.stage, self.stage)

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)


# The triage queue's order (services.complaints_queue.QUEUE_ORDER), for every complaint and
# within one state; made by migration 0006.
Index(
    "ix_complaints_queue_order",
    Complaint.due_on.is_(None),
    Complaint.due_on,
    Complaint.received_on,
    Complaint.id,
)
Index(
    "ix_complaints_state_order",
    Complaint.state,
    Complaint.due_on.is_(None),
    Complaint.due_on,
    Complaint.received_on,
    Complaint.id,
)


class ComplaintStage(db.Model):  # type: ignore[name-defined,misc]
    """One stage of a complaint and its statutory clock (ombudsman stages have none)."""

    __tablename__ = "complaint_stages"
    __table_args__ = (
        Index("ix_complaint_stages_responded", "responded_on"),
        Index("ix_complaint_stages_acknowledged", "acknowledged_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaints.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[str] = mapped_column(String(10))
    started_on: Mapped[date] = mapped_column(Date)
    acknowledge_by: Mapped[date | None] = mapped_column(Date)
    respond_by: Mapped[date | None] = mapped_column(Date)
    acknowledged_on: Mapped[date | None] = mapped_column(Date)
    responded_on: Mapped[date | None] = mapped_column(Date)
    extension_days: Mapped[int] = mapped_column(default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(String(60), default="")  # e.g. the LGSCO's

    complaint: Mapped[Complaint] = relationship(back_populates="stages")

    @property
    def label(self) -> str:
        return STAGE_LABELS.get(self.stage, self.stage)


class ComplaintPoint(Versioned, db.Model):  # type: ignore[name-defined,misc]
    """One issue within a complaint, with its theme (a taxonomy slug) and outcome."""

    __tablename__ = "complaint_points"
    __table_args__ = (
        Index("ix_complaint_points_theme_outcome", "theme", "outcome"),
        Index("ix_complaint_points_theme_complaint", "theme", "complaint_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaints.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=1)
    theme: Mapped[str] = mapped_column(ForeignKey("themes.slug"))
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(20), default="pending")
    stage: Mapped[str] = mapped_column(String(10), default="1")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The one-time token of the form that added it (services.once.make_once).
    submission_token: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)

    complaint: Mapped[Complaint] = relationship(back_populates="points")
    theme_record = relationship("Theme", viewonly=True)
    actions: Mapped[list[ComplaintAction]] = relationship(
        back_populates="point", order_by="ComplaintAction.id", cascade="all, delete-orphan"
    )

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.outcome, self.outcome)

    @property
    def needs_actions(self) -> bool:
        return self.outcome in {"upheld", "partially_upheld"}


class ComplaintAction(db.Model):  # type: ignore[name-defined,misc]
    """Something a SEND service agreed to do because a point was upheld, followed to done."""

    __tablename__ = "complaint_actions"
    __table_args__ = (Index("ix_complaint_actions_status_due", "status", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    point_id: Mapped[int] = mapped_column(
        ForeignKey("complaint_points.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    team: Mapped[str] = mapped_column(String(120), default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    owner_email: Mapped[str] = mapped_column(String(254), default="")
    due_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | done
    completed_on: Mapped[date | None] = mapped_column(Date)
    # A candidate for "you said, we did": the findings pages may publish it, after review.
    you_said_we_did: Mapped[bool] = mapped_column(default=False, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The one-time token of the form that added it (services.once.make_once).
    submission_token: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)

    point: Mapped[ComplaintPoint] = relationship(back_populates="actions")


class Compliment(db.Model):  # type: ignore[name-defined,misc]
    """Praise for a team or person; who was praised stays internal."""

    __tablename__ = "compliments"
    __table_args__ = (Index("ix_compliments_received_theme", "received_on", "theme"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), default="")
    received_on: Mapped[date] = mapped_column(Date)
    theme: Mapped[str] = mapped_column(ForeignKey("themes.slug"))
    team: Mapped[str] = mapped_column(String(120), default="")
    person_praised: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: The one-time token of the form that logged it (``services.once``).
    submission_token: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)

    theme_record = relationship("Theme", viewonly=True)
