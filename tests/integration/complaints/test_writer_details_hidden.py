"""What a record holds about its writer is hidden wherever the writer's text repeats it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Comment
from feedback_app.services import complaints, compliments
from tests.conftest import parse_html
from tests.integration.surveys.helpers import PATHS, answer, drafts, start, text_of, version_for


def _comment(source: str, source_id: int) -> Comment:
    return db.session.scalars(
        select(Comment).where(Comment.source == source, Comment.source_id == source_id)
    ).one()


def test_a_complainants_name_email_and_phone_are_hidden_in_their_complaint(
    app, make_complaint
) -> None:
    complaint = make_complaint(
        complainant_name="Zebedee Quarrington",
        contact_email="zq@mailbox.example",
        contact_phone="07700 900123",
        summary="Quarrington family here. Ring 07700 900123 or write to zq@mailbox.example.",
    )
    shown = _comment("complaint", complaint.id).redacted
    assert "Quarrington" not in shown and "900123" not in shown and "zq@" not in shown
    assert shown.startswith("[name] family here.")


def test_a_name_added_later_is_hidden_in_the_words_already_given(app, make_complaint) -> None:
    complaint = make_complaint(
        complainant_name="", summary="Ezinne Okonkwo-Baptiste writing about the transport."
    )
    complaints.update_complaint(
        complaint, {"complainant_name": "Ezinne Okonkwo-Baptiste"}, version=complaint.version
    )
    assert "Okonkwo" not in _comment("complaint", complaint.id).redacted


def test_the_person_a_compliment_praises_is_hidden(app) -> None:
    compliment = compliments.create_compliment(
        {
            "received_on": date(2023, 6, 2),
            "theme": "communication",
            "team": "SEND team",
            "person_praised": "Wenonah Trevelyan",
            "summary": "Trevelyan rang back the same day and explained everything.",
        }
    )
    assert "Trevelyan" not in _comment("compliment", compliment.id).redacted


def test_a_parents_contact_name_is_hidden_in_their_survey_comment(client) -> None:
    path = PATHS["new_ehcp"]
    version = version_for("new_ehcp", "parent")
    url = start(client, path, "parent")
    for question in version.questions:
        if question.kind == "text":
            value = "Zeb Quarrington here, the caseworker never rang back."
        elif question.kind == "scale":
            value = question.option_values[3]
        else:
            value = question.option_values[0]
        text_of(client, url)
        url = answer(client, url, answer=value)
    text_of(client, url)
    url = answer(client, url, quote_consent="yes", contact_consent="yes")
    text_of(client, url)
    url = answer(client, url, name="Zeb Quarrington", email="zq@mailbox.example", phone="")
    body = text_of(client, url)
    assert url.endswith("/check-answers"), url
    draft_id = parse_html(body).find("input", attrs={"name": "draft_id"})["value"]
    assert client.post(url, data={"draft_id": draft_id}).status_code == 302
    [response] = drafts()
    shown = _comment("survey", response.id).redacted
    assert "Quarrington" not in shown and "Zeb" not in shown
