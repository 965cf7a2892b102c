"""Resetting a forgotten password by an emailed link (GOV.UK pattern).

The request page answers the same whether or not the email has an account; the
link is single-use and time-limited, only its hash is stored, and neither the token
nor the email reaches the log or the audit trail.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, text

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, PasswordResetToken
from feedback_app.services import users
from feedback_app.services.notifications import LogSender
from tests.conftest import PASSWORD, make_app, parse_html

NEW_PASSWORD = "a new and much longer passphrase"  # noqa: S105
ASK = "/forgotten-password"
SENT = "If {email} has an account, we have sent a link"


@pytest.fixture
def outbox(app: Flask) -> LogSender:
    sender = LogSender()
    app.extensions["notification_sender"] = sender
    return sender


def link_in(sender: LogSender) -> str:
    """The path of the reset link in the one message sent."""
    assert len(sender.sent) == 1, sender.sent
    found = re.search(r"https?://\S+", sender.sent[0].body)
    assert found, sender.sent[0].body
    return urlsplit(found.group(0)).path


def fresh(email: str):  # type: ignore[no-untyped-def]
    db.session.expire_all()
    return users.find_by_email(email)


def ask(client: FlaskClient, email: str):  # type: ignore[no-untyped-def]
    return client.post(ASK, data={"email": email}, follow_redirects=True)


def test_the_sign_in_page_links_to_the_reset_journey(client: FlaskClient) -> None:
    soup = parse_html(client.get("/sign-in").get_data(as_text=True))
    link = soup.find("a", string=re.compile("Forgotten your password"))
    assert link is not None and link["href"] == ASK


def test_the_request_page_is_accessible(client: FlaskClient) -> None:
    response = client.get(ASK)
    assert response.status_code == 200
    soup = parse_html(response.get_data(as_text=True))
    assert soup.find("h1").get_text(strip=True) == "Reset your password"
    assert soup.title.get_text().startswith("Reset your password")
    field = soup.find("input", attrs={"name": "email"})
    assert field["autocomplete"] == "email"
    assert soup.find("label", attrs={"for": field["id"]})


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter your email address"),
        ("   ", "Enter your email address"),
        ("not an email", "Enter an email address in the correct format, like name@example.com"),
        ("a" * 250 + "@x.uk", "Email address must be 254 characters or fewer"),
    ],
)
def test_bad_input_gets_an_error_summary_and_inline_error(
    client: FlaskClient, outbox: LogSender, email: str, message: str
) -> None:
    response = client.post(ASK, data={"email": email})
    assert response.status_code == 200
    soup = parse_html(response.get_data(as_text=True))
    assert soup.title.get_text().startswith("Error: ")
    summary = soup.find(class_="govuk-error-summary")
    assert summary is not None and message in summary.get_text()
    inline = soup.find(class_="govuk-error-message")
    assert inline is not None and message in inline.get_text()
    assert not outbox.sent


def test_a_missing_field_is_a_clear_message_not_an_error(client: FlaskClient) -> None:
    response = client.post(ASK, data={})
    assert response.status_code == 200
    assert "Enter your email address" in response.get_data(as_text=True)


def test_the_same_confirmation_whether_or_not_the_account_exists(
    client: FlaskClient, make_user, outbox: LogSender
) -> None:  # type: ignore[no-untyped-def]
    make_user("admin")
    known = make_user("analyst").email
    gone = make_user("forum_member").email
    users.deactivate_user(gone)

    pages = {}
    for email in (known, "nobody@example.gov.uk", gone):
        response = client.post(ASK, data={"email": email})
        assert response.status_code == 302
        assert urlsplit(response.headers["Location"]).path == f"{ASK}/check-your-email"
        page = client.get(response.headers["Location"])
        assert page.status_code == 200
        body = page.get_data(as_text=True)
        assert SENT.format(email=email) in body
        pages[email] = parse_html(body).find("main").get_text().replace(email, "EMAIL")
    assert len(set(pages.values())) == 1
    # Only the real, active account was sent a link.
    assert [message.to for message in outbox.sent] == [known]


def test_the_confirmation_page_without_a_request_is_still_a_page(client: FlaskClient) -> None:
    response = client.get(f"{ASK}/check-your-email")
    assert response.status_code == 200
    assert "we have sent a link" in response.get_data(as_text=True)


def test_the_whole_journey(app: Flask, client: FlaskClient, make_user, outbox: LogSender) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    user.locked_until = datetime.now(UTC) + timedelta(minutes=10)
    db.session.commit()
    session_before = user.session_token

    ask(client, user.email.upper())
    path = link_in(outbox)
    token = path.rsplit("/", 1)[1]
    assert outbox.sent[0].to == user.email
    assert "60 minutes" in outbox.sent[0].body
    assert token not in outbox.sent[0].reference and user.email not in outbox.sent[0].reference

    # Only the token's hash is stored.
    stored = db.session.scalars(select(PasswordResetToken)).one()
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    dump = " ".join(
        str(v)
        for row in db.session.execute(text("SELECT * FROM password_reset_tokens"))
        for v in row
    )
    assert token not in dump

    page = client.get(path)
    assert page.status_code == 200
    soup = parse_html(page.get_data(as_text=True))
    assert soup.find("h1").get_text(strip=True) == "Choose a new password"
    field = soup.find("input", attrs={"name": "password"})
    assert field["autocomplete"] == "new-password"
    assert soup.find("label", attrs={"for": field["id"]})

    done = client.post(path, data={"password": NEW_PASSWORD})
    assert done.status_code == 302
    assert urlsplit(done.headers["Location"]).path == "/sign-in"
    signed_in_page = client.get("/sign-in").get_data(as_text=True)
    assert "Your password has been changed" in signed_in_page

    changed = fresh(user.email)
    assert changed.locked_until is None
    assert changed.session_token != session_before
    assert (
        client.post("/sign-in", data={"email": user.email, "password": PASSWORD}).status_code == 200
    )
    assert (
        client.post("/sign-in", data={"email": user.email, "password": NEW_PASSWORD}).status_code
        == 302
    )
    client.post("/sign-out")

    # The link cannot be used again.
    again = client.get(path)
    assert again.status_code == 410
    assert "expired or has already been used" in again.get_data(as_text=True)
    reuse = client.post(path, data={"password": "yet another long passphrase"})
    assert reuse.status_code == 410
    assert (
        client.post(
            "/sign-in", data={"email": user.email, "password": "yet another long passphrase"}
        ).status_code
        == 200
    )


def test_the_reset_ends_sessions_signed_in_elsewhere(
    app: Flask, sign_in, outbox: LogSender
) -> None:  # type: ignore[no-untyped-def]
    elsewhere = sign_in("analyst")
    assert elsewhere.get("/staff/").status_code == 200
    other = app.test_client()
    ask(other, "analyst@example.gov.uk")
    other.post(link_in(outbox), data={"password": NEW_PASSWORD})
    with app.app_context():
        assert elsewhere.get("/staff/").status_code == 302


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("", "Enter a new password"),
        ("short", "Password must be 12 characters or more"),
        ("analyst@example.gov.uk", "Password must not be the same as the email address"),
        ("a" * 20, "Password must not be one character repeated"),
        ("ab" * 250 + "c", "Password must be 500 characters or fewer"),
    ],
)
def test_a_password_that_breaks_the_rules_is_explained(
    client: FlaskClient, make_user, outbox: LogSender, password: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    ask(client, user.email)
    path = link_in(outbox)
    response = client.post(path, data={"password": password})
    assert response.status_code == 200
    soup = parse_html(response.get_data(as_text=True))
    assert soup.title.get_text().startswith("Error: ")
    assert message in soup.find(class_="govuk-error-summary").get_text()
    assert message in soup.find(class_="govuk-error-message").get_text()
    # The link still works for a good password.
    assert client.post(path, data={"password": NEW_PASSWORD}).status_code == 302


def test_an_expired_link_says_so(client: FlaskClient, make_user, outbox: LogSender) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    ask(client, user.email)
    path = link_in(outbox)
    stored = db.session.scalars(select(PasswordResetToken)).one()
    stored.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    for response in (client.get(path), client.post(path, data={"password": NEW_PASSWORD})):
        assert response.status_code == 410
        soup = parse_html(response.get_data(as_text=True))
        assert "expired or has already been used" in soup.find("h1").get_text()
        assert soup.find("a", href=ASK)
    assert (
        client.post("/sign-in", data={"email": user.email, "password": PASSWORD}).status_code == 302
    )


@pytest.mark.parametrize("token", ["nonsense", "x" * 5000, "é" * 10, "a.b-c_d", "%20", "a%2Fb"])
def test_an_unknown_link_gets_the_same_friendly_page(client: FlaskClient, token: str) -> None:
    for response in (
        client.get(f"/reset-password/{token}"),
        client.post(f"/reset-password/{token}", data={"password": NEW_PASSWORD}),
    ):
        assert response.status_code == 410, token
        assert "expired or has already been used" in response.get_data(as_text=True)


def test_a_newer_link_replaces_older_ones(
    client: FlaskClient, make_user, outbox: LogSender
) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    ask(client, user.email)
    first = link_in(outbox)
    outbox.sent.clear()
    ask(client, user.email)
    second = link_in(outbox)
    assert first != second
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_a_deactivated_user_cannot_use_a_link_sent_before(
    client: FlaskClient, make_user, outbox: LogSender
) -> None:  # type: ignore[no-untyped-def]
    make_user("admin")
    user = make_user("analyst")
    ask(client, user.email)
    path = link_in(outbox)
    users.deactivate_user(user.email)
    assert client.get(path).status_code == 410
    assert client.post(path, data={"password": NEW_PASSWORD}).status_code == 410


def test_neither_token_nor_email_is_logged_or_audited(
    app: Flask, client: FlaskClient, make_user, outbox: LogSender, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    with caplog.at_level(logging.DEBUG):
        ask(client, user.email)
        path = link_in(outbox)
        client.get(path)
        client.post(path, data={"password": NEW_PASSWORD})
    token = path.rsplit("/", 1)[1]
    assert token not in caplog.text
    assert user.email not in caplog.text
    entries = list(db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    actions = [entry.action for entry in entries]
    assert "user.password_reset_link_sent" in actions
    assert actions[-1] == "user.password_reset"
    for entry in entries:
        written = f"{entry.entity_id} {entry.changes} {entry.actor}"
        assert token not in written
        assert user.email not in written


def test_forms_carry_csrf_tokens(csrf_app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    client = csrf_app.test_client()
    assert parse_html(client.get(ASK).get_data(as_text=True)).find(
        "input", attrs={"name": "csrf_token"}
    )
    assert client.post(ASK, data={"email": "someone@example.gov.uk"}).status_code == 400


@pytest.fixture
def limited_app(database_url: str):  # type: ignore[no-untyped-def]
    app = make_app(database_url, RATELIMIT_ENABLED=True, RATELIMIT_SIGN_IN="2 per minute")
    from feedback_app.extensions import limiter

    with app.app_context():
        limiter.reset()
        yield app
        limiter.reset()
        db.session.remove()
        db.engine.dispose()


def test_the_request_page_is_rate_limited(limited_app: Flask) -> None:
    client = limited_app.test_client()
    statuses = [
        client.post(ASK, data={"email": "someone@example.gov.uk"}).status_code for _ in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert client.get(ASK).status_code == 200  # reading is never limited
