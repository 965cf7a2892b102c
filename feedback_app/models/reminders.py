"""Which reminders went out on which day, so that running ``flask send-reminders`` twice
in a day (a timer on two hosts, an operator running it by hand) sends each one once."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from feedback_app.extensions import db
from feedback_app.models.base import utcnow


class SentReminder(db.Model):  # type: ignore[name-defined,misc]
    """One reminder sent: its reference (which names the record, the kind and the day,
    never a person) and when. Rows older than a few weeks are deleted."""

    __tablename__ = "sent_reminders"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(120), unique=True)
    sent_on: Mapped[date] = mapped_column(Date, index=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
