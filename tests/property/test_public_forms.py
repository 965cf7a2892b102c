"""Arbitrary form data posted to every public POST route: never a 500, never a bad answer stored.

The routes come from ``app.url_map``, so a public form added later is fuzzed too.
Before fuzzing, the client starts a survey, so the question pages have a draft to
write to and the validation behind them is what gets exercised.
"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.routing import Rule

from feedback_app.extensions import db
from feedback_app.models import Answer, Question, Survey

PUBLIC_BLUEPRINTS = {"pages", "auth", "surveys", "findings", "complaints_public"}
FIELD_NAMES = [
    "answer",
    "action",
    "quote_consent",
    "contact_consent",
    "name",
    "email",
    "phone",
    "draft_id",
    "leave_blank",
    "code",
    "password",
    "csrf_token",
    "respondent",
    "comment",
]
ACTIONS = ["continue", "skip", "save", "change", ""]

nasty_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "مرحبا بالعالم",
            "😀" * 50,
            "x" * 10_001,
            "strongly_agree ",
            "STRONGLY_AGREE",
            "not_a_value",
            "",
            "\u202e\u200f",
            "%00",
            "../../etc/passwd",
        ]
    ),
)


def public_post_rules(app: Flask) -> list[Rule]:
    return [
        rule
        for rule in app.url_map.iter_rules()
        if "POST" in (rule.methods or set()) and rule.endpoint.split(".")[0] in PUBLIC_BLUEPRINTS
    ]


def invalid_answers() -> list[str]:
    """Describe every stored answer that its question would not accept."""
    problems = []
    rows = db.session.execute(
        select(Answer, Question).join(Question, Answer.question_id == Question.id)
    ).all()
    for answer, question in rows:
        if question.kind in {"scale", "choice"}:
            if answer.value is not None and answer.value not in question.option_values:
                problems.append(f"{question.key}={answer.value!r}")
        elif answer.text is not None and (
            len(answer.text) > question.max_length or "\x00" in answer.text
        ):
            problems.append(f"{question.key}: text of {len(answer.text)} characters")
    return problems


@pytest.fixture
def surveys_client(client: FlaskClient) -> FlaskClient:
    for survey in db.session.scalars(select(Survey)):
        client.post(f"/surveys/{survey.path}", data={})
    return client


def test_there_are_public_forms_to_fuzz(app: Flask) -> None:
    assert public_post_rules(app)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_public_forms_survive_arbitrary_input(
    app: Flask, surveys_client: FlaskClient, data: st.DataObject
) -> None:
    rules = public_post_rules(app)
    rule = data.draw(st.sampled_from(rules), label="route")
    paths = [s.path for s in db.session.scalars(select(Survey))]
    keys = list({q.key for q in db.session.scalars(select(Question))})
    values: dict[str, object] = {}
    for name in rule.arguments:
        if name == "path":
            values[name] = data.draw(st.sampled_from(paths) | st.text(min_size=1, max_size=20))
        elif name == "key":
            values[name] = data.draw(st.sampled_from(keys) | st.text(min_size=1, max_size=20))
        elif (
            name in rule._converters and type(rule._converters[name]).__name__ == "IntegerConverter"
        ):  # noqa: SLF001
            values[name] = data.draw(st.integers(min_value=0, max_value=2**31))
        else:
            values[name] = data.draw(st.text(min_size=1, max_size=30))
    try:
        _, url = rule.build(values, append_unknown=False)  # type: ignore[misc]
    except Exception:  # noqa: BLE001 - a value the route's converter cannot take
        return
    form = data.draw(
        st.dictionaries(
            st.sampled_from(FIELD_NAMES) | st.text(max_size=20),
            st.one_of(
                nasty_text,
                st.sampled_from(ACTIONS),
                st.lists(nasty_text, max_size=3),
            ),
            max_size=6,
        ),
        label="form",
    )
    headers = {"HX-Request": "true"} if data.draw(st.booleans(), label="htmx") else {}
    response = surveys_client.post(url, data=form, headers=headers)
    assert response.status_code < 500, f"POST {url} {form!r} → {response.status_code}"
    db.session.expire_all()
    assert not invalid_answers(), f"after POST {url} {form!r}"
