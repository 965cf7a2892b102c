"""Staff accounts and their roles."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models.base import utcnow


class Role(enum.StrEnum):
    """The roles of SPEC §6; each staff route names the roles it admits."""

    ADMIN = "admin"
    COMPLAINTS_OFFICER = "complaints_officer"
    ANALYST = "analyst"
    SAFEGUARDING_LEAD = "safeguarding_lead"
    FORUM_MEMBER = "forum_member"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class User(UserMixin, db.Model):  # type: ignore[name-defined,misc]
    """A member of staff (or forum member) who signs in."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    # Failures are counted only while they keep coming (see services/lockout.py).
    last_failed_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Changes whenever the password changes or the account is disabled, so that old
    # sessions stop working (Flask-Login reads it through get_id).
    session_token: Mapped[str] = mapped_column(String(64), default="")

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        return self.active

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    def has_role(self, *roles: Role | str) -> bool:
        """Say whether the user holds one of the roles; admins hold every role."""
        return self.role == Role.ADMIN or self.role in {str(r) for r in roles}

    @property
    def display_name(self) -> str:
        return self.name or self.email


class SignInFailure(db.Model):  # type: ignore[name-defined,misc]
    """Failed sign-ins for an email with no active account, kept under a keyed hash.

    Such an email "locks" exactly as an account does, so lockout cannot tell a guesser
    which emails have accounts; the email itself is never stored.
    """

    __tablename__ = "sign_in_failures"

    #: HMAC-SHA256 of the normalised email, keyed with SECRET_KEY, in hex.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    last_failed_sign_in_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, index=True
    )
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PasswordResetToken(db.Model):  # type: ignore[name-defined,misc]
    """A single-use, time-limited link to choose a new password; only its hash is kept."""

    __tablename__ = "password_reset_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    #: SHA-256 of the token in the link, in hex.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()
