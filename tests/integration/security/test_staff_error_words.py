"""Error pages word themselves for who is reading: staff on /sign-in, /sign-out and
/staff/ pages are not told about saved survey answers or resume codes, and signing out
in a second tab (whose form the first sign-out ended) just shows the signed-out page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from feedback_app.extensions import db
from tests.conftest import PASSWORD, make_app, parse_html

FAMILY_WORDS = ("saved answers", "resume code", "list of surveys")


def _token(client: FlaskClient, path: str) -> str:
    soup = parse_html(client.get(path).get_data(as_text=True))
    field = soup.find("input", attrs={"name": "csrf_token"})
    assert field is not None, path
    return str(field["value"])


def _signed_in(app: Flask, make_user) -> FlaskClient:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    client = app.test_client()
    token = _token(client, "/sign-in")
    response = client.post(
        "/sign-in", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    return client


@pytest.fixture
def limited_app(database_url: str) -> Iterator[Flask]:
    app = make_app(
        database_url,
        RATELIMIT_ENABLED=True,
        RATELIMIT_SIGN_IN="2 per minute",
        RATELIMIT_PUBLIC_POST="2 per minute",
        RATELIMIT_SURVEY_START="2 per minute",
    )
    from feedback_app.extensions import limiter

    with app.app_context():
        limiter.reset()
        yield app
        limiter.reset()
        db.session.remove()
        db.engine.dispose()


def test_too_many_sign_ins_is_worded_for_staff(limited_app: Flask) -> None:
    client = limited_app.test_client()
    data = {"email": "someone@example.gov.uk", "password": "not the password"}
    statuses = [client.post("/sign-in", data=data).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    page = client.post("/sign-in", data=data).get_data(as_text=True)
    assert "too many attempts" in page and "Wait a minute" in page
    for words in FAMILY_WORDS:
        assert words not in page
    assert "/forgotten-password" in page
    # Families answering a survey still hear that their answers are safe.
    for _ in range(3):
        survey = client.post("/surveys/new-ehcp", data={})
    assert survey.status_code == 429
    assert "Your saved answers are safe" in survey.get_data(as_text=True)


def test_signing_out_again_in_a_second_tab_shows_the_signed_out_page(
    csrf_app: Flask, make_user
) -> None:  # type: ignore[no-untyped-def]
    client = _signed_in(csrf_app, make_user)
    first_tab = _token(client, "/staff/")
    second_tab = _token(client, "/staff/")
    assert client.post("/sign-out", data={"csrf_token": first_tab}).status_code == 302

    response = client.post("/sign-out", data={"csrf_token": second_tab})
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/sign-in")
    page = client.get("/sign-in").get_data(as_text=True)
    assert "You have signed out." in page
    assert "expired" not in page


def test_an_expired_staff_form_is_worded_for_staff(csrf_app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    client = _signed_in(csrf_app, make_user)
    for path in ("/staff/publishing/", "/sign-out", "/sign-in"):
        response = client.post(path, data={"csrf_token": "not-the-token"})
        assert response.status_code == 400, path
        page = response.get_data(as_text=True)
        assert "This page has expired" in page, path
        for words in FAMILY_WORDS:
            assert words not in page, (path, words)
    # A still-signed-in person whose sign-out form expired is not signed out by it.
    assert client.get("/staff/").status_code == 200
    # A family's expired survey form still points to surveys and resume codes.
    family = csrf_app.test_client().post("/surveys/new-ehcp", data={"csrf_token": "x"})
    assert family.status_code == 400 and "resume code" in family.get_data(as_text=True)


def test_a_missing_staff_page_links_to_the_staff_home(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("analyst")
    response = client.get("/staff/publishing/releases/999999")
    assert response.status_code == 404
    page = parse_html(response.get_data(as_text=True))
    assert page.find("a", href="/staff/") is not None
    assert "list of surveys" not in page.get_text()
