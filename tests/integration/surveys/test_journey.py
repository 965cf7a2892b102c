"""The whole survey journey through the test client, for both surveys and audiences."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Answer, Comment
from tests.conftest import parse_html
from tests.integration.surveys.helpers import PATHS, answer, drafts, start, text_of, version_for

CASES = [
    (slug, audience)
    for slug in ("new_ehcp", "annual_review")
    for audience in ("parent", "young_person")
]


@pytest.mark.parametrize(("slug", "audience"), CASES)
def test_full_journey_stores_every_answer(client, slug, audience):
    path = PATHS[slug]
    version = version_for(slug, audience)
    url = start(client, path, audience)
    chosen: dict[str, str] = {}
    for question in version.questions:
        assert url.endswith(f"/surveys/{path}/questions/{question.key}")
        body = text_of(client, url)
        assert question.text.replace("'", "&#39;") in body
        assert "Save and come back later" in body
        assert 'class="govuk-back-link"' in body
        if question.kind == "text":
            value = "The caseworker changed three times 😞 but the SENCO was brilliant"
        elif question.kind == "scale":
            value = question.option_values[3]
        else:
            value = question.option_values[0]
        chosen[question.key] = value
        url = answer(client, url, answer=value)
    assert url.endswith(f"/surveys/{path}/your-words")
    text_of(client, url)
    url = answer(client, url, quote_consent="yes", contact_consent="yes")
    assert url.endswith(f"/surveys/{path}/contact-details")
    text_of(client, url)
    url = answer(client, url, name="Sam", email="sam@example.com", phone="")
    assert url.endswith(f"/surveys/{path}/check-answers")
    body = text_of(client, url)
    assert "sam@example.com" in body
    soup = parse_html(body)
    draft_id = soup.find("input", attrs={"name": "draft_id"})["value"]

    submitted = client.post(url, data={"draft_id": draft_id})
    assert submitted.status_code == 302
    assert submitted.location.endswith(f"/surveys/{path}/confirmation")
    confirmation = text_of(client, submitted.location)
    assert "Thank you, we have your answers" in confirmation
    assert 'href="/findings"' in confirmation and 'href="/you-said-we-did"' in confirmation

    [response] = drafts()
    assert response.status == "submitted"
    assert response.version_id == version.id
    assert response.submitted_on is not None and response.submitted_at is not None
    assert response.quote_consent is True and response.contact_email == "sam@example.com"
    assert response.respondent == chosen["respondent"]
    stored = {a.question_key: a for a in response.answers}
    assert set(stored) == set(chosen)
    by_key = {q.key: q for q in version.questions}
    for key, value in chosen.items():
        assert stored[key].question_id == by_key[key].id
        if key == "comment":
            assert stored[key].text == value and stored[key].value is None
        else:
            assert stored[key].value == value
    comment = db.session.scalars(select(Comment).where(Comment.source == "survey")).one()
    assert comment.source_id == response.id and comment.quote_consent is True
    assert comment.survey_id == response.survey_id
    assert "🙂" not in comment.text and "😞" in comment.text


def test_optional_questions_can_be_skipped_and_contact_declined(client):
    version = version_for("new_ehcp", "parent")
    url = start(client, "new-ehcp")
    for question in version.questions:
        if question.required:
            url = answer(client, url, answer="agree")
        else:
            response = client.post(url, data={"action": "skip"})
            assert response.status_code == 302
            url = response.location
    url = answer(client, url, quote_consent="no", contact_consent="no")
    assert url.endswith("/check-answers")
    body = text_of(client, url)
    assert body.count("Not answered") == 4  # comment and three about-you questions
    [response] = drafts()
    assert {a.question_key for a in response.answers} == {
        "involved",
        "aspirational",
        "contact",
        "joint_working",
    }
    assert response.contact_consent is False and response.contact_email is None


def test_young_people_version_links_to_parent_version_and_back(client):
    parent = text_of(client, "/surveys/annual-review")
    assert 'href="/surveys/annual-review/young-people"' in parent
    assert "anonymous" in parent and "fewer than 5" in parent
    assert "Continue with a resume code" in parent
    assert "999" in parent  # the urgent help text
    young = text_of(client, "/surveys/annual-review/young-people")
    assert 'href="/surveys/annual-review"' in young
    assert "easy" not in young.lower() or "Your annual review" in young


def test_unknown_survey_is_404(client):
    assert client.get("/surveys/no-such-survey").status_code == 404


def _answer_all(client, path="new-ehcp", audience="parent", slug="new_ehcp"):
    version = version_for(slug, audience)
    url = start(client, path, audience)
    for question in version.questions:
        url = answer(client, url, answer="agree" if question.kind == "scale" else "")
    return answer(client, url, quote_consent="yes", contact_consent="no")


def test_change_link_returns_to_check_answers(client):
    check = _answer_all(client)
    body = text_of(client, check)
    soup = parse_html(body)
    change = soup.find("a", href="/surveys/new-ehcp/questions/contact?change=1")
    assert change is not None and "Change" in change.get_text()
    page = text_of(client, change["href"])
    assert 'href="/surveys/new-ehcp/check-answers"' in page  # the back link
    assert 'value="agree" checked' in page or "checked" in page
    after = client.post(change["href"], data={"answer": "strongly_disagree"})
    assert after.status_code == 302 and after.location.endswith("/surveys/new-ehcp/check-answers")
    assert "Strongly disagree" in text_of(client, after.location)
    [response] = drafts()
    assert {a.question_key: a.value for a in response.answers}["contact"] == "strongly_disagree"


def test_changing_consent_to_contact_asks_for_details(client):
    check = _answer_all(client)
    url = "/surveys/new-ehcp/your-words?change=1"
    page = text_of(client, url)
    assert 'value="yes" checked' in page  # quote consent remembered
    after = answer(client, url, quote_consent="yes", contact_consent="yes")
    assert "/contact-details" in after
    back = answer(client, after, email="", phone="07700 900982")
    assert back == check


def test_answers_survive_in_database_before_submission(client):
    url = start(client, "annual-review")
    answer(client, url, answer="disagree")
    [draft] = drafts()
    assert draft.status == "draft"
    stored = db.session.scalars(select(Answer).where(Answer.response_id == draft.id)).one()
    assert (stored.question_key, stored.value) == ("aspirational", "disagree")
