"""The end of the survey journey: check your answers, submit once, confirmation, resuming."""

from __future__ import annotations

from typing import Any

from flask import current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as HTTPResponse

from feedback_app.extensions import limiter
from feedback_app.ids import parse_id
from feedback_app.services import responses as response_service
from feedback_app.surveys import journey as journeys
from feedback_app.surveys.forms import ResumeForm, SaveForm, SubmitForm
from feedback_app.surveys.journey import Journey
from feedback_app.surveys.routes import (
    SESSION_NEW_CODE,
    answer_limit,
    bp,
    no_draft,
    public_post_limit,
    save_for_later,
    survey_or_404,
)


@bp.route("/<path>/check-answers", methods=["GET", "POST"])
@limiter.limit(answer_limit, methods=["POST"])
def check_answers(path: str) -> HTTPResponse | str:
    """Show every answer with Change links; Submit sends the response exactly once."""
    survey = survey_or_404(path)
    journey = journeys.current_journey(survey)
    form = SubmitForm()
    if request.method == "POST":
        draft_id = parse_id(request.form.get("draft_id"))
        already = journey is None or journey.response.id != draft_id
        if already and draft_id is not None and journeys.sent_here(survey, draft_id):
            # A second press or a replayed form: the first one already stored it. Only this
            # browser's own answers count, so nobody learns whether another id was sent.
            return redirect(url_for("surveys.confirmation", path=path, already="1"))
    if journey is None:
        return no_draft(survey)
    missing = next(
        (q for q in journey.questions if q.required and q.key not in answered(journey)), None
    )
    if missing is not None:
        return redirect(journey.question_url(missing.key))
    unasked = journey.unasked_url()
    if unasked is not None:
        # A resumed draft, or an address typed in: consent (and contact details, after a
        # yes) are asked before anything is sent.
        return redirect(unasked)
    if form.validate_on_submit() and form.draft_id.data == str(journey.response.id):
        stored = response_service.submit(journey.response.id)
        journeys.forget_draft(survey, sent_id=journey.response.id)
        args: dict[str, Any] = {} if stored else {"already": "1"}
        return redirect(url_for("surveys.confirmation", path=path, **args))
    form.draft_id.data = str(journey.response.id)
    return render_template(
        "surveys/check_answers.html",
        survey=survey,
        journey=journey,
        audience=journey.audience,
        answers=answered(journey),
        form=form,
        back_url=url_for("surveys.contact_details", path=path)
        if journey.response.contact_consent
        else url_for("surveys.consent", path=path),
    )


def answered(journey: Journey) -> dict[str, str]:
    """The text to show for each answered question, by key."""
    shown: dict[str, str] = {}
    for key, answer in response_service.answers_by_key(journey.response).items():
        question = journey.question(key)
        if question is None:
            continue
        if question.kind == "text":
            shown[key] = answer.text or ""
        else:
            labels = {str(o["value"]): str(o["label"]) for o in question.options}
            shown[key] = labels.get(answer.value or "", answer.value or "")
    return shown


@bp.get("/<path>/confirmation")
def confirmation(path: str) -> str:
    """Thank the family and say what happens next."""
    survey = survey_or_404(path)
    return render_template(
        "surveys/confirmation.html", survey=survey, already=request.args.get("already") == "1"
    )


# --- Save and come back later -----------------------------------------------------------


@bp.route("/<path>/saved", methods=["GET", "POST"])
@limiter.limit(public_post_limit, methods=["POST"])
def saved(path: str) -> HTTPResponse | str:
    """Show a new resume code once; POST asks for another one."""
    survey = survey_or_404(path)
    journey = journeys.current_journey(survey)
    form = SaveForm()
    if form.validate_on_submit():
        if journey is None:
            return no_draft(survey)
        return save_for_later(journey)
    code = None
    new_code = session.pop(SESSION_NEW_CODE, None)
    if isinstance(new_code, list) and len(new_code) == 2 and new_code[0] == path:
        code = str(new_code[1])
    if journey is None and code is None:
        return no_draft(survey)
    return render_template(
        "surveys/saved.html",
        survey=survey,
        code=code,
        resume_link=url_for("surveys.resume_link", code=code, _external=True) if code else None,
        hours=max(int(current_app.config["RESUME_HOURS"]), 20),
        continue_url=journey.resume_url() if journey else None,
        form=form,
    )


@bp.route("/resume", methods=["GET", "POST"])
@limiter.limit(public_post_limit, methods=["POST"])
def resume_form() -> HTTPResponse | tuple[str, int] | str:
    """Type in a resume code to carry on."""
    form = ResumeForm()
    if form.validate_on_submit():
        result = response_service.resume(form.code.data or "")
        if result.status == "unknown":
            form.code.errors = [
                *form.code.errors,
                _("Enter the resume code exactly as it was shown to you"),
            ]
        else:
            return _after_resume(result)
    return render_template("surveys/resume.html", form=form)


@bp.get("/resume/<code>")
def resume_link(code: str) -> HTTPResponse | tuple[str, int]:
    """Follow a resume link."""
    return _after_resume(response_service.resume(code))


def _after_resume(
    result: response_service.ResumeResult,
) -> HTTPResponse | tuple[str, int]:
    response = result.response
    if result.status == "ok" and response is not None and result.secret:
        journeys.remember_draft(response.survey, response.id, result.secret)
        journey = Journey(survey=response.survey, version=response.version, response=response)
        return redirect(journey.resume_url())
    if result.status == "submitted" and response is not None:
        return redirect(url_for("surveys.confirmation", path=response.survey.path, already="1"))
    status = 410 if result.status == "expired" else 404
    page = render_template(
        "surveys/resume_problem.html",
        expired=result.status == "expired",
        survey=response.survey if response is not None else None,
        hours=max(int(current_app.config["RESUME_HOURS"]), 20),
    )
    return page, status
