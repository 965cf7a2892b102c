"""Error pages in the design system's style; never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from feedback_app.extensions import db

log = logging.getLogger(__name__)

#: Addresses only staff and forum members use: their error pages speak to them, not to
#: families (who have surveys, resume codes and saved answers).
STAFF_PATHS = ("/staff/", "/sign-in", "/sign-out", "/forgotten-password", "/reset-password/")


def for_staff() -> bool:
    """Say whether this request is to a page for staff rather than for families."""
    return request.path.startswith(STAFF_PATHS)


def register_error_handlers(app: Flask) -> None:
    """Render friendly pages for HTTP errors, expired forms and database outages."""

    @app.errorhandler(CSRFError)
    def form_expired(error: CSRFError) -> tuple[str, int] | Response:
        if request.endpoint == "auth.sign_out" and not current_user.is_authenticated:
            # Signed out already (in another tab, which also ended this tab's form):
            # there is nothing to protect, and the person wanted to be signed out.
            flash("You have signed out.", "success")
            return redirect(url_for("auth.sign_in"), 303)
        return render_template("errors/form_expired.html", for_staff=for_staff()), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        code = error.code or 500
        template = {
            403: "errors/403.html",
            404: "errors/404.html",
            413: "errors/413.html",
            429: "errors/429.html",
        }.get(code, "errors/generic.html")
        return render_template(template, error=error, for_staff=for_staff()), code

    @app.errorhandler(OperationalError)
    def database_unavailable(error: OperationalError) -> tuple[str, int]:
        # The database restarted or is busy: nothing the person did was wrong.
        db.session.rollback()
        # The driver's first line ("no such table: x", "connection refused") says which
        # outage it is; the engines leave query parameters out of it (config.py).
        lines = str(error.orig or error).strip().splitlines()
        log.warning("database unavailable: %s: %s", type(error).__name__, lines[0] if lines else "")
        return render_template("errors/try_again.html"), 503

    @app.errorhandler(Exception)
    def server_error(error: Exception) -> tuple[str, int]:
        db.session.rollback()
        if app.config.get("TESTING") and not app.config.get("FRIENDLY_ERRORS_IN_TESTS"):
            # Let tests see the real exception rather than the friendly page.
            raise error
        # One record: the request id, the exception's type and a traceback field when
        # LOG_JSON is on (feedback_app/logs.py).
        log.exception("unhandled error: %s", type(error).__name__)
        return render_template("errors/500.html"), 500
