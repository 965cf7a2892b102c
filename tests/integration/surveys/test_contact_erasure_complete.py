"""When retention erases a family's contact details, no copy of them stays: not in the
comment's text, its hidden phrases or the answer it came from. The findings (theme and
sentiment counts, the redacted words analysts and quotes show) do not change."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import update

from feedback_app.extensions import db
from feedback_app.models import Answer, Comment, Response
from feedback_app.services import (
    findings,
    responses,
    summaries,
    survey_retention,
    surveys,
)
from feedback_app.services.periods import year_of
from tests.support.planted import where_found

NAME, EMAIL, PHONE = "Perpetua Zanzibar", "perpetua.z@example.com", "07700 900987"
PLANTED = ["Perpetua", "Zanzibar", EMAIL, PHONE]
TEXT = (
    f"The caseworker never rang back and the plan is late. Perpetua Zanzibar here: please "
    f"ring me on {PHONE} or write to {EMAIL}."
)


def _submitted(name: str, email: str, phone: str, text: str, age_days: int) -> int:
    """A response sent through the survey's own services, then aged."""
    survey = surveys.get_survey_by_slug("new_ehcp")
    version = surveys.current_version(survey)
    response = responses.start_draft(version).response
    questions = {question.key: question for question in version.questions}
    responses.save_answer(response, questions["involved"], "disagree")
    responses.save_answer(response, questions["comment"], text)
    responses.save_consent(response, quote=True, contact=True)
    responses.save_contact(response, name=name, email=email, phone=phone)
    submitted = date.today() - timedelta(days=age_days)
    assert responses.submit(response.id, today=submitted)
    db.session.execute(
        update(Response)
        .where(Response.id == response.id)
        .values(submitted_at=datetime.now(UTC) - timedelta(days=age_days))
    )
    db.session.commit()
    return response.id


def _comment(response_id: int) -> Comment:
    return db.session.query(Comment).filter_by(source="survey", source_id=response_id).one()


def _findings(response_id: int) -> tuple[object, ...]:
    db.session.expire_all()
    comment = _comment(response_id)
    period = year_of(comment.received_on).label
    published = findings.compute_findings("new_ehcp", period)
    published.pop("generated_at")  # the moment it was computed
    return (
        published,
        summaries.stored(),
        comment.redacted,
        sorted(comment.effective_themes),
        comment.sentiment,
        sorted((link.theme, link.sentiment) for link in comment.themes),
    )


def test_erasing_contact_details_leaves_no_copy_of_them(app):
    old = _submitted(NAME, EMAIL, PHONE, TEXT, age_days=400)
    comment = _comment(old)
    assert NAME in comment.text and [NAME, "name"] in comment.hidden_phrases
    assert NAME not in comment.redacted  # the analysts never saw it
    before = _findings(old)

    result = survey_retention.purge_expired()

    assert result.contacts_erased == 1
    db.session.expire_all()
    assert where_found(PLANTED) == []
    comment = _comment(old)
    assert comment.text == comment.redacted
    assert "The caseworker never rang back and the plan is late." in comment.text
    assert not comment.hidden_phrases
    answer = db.session.query(Answer).filter_by(response_id=old, question_key="comment").one()
    assert answer.text == comment.redacted
    assert _findings(old) == before
    assert summaries.stored() == summaries.recount()


def test_only_expired_responses_lose_their_words(app):
    _submitted(NAME, EMAIL, PHONE, TEXT, age_days=400)
    recent = _submitted(
        "Ada Quokkason", "ada@example.com", "07700 900111", "Ada Quokkason: fine", 5
    )

    app.test_cli_runner().invoke(args=["purge-expired"])

    db.session.expire_all()
    assert where_found(PLANTED) == []
    response = db.session.get(Response, recent)
    assert response.contact_name == "Ada Quokkason"
    assert _comment(recent).text == "Ada Quokkason: fine"
    assert [hit for hit in where_found(["Ada Quokkason"]) if hit[0] == "responses"] == [
        ("responses", "contact_name", "ada quokkason")
    ]
