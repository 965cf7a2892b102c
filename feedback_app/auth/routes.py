"""Sign in and sign out at stable addresses."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from feedback_app.auth.access import safe_local_url
from feedback_app.auth.forms import SignInForm
from feedback_app.extensions import limiter
from feedback_app.services import users

bp = Blueprint("auth", __name__)


def _sign_in_limit() -> str:
    return str(current_app.config["RATELIMIT_SIGN_IN"])


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_in() -> str | Response:
    """Show the sign-in form; on success go to the page asked for or the staff home."""
    if current_user.is_authenticated:
        return redirect(url_for("staff.home"))
    form = SignInForm()
    if form.validate_on_submit():
        result = users.authenticate(form.email.data or "", form.password.data or "")
        if result.user is not None:
            # A fresh session on sign-in, so a session id planted before cannot be used.
            session.clear()
            login_user(result.user)
            return redirect(safe_local_url(request.args.get("next")) or url_for("staff.home"))
        message = (
            "Your account is locked after too many attempts. Try again in "
            f"{current_app.config['SIGN_IN_LOCKOUT_MINUTES']} minutes."
            if result.locked
            else "Enter a correct email address and password"
        )
        form.email.errors = [*form.email.errors, message]
    return render_template("auth/sign_in.html", form=form)


@bp.post("/sign-out")
def sign_out() -> Response:
    """Sign out, forget the session, and end the user's sessions everywhere.

    Sessions are signed cookies, so clearing this browser's cookie alone would leave
    a copy of it working. A new session token makes every earlier cookie of this user
    stop working, which signs them out of their other browsers too.
    """
    if current_user.is_authenticated:
        users.end_sessions(current_user._get_current_object())  # noqa: SLF001
    logout_user()
    session.clear()
    flash("You have signed out.", "success")
    return redirect(url_for("auth.sign_in"))
