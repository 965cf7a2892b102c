"""Carrying on a survey: resuming, coming back to a page, and a second tab.

Each test here is a way a parent's answers were once lost or sent unasked (found by
probing the journey, eleventh session).
"""

from __future__ import annotations

import re

from tests.conftest import parse_html
from tests.integration.surveys.helpers import answer, drafts, start, text_of, version_for

CODE = re.compile(r"\b([3-9A-Z]{4}-[3-9A-Z]{4}-[3-9A-Z]{4})\b")
BASE = "/surveys/new-ehcp"


def _answer_required_and_save_at_the_comment(client) -> str:
    """Answer the required questions, then save on the first optional one; the code."""
    version = version_for("new_ehcp", "parent")
    url = start(client, "new-ehcp")
    for question in version.questions:
        if not question.required:
            break
        url = answer(client, url, answer="agree")
    assert url.endswith(f"/questions/{question.key}")
    saved = client.post(url, data={"answer": "", "action": "save"})
    assert saved.status_code == 302
    match = CODE.search(text_of(client, saved.location))
    assert match
    return match.group(1)


def test_resuming_carries_on_after_the_last_answer_and_asks_consent_before_sending(app, client):
    version = version_for("new_ehcp", "parent")
    first_optional = next(q for q in version.questions if not q.required)
    code = _answer_required_and_save_at_the_comment(client)
    other = app.test_client()
    resumed = other.get(f"/surveys/resume/{code}")
    # Not check answers: the comment and the questions after it were never seen.
    assert resumed.location.endswith(f"/questions/{first_optional.key}")
    # Going straight to check answers asks the consent questions first.
    check = other.get(f"{BASE}/check-answers")
    assert check.status_code == 302 and check.location.endswith("/your-words")
    sent = other.post(f"{BASE}/check-answers", data={"draft_id": str(drafts()[0].id)})
    assert sent.status_code == 302 and sent.location.endswith("/your-words")
    assert drafts()[0].status == "draft" and drafts()[0].consent_answered_at is None


def _any_answer(question) -> str:
    if question.kind == "text":
        return "The draft came late"
    return "agree" if question.kind == "scale" else question.option_values[0]


def test_resuming_after_every_answer_goes_to_consent_then_check_answers(app, client):
    version = version_for("new_ehcp", "parent")
    url = start(client, "new-ehcp")
    for question in version.questions[:-1]:
        url = answer(client, url, answer=_any_answer(question))
    last = version.questions[-1]
    saved = client.post(url, data={"answer": _any_answer(last), "action": "save"})
    code = CODE.search(text_of(client, saved.location)).group(1)
    other = app.test_client()
    assert other.get(f"/surveys/resume/{code}").location.endswith("/your-words")
    answer(other, f"{BASE}/your-words", quote_consent="yes", contact_consent="no")
    third = app.test_client()
    assert third.get(f"/surveys/resume/{code}").location.endswith("/check-answers")


def test_contact_yes_without_details_asks_for_them_before_sending(client):
    version = version_for("new_ehcp", "parent")
    url = start(client, "new-ehcp")
    for question in version.questions:
        url = answer(client, url, answer="agree" if question.kind == "scale" else "")
    details = answer(client, url, quote_consent="no", contact_consent="yes")
    assert details.endswith("/contact-details")
    check = client.get(f"{BASE}/check-answers")
    assert check.status_code == 302 and check.location.endswith("/contact-details")
    sent = client.post(f"{BASE}/check-answers", data={"draft_id": str(drafts()[0].id)})
    assert sent.location.endswith("/contact-details") and drafts()[0].status == "draft"


def test_consent_page_shows_what_was_chosen_when_coming_back(client):
    version = version_for("new_ehcp", "parent")
    url = start(client, "new-ehcp")
    for question in version.questions:
        url = answer(client, url, answer="agree" if question.kind == "scale" else "")
    blank = parse_html(text_of(client, f"{BASE}/your-words"))
    assert not blank.select("input[checked]")  # asked for the first time: nothing chosen
    answer(client, url, quote_consent="yes", contact_consent="no")
    back = parse_html(text_of(client, f"{BASE}/your-words"))  # the Back link, no ?change=1
    chosen = {(i["name"], i["value"]) for i in back.select("input[checked]")}
    assert chosen == {("quote_consent", "yes"), ("contact_consent", "no")}


def test_an_answer_from_a_tab_whose_survey_was_restarted_is_not_saved_in_the_new_one(client):
    version = version_for("new_ehcp", "parent")
    url = start(client, "new-ehcp")
    url = answer(client, url, answer="agree")
    page = parse_html(text_of(client, url))
    old_draft = page.find("input", attrs={"name": "draft_id"})["value"]
    # A second tab starts the young people's version: the browser now answers that.
    start(client, "new-ehcp", "young_person")
    key = url.rsplit("/", 1)[1]
    stale = client.post(url, data={"answer": "disagree", "draft_id": old_draft})
    assert stale.status_code == 302 and stale.location.endswith("/surveys/new-ehcp/restarted")
    newest = drafts()[-1]
    assert newest.version.audience == "young_person"
    assert key not in {a.question_key for a in newest.answers}
    body = text_of(client, stale.location)
    assert "Your answer was not saved" in body
    assert parse_html(body).find("a", string="Carry on with the survey you started last")
    # The parent's draft keeps the answers it had.
    assert {a.value for a in drafts()[0].answers} == {"agree"}
    assert version.questions[0].key in {a.question_key for a in drafts()[0].answers}


def test_a_stale_consent_page_is_not_saved_in_the_new_draft(client):
    start(client, "new-ehcp")
    old_draft = str(drafts()[0].id)
    start(client, "new-ehcp", "young_person")
    stale = client.post(
        f"{BASE}/your-words",
        data={"quote_consent": "yes", "contact_consent": "no", "draft_id": old_draft},
    )
    assert stale.location.endswith("/restarted")
    assert drafts()[-1].consent_answered_at is None


def test_start_page_links_to_the_answers_in_progress(client):
    url = start(client, "new-ehcp")
    url = answer(client, url, answer="agree")
    page = parse_html(text_of(client, BASE))
    link = page.find("a", string="Carry on with your answers")
    assert link is not None and link["href"] == url.replace("http://localhost", "")


def test_a_browser_without_the_draft_is_told_how_long_a_survey_may_stay_open(client):
    body = text_of(client, f"{BASE}/questions/involved")
    assert "We could not find your answers in this browser" in body
    assert "left open for more than 8 hours" in body
