"""A school class answering together from one network address.

A school network is one address to the rate limiter. With 60 answers a minute per page,
30 pupils answering over 3 minutes had 30 of 210 answers refused, and the words typed
were lost. The answering pages now allow a class (config.py, RATELIMIT_SURVEY_*), and an
answer that is refused comes back in its box, with a message that it is not saved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from sqlalchemy import select

from feedback_app.extensions import db, limiter
from feedback_app.models import Answer
from tests.conftest import make_app, parse_html
from tests.integration.surveys.helpers import drafts, start, version_for

COMMENT = "The SENCO listened to me & my mum – thank you"


def _limited(database_url: str, **limits: str) -> Iterator[Flask]:
    app = make_app(database_url, RATELIMIT_ENABLED=True, **limits)
    with app.app_context():
        limiter.reset()
        yield app
        limiter.reset()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def school_app(database_url: str) -> Iterator[Flask]:
    """The app with its rate limits on, as they are set by default."""
    yield from _limited(database_url)


@pytest.fixture
def busy_app(database_url: str) -> Iterator[Flask]:
    """The app with a tiny answer limit, so the third answer in a minute is refused."""
    yield from _limited(database_url, RATELIMIT_SURVEY_ANSWER="2 per minute")


def test_a_class_of_sixty_on_one_address_can_all_answer(school_app: Flask) -> None:
    questions = version_for("new_ehcp", "young_person").questions
    pupils = [school_app.test_client() for _ in range(60)]  # all 127.0.0.1
    statuses: Counter[int] = Counter()
    for pupil in pupils:
        response = pupil.post("/surveys/new-ehcp/young-people", data={})
        statuses[response.status_code] += 1
    # The teacher says "next": everyone answers the same question, then the next.
    for question in questions:
        for pupil in pupils:
            value = COMMENT if question.kind == "text" else question.option_values[1]
            response = pupil.post(
                f"/surveys/new-ehcp/questions/{question.key}",
                data={"action": "continue", "answer": value},
            )
            statuses[response.status_code] += 1
    for pupil in pupils:
        response = pupil.post(
            "/surveys/new-ehcp/your-words", data={"quote_consent": "no", "contact_consent": "no"}
        )
        statuses[response.status_code] += 1
    assert statuses == {302: 60 * (len(questions) + 2)}
    assert all(len(draft.answers) == len(questions) for draft in drafts())


def test_resume_codes_keep_the_tighter_limit(database_url: str) -> None:
    for app in _limited(database_url, RATELIMIT_PUBLIC_POST="2 per minute"):
        client = app.test_client()
        codes = [client.post("/surveys/resume", data={"code": "ABCD2345"}) for _ in range(3)]
        assert [r.status_code for r in codes] == [200, 200, 429]


def _refused_comment(app: Flask, headers: dict[str, str] | None = None) -> tuple[int, str]:
    client = app.test_client()
    first = start(client, "new-ehcp")
    url = "/surveys/new-ehcp/questions/comment"
    client.post(first, data={"action": "continue", "answer": "agree"})
    client.post(first, data={"action": "continue", "answer": "agree"})
    response = client.post(
        url, data={"action": "continue", "answer": COMMENT}, headers=headers or {}
    )
    return response.status_code, response.get_data(as_text=True)


def test_a_refused_answer_comes_back_with_what_was_typed(busy_app: Flask) -> None:
    status, page = _refused_comment(busy_app)
    assert status == 429
    soup = parse_html(page)
    assert soup.find("textarea", attrs={"name": "answer"}).get_text() == COMMENT
    summary = soup.select_one(".govuk-error-summary")
    assert summary is not None and "Your answer is not saved yet" in summary.get_text()
    assert soup.title.get_text().startswith("Error: ")
    # The question page, not the general one, with the buttons to try again.
    assert "Continue" in page and "too many attempts" not in page
    assert db.session.scalars(select(Answer).where(Answer.question_key == "comment")).all() == []


def test_a_refused_answer_sent_by_htmx_is_swapped_in_with_the_message(busy_app: Flask) -> None:
    status, page = _refused_comment(busy_app, headers={"HX-Request": "true"})
    # htmx only swaps in a successful response.
    assert status == 200
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("div", id="question-form") is not None and "<html" not in page
    assert soup.find("textarea", attrs={"name": "answer"}).get_text() == COMMENT
    assert "Your answer is not saved yet" in soup.select_one(".govuk-error-summary").get_text()


def test_refused_consent_and_contact_pages_keep_what_was_chosen(busy_app: Flask) -> None:
    client = busy_app.test_client()
    start(client, "new-ehcp")
    for _ in range(2):
        client.post("/surveys/new-ehcp/your-words", data={})  # errors, but counted
    refused = client.post(
        "/surveys/new-ehcp/your-words", data={"quote_consent": "yes", "contact_consent": "no"}
    )
    assert refused.status_code == 429
    soup = parse_html(refused.get_data(as_text=True))
    chosen = {(i["name"], i["value"]) for i in soup.select("input[type=radio][checked]")}
    assert chosen == {("quote_consent", "yes"), ("contact_consent", "no")}
    assert "not saved yet" in soup.select_one(".govuk-error-summary").get_text()
    assert drafts()[0].consent_answered_at is None


def test_refused_contact_details_keep_what_was_typed(busy_app: Flask) -> None:
    client = busy_app.test_client()
    start(client, "new-ehcp")
    client.post(
        "/surveys/new-ehcp/your-words", data={"quote_consent": "no", "contact_consent": "yes"}
    )
    for _ in range(2):
        client.post("/surveys/new-ehcp/contact-details", data={})  # errors, but counted
    refused = client.post(
        "/surveys/new-ehcp/contact-details",
        data={"name": "Sam Jones", "email": "sam@example.com", "phone": ""},
    )
    assert refused.status_code == 429
    soup = parse_html(refused.get_data(as_text=True))
    assert soup.find("input", attrs={"name": "name"})["value"] == "Sam Jones"
    assert soup.find("input", attrs={"name": "email"})["value"] == "sam@example.com"
    assert "not saved yet" in soup.select_one(".govuk-error-summary").get_text()
    assert drafts()[0].contact_email is None
