"""A double click on Continue, whose two requests arrive together, saves the answer once
and takes the family on to the next question either way."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Answer
from feedback_app.services import responses as response_service
from tests.integration.surveys.helpers import start
from tests.support.races import at_once, clients_like


def test_two_continues_at_once_on_a_first_answer_save_it_once(app: Flask, client, monkeypatch):
    url = start(client, "new-ehcp")
    assert url.endswith("/surveys/new-ehcp/questions/involved")
    one, two = clients_like(app, client)
    data = {"action": "continue", "answer": "agree"}

    # Held where each has applied its answer to the draft it read, before either commits.
    results = at_once(
        monkeypatch,
        (response_service, "_touch"),
        [lambda: c.post(url, data=data) for c in (one, two)],
    )

    assert not [r for r in results if isinstance(r, Exception)], results
    assert [r.status_code for r in results] == [302, 302]
    assert {r.location for r in results} == {"/surveys/new-ehcp/questions/aspirational"}
    saved = list(db.session.scalars(select(Answer).where(Answer.question_key == "involved")))
    assert [answer.value for answer in saved] == ["agree"]


def test_the_later_of_two_different_answers_at_once_is_kept(app: Flask, client, monkeypatch):
    url = start(client, "new-ehcp")
    one, two = clients_like(app, client)

    results = at_once(
        monkeypatch,
        (response_service, "_touch"),
        [
            lambda: one.post(url, data={"action": "continue", "answer": "agree"}),
            lambda: two.post(url, data={"action": "continue", "answer": "disagree"}),
        ],
    )

    assert [getattr(r, "status_code", r) for r in results] == [302, 302]
    saved = list(db.session.scalars(select(Answer).where(Answer.question_key == "involved")))
    assert len(saved) == 1 and saved[0].value in {"agree", "disagree"}
