"""Counting failed sign-ins and locking out, the same for every email typed in.

A real account keeps its count on its ``users`` row. An email with no active
account (unknown, or deactivated) keeps one in ``sign_in_failures``, under an
HMAC of the normalised email keyed with SECRET_KEY, so the table never holds an
email and cannot be reversed without the key. Both go through ``count_failure``,
so an unknown email locks after the same number of failures, for the same time,
with the same message: the lockout cannot tell a guesser which emails have accounts.

Failures are forgotten once SIGN_IN_LOCKOUT_MINUTES have passed since the last
one. Without that, a row for every email ever mistyped would have to be kept for
ever; and as a lockout already lets a guesser try only that many times in those
minutes, forgetting after them lets no one guess faster.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from typing import Protocol

from flask import current_app
from sqlalchemy import delete, or_
from sqlalchemy.exc import IntegrityError

from feedback_app.extensions import db
from feedback_app.models import SignInFailure


class Lockable(Protocol):
    """A row that counts failed sign-ins: a ``User`` or a ``SignInFailure``."""

    failed_sign_ins: int
    last_failed_sign_in_at: datetime | None
    locked_until: datetime | None


def window() -> timedelta:
    """How long a lockout lasts, and how long a failure is remembered."""
    return timedelta(minutes=int(current_app.config["SIGN_IN_LOCKOUT_MINUTES"]))


def is_locked(row: Lockable, now: datetime) -> bool:
    """Say whether the row is locked out at ``now``."""
    locked_until = aware(row.locked_until)
    return locked_until is not None and locked_until > now


def count_failure(row: Lockable, now: datetime) -> bool:
    """Count one failed sign-in; lock and return True when it is one too many."""
    last = aware(row.last_failed_sign_in_at)
    if last is None or last <= now - window():
        row.failed_sign_ins = 0
    row.failed_sign_ins += 1
    row.last_failed_sign_in_at = now
    if row.failed_sign_ins < int(current_app.config["SIGN_IN_MAX_FAILURES"]):
        return False
    row.locked_until = now + window()
    row.failed_sign_ins = 0
    return True


def clear(row: Lockable) -> None:
    """Forget the failures and lift any lockout (a right password, or an unlock)."""
    row.failed_sign_ins = 0
    row.last_failed_sign_in_at = None
    row.locked_until = None


def for_unknown_email(email: str, now: datetime) -> SignInFailure:
    """Return the failure row of an email with no active account, adding it if new.

    Rows that no longer lock anything and whose failures are forgotten are pruned
    first, so the table holds only the last few minutes of guessing.
    """
    prune(now)
    key = email_key(email)
    row = db.session.get(SignInFailure, key)
    if row is not None:
        return row
    row = SignInFailure(key=key, failed_sign_ins=0, last_failed_sign_in_at=now)
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:
        # Another request for the same email added it first: count on theirs.
        found = db.session.get(SignInFailure, key)
        assert found is not None
        return found
    return row


def prune(now: datetime) -> int:
    """Delete the failure rows that have expired; return how many. The caller commits."""
    expired = delete(SignInFailure).where(
        SignInFailure.last_failed_sign_in_at <= now - window(),
        or_(SignInFailure.locked_until.is_(None), SignInFailure.locked_until <= now),
    )
    return int(db.session.execute(expired).rowcount or 0)  # type: ignore[attr-defined]


def email_key(email: str) -> str:
    """The keyed hash an email's failures are stored under (hex HMAC-SHA256)."""
    secret = str(current_app.config["SECRET_KEY"]).encode("utf-8")
    normalised = email.strip().lower().encode("utf-8", "surrogatepass")
    return hmac.new(secret, b"sign-in-failures:" + normalised, hashlib.sha256).hexdigest()


def aware(moment: datetime | None) -> datetime | None:
    """Return ``moment`` with UTC attached if it has no zone (SQLite drops it)."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment
