"""Staff accounts: creation, changes, password checks and lockout after repeated failures."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Role, User
from feedback_app.services import audit, lockout

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the email is unknown, so timing does not reveal which exist.

    Made on first use, not at import: hashing takes half a second, and every gunicorn
    worker imports this module when it starts.
    """
    return _hasher.hash("not-a-real-password")


MIN_PASSWORD_LENGTH = 12
# The sign-in form takes no more than this, so a longer password could never be used.
MAX_PASSWORD_LENGTH = 500


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
    check_password(password, email)
    existing = find_by_email(email)
    if existing is not None and not existing.active:
        raise UserError(
            f"{existing.email} already has an account, which is deactivated. "
            "Reactivate it instead of adding it again."
        )
    if existing is not None:
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


def check_password(password: str, email: str) -> None:
    """Refuse a password that is too short, too long or easy to guess; the message says why."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"Password must be {MIN_PASSWORD_LENGTH} characters or more")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise UserError(f"Password must be {MAX_PASSWORD_LENGTH} characters or fewer")
    if password.strip().lower() == email.strip().lower():
        raise UserError("Password must not be the same as the email address")
    if len(set(password)) == 1:
        raise UserError("Password must not be one character repeated")


def deactivate_user(email: str) -> User:
    """Disable an account and end its open sessions; never the last active admin."""
    user = _existing(email)
    if not user.active:
        raise UserError(f"{user.email} is already deactivated")
    _refuse_if_last_admin(user, "deactivate")
    user.active = False
    _end_sessions(user)
    audit.record("user.deactivated", "user", user.id)
    db.session.commit()
    return user


def reactivate_user(email: str) -> User:
    """Turn a deactivated account back on, locked out until a new password is chosen.

    The old password stops working: whoever knew it when the account was turned off (a
    colleague who left, or someone who should never have had it) must not be let back
    in by turning it on again. The person chooses a new one with a reset link (sent by
    an admin, or asked for on the forgotten-password page, which works once the account
    is active) or an admin sets one with ``flask reset-password``. Sessions and any
    lockout start afresh. Commits.
    """
    user = _existing(email)
    if user.active:
        raise UserError(f"{user.email} is already active")
    user.active = True
    # A hash of a secret nobody is told: every password is refused, and checking one
    # takes as long as for any account, so sign-in does not reveal the state.
    user.password_hash = _hasher.hash(secrets.token_urlsafe(32))
    lockout.clear(user)
    _end_sessions(user)
    audit.record("user.reactivated", "user", user.id)
    db.session.commit()
    return user


def set_role(email: str, role: str) -> User:
    """Give a user a new role and end their open sessions; never demote the last admin,
    nor re-role a deactivated account (reactivate it first)."""
    user = _existing(email)
    _refuse_if_deactivated(user, "change their role")
    if role not in {r.value for r in Role}:
        raise UserError(f"Role must be one of: {', '.join(r.value for r in Role)}")
    if role == user.role:
        raise UserError(f"{user.email} already has the role {role}")
    if role != Role.ADMIN:
        _refuse_if_last_admin(user, "demote")
    previous = user.role
    user.role = role
    # A session carries what its user could do when it began; end it so the new role
    # takes effect everywhere at once.
    _end_sessions(user)
    audit.record("user.role_changed", "user", user.id, role=[previous, role])
    db.session.commit()
    return user


def reset_password(email: str, password: str, how: str = "") -> User:
    """Set a new password, clear any lockout and end the user's open sessions.

    ``how`` (like "emailed link") is noted in the audit entry when given.
    """
    user = _existing(email)
    _refuse_if_deactivated(user, "reset their password")
    check_password(password, user.email)
    user.password_hash = _hasher.hash(password)
    lockout.clear(user)
    _end_sessions(user)
    # Never the password, nor its hash.
    audit.record("user.password_reset", "user", user.id, **({"how": how} if how else {}))
    db.session.commit()
    return user


def unlock_user(email: str) -> User:
    """Lift a lockout after too many failed sign-ins, so the user can try again now."""
    user = _existing(email)
    lockout.clear(user)
    audit.record("user.unlocked", "user", user.id)
    db.session.commit()
    return user


def end_sessions(user: User) -> None:
    """Change the user's session token so every session signed in before stops working."""
    _end_sessions(user)
    db.session.commit()


def _end_sessions(user: User) -> None:
    user.session_token = secrets.token_hex(16)


def _existing(email: str) -> User:
    user = find_by_email(email)
    if user is None:
        raise UserError(f"There is no user with the email {email.strip().lower()}")
    return user


def _refuse_if_deactivated(user: User, verb: str) -> None:
    """A change to a deactivated account would look done but change nothing anyone can use."""
    if not user.active:
        raise UserError(
            f"{user.email} is deactivated, so you cannot {verb}. Reactivate their account first."
        )


def _refuse_if_last_admin(user: User, verb: str) -> None:
    if user.role != Role.ADMIN or not user.active:
        return
    others = select(func.count(User.id)).where(
        User.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id
    )
    if not db.session.scalar(others):
        raise UserError(
            f"You cannot {verb} {user.email}: they are the only active admin. "
            "Make another user an admin first."
        )


def find_by_email(email: str) -> User | None:
    """Return the user with this email address, ignoring case."""
    query = select(User).where(func.lower(User.email) == email.strip().lower())
    return db.session.scalars(query).first()


def authenticate(email: str, password: str) -> SignInResult:
    """Check a password, counting failures and locking out after too many.

    An email with no active account counts and locks just as an account does (see
    ``lockout``), so neither the message nor the lockout reveals which emails exist.
    """
    user = find_by_email(email)
    now = datetime.now(UTC)
    if user is None or not user.active:
        failures = lockout.for_unknown_email(email, now)
        if lockout.is_locked(failures, now):
            db.session.commit()
            return SignInResult(user=None, locked=True)
        _verify(_dummy_hash(), password)
        locked = lockout.count_failure(failures, now)
        db.session.commit()
        return SignInResult(user=None, locked=locked)
    if lockout.is_locked(user, now):
        return SignInResult(user=None, locked=True)
    if not _verify(user.password_hash, password):
        locked = lockout.count_failure(user, now)
        if locked:
            audit.record("user.locked", "user", user.id)
        db.session.commit()
        return SignInResult(user=None, locked=locked)
    lockout.clear(user)
    user.last_sign_in_at = now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    db.session.commit()
    return SignInResult(user=user)


def get_user(user_id: int) -> User | None:
    """Return the user with this id, or None."""
    return db.session.get(User, user_id)


def is_locked(user: User) -> bool:
    """Say whether the user is locked out after too many failed sign-ins."""
    return lockout.is_locked(user, datetime.now(UTC))


def list_users() -> list[User]:
    """Return every user, by email."""
    return list(db.session.scalars(select(User).order_by(User.email)))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
