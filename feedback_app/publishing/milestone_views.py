"""Staff routes to change or remove a milestone of a "you said, we did" entry.

Adding one is on the entry's page (``improvements_views.add_milestone``). Removing asks
first, on a page of its own, so it works without JavaScript and is never one click.
"""

from __future__ import annotations

from typing import TypeVar

from flask import abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from feedback_app.auth.access import roles_required
from feedback_app.form_fields import stale_form
from feedback_app.models import Improvement, Milestone
from feedback_app.publishing.forms import MilestoneChangeForm, MilestoneRemoveForm
from feedback_app.publishing.improvements_views import EDITORS
from feedback_app.publishing.routes import bp
from feedback_app.services import edits, improvements, milestones

Page = Response | str | tuple[str, int]
F = TypeVar("F", MilestoneChangeForm, MilestoneRemoveForm)

GONE = "That milestone is no longer on this entry: someone may have removed it."


def _found(entry_id: int, milestone_id: int) -> tuple[Improvement, Milestone | None]:
    improvement = improvements.get_entry(entry_id) or abort(404)
    return improvement, milestones.get_milestone(improvement, milestone_id)


def _form(form_class: type[F], milestone: Milestone) -> F:
    """The form filled from the milestone to show it; from the post alone to save it.

    Never from the milestone on a POST: a post with no fields at all would then carry
    the version saved now and pass as up to date.
    """
    return form_class(obj=milestone) if request.method == "GET" else form_class()


def _back_to(improvement: Improvement) -> Response:
    return redirect(url_for("publishing.edit_improvement", entry_id=improvement.id), 303)


@bp.route("/improvements/<int:entry_id>/milestones/<int:milestone_id>", methods=["GET", "POST"])
@roles_required(*EDITORS)
def change_milestone(entry_id: int, milestone_id: int) -> Page:
    """Change a milestone's wording or dates, or mark it done with the date it was done."""
    improvement, milestone = _found(entry_id, milestone_id)
    if milestone is None:
        flash(GONE, "error")
        return _back_to(improvement)
    form = _form(MilestoneChangeForm, milestone)
    if form.validate_on_submit():
        data = milestones.MilestoneInput(
            description=form.description.data or "",
            due_on=form.due_on.data,
            done_on=form.done_on.data,
        )
        try:
            changed = milestones.change_milestone(milestone, data, form.version.data)
        except improvements.ImprovementError as error:
            for name, message in error.errors.items():
                field = getattr(form, name)
                field.errors = [*list(field.errors or []), message]
        except edits.EditConflict as conflict:
            current = milestones.get_milestone(improvement, milestone_id)
            if current is None:
                flash(GONE, "error")
                return _back_to(improvement)
            saved = MilestoneChangeForm(formdata=None, obj=current)
            unsaved = stale_form(form, saved, str(conflict))
            return _page(improvement, current, saved, unsaved), 409
        else:
            if changed:
                flash(f"Milestone saved on “{improvement.title}”", "success")
            return _back_to(improvement)
    return _page(improvement, milestone, form)


def _page(
    improvement: Improvement,
    milestone: Milestone,
    form: MilestoneChangeForm,
    unsaved: list[tuple[str, str]] | None = None,
) -> str:
    return render_template(
        "publishing/milestone.html",
        improvement=improvement,
        milestone=milestone,
        form=form,
        unsaved=unsaved or [],
    )


@bp.route(
    "/improvements/<int:entry_id>/milestones/<int:milestone_id>/remove", methods=["GET", "POST"]
)
@roles_required(*EDITORS)
def remove_milestone(entry_id: int, milestone_id: int) -> Page:
    """Ask, then take a milestone off its entry and the public page."""
    improvement, milestone = _found(entry_id, milestone_id)
    if milestone is None:
        flash(GONE, "error")
        return _back_to(improvement)
    form = _form(MilestoneRemoveForm, milestone)
    if form.validate_on_submit():
        words = milestone.description
        try:
            milestones.remove_milestone(milestone, form.version.data)
        except edits.EditConflict:
            current = milestones.get_milestone(improvement, milestone_id)
            if current is None:
                flash(GONE, "error")
                return _back_to(improvement)
            saved = MilestoneRemoveForm(formdata=None, obj=current)
            saved.version.errors = [
                "Someone else changed this milestone after you opened this page, so it has "
                "not been removed. Check it below, then remove it if you still want to."
            ]
            return _remove_page(improvement, current, saved), 409
        flash(f"Milestone removed from “{improvement.title}”: “{words}”", "success")
        return _back_to(improvement)
    return _remove_page(improvement, milestone, form)


def _remove_page(improvement: Improvement, milestone: Milestone, form: MilestoneRemoveForm) -> str:
    return render_template(
        "publishing/milestone_remove.html", improvement=improvement, milestone=milestone, form=form
    )
