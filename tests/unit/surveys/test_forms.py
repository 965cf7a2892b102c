"""Question forms are built from the question row and validate against its options."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from werkzeug.datastructures import MultiDict

from feedback_app.surveys.forms import ContactForm, question_form


def _question(kind="scale", required=True, max_length=5000):
    options = [{"value": v, "label": v.title()} for v in ("agree", "disagree")]
    return SimpleNamespace(
        key="q",
        kind=kind,
        text="A statement",
        hint="",
        required=required,
        max_length=max_length,
        options=options if kind != "text" else [],
    )


@pytest.fixture
def ctx(app):
    with app.test_request_context(method="POST"):
        yield


def _validate(question, audience="parent", **data):
    form = question_form(question, audience, formdata=MultiDict(data))
    return form.validate(), form


def test_required_scale(ctx):
    ok, form = _validate(_question())
    assert not ok and form.answer.errors == ["Select how much you agree with the statement"]
    ok, form = _validate(_question(), answer="agree")
    assert ok and form.answer.data == "agree"


def test_unknown_option(ctx):
    ok, form = _validate(_question(), answer="strongly_agree")
    assert not ok and form.answer.errors == ["Select one of the answers shown"]


def test_optional_choice_can_be_blank(ctx):
    ok, _form = _validate(_question(kind="choice", required=False))
    assert ok


def test_text_limit_and_cleaning(ctx):
    ok, form = _validate(_question(kind="text", required=False, max_length=10), answer="x" * 11)
    assert not ok and form.answer.errors == ["Comment must be 10 characters or fewer"]
    ok, form = _validate(_question(kind="text", required=False), answer="a\x00b")
    assert ok and form.answer.data == "ab"


def test_honeypot(ctx):
    _ok, form = _validate(_question(), answer="agree", leave_blank="spam")
    assert form.is_bot()
    _ok, form = _validate(_question(), answer="agree")
    assert not form.is_bot()


def test_contact_needs_email_or_phone(ctx):
    form = ContactForm(formdata=MultiDict({"name": "Sam"}))
    assert not form.validate()
    assert "Enter an email address or a phone number" in form.email.errors
    assert ContactForm(formdata=MultiDict({"phone": "07700 900982"})).validate()
