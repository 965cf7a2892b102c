"""Sign in and sign out at stable addresses, and reset a forgotten password."""

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
from feedback_app.auth.forms import ForgottenPasswordForm, NewPasswordForm, SignInForm
from feedback_app.extensions import limiter
from feedback_app.services import password_resets, users

bp = Blueprint("auth", __name__)

# The email just asked about, shown once on the "check your email" page.
SESSION_RESET_EMAIL = "password_reset_email"


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


@bp.route("/forgotten-password", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def ask_for_password_reset() -> str | Response:
    """Ask for the email to send a reset link to; the answer never says if it has an account."""
    form = ForgottenPasswordForm()
    if form.validate_on_submit():
        email = (form.email.data or "").strip()
        password_resets.request_link(email)
        session[SESSION_RESET_EMAIL] = email
        return redirect(url_for("auth.password_reset_sent"))
    return render_template("auth/forgotten_password.html", form=form)


@bp.get("/forgotten-password/check-your-email")
def password_reset_sent() -> str:
    """Say a link has been sent if the email has an account, the same for any email."""
    email = session.pop(SESSION_RESET_EMAIL, None)
    return render_template(
        "auth/password_reset_sent.html",
        email=email if isinstance(email, str) else None,
        minutes=password_resets.minutes(),
    )


# <path:…> so that a link mangled into extra slashes still gets the "expired" page.
@bp.route("/reset-password/<path:token>", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def reset_password(token: str) -> str | Response | tuple[str, int]:
    """Choose a new password with an emailed link; then sign in with it."""
    if not password_resets.link_works(token):
        return _link_expired()
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            password_resets.use_link(token, form.password.data or "")
        except password_resets.LinkNotValid:
            return _link_expired()
        except users.UserError as error:
            form.password.errors = [*form.password.errors, str(error)]
        else:
            flash("Your password has been changed. Sign in with your new password.", "success")
            return redirect(url_for("auth.sign_in"))
    return render_template(
        "auth/new_password.html", form=form, min_length=users.MIN_PASSWORD_LENGTH
    )


def _link_expired() -> tuple[str, int]:
    # 410 for an unknown link too: the page does not say which of the three it was.
    return render_template("auth/reset_link_expired.html"), 410
