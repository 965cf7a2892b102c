"""A complaint's points and the actions given to services for upheld ones.

An officer adds points (each with a theme suggested from its text), changes them,
gives actions for upheld points, changes actions and marks them done. The services
are in ``services.complaint_points``.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, request, url_for

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
from feedback_app.form_fields import stale_form
from feedback_app.models import Complaint, ComplaintAction, ComplaintPoint
from feedback_app.services import complaint_points, complaints, edits


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


@bp.route("/<int:complaint_id>/points/new", methods=["GET", "POST"])
@roles_required(OFFICER)
def add_point(complaint_id: int) -> Page:
    """Add a point to a complaint, with a theme suggested from its text."""
    complaint = load_complaint(complaint_id, changing=True)
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
    return form_page(
        form,
        complaint,
        f"Add a point to complaint {complaint.reference}",
        field_params=_theme_hint(suggested),
    )


@bp.route("/<int:complaint_id>/points/<int:point_id>", methods=["GET", "POST"])
@roles_required(OFFICER)
def edit_point(complaint_id: int, point_id: int) -> Page:
    """Change a point's theme, summary or outcome."""
    complaint = load_complaint(complaint_id, changing=True)
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
            return form_page(
                saved, complaint, title, field_params=_theme_hint(suggested), unsaved=unsaved
            ), 409
        else:
            flash(f"Point {point.position} of complaint {complaint.reference} saved", "success")
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return form_page(form, complaint, title, field_params=_theme_hint(suggested))


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
    complaint = load_complaint(complaint_id, changing=True)
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
    return form_page(form, complaint, f"Add an action for point {point.position}")


@bp.route("/<int:complaint_id>/actions/<int:action_id>/edit", methods=["GET", "POST"])
@roles_required(OFFICER)
def edit_action(complaint_id: int, action_id: int) -> Page:
    """Change an action's details."""
    complaint = load_complaint(complaint_id, changing=True)
    action = _action(complaint, action_id)
    form = forms.ActionForm(obj=action)
    del form.submission_token  # a token is for adding an action, not changing one
    if form.validate_on_submit():
        try:
            complaint_points.update_action(action, _action_data(form))
        except complaint_points.DueDateError as error:
            form.due_on.errors = [str(error)]
        except complaints.ComplaintError as error:
            form.description.errors = [str(error)]
        else:
            flash(
                f"Action for point {action.point.position} of {complaint.reference} saved",
                "success",
            )
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return form_page(form, complaint, "Change the action")


@bp.route("/<int:complaint_id>/actions/<int:action_id>/complete", methods=["GET", "POST"])
@roles_required(OFFICER)
def complete_action(complaint_id: int, action_id: int) -> Page:
    """Mark an action done, with evidence."""
    complaint = load_complaint(complaint_id, changing=True)
    action = _action(complaint, action_id)
    form = forms.CompleteActionForm()
    if form.validate_on_submit():
        assert form.completed_on.data is not None  # required, so validation guarantees it
        try:
            complaint_points.complete_action(action, form.completed_on.data, form.evidence.data)
        except complaints.AlreadyDoneError as error:
            return already_done(complaint, error)
        except complaints.ComplaintError as error:
            form.completed_on.errors = [str(error)]
        else:
            flash(
                f"Action for point {action.point.position} of {complaint.reference} marked as done",
                "success",
            )
            return redirect(url_for(".show_complaint", complaint_id=complaint.id))
    return form_page(form, complaint, "Mark the action as done", action=action)
