"""The home page, accessibility statement, privacy notice, cookies page and /healthz."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template
from werkzeug.wrappers import Response

from feedback_app.services import health, surveys

bp = Blueprint("pages", __name__)


@bp.get("/")
def home() -> str:
    """List the surveys families can answer."""
    return render_template("pages/home.html", surveys=surveys.list_active_surveys())


@bp.get("/accessibility")
def accessibility() -> str:
    """Show the accessibility statement."""
    return render_template("pages/accessibility.html")


@bp.get("/privacy")
def privacy() -> str:
    """Show the privacy notice."""
    return render_template("pages/privacy.html")


@bp.get("/cookies")
def cookies() -> str:
    """Explain the essential cookies we set, with how long they last from settings."""
    return render_template(
        "pages/cookies.html",
        cookie_name=current_app.config["SESSION_COOKIE_NAME"],
        session_hours=int(current_app.permanent_session_lifetime.total_seconds() // 3600),
    )


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """Report whether the app can use its database, for load balancers."""
    result = health.check_database()
    if result.ok:
        return jsonify(status="ok", database=True), 200
    # Only the short reason: the detail (revisions, server messages) goes to the log.
    return jsonify(status="unavailable", database=False, reason=result.reason), 503
