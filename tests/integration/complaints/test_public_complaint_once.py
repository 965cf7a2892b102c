"""The public complaint form: a form sent twice makes one complaint, and the sent page says
which one."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Complaint, SafeguardingFlag
from feedback_app.services import complaints, once
from tests.conftest import parse_html

HARM = "Dad hits him when he gets angry and he is scared to go home. We waited 30 weeks for a plan."


def _form_token(client: FlaskClient) -> str:
    soup = parse_html(client.get("/complaints/").get_data(as_text=True))
    field = soup.find("input", attrs={"name": "submission_token"})
    assert field is not None and field["type"] == "hidden"
    return str(field["value"])


def _answers(token: str, **overrides: str) -> dict[str, str]:
    data = {
        "submission_token": token,
        "complainant_name": "Jo Family",
        "contact_email": "jo@example.com",
        "relationship_to_child": "parent_carer",
        "summary": HARM,
    }
    data.update(overrides)
    return data


def _count(model: type) -> int:
    return int(db.session.scalar(select(func.count()).select_from(model)) or 0)


def test_sending_the_same_form_twice_makes_one_complaint(client: FlaskClient) -> None:
    token = _form_token(client)
    first = client.post("/complaints/", data=_answers(token))
    # Back, then Send again: the browser sends the same form, token and all.
    second = client.post("/complaints/", data=_answers(token))
    for response in (first, second):
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/complaints/sent")
    assert _count(Complaint) == 1
    assert _count(SafeguardingFlag) == 1
    reference = db.session.scalar(select(Complaint.reference))
    assert reference in client.get("/complaints/sent").get_data(as_text=True)


def test_a_double_click_is_one_complaint_even_before_the_first_answer_arrives(
    app: Flask, client: FlaskClient
) -> None:
    token = _form_token(client)
    # The second click's request leaves before the first one's cookie comes back.
    cookie = client.get_cookie("session")
    assert cookie is not None
    assert client.post("/complaints/", data=_answers(token)).status_code == 302
    other = app.test_client()
    other.set_cookie("session", cookie.value)
    assert other.post("/complaints/", data=_answers(token)).status_code == 302
    assert _count(Complaint) == 1
    reference = db.session.scalar(select(Complaint.reference))
    assert reference in other.get("/complaints/sent").get_data(as_text=True)


def test_a_new_form_makes_a_new_complaint(client: FlaskClient) -> None:
    client.post("/complaints/", data=_answers(_form_token(client)))
    client.post("/complaints/", data=_answers(_form_token(client), summary="Another matter."))
    assert _count(Complaint) == 2
    newest = db.session.scalar(select(Complaint.reference).order_by(Complaint.id.desc()))
    assert newest in client.get("/complaints/sent").get_data(as_text=True)


def test_a_form_with_errors_keeps_its_token(client: FlaskClient) -> None:
    token = _form_token(client)
    page = client.post("/complaints/", data=_answers(token, summary=""))
    assert page.status_code == 200
    field = parse_html(page.get_data(as_text=True)).find(
        "input", attrs={"name": "submission_token"}
    )
    assert field["value"] == token
    client.post("/complaints/", data=_answers(token))
    client.post("/complaints/", data=_answers(token))
    assert _count(Complaint) == 1


def test_two_requests_racing_past_the_lookup_still_make_one(app: Flask, monkeypatch) -> None:
    data = {
        "received_on": complaints.today(),
        "channel": "online",
        "complainant_name": "Jo Family",
        "contact_email": "jo@example.com",
        "relationship_to_child": "parent_carer",
        "summary": HARM,
    }
    first = complaints.create_public_complaint(data, submission_token="t" * 22)
    # The second request looked before the first one committed, and found nothing;
    # its insert then meets the first one's token.
    real, looked = once.made_with, []

    def missed_once(model: type, token: str) -> object:
        looked.append(token)
        return None if len(looked) == 1 else real(model, token)

    monkeypatch.setattr(once, "made_with", missed_once)
    second = complaints.create_public_complaint(data, submission_token="t" * 22)
    assert second.id == first.id
    assert _count(Complaint) == 1 and _count(SafeguardingFlag) == 1


def test_the_sent_page_shows_this_browsers_reference_and_urgent_help(
    app: Flask, client: FlaskClient
) -> None:
    client.post("/complaints/", data=_answers(_form_token(client)))
    reference = db.session.scalar(select(Complaint.reference))
    page = client.get("/complaints/sent?reference=CMP-999999").get_data(as_text=True)
    assert reference in page and "CMP-999999" not in page
    assert app.config["URGENT_HELP_TEXT"] in parse_html(page).get_text(" ")
    # Another browser is told nothing about it.
    other = app.test_client().get("/complaints/sent").get_data(as_text=True)
    assert reference not in other
    assert app.config["URGENT_HELP_TEXT"] in parse_html(other).get_text(" ")


def test_the_send_button_guards_against_double_clicks(client: FlaskClient) -> None:
    soup = parse_html(client.get("/complaints/").get_data(as_text=True))
    button = soup.find("button", attrs={"type": "submit"}) or soup.find(
        "input", attrs={"type": "submit"}
    )
    assert button is not None and button.get("data-prevent-double-click") == "true"
