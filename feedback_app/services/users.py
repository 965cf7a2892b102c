"""Staff accounts: creation, password checks and lockout after repeated failures."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Role, User
from feedback_app.services import audit

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the email is unknown, so timing does not reveal which exist.

    Made on first use, not at import: hashing takes half a second, and every gunicorn
    worker imports this module when it starts.
    """
    return _hasher.hash("not-a-real-password")


MIN_PASSWORD_LENGTH = 12


class UserError(ValueError):
    """A user could not be created or changed; the message says why."""


@dataclass(frozen=True)
class SignInResult:
    """The outcome of a sign-in attempt."""

    user: User | None
    locked: bool = False


def create_user(email: str, role: str, password: str, name: str = "") -> User:
    """Create a staff user with an argon2 password hash, and commit."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise UserError("Enter an email address in the correct format, like name@example.com")
    if role not in {r.value for r in Role}:
        raise UserError(f"Role must be one of: {', '.join(r.value for r in Role)}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"Password must be {MIN_PASSWORD_LENGTH} characters or more")
    if find_by_email(email) is not None:
        raise UserError(f"A user with the email {email} already exists")
    user = User(
        email=email,
        name=name.strip(),
        role=role,
        password_hash=_hasher.hash(password),
        session_token=secrets.token_hex(16),
    )
    db.session.add(user)
    db.session.flush()
    audit.record("user.created", "user", user.id, role=role)
    db.session.commit()
    return user


def find_by_email(email: str) -> User | None:
    """Return the user with this email address, ignoring case."""
    query = select(User).where(func.lower(User.email) == email.strip().lower())
    return db.session.scalars(query).first()


def authenticate(email: str, password: str) -> SignInResult:
    """Check a password, counting failures and locking the account after too many."""
    user = find_by_email(email)
    now = datetime.now(UTC)
    if user is None or not user.active:
        _verify(_dummy_hash(), password)
        return SignInResult(user=None)
    locked_until = _aware(user.locked_until)
    if locked_until and locked_until > now:
        return SignInResult(user=None, locked=True)
    if not _verify(user.password_hash, password):
        user.failed_sign_ins += 1
        locked = user.failed_sign_ins >= current_app.config["SIGN_IN_MAX_FAILURES"]
        if locked:
            minutes = current_app.config["SIGN_IN_LOCKOUT_MINUTES"]
            user.locked_until = now + timedelta(minutes=minutes)
            user.failed_sign_ins = 0
            audit.record("user.locked", "user", user.id)
        db.session.commit()
        return SignInResult(user=None, locked=locked)
    user.failed_sign_ins = 0
    user.locked_until = None
    user.last_sign_in_at = now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    db.session.commit()
    return SignInResult(user=user)


def list_users() -> list[User]:
    """Return every user, by email."""
    return list(db.session.scalars(select(User).order_by(User.email)))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes even for timezone-aware columns.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment
