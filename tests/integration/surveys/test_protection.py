"""CSRF, the honeypot, rate limits and htmx requests on the survey journey."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Response
from tests.conftest import make_app, parse_html
from tests.integration.surveys.helpers import drafts, start


def _responses() -> int:
    return db.session.scalar(select(func.count()).select_from(Response))


def test_post_without_csrf_token_gets_the_friendly_expired_page(csrf_app):
    client = csrf_app.test_client()
    page = client.get("/surveys/new-ehcp")
    soup = parse_html(page.get_data(as_text=True))  # checks the start form carries a token
    assert soup.find("input", attrs={"name": "csrf_token"})
    response = client.post("/surveys/new-ehcp", data={})
    assert response.status_code == 400
    assert "This page has expired" in response.get_data(as_text=True)
    assert _responses() == 0


def test_post_with_csrf_token_works_and_htmx_header_token_is_accepted(csrf_app):
    client = csrf_app.test_client()
    soup = parse_html(client.get("/surveys/new-ehcp").get_data(as_text=True))
    token = soup.find("input", attrs={"name": "csrf_token"})["value"]
    started = client.post("/surveys/new-ehcp", data={"csrf_token": token})
    assert started.status_code == 302
    page = client.get(started.location)
    meta = parse_html(page.get_data(as_text=True)).find("meta", attrs={"name": "csrf-token"})
    response = client.post(
        started.location,
        data={"answer": "agree"},
        headers={"HX-Request": "true", "X-CSRFToken": meta["content"]},
    )
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == "/surveys/new-ehcp/questions/aspirational"


def test_honeypot_on_start_pretends_success_and_stores_nothing(client):
    response = client.post("/surveys/new-ehcp", data={"leave_blank": "http://spam.example"})
    assert response.status_code == 302 and "/confirmation" in response.location
    assert _responses() == 0


def test_honeypot_on_question_pretends_success_and_stores_nothing(client):
    url = start(client, "new-ehcp")
    response = client.post(url, data={"answer": "agree", "leave_blank": "x"})
    assert response.status_code == 302 and response.location.endswith("/questions/aspirational")
    assert drafts()[0].answers == []


def test_pages_carry_the_honeypot_hidden_from_people(client):
    url = start(client, "new-ehcp")
    for page_url in ("/surveys/new-ehcp", url):
        soup = parse_html(client.get(page_url).get_data(as_text=True))
        trap = soup.find("input", attrs={"name": "leave_blank"})
        assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
        wrapper = trap.find_parent("div")
        assert "app-visually-hidden-honeypot" in wrapper["class"]
        assert wrapper["aria-hidden"] == "true"


@pytest.fixture
def limited_app(database_url):
    app = make_app(database_url, RATELIMIT_ENABLED=True, RATELIMIT_SURVEY_START="3 per minute")
    from feedback_app.extensions import limiter

    with app.app_context():
        limiter.reset()
        yield app
        limiter.reset()
        db.session.remove()
        db.engine.dispose()


def test_rate_limit_returns_the_429_page(limited_app):
    client = limited_app.test_client()
    statuses = [client.post("/surveys/new-ehcp", data={}).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    response = client.post("/surveys/new-ehcp", data={})
    assert "too many attempts" in response.get_data(as_text=True)
    assert client.get("/surveys/new-ehcp").status_code == 200  # reading is never limited


def test_htmx_validation_error_returns_only_the_fragment(client):
    url = start(client, "new-ehcp")
    response = client.post(url, data={}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "HX-Request" in response.headers.get("Vary", "")
    body = response.get_data(as_text=True)
    assert '<div id="question-form">' in body
    assert "<html" not in body and "govuk-footer" not in body
    assert "Select how much you agree with the statement" in body
    assert "govuk-error-summary" in body and "<title>Error: " in body


def test_full_page_and_fragment_share_the_same_form(client):
    url = start(client, "new-ehcp")
    page = client.get(url)
    assert "HX-Request" in page.headers.get("Vary", "")
    soup = parse_html(page.get_data(as_text=True))
    form = soup.find("div", id="question-form").find("form")
    assert form["hx-post"] == form["action"] == url.replace("http://localhost", "")
    assert form["hx-target"] == "#question-form" and form["hx-swap"] == "outerHTML"


def test_htmx_save_redirects_to_saved_page(client):
    url = start(client, "new-ehcp")
    response = client.post(
        url, data={"answer": "agree", "action": "save"}, headers={"HX-Request": "true"}
    )
    assert response.headers["HX-Redirect"] == "/surveys/new-ehcp/saved"
    assert drafts()[0].answers[0].value == "agree"
