"""A family who asks to be contacted reaches someone: the complaints officers' mailbox is
told (with no personal data), the family is on the officers' list with the date we
promised to reply by, and an officer marks them as contacted, once."""

from __future__ import annotations

import json
import logging
from datetime import UTC, date, datetime, timedelta

import pytest
from flask import Flask, g
from flask.testing import FlaskClient
from sqlalchemy import func, select, update

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, ContactRequest, Response, User
from feedback_app.services import contact_requests, notifications, responses, survey_retention
from feedback_app.services.clocks import add_working_days
from feedback_app.templating import format_date
from tests.conftest import PASSWORD, parse_html
from tests.integration.surveys.helpers import answer, start, text_of

NAME, EMAIL, PHONE = "Perpetua Zanzibar", "perpetua.z@example.com", "07700 900987"
WORDS = "Nobody has rung me back about the annual review in four months"
PERSONAL = ["Perpetua", "Zanzibar", EMAIL, "07700", "900987", WORDS]
CHECK = "/surveys/annual-review/check-answers"
LIST = "/staff/contact-requests/"
MAILBOX = "send-complaints@example.gov.uk"


def own_users(app: Flask) -> None:
    """Make each request find its own client's user and CSRF token. The tests hold one
    app context, whose ``g`` would otherwise remember the last user signed in (and the
    last token made), whichever client asks."""

    def forget() -> None:
        g.pop("_login_user", None)
        g.pop("csrf_token", None)

    app.before_request(forget)


@pytest.fixture
def sender(app: Flask) -> notifications.LogSender:
    """Every message the app sends in the test."""
    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    app.config["COMPLAINTS_EMAIL"] = MAILBOX
    own_users(app)
    return sender


def _send_survey(client: FlaskClient, *, contact: bool, name: str = NAME) -> str:
    """Answer the annual review survey as a family would; return the draft id to submit."""
    url = start(client, "annual-review")
    for _ in range(6):
        url = answer(client, url, answer="disagree")
    answer(client, url, answer=WORDS)
    answer(
        client,
        "/surveys/annual-review/your-words",
        quote_consent="no",
        contact_consent="yes" if contact else "no",
    )
    if contact:
        answer(
            client,
            "/surveys/annual-review/contact-details",
            name=name,
            email=EMAIL,
            phone=PHONE,
        )
    soup = parse_html(text_of(client, CHECK))
    return str(soup.find("input", attrs={"name": "draft_id"})["value"])


def _submitted(client: FlaskClient, *, contact: bool = True, name: str = NAME) -> int:
    draft_id = _send_survey(client, contact=contact, name=name)
    assert client.post(CHECK, data={"draft_id": draft_id}).status_code == 302
    return int(draft_id)


def _requests() -> list[ContactRequest]:
    db.session.expire_all()
    return list(db.session.scalars(select(ContactRequest).order_by(ContactRequest.id)))


def _officer(app: Flask, email: str = "officer@example.gov.uk") -> FlaskClient:
    from feedback_app.services import users

    users.create_user(email=email, role="complaints_officer", password=PASSWORD, name="Olu Officer")
    client = app.test_client()
    assert client.post("/sign-in", data={"email": email, "password": PASSWORD}).status_code == 302
    return client


def test_asking_to_be_contacted_makes_one_request_and_tells_the_mailbox_nothing_personal(
    app, client, sender, caplog
):
    caplog.set_level(logging.DEBUG)
    draft_id = _send_survey(client, contact=True)
    first = client.post(CHECK, data={"draft_id": draft_id})
    again = client.post(CHECK, data={"draft_id": draft_id})  # a double press
    assert first.status_code == again.status_code == 302
    (request,) = _requests()
    assert request.response_id == int(draft_id)
    assert request.requested_on == request.response.submitted_on
    assert request.contacted_at is None
    (message,) = sender.sent
    assert message.to == MAILBOX
    assert message.subject == "A family asked to be contacted"
    assert "Sign in to see their details" in message.body
    due = add_working_days(request.requested_on, 10)
    assert f"{due:%-d %B %Y}" in message.body
    sent = f"{message.to} {message.subject} {message.body} {message.reference}"
    for words in PERSONAL:
        assert words not in sent
        assert words not in caplog.text


def test_no_request_and_no_message_when_the_family_says_no(client, sender):
    _submitted(client, contact=False)
    assert _requests() == []
    assert sender.sent == []


def test_without_a_complaints_mailbox_the_message_goes_to_the_contact_address(app, client):
    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    app.config["COMPLAINTS_EMAIL"] = ""
    _submitted(client)
    assert [m.to for m in sender.sent] == [app.config["CONTACT_EMAIL"]]


def test_the_officer_sees_who_to_contact_newest_first_with_the_date_promised(app, client, sender):
    older = _submitted(client, name="Ada Older")
    newer = _submitted(app.test_client(), name="Bea Newer")
    # The older family asked long ago: the promise has passed.
    asked = date.today() - timedelta(days=40)
    db.session.execute(
        update(ContactRequest).where(ContactRequest.response_id == older).values(requested_on=asked)
    )
    db.session.commit()
    officer = _officer(app)
    page = text_of(officer, LIST)
    soup = parse_html(page)
    rows = soup.find("tbody").find_all("tr")
    assert len(rows) == 2
    assert "Bea Newer" in rows[0].get_text() and "Ada Older" in rows[1].get_text()
    newest = rows[0].get_text(" ", strip=True)
    assert EMAIL in newest and PHONE in newest
    new_request = next(r for r in _requests() if r.response_id == newer)
    assert format_date(new_request.requested_on) in newest
    assert format_date(add_working_days(new_request.requested_on, 10)) in newest
    assert "overdue" not in newest
    oldest = rows[1].get_text(" ", strip=True)
    assert format_date(asked) in oldest
    assert format_date(add_working_days(asked, 10)) in oldest
    tag = rows[1].find("strong", class_="govuk-tag")
    assert "overdue" in tag.get_text() and "govuk-tag--red" in tag["class"]
    assert rows[0].find("a", href=f"mailto:{EMAIL}")


def test_survey_name_is_on_the_list(app, client, sender):
    response_id = _submitted(client)
    survey_name = db.session.get(Response, response_id).survey.name
    assert survey_name in text_of(_officer(app), LIST)


def test_marking_as_contacted_works_without_javascript_and_only_once(csrf_app, caplog):
    caplog.set_level(logging.DEBUG)
    sender = notifications.LogSender()
    csrf_app.extensions["notification_sender"] = sender
    own_users(csrf_app)
    family = csrf_app.test_client()
    _submitted_with_csrf(family)
    (request,) = _requests()
    first_officer = _signed_in_with_csrf(csrf_app, "first@example.gov.uk", "Fola First")
    second_officer = _signed_in_with_csrf(csrf_app, "second@example.gov.uk", "Sam Second")
    forms = []
    for officer in (first_officer, second_officer):
        soup = parse_html(text_of(officer, LIST))
        form = soup.find("form", action=f"/staff/contact-requests/{request.id}/contacted")
        assert form is not None and form["method"] == "post"
        assert (
            form.find("button", type="submit")
            .get_text(" ", strip=True)
            .startswith("Mark as contacted")
        )
        forms.append({"csrf_token": form.find("input", attrs={"name": "csrf_token"})["value"]})
    marked = first_officer.post(form["action"], data=forms[0])
    assert marked.status_code == 302 and marked.location.endswith(LIST)
    assert f"Request {request.id} is marked as contacted" in text_of(first_officer, LIST)
    # The second officer's page was open before: pressing still changes nothing.
    late = second_officer.post(form["action"], data=forms[1])
    assert late.status_code == 302
    told = text_of(second_officer, late.location)
    assert f"Request {request.id} was already marked as contacted by Fola First" in told
    (request,) = _requests()
    first = db.session.scalar(select(User).where(User.email == "first@example.gov.uk"))
    assert request.contacted_by_id == first.id and request.contacted_at is not None
    marks = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "contact_request.marked_contacted")
    ).all()
    assert [(m.entity_id, m.user_id) for m in marks] == [(str(request.id), first.id)]
    # No longer waiting; the list of every request says who contacted them, and when.
    assert "No family is waiting to be contacted" in text_of(first_officer, LIST)
    every = text_of(first_officer, LIST + "?show=all")
    assert "Fola First" in every and format_date(request.contacted_at) in every
    for words in PERSONAL:
        assert words not in caplog.text


def _submitted_with_csrf(client: FlaskClient) -> None:
    """Send the survey through forms that carry their CSRF tokens."""

    def post(url: str, **data: str) -> str:
        soup = parse_html(text_of(client, url))
        token = soup.find("input", attrs={"name": "csrf_token"})["value"]
        reply = client.post(url, data={"csrf_token": token, "action": "continue", **data})
        assert reply.status_code == 302, reply.get_data(as_text=True)[:2000]
        return str(reply.location)

    url = post("/surveys/annual-review")
    for _ in range(6):
        url = post(url, answer="agree")
    post(url, answer=WORDS)
    post("/surveys/annual-review/your-words", quote_consent="no", contact_consent="yes")
    post("/surveys/annual-review/contact-details", name=NAME, email=EMAIL, phone=PHONE)
    soup = parse_html(text_of(client, CHECK))
    draft_id = soup.find("input", attrs={"name": "draft_id"})["value"]
    post(CHECK, draft_id=draft_id)


def _signed_in_with_csrf(app: Flask, email: str, name: str) -> FlaskClient:
    from feedback_app.services import users

    users.create_user(email=email, role="complaints_officer", password=PASSWORD, name=name)
    client = app.test_client()
    soup = parse_html(text_of(client, "/sign-in"))
    token = soup.find("input", attrs={"name": "csrf_token"})["value"]
    reply = client.post(
        "/sign-in", data={"csrf_token": token, "email": email, "password": PASSWORD}
    )
    assert reply.status_code == 302
    return client


def test_the_service_marks_a_request_once(app, client, sender, make_user):
    _submitted(client)
    (request,) = _requests()
    one, two = make_user("complaints_officer", "one@example.gov.uk"), make_user("admin")
    first = contact_requests.mark_contacted(request.id, one)
    second = contact_requests.mark_contacted(request.id, two)
    assert first is not None and first.new
    assert second is not None and not second.new
    assert _requests()[0].contacted_by_id == one.id
    assert contact_requests.mark_contacted(999999, one) is None


@pytest.mark.parametrize("role", ["analyst", "forum_member", "safeguarding_lead"])
def test_only_complaints_officers_and_admins_see_the_list(role, app, client, sender, sign_in):
    _submitted(client)
    (request,) = _requests()
    staff = sign_in(role)
    assert staff.get(LIST).status_code == 403
    assert staff.get(LIST + "?show=all").status_code == 403
    assert staff.post(f"/staff/contact-requests/{request.id}/contacted").status_code == 403
    assert _requests()[0].contacted_at is None
    home = text_of(staff, "/staff/")
    assert "Families to contact" not in home


def test_admins_and_officers_find_the_list_from_the_staff_home(app, client, sender, sign_in):
    _submitted(client)
    for role in ("admin", "complaints_officer"):
        staff = app.test_client()
        from feedback_app.services import users

        users.create_user(email=f"{role}-home@example.gov.uk", role=role, password=PASSWORD)
        staff.post("/sign-in", data={"email": f"{role}-home@example.gov.uk", "password": PASSWORD})
        home = parse_html(text_of(staff, "/staff/"))
        link = home.find("a", string="Families to contact")
        assert link is not None and link["href"] == LIST
        assert NAME in text_of(staff, link["href"])


def test_anonymous_visitors_are_sent_to_sign_in(client, sender):
    _submitted(client)
    (request,) = _requests()
    fresh = client.application.test_client()
    for reply in (
        fresh.get(LIST),
        fresh.post(f"/staff/contact-requests/{request.id}/contacted"),
    ):
        assert reply.status_code == 302 and "/sign-in" in reply.location


def test_marking_a_request_that_does_not_exist_is_a_404(app, sender):
    officer = _officer(app)
    assert officer.post("/staff/contact-requests/999999/contacted").status_code == 404


def test_odd_page_numbers_still_show_the_list(app, client, sender):
    _submitted(client)
    officer = _officer(app)
    for query in ("?page=0", "?page=-3", "?page=99999999999999999999", "?page=x", "?show=odd"):
        reply = officer.get(LIST + query)
        assert reply.status_code == 200, query
        assert NAME in reply.get_data(as_text=True)


def test_the_audit_log_says_who_looked_and_marked_but_holds_no_details(app, client, sender):
    _submitted(client)
    (request,) = _requests()
    officer = _officer(app)
    officer.get(LIST)
    officer.post(f"/staff/contact-requests/{request.id}/contacted")
    entries = db.session.scalars(select(AuditEntry)).all()
    viewed = [e for e in entries if e.action == "contact_requests.list_viewed"]
    assert viewed and viewed[0].changes == {"requests": [request.id]}
    assert viewed[0].actor == "officer@example.gov.uk"
    logged = json.dumps([[e.action, e.entity_id, e.changes] for e in entries])
    for words in PERSONAL:
        assert words not in logged
    admin_page = text_of(_admin(app), "/staff/admin/audit")
    assert "Family marked as contacted" in admin_page


def _admin(app: Flask) -> FlaskClient:
    from feedback_app.services import users

    users.create_user(email="admin-audit@example.gov.uk", role="admin", password=PASSWORD)
    client = app.test_client()
    client.post("/sign-in", data={"email": "admin-audit@example.gov.uk", "password": PASSWORD})
    return client


def test_after_retention_erases_the_details_the_list_still_works(app, client, sender):
    contacted = _submitted(client, name="Cara Contacted")
    waiting = _submitted(app.test_client(), name="Wren Waiting")
    officer = _officer(app)
    request_ids = {r.response_id: r.id for r in _requests()}
    officer.post(f"/staff/contact-requests/{request_ids[contacted]}/contacted")
    long_ago = datetime.now(UTC) - timedelta(days=400)
    db.session.execute(update(Response).values(submitted_at=long_ago))
    db.session.commit()
    assert survey_retention.purge_expired().contacts_erased == 2
    # The requests stay, with who contacted them; the details have gone.
    requests = _requests()
    assert len(requests) == 2
    done = next(r for r in requests if r.response_id == contacted)
    assert done.contacted_at is not None and done.contacted_by is not None
    waiting_page = text_of(officer, LIST)
    assert "No family is waiting to be contacted" in waiting_page
    every = text_of(officer, LIST + "?show=all")
    assert every.count("Erased after the retention period") == 2
    for words in ("Cara", "Wren", EMAIL, PHONE):
        assert words not in every
    assert "Olu Officer" in every
    # An officer who did ring the family before the details went can still say so.
    reply = officer.post(f"/staff/contact-requests/{request_ids[waiting]}/contacted")
    assert reply.status_code == 302
    assert all(r.contacted_at is not None for r in _requests())


def test_responses_sent_by_the_service_without_details_make_no_request(app, sender):
    from feedback_app.services import surveys

    survey = surveys.get_survey_by_slug("new_ehcp")
    version = surveys.current_version(survey)
    response = responses.start_draft(version).response
    responses.save_answer(response, version.questions[0], "agree")
    # Said yes, but left nothing to reach them by (a journey the pages do not allow).
    responses.save_consent(response, quote=False, contact=True)
    assert responses.submit(response.id)
    assert db.session.scalar(select(func.count()).select_from(ContactRequest)) == 0
    assert sender.sent == []
