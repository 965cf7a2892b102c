"""Complaint casework for complaints officers: log, points, clocks, actions.

Thin views: read the form, call one service function, redirect. Every GET of a
page about one complaint records a view in the audit log (``_load``); every
change is audited by the service. The queue, report and compliments views live
in ``views_lists`` on the same blueprint.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import parse_qsl

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from feedback_app.auth.access import roles_required
from feedback_app.complaints import forms
from feedback_app.form_fields import stale_form
from feedback_app.models import Complaint, ComplaintAction, ComplaintPoint, Role
from feedback_app.models.complaints import CHANNELS, EHCP_STAGES, RELATIONSHIPS
from feedback_app.services import audit, complaint_points, complaints, complaints_audit, edits
from feedback_app.services.complaints_queue import (
    QueueFilters,
    action_due_words,
    complaint_due,
    officer_choices,
)
from feedback_app.templating import format_date

bp = Blueprint("complaints", __name__)
#: Words for the values a complaint's details page shows, the same as its form's.
DETAIL_LABELS = {"channel": CHANNELS, "relationship": RELATIONSHIPS, "ehcp_stage": EHCP_STAGES}
OFFICER = Role.COMPLAINTS_OFFICER
Page = str | Response | tuple[str, int]


def _load(complaint_id: int) -> Complaint:
    """Load a complaint for a page; a GET is a view and goes into the audit log."""
    if request.method == "GET":
        complaint = complaints.view_complaint(complaint_id, page=request.endpoint or "")
    else:
        complaint = complaints.get_complaint(complaint_id)
    if complaint is None:
        abort(404)
    return complaint


def _point(complaint: Complaint, point_id: int) -> ComplaintPoint:
    point = next((p for p in complaint.points if p.id == point_id), None)
    if point is None:
        abort(404)
    return point


def _action(complaint: Complaint, action_id: int) -> ComplaintAction:
    action = complaint_points.get_action(action_id)
    if action is None or action.point.complaint_id != complaint.id:
        abort(404)
    return action


def _form_page(form: Any, complaint: Complaint | None, title: str, **context: Any) -> str:
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


def _officer_choices(form: forms.ComplaintForm, keep: int | None = None) -> None:
    form.officer_id.choices = officer_choices(keep)


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
    _officer_choices(form)
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
    return _form_page(form, None, "Log a complaint")


@bp.get("/<int:complaint_id>")
@roles_required(OFFICER)
def show_complaint(complaint_id: int) -> Page:
    """Show a complaint: details, clocks, points, outcomes and actions."""
    complaint = _load(complaint_id)
    today = complaints.today()
    action_words = {a.id: action_due_words(a, today) for p in complaint.points for a in p.actions}
    return render_template(
        "complaints/complaint.html",
        complaint=complaint,
        due=complaint_due(complaint, today),
        action_words=action_words,
        today=today,
        back_url=_queue_url(request.args.get("queue", "")),
        extensions={stage.id: complaints.describe_extension(stage) for stage in complaint.stages},
        labels=DETAIL_LABELS,
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
    _officer_choices(form, keep=complaint.officer_id)
    if saved or request.method == "GET":
        form.officer_id.data = str(complaint.officer_id or "")
        form.stage.data = complaint.stage
    del form.stage  # the stage changes only by escalation
    return form


@bp.route("/<int:complaint_id>/edit", methods=["GET", "POST"])
@roles_required(OFFICER)
def edit_complaint(complaint_id: int) -> Page:
    """Change a complaint's details."""
    complaint = _load(complaint_id)
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
            return _form_page(saved, complaint, title, unsaved=unsaved), 409
        else:
            flash(f"Details of complaint {complaint.reference} saved", "success")
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return _form_page(form, complaint, title)


@bp.route("/<int:complaint_id>/points/new", methods=["GET", "POST"])
@roles_required(OFFICER)
def add_point(complaint_id: int) -> Page:
    """Add a point to a complaint, with a theme suggested from its text."""
    complaint = _load(complaint_id)
    form = forms.PointForm()
    suggested = _theme_choices(form, request.form.get("summary") or complaint.summary)
    if request.method == "GET" and suggested:
        form.theme.data = suggested[0]
    if form.validate_on_submit():
        try:
            made = complaint_points.add_point_once(
                complaint,
                theme=form.theme.data,
                summary=form.summary.data.strip(),
                outcome=form.outcome.data,
                submission_token=form.submission_token.sent,
            )
        except complaints.ComplaintError as error:
            form.theme.errors = [str(error)]
        else:
            if made.new:
                flash(
                    f"Point {made.record.position} added to complaint {complaint.reference}",
                    "success",
                )
            else:
                flash(f"This form was sent twice: point {made.record.position} was added once.")
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return _form_page(
        form,
        complaint,
        f"Add a point to complaint {complaint.reference}",
        field_params=_theme_hint(suggested),
    )


@bp.route("/<int:complaint_id>/points/<int:point_id>", methods=["GET", "POST"])
@roles_required(OFFICER)
def edit_point(complaint_id: int, point_id: int) -> Page:
    """Change a point's theme, summary or outcome."""
    complaint = _load(complaint_id)
    point = _point(complaint, point_id)
    form = forms.PointEditForm(obj=point)
    suggested = _theme_choices(form, point.summary, keep=point.theme)
    title = f"Point {point.position} of complaint {complaint.reference}"
    if form.validate_on_submit():
        try:
            complaint_points.update_point(
                point,
                theme=form.theme.data,
                summary=form.summary.data.strip(),
                outcome=form.outcome.data,
                version=form.version.data,
            )
        except complaints.ComplaintError as error:
            form.theme.errors = [str(error)]
        except edits.EditConflict as conflict:
            saved = forms.PointEditForm(formdata=None, obj=point)
            _theme_choices(saved, point.summary, keep=point.theme)
            unsaved = stale_form(form, saved, str(conflict))
            return _form_page(
                saved, complaint, title, field_params=_theme_hint(suggested), unsaved=unsaved
            ), 409
        else:
            flash(f"Point {point.position} of complaint {complaint.reference} saved", "success")
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return _form_page(form, complaint, title, field_params=_theme_hint(suggested))


def _theme_choices(form: Any, text: str, keep: str | None = None) -> list[str]:
    """Offer the live themes, and on a point's own page its theme even if since retired."""
    themes = complaint_points.active_themes()
    form.theme.choices = [(theme.slug, theme.name) for theme in themes]
    if keep and all(theme.slug != keep for theme in themes):
        retired = complaint_points.get_theme(keep)
        name = f"{retired.name} (retired)" if retired else keep
        form.theme.choices.append((keep, name))
    return [
        slug
        for slug in complaint_points.suggest_themes(text)
        if any(t.slug == slug for t in themes)
    ]


def _theme_hint(suggested: list[str]) -> dict[str, Any]:
    if not suggested:
        return {}
    return {"theme": {"hint": {"text": "Suggested from the text: check it before you save."}}}


STEPS: dict[str, tuple[str, str]] = {
    "acknowledge": ("Record the acknowledgement", "the date the complaint was acknowledged"),
    "respond": ("Record the response", "the date of the response"),
    "escalate": ("Escalate to the next stage", "the date the complaint was escalated"),
    "close": ("Close the complaint", "the date the complaint was closed"),
}


@bp.route(
    "/<int:complaint_id>/<any(acknowledge, respond, escalate, close):step>", methods=["GET", "POST"]
)
@roles_required(OFFICER)
def record_step(complaint_id: int, step: str) -> Page:
    """Record a dated step of the complaint's clock."""
    complaint = _load(complaint_id)
    title, what = STEPS[step]
    form = forms.DateForm()
    form.on.what = what
    form.on.label.text = what[4:].capitalize()
    if step != "escalate" or complaint.stage != "2":
        del form.reference
    if step != "escalate":
        del form.from_stage
    elif request.method == "GET":
        # The form says which stage it escalates from, so sending it twice escalates once.
        form.from_stage.data = complaint.stage
    unfinished = complaints.unfinished_work(complaint) if step == "close" else []
    if not unfinished:
        del form.confirm_unfinished
    if form.validate_on_submit():
        assert form.on.data is not None  # required, so validation guarantees it
        try:
            done = _record(complaint, step, form)
        except complaints.AlreadyDoneError as error:
            return _already_done(complaint, error)
        except complaints.UnfinishedWorkError as error:
            form.confirm_unfinished.errors = [str(error)]
        except complaints.ComplaintError as error:
            form.on.errors = [str(error)]
        else:
            flash(done, "success")
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return _form_page(form, complaint, title, unfinished=unfinished)


def _record(complaint: Complaint, step: str, form: forms.DateForm) -> str:
    """Record the step with its service; say what was done, for the success message."""
    on, reference = form.on.data, complaint.reference
    assert on is not None
    if step == "acknowledge":
        complaints.acknowledge(complaint, on)
        return f"Acknowledgement recorded for {reference}"
    if step == "respond":
        complaints.respond(complaint, on)
        return f"Response recorded for {reference}"
    if step == "close":
        confirmed = form.confirm_unfinished is not None and bool(form.confirm_unfinished.data)
        complaints.close(complaint, on, confirmed_unfinished=confirmed)
        return f"Complaint {reference} closed"
    # A POST may leave the field out altogether, and then its data is None.
    ombudsman = (form.reference.data or "").strip() if form.reference is not None else ""
    record = complaints.escalate(complaint, on, ombudsman, from_stage=form.from_stage.data or "")
    to = "the ombudsman" if record.stage == "ombudsman" else record.label.lower()
    return f"Complaint {reference} escalated to {to}"


@bp.route("/<int:complaint_id>/extend", methods=["GET", "POST"])
@roles_required(OFFICER)
def extend_deadline(complaint_id: int) -> Page:
    """Extend the response deadline, with a reason."""
    complaint = _load(complaint_id)
    form = forms.ExtensionForm()
    current = complaint.current_stage
    if request.method == "GET" and current is not None and current.respond_by is not None:
        # The form says which deadline it extends, so sending it twice extends it once.
        form.deadline.data = current.respond_by.isoformat()
    if form.validate_on_submit():
        try:
            complaints.extend(
                complaint, form.days.data, form.reason.data, deadline=_extending(form)
            )
        except complaints.AlreadyDoneError as error:
            return _already_done(complaint, error)
        except complaints.ComplaintError as error:
            form.days.errors = [str(error)]
        else:
            flash(
                f"Response deadline for {complaint.reference} extended to "
                f"{format_date(complaint.due_on)}",
                "success",
            )
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return _form_page(form, complaint, "Extend the response deadline")


def _extending(form: forms.ExtensionForm) -> date:
    """The deadline the form set out to extend."""
    try:
        return date.fromisoformat(form.deadline.data or "")
    except ValueError:
        raise complaints.ComplaintError(complaints.STALE_FORM) from None


def _already_done(complaint: Complaint, error: complaints.AlreadyDoneError) -> Response:
    """Show the complaint as it is now, saying that the change was made already."""
    flash(str(error))
    return redirect(url_for(".show_complaint", complaint_id=complaint.id))


def _action_data(form: forms.ActionForm) -> dict[str, Any]:
    return {
        name: (
            getattr(form, name).data.strip()
            if isinstance(getattr(form, name).data, str)
            else getattr(form, name).data
        )
        for name in complaint_points.ACTION_FIELDS
    }


@bp.route("/<int:complaint_id>/points/<int:point_id>/actions/new", methods=["GET", "POST"])
@roles_required(OFFICER)
def add_action(complaint_id: int, point_id: int) -> Page:
    """Give an action to a service for an upheld point."""
    complaint = _load(complaint_id)
    point = _point(complaint, point_id)
    form = forms.ActionForm()
    if form.validate_on_submit():
        try:
            made = complaint_points.add_action_once(
                point, _action_data(form), form.submission_token.sent
            )
        except complaint_points.DueDateError as error:
            form.due_on.errors = [str(error)]
        except complaints.ComplaintError as error:
            form.description.errors = [str(error)]
        else:
            if made.new:
                flash(
                    f"Action added to point {point.position} of complaint {complaint.reference}",
                    "success",
                )
            else:
                flash("This form was sent twice: the action was added once.")
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return _form_page(form, complaint, f"Add an action for point {point.position}")


@bp.route("/<int:complaint_id>/actions/<int:action_id>/edit", methods=["GET", "POST"])
@roles_required(OFFICER)
def edit_action(complaint_id: int, action_id: int) -> Page:
    """Change an action's details."""
    complaint = _load(complaint_id)
    action = _action(complaint, action_id)
    form = forms.ActionForm(obj=action)
    del form.submission_token  # a token is for adding an action, not changing one
    if form.validate_on_submit():
        try:
            complaint_points.update_action(action, _action_data(form))
        except complaint_points.DueDateError as error:
            form.due_on.errors = [str(error)]
        else:
            flash(
                f"Action for point {action.point.position} of {complaint.reference} saved",
                "success",
            )
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return _form_page(form, complaint, "Change the action")


@bp.route("/<int:complaint_id>/actions/<int:action_id>/complete", methods=["GET", "POST"])
@roles_required(OFFICER)
def complete_action(complaint_id: int, action_id: int) -> Page:
    """Mark an action done, with evidence."""
    complaint = _load(complaint_id)
    action = _action(complaint, action_id)
    form = forms.CompleteActionForm()
    if form.validate_on_submit():
        assert form.completed_on.data is not None  # required, so validation guarantees it
        try:
            complaint_points.complete_action(action, form.completed_on.data, form.evidence.data)
        except complaints.AlreadyDoneError as error:
            return _already_done(complaint, error)
        except complaints.ComplaintError as error:
            form.completed_on.errors = [str(error)]
        else:
            flash(
                f"Action for point {action.point.position} of {complaint.reference} marked as done",
                "success",
            )
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return _form_page(form, complaint, "Mark the action as done", action=action)


@bp.get("/<int:complaint_id>/audit")
@roles_required(Role.ADMIN)
def audit_trail(complaint_id: int) -> Page:
    """Show an administrator every view of and change to one complaint."""
    complaint = _load(complaint_id)
    entries = complaints_audit.describe_trail(
        complaint, audit.entries_for("complaint", complaint.id)
    )
    return render_template("complaints/audit.html", complaint=complaint, entries=entries)


from feedback_app.complaints import views_lists  # noqa: E402,F401  (registers the list views on bp)
