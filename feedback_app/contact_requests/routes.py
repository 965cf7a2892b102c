"""The complaints officers' list of families who asked to be contacted, and marking one
as contacted."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from feedback_app.auth.access import roles_required
from feedback_app.models import Role
from feedback_app.services import contact_requests

bp = Blueprint("contact_requests", __name__)


def _list_args(values: Any) -> dict[str, Any]:
    """The list's filter and page, read from a query string or a form, for a link back."""
    args: dict[str, Any] = {}
    if values.get("show") == "all":
        args["show"] = "all"
    page = values.get("page", 1, type=int) or 1
    if page > 1:
        args["page"] = page
    return args


@bp.get("/")
@roles_required(Role.COMPLAINTS_OFFICER)
def list_requests() -> str:
    """List the families waiting to be contacted (or every request), newest first."""
    args = _list_args(request.args)
    result = contact_requests.requests_page(show_all="show" in args, page=int(args.get("page", 1)))
    return render_template(
        "contact_requests/list.html",
        result=result,
        show_all="show" in args,
        reply_days=contact_requests.REPLY_WORKING_DAYS,
    )


@bp.post("/<int:request_id>/contacted")
@roles_required(Role.COMPLAINTS_OFFICER)
def mark_contacted(request_id: int) -> Response:
    """Record that the signed-in officer contacted the family; pressed twice, once."""
    marked = contact_requests.mark_contacted(request_id, current_user)
    if marked is None:
        abort(404)
    if marked.new:
        flash(f"Request {request_id} is marked as contacted.", "success")
    else:
        flash(contact_requests.already_marked_message(marked.request))
    return redirect(url_for("contact_requests.list_requests", **_list_args(request.form)))
