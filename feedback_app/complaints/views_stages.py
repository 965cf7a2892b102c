"""A complaint's clock: record the acknowledgement, the response, an escalation or the
closing (each a dated step), and extend the response deadline.

Forms that escalate or extend say what they change from, so that sending one twice
changes things once; the repeat shows the complaint as it is now (``already_done``).
The services are in ``services.complaints_stages``.
"""

from __future__ import annotations

from datetime import date

from flask import flash, redirect, request, url_for

from feedback_app.auth.access import roles_required
from feedback_app.complaints import forms
from feedback_app.complaints.routes import (
    OFFICER,
    Page,
    already_done,
    bp,
    form_page,
    load_complaint,
)
from feedback_app.models import Complaint
from feedback_app.services import complaints
from feedback_app.templating import format_date

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
    complaint = load_complaint(complaint_id, changing=True)
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
            return already_done(complaint, error)
        except complaints.UnfinishedWorkError as error:
            form.confirm_unfinished.errors = [str(error)]
        except complaints.ComplaintError as error:
            form.on.errors = [str(error)]
        else:
            flash(done, "success")
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return form_page(form, complaint, title, unfinished=unfinished)


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
    complaint = load_complaint(complaint_id, changing=True)
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
            return already_done(complaint, error)
        except complaints.ComplaintError as error:
            form.days.errors = [str(error)]
        else:
            flash(
                f"Response deadline for {complaint.reference} extended to "
                f"{format_date(complaint.due_on)}",
                "success",
            )
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return form_page(form, complaint, "Extend the response deadline")


def _extending(form: forms.ExtensionForm) -> date:
    """The deadline the form set out to extend."""
    try:
        return date.fromisoformat(form.deadline.data or "")
    except ValueError:
        raise complaints.ComplaintError(complaints.STALE_FORM) from None
