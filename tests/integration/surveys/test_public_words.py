"""What the public pages say: questions asked in full, urgent help where someone might
write about harm, and true words about who reads what and what can be changed."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import parse_html
from tests.integration.surveys.helpers import answer, start, text_of, version_for

AUDIENCES = ["parent", "young_person"]


def _to_consent(client: FlaskClient, audience: str) -> str:
    """Answer every question of the new EHCP survey; return the consent page's URL."""
    url = start(client, "new-ehcp", audience)
    for question in version_for("new_ehcp", audience).questions:
        url = answer(client, url, answer="agree" if question.kind == "scale" else "")
    assert url.endswith("/your-words")
    return url


def _words(html: str) -> str:
    return " ".join(parse_html(html).get_text(" ").split())


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_consent_page_asks_both_questions_as_legends(
    client: FlaskClient, audience: str
) -> None:
    soup = parse_html(text_of(client, _to_consent(client, audience)))
    legends = [" ".join(legend.get_text(" ").split()) for legend in soup.find_all("legend")]
    assert legends == [
        "Can we quote your words?",
        "Would you like us to contact you about your answers?",
    ]
    # Each legend heads the fieldset holding its own radios.
    for name, legend in (("quote_consent", legends[0]), ("contact_consent", legends[1])):
        fieldset = soup.find("input", attrs={"name": name}).find_parent("fieldset")
        assert " ".join(fieldset.find("legend").get_text(" ").split()) == legend


def test_a_consent_error_still_shows_the_questions(client: FlaskClient) -> None:
    url = _to_consent(client, "parent")
    page = client.post(url, data={"quote_consent": "yes"}).get_data(as_text=True)
    soup = parse_html(page)
    assert "Would you like us to contact you about your answers?" in [
        " ".join(legend.get_text(" ").split()) for legend in soup.find_all("legend")
    ]
    assert "Select yes if you would like us to contact you" in _words(page)


def test_young_people_are_not_asked_about_their_child(client: FlaskClient) -> None:
    consent = _words(text_of(client, _to_consent(client, "young_person")))
    assert "your child" not in consent
    assert "anything that could show who you are" in consent
    details = answer(
        client, "/surveys/new-ehcp/your-words", quote_consent="no", contact_consent="yes"
    )
    contact = _words(text_of(client, details))
    assert "your child" not in contact and "You do not have to tell us your name" in contact


def test_parents_are_still_told_about_their_child(client: FlaskClient) -> None:
    consent = _words(text_of(client, _to_consent(client, "parent")))
    assert "anything that could identify you or your child" in consent


@pytest.mark.parametrize(
    ("audience", "contact", "said", "not_said"),
    [
        ("parent", "no", "because we do not know who sent them", "contact details you gave"),
        ("parent", "yes", "contact details you gave us", "we do not know who sent them"),
        ("young_person", "no", "because we do not know who you are", "your contact details"),
        ("young_person", "yes", "only use your contact details", "we do not know who you are"),
    ],
)
def test_check_answers_says_why_answers_cannot_change(
    client: FlaskClient, audience: str, contact: str, said: str, not_said: str
) -> None:
    url = answer(client, _to_consent(client, audience), quote_consent="no", contact_consent=contact)
    if contact == "yes":
        url = answer(client, url, name="Sam Jones", email="sam@example.com", phone="")
    assert url.endswith("/check-answers")
    words = _words(text_of(client, url))
    assert said in words and not_said not in words
    assert "cannot change" in words


def test_start_and_confirmation_say_the_forum_sees_only_checked_figures_and_quotes(
    client: FlaskClient,
) -> None:
    start_page = _words(text_of(client, "/surveys/new-ehcp"))
    confirmation = _words(text_of(client, "/surveys/new-ehcp/confirmation"))
    for words in (start_page, confirmation):
        assert "parent carer forum read" not in words
        assert "The parent carer forum sees" in words
        assert "Analysts in the SEND partnership read every" in words


@pytest.mark.parametrize("audience", AUDIENCES)
def test_urgent_help_is_beside_the_comment_box(
    app: Flask, client: FlaskClient, audience: str
) -> None:
    url = start(client, "new-ehcp", audience)
    version = version_for("new_ehcp", audience)
    comment = next(q for q in version.questions if q.kind == "text")
    url = f"/surveys/new-ehcp/questions/{comment.key}"
    setting = "URGENT_HELP_TEXT_YOUNG_PEOPLE" if audience == "young_person" else "URGENT_HELP_TEXT"
    other = "URGENT_HELP_TEXT" if audience == "young_person" else "URGENT_HELP_TEXT_YOUNG_PEOPLE"
    full = parse_html(client.get(url).get_data(as_text=True))
    # The fragment htmx swaps in after an error has it too.
    fragment = client.post(url, data={"answer": "x" * 20_000}, headers={"HX-Request": "true"})
    assert "govuk-error-summary" in fragment.get_data(as_text=True)
    for soup in (full, BeautifulSoup(fragment.get_data(as_text=True), "html.parser")):
        box = soup.find("textarea", attrs={"name": "answer"})
        form = box.find_parent("form")
        warnings = [" ".join(w.get_text(" ").split()) for w in form.select(".govuk-warning-text")]
        assert any(app.config[setting] in warning for warning in warnings)
        assert not any(app.config[other] in warning for warning in warnings)


def test_no_urgent_help_beside_agreement_questions(client: FlaskClient) -> None:
    url = start(client, "new-ehcp")
    assert "govuk-warning-text" not in client.get(url).get_data(as_text=True)


def test_young_people_get_their_own_urgent_help_on_the_start_page(
    app: Flask, client: FlaskClient
) -> None:
    young = _words(text_of(client, "/surveys/new-ehcp/young-people"))
    parent = _words(text_of(client, "/surveys/new-ehcp"))
    assert app.config["URGENT_HELP_TEXT_YOUNG_PEOPLE"] in young
    assert app.config["URGENT_HELP_TEXT"] in parent


def test_urgent_help_is_just_before_the_complaint_box(app: Flask, client: FlaskClient) -> None:
    soup = parse_html(text_of(client, "/complaints/"))
    box = soup.find("textarea", attrs={"name": "summary"})
    group = box.find_parent(class_="govuk-form-group")
    warning = group.find_previous_sibling()
    assert "govuk-warning-text" in warning["class"]
    assert app.config["URGENT_HELP_TEXT"] in " ".join(warning.get_text(" ").split())


def test_complaint_form_and_privacy_say_analysts_read_complaints(client: FlaskClient) -> None:
    form = _words(text_of(client, "/complaints/"))
    assert "Only staff who handle complaints can read" not in form
    assert "with names, contact details and references hidden" in form
    assert "Our SEND complaints officer reads all of it" in form
    privacy = _words(text_of(client, "/privacy"))
    assert "Only the SEND complaints officer and system administrators" not in privacy
    assert "Analysts, who look for common problems across complaints and surveys" in privacy
    assert "The parent carer forum sees only figures and quotes" in privacy
