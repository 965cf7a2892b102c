"""The order of a survey's pages, and which draft this browser is answering.

The journey is: start page, one page per question (in position order), "your
words and contact", contact details (only if they asked to be contacted), check
your answers, confirmation. Page addresses come from here so the back links,
Change links and redirects can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import session, url_for

from feedback_app.models import Question, Response, Survey, SurveyVersion
from feedback_app.services import responses as response_service
from feedback_app.services import surveys as survey_service

AUDIENCES = ("parent", "young_person")
SESSION_DRAFTS = "survey_drafts"
SESSION_SENT = "surveys_sent"


@dataclass
class Journey:
    """One survey being answered in this browser: its survey, version and draft."""

    survey: Survey
    version: SurveyVersion
    response: Response

    @property
    def path(self) -> str:
        return self.survey.path

    @property
    def audience(self) -> str:
        return self.version.audience

    @property
    def questions(self) -> list[Question]:
        return list(self.version.questions)

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    def question_url(self, key: str, change: bool = False) -> str:
        args: dict[str, Any] = {"change": "1"} if change else {}
        return url_for("surveys.question", path=self.path, key=key, **args)

    def next_url(self, key: str) -> str:
        """The page after a question."""
        keys = [q.key for q in self.questions]
        position = keys.index(key)
        if position + 1 < len(keys):
            return self.question_url(keys[position + 1])
        return url_for("surveys.consent", path=self.path)

    def previous_url(self, key: str) -> str:
        """The page before a question (the start page for the first)."""
        keys = [q.key for q in self.questions]
        position = keys.index(key)
        if position > 0:
            return self.question_url(keys[position - 1])
        return start_url(self.survey, self.audience)

    def last_question_url(self) -> str:
        return self.question_url(self.questions[-1].key)

    def resume_url(self) -> str:
        """Where to carry on: the first required question unanswered; else the question after
        the last one answered (a skipped question stores nothing, so the family carries on
        where they saved, not past questions they never saw); else the consent page until it
        is answered; else check answers."""
        answered = response_service.answers_by_key(self.response)
        for question in self.questions:
            if question.required and question.key not in answered:
                return self.question_url(question.key)
        reached = max(
            (at for at, question in enumerate(self.questions) if question.key in answered),
            default=-1,
        )
        if reached + 1 < len(self.questions):
            return self.question_url(self.questions[reached + 1].key)
        return self.unasked_url() or url_for("surveys.check_answers", path=self.path)

    def unasked_url(self) -> str | None:
        """The page still to answer before the answers can be sent, if any: the consent page
        until it is answered, then contact details if they asked to be contacted."""
        response = self.response
        if response.consent_answered_at is None:
            return url_for("surveys.consent", path=self.path)
        if response.contact_consent and not (response.contact_email or response.contact_phone):
            return url_for("surveys.contact_details", path=self.path)
        return None


def start_url(survey: Survey, audience: str) -> str:
    """The start page for an audience."""
    if audience == "young_person":
        return url_for("surveys.start_young_people", path=survey.path)
    return url_for("surveys.start", path=survey.path)


def get_survey(path: str) -> Survey | None:
    """The active survey at a URL path."""
    survey = survey_service.get_survey_by_path(path)
    return survey if survey is not None and survey.active else None


def remember_draft(survey: Survey, response_id: int, secret: str) -> None:
    """Keep the draft's id and secret in this browser's session, per survey.

    The session stays a browser session (no expiry date on the cookie): on a shared
    tablet, closing the browser must leave the next person no way into the answers or
    contact details. The draft itself is kept in the database, and a resume code brings
    it back.
    """
    drafts = dict(session.get(SESSION_DRAFTS) or {})
    drafts[survey.path] = [response_id, secret]
    session[SESSION_DRAFTS] = drafts


def forget_draft(survey: Survey, sent_id: int | None = None) -> None:
    """Remove the draft from the session; remember that this browser sent it."""
    drafts = dict(session.get(SESSION_DRAFTS) or {})
    drafts.pop(survey.path, None)
    session[SESSION_DRAFTS] = drafts
    if sent_id is not None:
        sent = dict(session.get(SESSION_SENT) or {})
        sent[survey.path] = sent_id
        session[SESSION_SENT] = sent


def sent_here(survey: Survey, response_id: int | None = None) -> bool:
    """Say whether this browser has sent answers to this survey (and has no new draft);
    with ``response_id``, whether those answers were that response."""
    sent = (session.get(SESSION_SENT) or {}).get(survey.path)
    return sent is not None and (response_id is None or sent == response_id)


def current_journey(survey: Survey) -> Journey | None:
    """The draft this browser is answering for a survey, or None."""
    entry = (session.get(SESSION_DRAFTS) or {}).get(survey.path)
    if not isinstance(entry, list) or len(entry) != 2:
        return None
    response = response_service.load_draft(entry[0], entry[1])
    if response is None or response.survey_id != survey.id or response.status != "draft":
        return None
    # Flask refuses a session cookie signed longer ago than PERMANENT_SESSION_LIFETIME,
    # permanent or not. Signing it again on every page of the journey makes that 8 hours
    # without use, not 8 hours from the start.
    session.modified = True
    return Journey(survey=survey, version=response.version, response=response)
