"""Submitting stores exactly one response, however often the button is pressed."""

from __future__ import annotations

import threading

from flask import Flask
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Comment, Response
from feedback_app.services import responses as response_service
from tests.conftest import parse_html
from tests.integration.surveys.helpers import answer, drafts, start, text_of

CHECK = "/surveys/annual-review/check-answers"


def _ready_to_submit(client) -> str:
    url = start(client, "annual-review")
    for key in (
        "aspirational",
        "paperwork",
        "right_agencies",
        "included",
        "contact",
        "timely_changes",
    ):
        url = answer(client, url, answer="neither")
    answer(client, url, answer="Paperwork arrived the night before the meeting")
    answer(client, "/surveys/annual-review/your-words", quote_consent="yes", contact_consent="no")
    soup = parse_html(text_of(client, CHECK))
    return soup.find("input", attrs={"name": "draft_id"})["value"]


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_double_submit_stores_one_response(client):
    draft_id = _ready_to_submit(client)
    first = client.post(CHECK, data={"draft_id": draft_id})
    second = client.post(CHECK, data={"draft_id": draft_id})
    assert first.location.endswith("/surveys/annual-review/confirmation")
    assert second.status_code == 302
    assert second.location.endswith("/surveys/annual-review/confirmation?already=1")
    page = text_of(client, second.location)
    assert "You have already sent your answers" in page
    assert _count(Response) == 1 and _count(Comment) == 1
    assert drafts()[0].status == "submitted"


def test_replayed_submit_from_another_browser_stores_nothing_new(app, client):
    draft_id = _ready_to_submit(client)
    client.post(CHECK, data={"draft_id": draft_id})
    replay = app.test_client().post(CHECK, data={"draft_id": draft_id})
    # Another browser is not told whether that response was sent: only that it has no
    # answers here.
    assert replay.status_code == 200
    page = replay.get_data(as_text=True)
    assert "already sent" not in page and "could not find your answers" in page
    assert _count(Response) == 1 and _count(Comment) == 1


def test_odd_draft_ids_on_submit_get_a_page_not_an_error(client):
    for draft_id in ("²", "99999999999999999999999", "-1", "", "1e3"):
        fresh = client.application.test_client()
        reply = fresh.post(CHECK, data={"draft_id": draft_id})
        assert reply.status_code == 200, draft_id


def test_after_submitting_question_pages_say_already_sent(client):
    draft_id = _ready_to_submit(client)
    client.post(CHECK, data={"draft_id": draft_id})
    again = client.post("/surveys/annual-review/questions/paperwork", data={"answer": "agree"})
    assert again.status_code == 302 and "already=1" in again.location
    assert {a.value for a in drafts()[0].answers if a.question_key == "paperwork"} == {"neither"}


def test_submit_service_is_idempotent(app, client):
    draft_id = int(_ready_to_submit(client))
    assert response_service.submit(draft_id) is True
    assert response_service.submit(draft_id) is False
    assert _count(Comment) == 1


def test_concurrent_submits_store_once(app, client):
    draft_id = int(_ready_to_submit(client))
    db.session.remove()
    results: list[bool] = []
    barrier = threading.Barrier(2)

    def submit_in_thread(flask_app: Flask) -> None:
        with flask_app.app_context():
            barrier.wait()
            try:
                results.append(response_service.submit(draft_id))
            except Exception:  # SQLite may refuse the loser's write lock: also "not stored"
                db.session.rollback()
                results.append(False)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=submit_in_thread, args=(app,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == [False, True]
    assert _count(Comment) == 1


def test_cannot_submit_with_required_answers_missing(client):
    start(client, "annual-review")
    response = client.get(CHECK)
    assert response.status_code == 302
    assert response.location.endswith("/surveys/annual-review/questions/aspirational")
