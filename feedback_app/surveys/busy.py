"""The page for an answer refused by the rate limit (HTTP 429), which keeps the answer.

A school network is one address, so a class answering together can reach the limits
on answers (config.py, RATELIMIT_SURVEY_*). Nothing the pupil typed may be lost: the
question (or the consent or contact page) comes back with what was sent and a message
that it is not saved yet, instead of the general "too many attempts" page.
"""

from __future__ import annotations

from flask import make_response, render_template, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as HTTPResponse

from feedback_app.extensions import htmx
from feedback_app.surveys import journey as journeys
from feedback_app.surveys.forms import ContactForm, question_form
from feedback_app.surveys.routes import (
    bp,
    consent_form,
    render_consent,
    render_contact,
    render_question,
)

ANSWER_NOT_SAVED = _l(
    "Your answer is not saved yet, because lots of people are answering on the same "
    "network. Wait a minute, then try again."
)
PAGE_NOT_SAVED = _l(
    "Your answers on this page are not saved yet, because lots of people are answering on "
    "the same network. Wait a minute, then try again."
)


@bp.errorhandler(429)
def too_many_at_once(error: HTTPException) -> HTTPResponse | tuple[str, int]:
    """Show the page again with what was sent, or the general page when there is none."""
    page = _page_not_saved()
    if page is None:
        return render_template("errors/429.html", error=error), 429
    # htmx swaps only successful responses: a 429 would leave the pupil with no message.
    page.status_code = 200 if htmx else 429
    return page


def _page_not_saved() -> HTTPResponse | None:
    """The refused page again, filled in with what was sent and the message, if it is one
    that saves answers and this browser's draft is still there."""
    args = request.view_args or {}
    if request.method != "POST" or "path" not in args:
        return None
    survey = journeys.get_survey(str(args["path"]))
    journey = journeys.current_journey(survey) if survey is not None else None
    if journey is None:
        return None
    change = request.args.get("change") == "1"
    if request.endpoint == "surveys.question":
        item = journey.question(str(args.get("key", "")))
        if item is None:
            return None
        form = question_form(item, journey.audience, formdata=request.form)
        form.answer.errors = [ANSWER_NOT_SAVED]
        return render_question(journey, item, form, change)
    if request.endpoint == "surveys.consent":
        consent = consent_form(journey)
        consent.quote_consent.errors = [PAGE_NOT_SAVED]
        return make_response(render_consent(journey, consent, change))
    if request.endpoint == "surveys.contact_details":
        contact = ContactForm()
        contact.name.errors = [PAGE_NOT_SAVED]
        return make_response(render_contact(journey, contact, change))
    return None
