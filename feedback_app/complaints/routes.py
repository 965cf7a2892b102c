"""Complaint casework for complaints officers: the blueprint, and logging, showing and
changing a complaint.

Thin views: read the form, call one service function, redirect. Every GET of a
page about one complaint records a view in the audit log (``load_complaint``); every
change is audited by the service. The other views live in modules of their own on
the same blueprint: ``views_points`` (a complaint's points and their actions),
``views_stages`` (its clock: acknowledge, respond, extend, escalate, close) and
``views_lists`` (the queue, report and compliments).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from feedback_app.auth.access import roles_required
from feedback_app.complaints import forms
from feedback_app.form_fields import stale_form
from feedback_app.models import Complaint, Role
from feedback_app.models.complaints import CHANNELS, EHCP_STAGES, RELATIONSHIPS
from feedback_app.services import audit, complaints, complaints_audit, edits, safeguarding
from feedback_app.services.complaints_queue import (
    QueueFilters,
    action_due_words,
    complaint_due,
    officer_choices,
)

bp = Blueprint("complaints", __name__)
#: Words for the values a complaint's details page shows, the same as its form's.
DETAIL_LABELS = {"channel": CHANNELS, "relationship": RELATIONSHIPS, "ehcp_stage": EHCP_STAGES}
OFFICER = Role.COMPLAINTS_OFFICER
Page = str | Response | tuple[str, int]


def load_complaint(complaint_id: int, *, changing: bool = False) -> Complaint:
    """Load a complaint for a page; a GET is a view and goes into the audit log.

    ``changing`` is for the pages that change the complaint. An erased complaint cannot
    be changed, so they show the complaint instead, saying why; the services refuse
    too (``complaints.ErasedError``), so nothing else can change it either.
    """
    if request.method == "GET":
        complaint = complaints.view_complaint(complaint_id, page=request.endpoint or "")
    else:
        complaint = complaints.get_complaint(complaint_id)
    if complaint is None:
        abort(404)
    if changing and complaint.erased_at is not None:
        flash(f"{complaints.erased_words(complaint)}, so it cannot be changed")
        abort(redirect(url_for(".show_complaint", complaint_id=complaint.id)))
    return complaint


def form_page(form: Any, complaint: Complaint | None, title: str, **context: Any) -> str:
    """Render a casework form, with a link back to its complaint (or the queue for a new one)."""
    back = url_for(".show_complaint", complaint_id=complaint.id) if complaint else url_for(".queue")
    return render_template(
        "complaints/form.html",
        form=form,
        complaint=complaint,
        title=title,
        back_url=back,
        field_params=context.pop("field_params", {}),
        **context,
    )


def already_done(complaint: Complaint, error: complaints.AlreadyDoneError) -> Response:
    """Show the complaint as it is now, saying that the change was made already."""
    flash(str(error))
    return redirect(url_for(".show_complaint", complaint_id=complaint.id))


def _complaint_data(form: forms.ComplaintForm) -> dict[str, Any]:
    data = {name: getattr(form, name).data for name in complaints.AUDITED_FIELDS}
    data["officer_id"] = int(form.officer_id.data) if form.officer_id.data else None
    for name in (
        "contact_email",
        "contact_phone",
        "contact_address",
        "child_reference",
        "ehcp_stage",
    ):
        data[name] = (data[name] or "").strip()
    if form.stage is not None:  # None once deleted: the stage changes only by escalation
        data["stage"] = form.stage.data
    return data


@bp.route("/new", methods=["GET", "POST"])
@roles_required(OFFICER)
def log_complaint() -> Page:
    """Log a new complaint."""
    form = forms.ComplaintForm()
    form.officer_id.choices = officer_choices()
    if form.validate_on_submit():
        made = complaints.log_complaint(
            _complaint_data(form), submission_token=form.submission_token.sent
        )
        complaint = made.record
        if made.new:
            flash(f"Complaint {complaint.reference} logged. Now split it into points.", "success")
        else:
            flash(f"This form was sent twice: complaint {complaint.reference} was logged once.")
        return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return form_page(form, None, "Log a complaint")


@bp.get("/<int:complaint_id>")
@roles_required(OFFICER)
def show_complaint(complaint_id: int) -> Page:
    """Show a complaint: details, clocks, points, outcomes and actions."""
    complaint = load_complaint(complaint_id)
    today = complaints.today()
    action_words = {a.id: action_due_words(a, today) for p in complaint.points for a in p.actions}
    return render_template(
        "complaints/complaint.html",
        complaint=complaint,
        # Whether its words were raised with the safeguarding lead, never the lead's notes.
        flags=safeguarding.flag_summary_for("complaint", complaint.id),
        due=complaint_due(complaint, today),
        action_words=action_words,
        today=today,
        back_url=_queue_url(request.args.get("queue", "")),
        extensions={stage.id: complaints.describe_extension(stage) for stage in complaint.stages},
        labels=DETAIL_LABELS,
        erased=complaints.erased_words(complaint) if complaint.erased_at else "",
    )


def _queue_url(query: str) -> str:
    """The queue as the officer last filtered it, from the query string the queue's link
    carried. Read into filters and built again, so the link only ever goes to the queue."""
    filters = QueueFilters.from_args(dict(parse_qsl(query[:500])))
    args: dict[str, Any] = filters.as_args()
    return url_for(".queue", **args)


def _edit_form(complaint: Complaint, *, saved: bool = False) -> forms.ComplaintEditForm:
    """The details form: as posted, or (on a GET, or ``saved``) as the complaint is saved."""
    # formdata=None reads the complaint alone; by default a POST's answers win over it.
    form = (
        forms.ComplaintEditForm(formdata=None, obj=complaint)
        if saved
        else forms.ComplaintEditForm(obj=complaint)
    )
    form.officer_id.choices = officer_choices(keep=complaint.officer_id)
    if saved or request.method == "GET":
        form.officer_id.data = str(complaint.officer_id or "")
        form.stage.data = complaint.stage
    del form.stage  # the stage changes only by escalation
    return form


@bp.route("/<int:complaint_id>/edit", methods=["GET", "POST"])
@roles_required(OFFICER)
def edit_complaint(complaint_id: int) -> Page:
    """Change a complaint's details."""
    complaint = load_complaint(complaint_id, changing=True)
    form = _edit_form(complaint)
    title = "Change complaint details"
    if form.validate_on_submit():
        try:
            complaints.update_complaint(complaint, _complaint_data(form), version=form.version.data)
        except complaints.ComplaintError as error:
            form.received_on.errors = [str(error)]
        except edits.EditConflict as conflict:
            saved = _edit_form(complaint, saved=True)
            unsaved = stale_form(form, saved, str(conflict))
            return form_page(saved, complaint, title, unsaved=unsaved), 409
        else:
            flash(f"Details of complaint {complaint.reference} saved", "success")
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return form_page(form, complaint, title)


@bp.get("/<int:complaint_id>/audit")
@roles_required(Role.ADMIN)
def audit_trail(complaint_id: int) -> Page:
    """Show an administrator every view of and change to one complaint."""
    complaint = load_complaint(complaint_id)
    entries = complaints_audit.describe_trail(
        complaint, audit.entries_for("complaint", complaint.id)
    )
    return render_template("complaints/audit.html", complaint=complaint, entries=entries)


# The other views register themselves on bp when imported.
from feedback_app.complaints import (  # noqa: E402,F401
    views_lists,
    views_points,
    views_stages,
)
