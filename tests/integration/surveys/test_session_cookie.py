"""The survey's session cookie goes when the browser closes, as /cookies says.

It lasted 8 hours, so on a shared tablet the next person could open the draft, with
its answers and contact details. The draft is kept in the database and a resume code
brings it back. The cookie still stops working after 8 hours without use, and staff
sessions are as they were.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import TimestampSigner

from feedback_app.extensions import db
from feedback_app.services import users
from tests.conftest import PASSWORD, make_app, parse_html
from tests.integration.surveys.helpers import answer, start, text_of

HOUR = 60 * 60


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The time session cookies are signed and checked at; move it on with ``clock[0]``."""
    now = [1_800_000_000]
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: now[0])
    yield now


def _session_cookies(response: object) -> list[str]:
    headers = response.headers.getlist("Set-Cookie")  # type: ignore[attr-defined]
    return [header for header in headers if header.startswith("session=")]


def _lasts_until_the_browser_closes(header: str) -> bool:
    attributes = {part.strip().split("=")[0].lower() for part in header.split(";")[1:]}
    return not attributes & {"expires", "max-age"}


def test_a_parents_session_cookie_has_no_expiry(client: FlaskClient) -> None:
    started = client.post("/surveys/new-ehcp", data={})
    [cookie] = _session_cookies(started)
    assert _lasts_until_the_browser_closes(cookie), cookie
    url = answer(client, started.location, answer="agree")
    question = client.get(url)
    for header in _session_cookies(question):
        assert _lasts_until_the_browser_closes(header), header


def test_a_resumed_session_cookie_has_no_expiry(app: Flask, client: FlaskClient) -> None:
    url = start(client, "new-ehcp")
    saved = client.post(url, data={"action": "save", "answer": "agree"})
    assert saved.status_code == 302
    code = parse_html(text_of(client, saved.location)).select_one(".app-resume-code")
    code_text = code.get_text(strip=True) if code else None
    assert code_text, "the saved page shows a resume code"
    other = app.test_client()  # another browser, or this one opened again
    resumed = other.get(f"/surveys/resume/{code_text}")
    assert resumed.status_code == 302
    [cookie] = _session_cookies(resumed)
    assert _lasts_until_the_browser_closes(cookie), cookie


def test_the_draft_is_forgotten_after_8_hours_without_use(
    client: FlaskClient, clock: list[int]
) -> None:
    url = start(client, "new-ehcp")
    clock[0] += 7 * HOUR
    url = answer(client, url, answer="agree")  # still there after 7 hours
    clock[0] += 7 * HOUR  # 14 hours since the start, but 7 since the last answer
    assert "We could not find your answers" not in client.get(url).get_data(as_text=True)
    clock[0] += 9 * HOUR
    page = client.get(url).get_data(as_text=True)
    assert "We could not find your answers" in page
    assert "if you closed your browser" in page


def test_staff_sessions_are_as_they_were(database_url: str, clock: list[int]) -> None:
    # Its own app, with no app context kept open between requests: the ``app`` fixture
    # keeps one, and Flask-Login's user would outlive the session in its ``g``.
    app = make_app(database_url)
    with app.app_context():
        user = users.create_user(email="analyst@example.gov.uk", role="analyst", password=PASSWORD)
        email = user.email
        db.session.remove()
    client = app.test_client()
    signed_in = client.post("/sign-in", data={"email": email, "password": PASSWORD})
    assert signed_in.status_code == 302
    [cookie] = _session_cookies(signed_in)
    assert _lasts_until_the_browser_closes(cookie), cookie
    assert client.get("/staff/").status_code == 200
    clock[0] += 7 * HOUR
    assert client.get("/staff/").status_code == 200
    clock[0] += 2 * HOUR  # 9 hours after signing in: sign in again
    assert client.get("/staff/").status_code == 302
    with app.app_context():
        db.engine.dispose()


def test_the_cookies_page_says_what_the_cookie_does_and_how_long_it_lasts(
    app: Flask, client: FlaskClient
) -> None:
    soup = parse_html(text_of(client, "/cookies"))
    rows = [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")]
        for row in soup.select("tbody tr")
    ]
    assert [row[0] for row in rows] == [app.config["SESSION_COOKIE_NAME"]]
    [[_, purpose, expires]] = rows
    assert "survey" in purpose and "staff signed in" in purpose
    assert expires.startswith("When you close your browser.")
    assert "8 hours without using the survey" in expires
    assert "For staff" in expires and "sign out" in expires
