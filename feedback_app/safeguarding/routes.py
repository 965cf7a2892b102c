"""The safeguarding lead's queue of flagged comments."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from feedback_app.auth.access import roles_required
from feedback_app.form_fields import stale_form
from feedback_app.models import Role, SafeguardingFlag
from feedback_app.safeguarding.forms import SafeguardingActionForm
from feedback_app.services import safeguarding, safeguarding_contact
from feedback_app.services.edits import EditConflict

bp = Blueprint("safeguarding", __name__)


@bp.get("/")
@roles_required(Role.SAFEGUARDING_LEAD)
def queue() -> str:
    """List flags needing attention, longest waiting first."""
    include_closed = request.args.get("show") == "all"
    page = request.args.get("page", 1, type=int) or 1
    result = safeguarding.queue(include_closed=include_closed, page=page)
    return render_template(
        "safeguarding/queue.html",
        result=result,
        include_closed=include_closed,
        waiting_for=safeguarding.waiting_for,
    )


@bp.route("/flags/<int:flag_id>", methods=["GET", "POST"])
@roles_required(Role.SAFEGUARDING_LEAD)
def show_flag(flag_id: int) -> str | Response | tuple[str, int]:
    """Show the full comment, how to reach the family, and record what was done about it."""
    flag = safeguarding.get_flag(flag_id)
    if flag is None:
        abort(404)
    form = SafeguardingActionForm(obj=flag)
    if form.validate_on_submit():
        try:
            safeguarding.record_action(
                flag,
                status=form.status.data or "open",
                concern=form.concern.data or "undecided",
                action_taken=form.action_taken.data or "",
                user=current_user,
                version=form.version.data,
            )
        except EditConflict as conflict:
            # The form shows what another lead saved; what this one wrote is shown beside it.
            saved = SafeguardingActionForm(formdata=None, obj=flag)
            unsaved = stale_form(form, saved, str(conflict))
            return _flag_page(flag, saved, unsaved), 409
        flash(safeguarding.saved_message(flag), "success")
        return redirect(url_for("safeguarding.queue"))
    return _flag_page(flag, form)


def _flag_page(
    flag: SafeguardingFlag,
    form: SafeguardingActionForm,
    unsaved: list[tuple[str, str]] | None = None,
) -> str:
    return render_template(
        "safeguarding/flag.html",
        flag=flag,
        form=form,
        unsaved=unsaved or [],
        waiting_for=safeguarding.waiting_for,
        contact=safeguarding_contact.how_to_reach(flag),
    )
