"""Staff routes for "you said, we did" entries and the inspection evidence pack."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from feedback_app import clock
from feedback_app.auth.access import roles_required
from feedback_app.ids import parse_id
from feedback_app.models import ComplaintAction, Improvement, Role
from feedback_app.publishing.forms import ImprovementForm, MilestoneForm
from feedback_app.publishing.routes import bp
from feedback_app.services import (
    evidence_pack,  # noqa: I001
    improvements,
)
from feedback_app.services.findings import theme_names
from feedback_app.services.periods import PeriodError, parse_period, year_of

EDITORS = (Role.ANALYST, Role.COMPLAINTS_OFFICER)


def _form(improvement: Improvement | None = None, *, stored: bool = False) -> ImprovementForm:
    """The entry form, from the posted data; with ``stored``, from the entry as saved
    (for a page re-shown after another form on it, the milestone form, was posted)."""
    form = (
        ImprovementForm(formdata=None, obj=improvement)
        if stored
        else ImprovementForm(obj=improvement)
    )
    names = theme_names()
    form.theme.choices = [("", "Select a theme"), *names.items()]
    form.quote_id.choices = [("", "No quote")] + [
        (str(q["id"]), improvements.quote_choice_label(q, names))
        for q in improvements.published_quotes()
    ]
    if improvement is not None and (stored or request.method == "GET"):
        form.quote_id.data = str(improvement.quote_id or "")
    if improvement is not None:
        del form.submission_token  # a token is for making an entry, not changing one
    return form


def _entry(form: ImprovementForm) -> improvements.EntryInput:
    quote = form.quote_id.data or ""
    return improvements.EntryInput(
        theme=form.theme.data or "",
        title=form.title.data or "",
        you_said=form.you_said.data or "",
        we_did=form.we_did.data or "",
        service=form.service.data or "",
        status=form.status.data or "",
        started_on=form.started_on.data,
        due_on=form.due_on.data,
        completed_on=form.completed_on.data,
        quote_id=parse_id(quote),
        published=bool(form.published.data),
    )


def _apply_errors(form: ImprovementForm, error: improvements.ImprovementError) -> None:
    for name, message in error.errors.items():
        field = getattr(form, name, None) or form.title
        field.errors = [*list(field.errors or []), message]


@bp.get("/improvements", endpoint="improvements")
@roles_required(*EDITORS)
def list_improvements() -> str:
    """Entries, and complaint actions marked as candidates."""
    return render_template(
        "publishing/improvements.html",
        entries=improvements.all_entries(),
        candidates=improvements.candidates(),
        names=theme_names(),
    )


@bp.route("/improvements/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
def new_improvement() -> Response | str:
    """Add an improvement action as an entry."""
    return _save(None, None)


@bp.route("/improvements/from-action/<int:action_id>", methods=["GET", "POST"])
@roles_required(*EDITORS)
def improvement_from_action(action_id: int) -> Response | str:
    """Turn a complaint action into an entry, with public wording written here."""
    action = improvements.get_candidate(action_id) or abort(404)
    return _save(None, action)


@bp.route("/improvements/<int:entry_id>", methods=["GET", "POST"])
@roles_required(*EDITORS)
def edit_improvement(entry_id: int) -> Response | str:
    """Change an entry's wording or progress."""
    improvement = improvements.get_entry(entry_id) or abort(404)
    return _save(improvement, None)


def _save(improvement: Improvement | None, action: ComplaintAction | None) -> Response | str:
    form = _form(improvement)
    if action is not None and request.method == "GET":
        # Only non-personal facts come across; the wording is written afresh.
        form.theme.data = action.point.theme
        form.service.data = action.team
        form.due_on.data = action.due_on
        form.status.data = "done" if action.status == "done" else "in_progress"
        form.completed_on.data = action.completed_on
    if form.validate_on_submit():
        try:
            if improvement is None:
                made = improvements.create_entry_once(
                    _entry(form),
                    complaint_action_id=action.id if action else None,
                    submission_token=form.submission_token.sent,
                )
                improvement, new = made.record, made.new
            else:
                improvements.update_entry(improvement, _entry(form))
                new = True
        except improvements.ImprovementError as error:
            _apply_errors(form, error)
        else:
            if new:
                flash(f"Entry saved: “{improvement.title}”", "success")
            else:
                flash("This form was sent twice: the entry was saved once")
            return redirect(url_for("publishing.edit_improvement", entry_id=improvement.id), 303)
    return render_template(
        "publishing/improvement.html",
        form=form,
        improvement=improvement,
        action=action,
        milestone_form=MilestoneForm(prefix="milestone"),
    )


@bp.post("/improvements/<int:entry_id>/milestones")
@roles_required(*EDITORS)
def add_milestone(entry_id: int) -> Response | str:
    """Add a milestone to an entry."""
    improvement = improvements.get_entry(entry_id) or abort(404)
    form = MilestoneForm(prefix="milestone")
    if form.validate_on_submit():
        try:
            made = improvements.add_milestone_once(
                improvement,
                form.description.data or "",
                form.due_on.data,
                form.done_on.data,
                submission_token=form.submission_token.sent,
            )
        except improvements.ImprovementError as error:
            form.description.errors = list(error.errors.values())
        else:
            if made.new:
                flash(f"Milestone added to “{improvement.title}”", "success")
            else:
                flash("This form was sent twice: the milestone was added once")
            return redirect(url_for("publishing.edit_improvement", entry_id=entry_id), 303)
    return render_template(
        "publishing/improvement.html",
        form=form,
        entry_form=_form(improvement, stored=True),
        improvement=improvement,
        action=None,
        milestone_form=form,
    )


def _period() -> str:
    raw = request.args.get("period", "").strip()
    if not raw:
        return year_of(clock.today()).previous().label
    try:
        return parse_period(raw).label
    except PeriodError:
        abort(404)


@bp.get("/evidence-pack")
@roles_required(Role.ANALYST, Role.COMPLAINTS_OFFICER, Role.FORUM_MEMBER)
def show_evidence_pack() -> str:
    """One printable page of evidence of listening to families, for an inspection."""
    return render_template("publishing/evidence_pack.html", pack=evidence_pack.build(_period()))


@bp.get("/evidence-pack.csv")
@roles_required(Role.ANALYST, Role.COMPLAINTS_OFFICER, Role.FORUM_MEMBER)
def evidence_pack_csv() -> Response:
    """The evidence pack's figures as CSV."""
    period = _period()
    response = Response(evidence_pack.to_csv(evidence_pack.build(period)), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="evidence-pack-{period}.csv"'
    return response
