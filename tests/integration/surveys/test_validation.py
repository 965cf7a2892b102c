"""Bad input gets a clear message, loses nothing valid, and is never a server error."""

from __future__ import annotations

import pytest

from tests.conftest import parse_html
from tests.integration.surveys.helpers import answer, drafts, start

COMMENT_URL = "/surveys/new-ehcp/questions/comment"


@pytest.fixture
def started(client):
    """A client with a new_ehcp draft."""
    start(client, "new-ehcp")
    return client


def _error_page(response):
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    soup = parse_html(body)
    assert soup.title.get_text().startswith("Error: ")
    summary = soup.find(class_="govuk-error-summary")
    assert summary is not None
    return body, summary.get_text(" ", strip=True)


def test_empty_scale_answer_shows_error_summary(started):
    body, summary = _error_page(started.post("/surveys/new-ehcp/questions/involved", data={}))
    assert "Select how much you agree with the statement" in summary
    assert 'href="#answer"' in body
    assert drafts()[0].answers == []


def test_young_people_get_their_own_error_words(client):
    start(client, "new-ehcp", "young_person")
    _body, summary = _error_page(client.post("/surveys/new-ehcp/questions/involved", data={}))
    assert "Choose an answer" in summary


@pytest.mark.parametrize("value", ["maybe", "AGREE", "agree ", "<script>", "0" * 500])
def test_option_that_does_not_exist_is_an_error_and_stores_nothing(started, value):
    _body, summary = _error_page(
        started.post("/surveys/new-ehcp/questions/involved", data={"answer": value})
    )
    assert "Select one of the answers shown" in summary
    assert drafts()[0].answers == []


def test_a_nul_in_an_option_is_dropped_like_any_nul_in_a_form(started):
    # Every form field loses its NUL characters (feedback_app/bad_input.py).
    response = started.post("/surveys/new-ehcp/questions/involved", data={"answer": "\x00agree"})
    assert response.status_code == 302
    assert [answer.value for answer in drafts()[0].answers] == ["agree"]


def test_an_option_of_nul_alone_is_no_answer(started):
    _body, summary = _error_page(
        started.post("/surveys/new-ehcp/questions/involved", data={"answer": "\x00"})
    )
    assert "Select how much you agree with the statement" in summary


def test_ten_thousand_characters_get_a_clear_message_and_are_kept_on_the_page(started):
    text = "a" * 10_000
    body, summary = _error_page(started.post(COMMENT_URL, data={"answer": text}))
    assert "Comment must be 5,000 characters or fewer" in summary
    assert text in body  # what they typed is not thrown away
    assert drafts()[0].answers == []


@pytest.mark.parametrize(
    "text",
    [
        "Brilliant SENCO 👏🏽👨‍👩‍👧 thank you",
        "شكرا لكم على المساعدة",  # Arabic, right to left
        "\u202bמחכים כבר שנה\u202c",  # Hebrew with embedding marks
        "Line one\r\nLine two",
    ],
)
def test_emoji_and_right_to_left_text_are_stored_intact(started, text):
    answer(started, COMMENT_URL, answer=text)
    [stored] = drafts()[0].answers
    assert stored.text == text.replace("\r\n", "\n")


def test_null_bytes_and_control_characters_are_removed(started):
    answer(started, COMMENT_URL, answer="wait\x00ing\x07 for\x1b a year\tstill")
    [stored] = drafts()[0].answers
    assert stored.text == "waiting for a year\tstill"


def test_html_and_script_are_escaped_on_check_answers(started):
    nasty = '<script>alert("x")</script><b onmouseover="x()">bold</b>'
    answer(started, COMMENT_URL, answer=nasty)
    page = started.get(COMMENT_URL).get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    for key in ("involved", "aspirational", "contact", "joint_working"):
        answer(started, f"/surveys/new-ehcp/questions/{key}", answer="agree")
    answer(started, "/surveys/new-ehcp/your-words", quote_consent="no", contact_consent="no")
    body = started.get("/surveys/new-ehcp/check-answers").get_data(as_text=True)
    parse_html(body)
    assert "<script>alert" not in body and "<b onmouseover" not in body
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in body


def test_missing_fields_and_unknown_fields_are_not_errors_of_ours(started):
    response = started.post("/surveys/new-ehcp/questions/involved", data={"other": "x"})
    assert response.status_code == 200
    response = started.post("/surveys/new-ehcp/your-words", data={})
    body, summary = _error_page(response)
    assert "Select yes if we can quote your words" in summary
    assert "Select yes if you would like us to contact you" in summary


def test_wrong_question_key_explains_itself(started):
    response = started.get("/surveys/new-ehcp/questions/paperwork")  # an annual review question
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    parse_html(body)
    assert "This question is not part of the survey" in body
    assert 'href="/surveys/new-ehcp/questions/involved"' in body
    assert started.post("/surveys/new-ehcp/questions/nope", data={"answer": "x"}).status_code == 404


def test_huge_form_is_refused_politely(app, started):
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    response = started.post(COMMENT_URL, data={"answer": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    assert "<html" in response.get_data(as_text=True)
    many = {f"field{i}": "y" for i in range(2000)}
    response = started.post(
        "/surveys/new-ehcp/questions/involved", data={**many, "answer": "agree"}
    )
    assert response.status_code in (302, 413)


def test_contact_details_must_be_valid(started):
    answer(started, "/surveys/new-ehcp/your-words", quote_consent="no", contact_consent="yes")
    url = "/surveys/new-ehcp/contact-details"
    _body, summary = _error_page(started.post(url, data={"name": "Sam"}))
    assert "Enter an email address or a phone number" in summary
    _body, summary = _error_page(started.post(url, data={"email": "not-an-email", "phone": "12"}))
    assert "Enter an email address in the correct format" in summary
    assert "Enter a phone number" in summary
    assert drafts()[0].contact_email is None


def test_question_page_without_a_draft_explains_itself(client):
    response = client.get("/surveys/new-ehcp/questions/involved")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    parse_html(body)
    assert "We could not find your answers in this browser" in body
    assert 'href="/surveys/resume"' in body
    posted = client.post("/surveys/new-ehcp/questions/involved", data={"answer": "agree"})
    assert posted.status_code == 200 and drafts() == []
