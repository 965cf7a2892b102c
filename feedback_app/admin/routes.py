"""Administration: users and roles, the theme taxonomy and its rules, and the audit log."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from feedback_app.admin.forms import NewThemeForm, ThemeForm, UserForm
from feedback_app.auth.access import roles_required
from feedback_app.models import Role
from feedback_app.services import (
    analysis_admin,
    audit,
    audit_display,
    password_resets,
    redaction_names,
    rules_check,
    taxonomy,
    users,
)

bp = Blueprint("admin", __name__)


@bp.get("/")
@roles_required(Role.ADMIN)
def home() -> str:
    """Link to each administration page, and say what the analyser has learned from."""
    return render_template(
        "admin/home.html",
        learning=analysis_admin.learning_status(),
        can_retrain=analysis_admin.can_retrain_in_background(),
    )


@bp.post("/retrain")
@roles_required(Role.ADMIN)
def retrain() -> Response:
    """Put retraining on the job queue; a worker learns from people's labels and decisions."""
    try:
        analysis_admin.request_retrain()
    except analysis_admin.RetrainRefused as refusal:
        flash(str(refusal), "error")
    else:
        flash(
            "Retraining has started. It takes a few minutes; then every comment is "
            "analysed again with the new model.",
            "success",
        )
    return redirect(url_for("admin.home"))


@bp.route("/users", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def manage_users() -> str | Response:
    """List staff users and add one."""
    form = UserForm()
    if form.validate_on_submit():
        try:
            user = users.create_user(
                email=form.email.data or "",
                role=form.role.data or "",
                password=form.password.data or "",
                name=form.name.data or "",
            )
        except users.UserError as error:
            form.email.errors = [*form.email.errors, str(error)]
        else:
            flash(
                f"User added: {user.email}, with the role {Role(user.role).label.lower()}. "
                "They can sign in now.",
                "success",
            )
            return redirect(url_for("admin.manage_users"))
    return render_template(
        "admin/users.html",
        users=users.list_users(),
        form=form,
        roles=list(Role),
        is_locked=users.is_locked,
        reset_minutes=password_resets.minutes(),
    )


def _change_user(user_id: int, change: Callable[[str], object], done: str) -> Response:
    """Apply one change to a user by email, flash the outcome, and go back to the list."""
    user = users.get_user(user_id)
    if user is None:
        abort(404)
    try:
        change(user.email)
    except users.UserError as error:
        flash(str(error), "error")
    else:
        flash(done.format(email=user.email), "success")
    return redirect(url_for("admin.manage_users"))


@bp.post("/users/<int:user_id>/role")
@roles_required(Role.ADMIN)
def change_user_role(user_id: int) -> Response:
    """Give a user another role; their open sessions end."""
    role = request.form.get("role", "")
    return _change_user(
        user_id,
        lambda email: users.set_role(email, role),
        "{email} now has the role "
        + (Role(role).label.lower() if role in set(Role) else role)
        + ". Their open sessions have ended.",
    )


@bp.route("/users/<int:user_id>/deactivate", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def deactivate_user(user_id: int) -> str | Response:
    """Ask, then disable a user's account; their open sessions end.

    A POST without the confirmation page's answer (an old page, or a form posted by hand)
    is sent to the confirmation page: deactivating someone is never one click.
    """
    user = users.get_user(user_id) or abort(404)
    if not user.active:
        flash(f"{user.email} is already deactivated", "error")
        return redirect(url_for("admin.manage_users"))
    if request.method == "POST" and request.form.get("confirmed") == "yes":
        return _change_user(
            user_id,
            users.deactivate_user,
            "{email} is deactivated and can no longer sign in. You can reactivate "
            "their account from this page.",
        )
    if request.method == "POST":
        return redirect(url_for("admin.deactivate_user", user_id=user_id), 303)
    return render_template("admin/deactivate_user.html", user=user)


@bp.post("/users/<int:user_id>/reactivate")
@roles_required(Role.ADMIN)
def reactivate_user(user_id: int) -> Response:
    """Turn a deactivated account back on; it cannot sign in until a new password is set."""
    return _change_user(
        user_id,
        users.reactivate_user,
        "{email} is reactivated. Their old password no longer works: send them a password "
        "reset link from this page, or they can use the “Forgotten your password?” link on "
        "the sign-in page.",
    )


@bp.post("/users/<int:user_id>/unlock")
@roles_required(Role.ADMIN)
def unlock_user(user_id: int) -> Response:
    """Lift a lockout after too many failed sign-ins."""
    return _change_user(user_id, users.unlock_user, "{email} is unlocked and can sign in now.")


@bp.post("/users/<int:user_id>/send-password-reset")
@roles_required(Role.ADMIN)
def send_password_reset_link(user_id: int) -> Response:
    """Email an active user a link to choose a new password."""
    return _change_user(
        user_id,
        password_resets.send_link_for_admin,
        "A password reset link has been sent to {email}. It works for "
        f"{password_resets.minutes()} minutes.",
    )


@bp.get("/themes")
@roles_required(Role.ADMIN)
def themes() -> str:
    """List the taxonomy."""
    return render_template("admin/themes.html", themes=taxonomy.list_themes())


@bp.route("/themes/<slug>", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_theme(slug: str) -> str | Response:
    """Rename, describe, change the rules of, or retire a theme; then re-analyse."""
    theme = taxonomy.get_theme(slug)
    if theme is None:
        abort(404)
    form = ThemeForm(obj=theme)
    check = None
    if form.validate_on_submit():
        if form.check.data:
            check = rules_check.check_rules(
                theme.slug, form.keywords.data or "", retired=bool(form.retired.data)
            )
        else:
            taxonomy.update_theme(
                theme,
                name=form.name.data or "",
                description=form.description.data or "",
                keywords=form.keywords.data or "",
                retired=bool(form.retired.data),
            )
            analysis_admin.reanalyse_soon()
            flash(
                f"Theme “{theme.name}” saved. Comments are being analysed again with its rules.",
                "success",
            )
            return redirect(url_for("admin.themes"))
    return render_template("admin/theme.html", theme=theme, form=form, check=check)


@bp.route("/themes/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def add_theme() -> str | Response:
    """Add a theme with a new slug."""
    form = NewThemeForm()
    if form.validate_on_submit():
        try:
            theme = taxonomy.add_theme(
                slug=form.slug.data or "",
                name=form.name.data or "",
                description=form.description.data or "",
                keywords=form.keywords.data or "",
            )
        except taxonomy.ThemeError as error:
            form.slug.errors = [*form.slug.errors, str(error)]
        else:
            analysis_admin.reanalyse_soon()
            flash(
                f"Theme “{theme.name}” added. Comments are being analysed again with its rules.",
                "success",
            )
            return redirect(url_for("admin.themes"))
    return render_template("admin/theme.html", theme=None, form=form)


@bp.get("/audit")
@roles_required(Role.ADMIN)
def audit_log() -> str:
    """Show the newest audit entries, optionally for one record."""
    entity_type = request.args.get("type", "")
    entity_id = request.args.get("id", "")
    if entity_type and entity_id:
        entries = audit.entries_for(entity_type, entity_id)
    else:
        page = max(request.args.get("page", 1, type=int) or 1, 1)
        entries = audit.recent_entries(limit=100, offset=(page - 1) * 100)
    return render_template(
        "admin/audit.html",
        entries=audit_display.describe(entries),
        entity_type=entity_type,
        entity_id=entity_id,
        record_types=audit_display.RECORDS,
    )


@bp.get("/names")
@roles_required(Role.ADMIN)
def hidden_names() -> str:
    """The names analysts asked to hide in every comment."""
    return render_template("admin/names.html", names=redaction_names.listed())


@bp.post("/names/<int:name_id>/remove")
@roles_required(Role.ADMIN)
def remove_hidden_name(name_id: int) -> Response:
    """Take a name off the list; comments where it is already hidden stay as they are."""
    if redaction_names.remove(name_id):
        flash(
            "The name was taken off the list. Comments where it was already hidden stay "
            "hidden; new comments will show it unless the rules find it.",
            "success",
        )
    else:
        flash("That name is no longer on the list.", "error")
    return redirect(url_for("admin.hidden_names"))
