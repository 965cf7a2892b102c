"""Save and come back later: codes, links, expiry and stale pages."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from feedback_app.extensions import db
from feedback_app.services import responses as response_service
from tests.conftest import parse_html
from tests.integration.surveys.helpers import answer, drafts, start, text_of

CODE = re.compile(r"\b([3-9A-Z]{4}-[3-9A-Z]{4}-[3-9A-Z]{4})\b")


def _save(client) -> str:
    url = start(client, "new-ehcp")
    url = answer(client, url, answer="agree")
    saved = client.post(url, data={"answer": "disagree", "action": "save"})
    assert saved.status_code == 302 and saved.location.endswith("/surveys/new-ehcp/saved")
    body = text_of(client, saved.location)
    match = CODE.search(body)
    assert match, body
    assert f"/surveys/resume/{match.group(1)}" in body
    assert re.search(r"It works for \d+ hours", body)
    return match.group(1)


def test_resume_code_works_in_a_new_browser(app, client):
    code = _save(client)
    [draft] = drafts()
    assert draft.resume_hash == response_service._hash(code.replace("-", ""))
    assert code.replace("-", "") not in (draft.resume_hash or "")
    other = app.test_client()
    typed = other.post("/surveys/resume", data={"code": code.lower().replace("-", " ")})
    assert typed.status_code == 302
    assert typed.location.endswith("/surveys/new-ehcp/questions/contact")
    page = text_of(other, "/surveys/new-ehcp/questions/aspirational")
    assert 'value="disagree" checked' in page
    answer(other, typed.location, answer="agree")
    assert {a.question_key for a in drafts()[0].answers} == {"involved", "aspirational", "contact"}


def test_resume_link_works(app, client):
    code = _save(client)
    other = app.test_client()
    response = other.get(f"/surveys/resume/{code}")
    assert response.status_code == 302 and "/questions/contact" in response.location
    # The first browser's session no longer holds the draft: one browser at a time.
    assert "We could not find your answers" in text_of(
        client, "/surveys/new-ehcp/questions/contact"
    )


def test_saved_page_shows_the_code_once(client):
    _save(client)
    again = text_of(client, "/surveys/new-ehcp/saved")
    assert not CODE.search(again)
    assert "Get a new code" in again


def test_wrong_code_explains_itself(app, client):
    _save(client)
    other = app.test_client()
    typed = other.post("/surveys/resume", data={"code": "AAAA-BBBB-CCCC"})
    assert typed.status_code == 200
    soup = parse_html(typed.get_data(as_text=True))
    assert soup.title.get_text().startswith("Error: ")
    assert "Enter the resume code exactly as it was shown to you" in soup.get_text()
    link = other.get("/surveys/resume/not-a-code")
    assert link.status_code == 404
    assert "We could not find your saved answers" in link.get_data(as_text=True)
    empty = other.post("/surveys/resume", data={"code": ""})
    assert "Enter your resume code" in empty.get_data(as_text=True)


def test_expired_code_explains_and_offers_to_start_again(app, client):
    code = _save(client)
    [draft] = drafts()
    draft.resume_expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    response = app.test_client().get(f"/surveys/resume/{code}")
    assert response.status_code == 410
    body = response.get_data(as_text=True)
    parse_html(body)
    assert "Your resume code has expired" in body
    assert 'href="/surveys/new-ehcp"' in body


def test_code_lasts_for_resume_hours_and_at_least_twenty(app, client):
    app.config["RESUME_HOURS"] = 1  # a mistaken setting cannot go below the promise
    _save(client)
    [draft] = drafts()
    expires = draft.resume_expires_at.replace(tzinfo=UTC)
    assert timedelta(hours=19, minutes=59) < expires - datetime.now(UTC) <= timedelta(hours=20)


def test_resuming_a_submitted_response_says_already_sent(app, client):
    code = _save(client)
    [draft] = drafts()
    # Submitted elsewhere (for example in the first browser) after the code was given.
    assert response_service.submit(draft.id) is True
    response = app.test_client().get(f"/surveys/resume/{code}")
    assert response.status_code == 302 and "already=1" in response.location
