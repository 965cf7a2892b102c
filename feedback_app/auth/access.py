"""Who may see what: the login manager and the ``roles_required`` decorator.

Every staff view is wrapped in ``roles_required``; the decorator records the roles
on the view so that a meta-test can prove no staff route was left open.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from flask import Flask, abort
from flask_login import current_user, login_required

from feedback_app.extensions import db, login_manager
from feedback_app.models import Role, User

F = TypeVar("F", bound=Callable[..., Any])


def register_login_manager(app: Flask) -> None:
    """Bind Flask-Login and teach it to load users by id and session token."""
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to see that page."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        raw_id, _, token = user_id.partition(":")
        if not raw_id.isdigit():
            return None
        user = db.session.get(User, int(raw_id))
        if user is None or user.session_token != token or not user.active:
            return None
        return user


def roles_required(*roles: Role) -> Callable[[F], F]:
    """Admit signed-in users holding one of ``roles`` (admins always); others get 403."""

    def decorator(view: F) -> F:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_roles = tuple(roles)  # type: ignore[attr-defined]
        return cast(F, wrapped)

    return decorator


def safe_local_url(target: str | None) -> str | None:
    """Return ``target`` if it is a path on this site, else None (no open redirects)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
