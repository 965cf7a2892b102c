"""Password reset links: send one, check one, and use one to choose a new password.

A link carries a random token; only its SHA-256 is stored, so a copy of the
database cannot be used to reset anyone's password. A link works once, for
PASSWORD_RESET_MINUTES, and only while the account is active; sending a new one
retires the user's earlier links. Neither the token nor the email address is
logged or audited: the message's reference and the audit entry name the user by id.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app, url_for
from sqlalchemy import delete, select, update

from feedback_app.extensions import db
from feedback_app.models import PasswordResetToken, User
from feedback_app.services import audit, jobs, notifications, users
from feedback_app.services.lockout import aware

# secrets.token_urlsafe(32) gives 43 characters; anything much longer is not ours.
_MAX_TOKEN_LENGTH = 100


class LinkNotValid(Exception):
    """The link is unknown, used, expired, or its account is deactivated."""


def minutes() -> int:
    """How long a link works."""
    return int(current_app.config["PASSWORD_RESET_MINUTES"])


def request_link(email: str) -> None:
    """Email a reset link if this email has an active account; otherwise do nothing.

    The caller shows the same confirmation either way, so the page does not reveal
    which emails have accounts.
    """
    user = users.find_by_email(email)
    if user is None or not user.active:
        return
    _send_link(user, requested_by="user")


def send_link_for_admin(email: str) -> User:
    """Email a reset link to an active user at an admin's request."""
    user = users.find_by_email(email)
    if user is None:
        raise users.UserError(f"There is no user with the email {email.strip().lower()}")
    if not user.active:
        raise users.UserError(f"{user.email} is deactivated, so cannot reset their password")
    _send_link(user, requested_by="admin")
    return user


def link_works(token: str) -> bool:
    """Say whether the link with this token can still be used."""
    return _valid(token, datetime.now(UTC)) is not None


def use_link(token: str, password: str) -> User:
    """Set the password with a link, which then stops working.

    Raises ``LinkNotValid`` for a link that cannot be used, and ``users.UserError``
    (the link still works) for a password the rules refuse. Through
    ``users.reset_password``, any lockout is lifted and every open session ends.
    """
    now = datetime.now(UTC)
    row = _valid(token, now)
    if row is None:
        raise LinkNotValid
    user = row.user
    users.check_password(password, user.email)
    # Claimed with a conditional update, so two requests racing with the same link
    # cannot both use it.
    claimed = db.session.execute(
        update(PasswordResetToken)
        .where(PasswordResetToken.id == row.id, PasswordResetToken.used_at.is_(None))
        .values(used_at=now)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        db.session.rollback()
        raise LinkNotValid
    return users.reset_password(user.email, password, how="emailed link")


def _valid(token: str, now: datetime) -> PasswordResetToken | None:
    if not token or len(token) > _MAX_TOKEN_LENGTH:
        return None
    row = db.session.scalars(
        select(PasswordResetToken).where(PasswordResetToken.token_hash == _hash(token))
    ).first()
    if row is None or row.used_at is not None or not row.user.active:
        return None
    expires_at = aware(row.expires_at)
    if expires_at is None or expires_at <= now:
        return None
    return row


def _send_link(user: User, *, requested_by: str) -> None:
    now = datetime.now(UTC)
    # Expired links go, and so do this user's unused ones: only the newest link works.
    db.session.execute(delete(PasswordResetToken).where(PasswordResetToken.expires_at <= now))
    db.session.execute(
        delete(PasswordResetToken).where(
            PasswordResetToken.user_id == user.id, PasswordResetToken.used_at.is_(None)
        )
    )
    token = secrets.token_urlsafe(32)
    row = PasswordResetToken(
        user_id=user.id,
        token_hash=_hash(token),
        created_at=now,
        expires_at=now + timedelta(minutes=minutes()),
    )
    db.session.add(row)
    db.session.flush()
    audit.record("user.password_reset_link_sent", "user", user.id, requested_by=requested_by)
    db.session.commit()
    service = current_app.config["SERVICE_NAME"]
    # Sent from the job queue where there is one, so asking for a link to a real account
    # takes no longer than asking for one to an address with no account.
    jobs.enqueue(
        email_link,
        user.id,
        to=user.email,
        subject=f"Reset your password for {service}",
        body=(
            f"Use this link to choose a new password for {service}:\n\n{_link(token)}\n\n"
            f"The link works for {minutes()} minutes and only once. If you did not ask "
            "to reset your password, you can ignore this email: your password has not "
            "changed."
        ),
        reference=f"password-reset-{row.id}",
    )


def email_link(user_id: int, *, to: str, subject: str, body: str, reference: str) -> bool:
    """Email a reset link (a job); return whether it went.

    The audit log says a link was sent when it is made; an email that then fails adds
    an entry saying so, so the log never claims an email went that never did.
    """
    if notifications.send(to=to, subject=subject, body=body, reference=reference):
        return True
    audit.record("user.password_reset_email_failed", "user", user_id)
    db.session.commit()
    return False


def _link(token: str) -> str:
    public_url = str(current_app.config.get("PUBLIC_URL") or "")
    if public_url:
        return public_url + url_for("auth.reset_password", token=token)
    return url_for("auth.reset_password", token=token, _external=True)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
