"""Error pages in the design system's style; never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
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


#: PostgreSQL's codes for a table or column that a query names and the database lacks
#: (undefined_table, undefined_column): its schema is older than the code.
_MISSING_SCHEMA_CODES = frozenset({"42P01", "42703"})
#: SQLite's words for the same.
_MISSING_SCHEMA_WORDS = ("no such table", "no such column")


def first_line(error: Exception) -> str:
    """The first line of an error's message, or of its driver's for a database error
    ("no such table: x", "connection refused"): it says which failure it is, and the
    engines leave query parameters out of it (config.py)."""
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else ""


def not_migrated(error: DBAPIError) -> bool:
    """Say whether a database error means the schema lacks what the code expects: the
    database was never migrated, or not to this release (``flask db upgrade``)."""
    if getattr(error.orig, "sqlstate", None) in _MISSING_SCHEMA_CODES:
        return True
    return first_line(error).lower().startswith(_MISSING_SCHEMA_WORDS)


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

    def try_again(error: DBAPIError) -> tuple[str, int]:
        """The "Sorry, please try again" page (a 503), and one log line saying why."""
        db.session.rollback()
        why = "database not migrated" if not_migrated(error) else "database unavailable"
        log.warning("%s: %s: %s", why, type(error).__name__, first_line(error))
        return render_template("errors/try_again.html"), 503

    @app.errorhandler(OperationalError)
    def database_unavailable(error: OperationalError) -> tuple[str, int]:
        # The database restarted or is busy: nothing the person did was wrong.
        return try_again(error)

    @app.errorhandler(ProgrammingError)
    def database_fault(error: ProgrammingError) -> tuple[str, int]:
        # PostgreSQL reports a missing table as a ProgrammingError, where SQLite reports an
        # OperationalError: both mean a database not migrated, and get the same page.
        if not_migrated(error):
            return try_again(error)
        return server_error(error)

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
