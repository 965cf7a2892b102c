"""The parent and young people's survey journeys: start, one question per page, consent.

Check your answers, submission, confirmation and resume codes are in
``finish.py``; both modules add views to this blueprint. Every POST is rate
limited, CSRF protected (globally) and redirects on success.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response as HTTPResponse

from feedback_app.extensions import htmx, limiter
from feedback_app.ids import parse_id
from feedback_app.models import Question, Survey
from feedback_app.services import responses as response_service
from feedback_app.services import surveys as survey_service
from feedback_app.surveys import journey as journeys
from feedback_app.surveys.forms import ConsentForm, ContactForm, StartForm, question_form
from feedback_app.surveys.journey import Journey

bp = Blueprint("surveys", __name__)

SESSION_NEW_CODE = "survey_new_resume_code"


def public_post_limit() -> str:
    """The rate limit for public POSTs, from settings."""
    return str(current_app.config["RATELIMIT_PUBLIC_POST"])


def start_limit() -> str:
    """The rate limit for "Start now", from settings: a class starts together."""
    return str(current_app.config["RATELIMIT_SURVEY_START"])


def answer_limit() -> str:
    """The rate limit for the pages that save answers, from settings: a class on one
    school address answers together (config.py explains the figure)."""
    return str(current_app.config["RATELIMIT_SURVEY_ANSWER"])


def go(url: str) -> HTTPResponse:
    """Redirect; for htmx, ask it to load the page (HX-Redirect) instead of swapping."""
    if htmx:
        response = make_response("", 204)
        response.headers["HX-Redirect"] = url
        return response
    return redirect(url)


def survey_or_404(path: str) -> Survey:
    survey = journeys.get_survey(path)
    if survey is None:
        abort(404)
    return survey


def no_draft(survey: Survey) -> HTTPResponse | str:
    """Explain that this browser has no answers in progress for the survey."""
    if journeys.sent_here(survey):
        return go(url_for("surveys.confirmation", path=survey.path, already="1"))
    hours = int(current_app.permanent_session_lifetime.total_seconds() // 3600)
    return render_template("surveys/no_draft.html", survey=survey, session_hours=hours)


def from_another_draft(journey: Journey) -> bool:
    """Whether a form was filled in for a draft this browser has since replaced: the survey
    was started again (perhaps the other version) in another tab. Saving it would put the
    answer in the wrong draft. Pages from before the field existed send none and are kept."""
    posted = request.form.get("draft_id")
    return posted is not None and parse_id(posted) != journey.response.id


@bp.get("/<path>/restarted")
def restarted(path: str) -> HTTPResponse | str:
    """Explain that an answer was not saved because the survey was started again elsewhere."""
    survey = survey_or_404(path)
    journey = journeys.current_journey(survey)
    if journey is None:
        return no_draft(survey)
    return render_template(
        "surveys/restarted.html", survey=survey, continue_url=journey.resume_url()
    )


# --- Start pages ------------------------------------------------------------------


@bp.route("/<path>", methods=["GET", "POST"])
@limiter.limit(start_limit, methods=["POST"])
def start(path: str) -> HTTPResponse | str:
    """Show the parent and carer start page; "Start now" creates a draft."""
    return _start(path, "parent")


@bp.route("/<path>/young-people", methods=["GET", "POST"])
@limiter.limit(start_limit, methods=["POST"])
def start_young_people(path: str) -> HTTPResponse | str:
    """Show the easy-read start page for children and young people."""
    return _start(path, "young_person")


def _start(path: str, audience: str) -> HTTPResponse | str:
    survey = survey_or_404(path)
    version = survey_service.current_version(survey, audience)
    if version is None:
        abort(404)
    form = StartForm()
    if form.validate_on_submit():
        if form.is_bot():
            # Pretend it worked so a bot learns nothing; nothing is stored.
            return redirect(url_for("surveys.confirmation", path=path))
        draft = response_service.start_draft(version)
        journeys.remember_draft(survey, draft.response.id, draft.secret)
        return redirect(url_for("surveys.question", path=path, key=version.questions[0].key))
    other = "parent" if audience == "young_person" else "young_person"
    in_progress = journeys.current_journey(survey)
    return render_template(
        "surveys/start.html",
        survey=survey,
        version=version,
        audience=audience,
        form=form,
        other_version_url=journeys.start_url(survey, other),
        continue_url=in_progress.resume_url() if in_progress is not None else None,
    )


# --- One question per page ----------------------------------------------------------


@bp.route("/<path>/questions/<key>", methods=["GET", "POST"])
@limiter.limit(answer_limit, methods=["POST"])
def question(path: str, key: str) -> HTTPResponse | str:
    """Show one question; on POST save the answer and go to the next page."""
    survey = survey_or_404(path)
    journey = journeys.current_journey(survey)
    if journey is None:
        return no_draft(survey)
    item = journey.question(key)
    if item is None:
        return make_response(
            render_template(
                "surveys/unknown_question.html", survey=survey, continue_url=journey.resume_url()
            ),
            404,
        )
    change = request.args.get("change") == "1"
    if request.method == "GET":
        form = question_form(item, journey.audience)
        stored = response_service.answers_by_key(journey.response).get(key)
        if stored is not None:
            form.answer.data = stored.text if item.kind == "text" else stored.value
        return render_question(journey, item, form, change)

    form = question_form(item, journey.audience, formdata=request.form)
    after = url_for("surveys.check_answers", path=path) if change else journey.next_url(key)
    if form.is_bot():
        return go(after)
    if from_another_draft(journey):
        return go(url_for("surveys.restarted", path=path))
    action = request.form.get("action", "continue")
    if action == "skip" and not item.required:
        response_service.save_answer(journey.response, item, None)
        return go(after)
    valid = form.validate()
    value = form.answer.data or None
    if action == "save":
        # Saving for later keeps any valid answer; an empty required one is no error here.
        bad = not valid and value is not None
        if not bad:
            if value is not None:
                response_service.save_answer(journey.response, item, value)
            return save_for_later(journey)
    elif valid:
        response_service.save_answer(journey.response, item, value)
        return go(after)
    return render_question(journey, item, form, change)


def render_question(journey: Journey, item: Question, form: Any, change: bool) -> HTTPResponse:
    """Render the question page, or only its form for htmx; the same context for both."""
    position = [q.key for q in journey.questions].index(item.key)
    change_args: dict[str, Any] = {"change": "1"} if change else {}
    context = {
        "survey": journey.survey,
        "version": journey.version,
        "audience": journey.audience,
        "question": item,
        "form": form,
        "change": change,
        "number": position + 1,
        "total": len(journey.questions),
        "draft_id": journey.response.id,
        "post_url": url_for(
            "surveys.question",
            path=journey.path,
            key=item.key,
            **change_args,
        ),
        "back_url": url_for("surveys.check_answers", path=journey.path)
        if change
        else journey.previous_url(item.key),
    }
    template = "surveys/_question_form.html" if htmx else "surveys/question.html"
    response = make_response(render_template(template, **context))
    response.headers.add("Vary", "HX-Request")
    return response


def save_for_later(journey: Journey) -> HTTPResponse:
    """Issue a resume code and show it once on the "saved" page."""
    code = response_service.issue_resume_code(journey.response)
    session[SESSION_NEW_CODE] = [journey.path, code]
    return go(url_for("surveys.saved", path=journey.path))


# --- Consent and contact ---------------------------------------------------------------


@bp.route("/<path>/your-words", methods=["GET", "POST"])
@limiter.limit(answer_limit, methods=["POST"])
def consent(path: str) -> HTTPResponse | str:
    """Ask whether we may quote them and whether they want to be contacted."""
    survey = survey_or_404(path)
    journey = journeys.current_journey(survey)
    if journey is None:
        return no_draft(survey)
    change = request.args.get("change") == "1"
    form = consent_form(journey)
    if request.method == "POST" and from_another_draft(journey):
        return redirect(url_for("surveys.restarted", path=path))
    if form.validate_on_submit():
        wants_contact = form.contact_consent.data == "yes"
        response_service.save_consent(
            journey.response, quote=form.quote_consent.data == "yes", contact=wants_contact
        )
        if wants_contact:
            args: dict[str, Any] = {"change": "1"} if change else {}
            return redirect(url_for("surveys.contact_details", path=path, **args))
        return redirect(url_for("surveys.check_answers", path=path))
    if request.method == "GET" and journey.response.consent_answered_at is not None:
        # Coming back (a Back or Change link): show what they chose, never a blank page.
        form.quote_consent.process_data("yes" if journey.response.quote_consent else "no")
        form.contact_consent.process_data("yes" if journey.response.contact_consent else "no")
    return render_consent(journey, form, change)


def consent_form(journey: Journey) -> ConsentForm:
    """The consent questions, in young people's words on their version."""
    form = ConsentForm()
    if journey.audience == "young_person":
        form.use_young_peoples_words()
    return form


def render_consent(journey: Journey, form: ConsentForm, change: bool) -> str:
    """Render the "your words and contact" page."""
    path = journey.path
    return render_template(
        "surveys/consent.html",
        survey=journey.survey,
        journey=journey,
        audience=journey.audience,
        form=form,
        back_url=url_for("surveys.check_answers", path=path)
        if change
        else journey.last_question_url(),
        draft_id=journey.response.id,
    )


@bp.route("/<path>/contact-details", methods=["GET", "POST"])
@limiter.limit(answer_limit, methods=["POST"])
def contact_details(path: str) -> HTTPResponse | str:
    """Ask for a name and an email address or phone number (only after a yes)."""
    survey = survey_or_404(path)
    journey = journeys.current_journey(survey)
    if journey is None:
        return no_draft(survey)
    if not journey.response.contact_consent:
        return redirect(url_for("surveys.consent", path=path))
    form = ContactForm()
    if request.method == "POST" and from_another_draft(journey):
        return redirect(url_for("surveys.restarted", path=path))
    if form.validate_on_submit():
        response_service.save_contact(
            journey.response,
            name=form.name.data or "",
            email=form.email.data or "",
            phone=form.phone.data or "",
        )
        return redirect(url_for("surveys.check_answers", path=path))
    if request.method == "GET":
        form.name.data = journey.response.contact_name
        form.email.data = journey.response.contact_email
        form.phone.data = journey.response.contact_phone
    return render_contact(journey, form, change=request.args.get("change") == "1")


def render_contact(journey: Journey, form: ContactForm, change: bool) -> str:
    """Render the contact details page."""
    path = journey.path
    return render_template(
        "surveys/contact.html",
        survey=journey.survey,
        audience=journey.audience,
        form=form,
        back_url=url_for("surveys.check_answers", path=path)
        if change
        else url_for("surveys.consent", path=path),
        draft_id=journey.response.id,
    )


# Check answers, submission, confirmation and resuming add their views to ``bp``, and
# ``busy`` the page for an answer refused because many people answer from one address.
from feedback_app.surveys import busy, finish  # noqa: E402,F401
