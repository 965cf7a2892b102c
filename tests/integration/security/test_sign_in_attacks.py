"""Attacks on staff sign-in: session fixation, CSRF, open redirects and password guessing."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import PASSWORD, parse_html
from tests.integration.security.test_access_matrix import methods_of, staff_rules, url_for_rule


def session_cookie(client: FlaskClient, app: Flask) -> str | None:
    cookie = client.get_cookie(app.config.get("SESSION_COOKIE_NAME", "session"))
    return cookie.value if cookie else None


def csrf_token(client: FlaskClient, url: str = "/sign-in") -> str:
    soup = parse_html(client.get(url).get_data(as_text=True))
    field = soup.find("input", attrs={"name": "csrf_token"})
    assert field is not None
    return str(field["value"])


def test_sign_in_starts_a_fresh_session(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    before = session_cookie(client, app)

    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302

    assert session_cookie(client, app) != before
    with client.session_transaction() as session:
        assert "planted" not in session

    # The cookie from before sign-in does not carry the sign-in. (A new app context:
    # the fixture's one would hand the next request Flask-Login's cached user in g.)
    other = app.test_client()
    other.set_cookie(app.config.get("SESSION_COOKIE_NAME", "session"), before or "")
    with app.app_context():
        response = other.get("/staff/")
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/sign-in"


def test_sign_out_ends_the_session(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("analyst")
    assert client.get("/staff/").status_code == 200
    client.post("/sign-out")
    assert client.get("/staff/").status_code == 302


def test_sign_in_without_a_csrf_token_is_refused(csrf_app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    user = make_user("admin")
    client = csrf_app.test_client()
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/staff/").status_code == 302  # not signed in


def test_every_staff_post_is_refused_without_a_csrf_token(csrf_app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    user = make_user("admin")
    client = csrf_app.test_client()
    token = csrf_token(client)
    response = client.post(
        "/sign-in", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302

    problems = []
    posts = [rule for rule in staff_rules(csrf_app) if "POST" in methods_of(rule)]
    for rule in posts:
        url = url_for_rule(rule)
        for data in ({}, {"csrf_token": "forged"}):
            response = client.post(url, data=data)
            if response.status_code != 400:
                problems.append(f"POST {rule.rule} with {data}: {response.status_code}")
    assert not problems, "\n".join(problems)
    # Sign-out is a POST too: without a token it must not sign the user out.
    assert client.post("/sign-out").status_code == 400
    assert client.get("/staff/").status_code == 200


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example/",
        "https:evil.example",
        "javascript:alert(1)",
        "/\t/evil.example/",
        "/\n/evil.example/",
        " //evil.example/",
        "%2F%2Fevil.example",
    ],
)
def test_next_never_leaves_the_site(client: FlaskClient, make_user, target: str) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    response = client.post(
        "/sign-in", query_string={"next": target}, data={"email": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    # What a browser would do with it: strip tabs and newlines, treat \ as /.
    browser_view = location.replace("\t", "").replace("\n", "").replace("\r", "")
    browser_view = browser_view.replace("\\", "/").strip()
    parts = urlsplit(browser_view)
    assert parts.netloc in {"", "localhost"}, location
    assert parts.scheme in {"", "http"}, location
    assert not browser_view.startswith("//"), location


def test_next_keeps_a_local_path(client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    response = client.post(
        "/sign-in",
        query_string={"next": "/staff/?page=2"},
        data={"email": user.email, "password": PASSWORD},
    )
    assert response.headers["Location"].endswith("/staff/?page=2")


def test_account_locks_after_too_many_failures(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    user = make_user("complaints_officer")
    limit = app.config["SIGN_IN_MAX_FAILURES"]
    for _ in range(limit):
        response = client.post(
            "/sign-in", data={"email": user.email, "password": "wrong password!"}
        )
        assert response.status_code == 200
        assert "Enter a correct email address and password" in response.get_data(as_text=True) or (
            "locked" in response.get_data(as_text=True)
        )
    # Now even the right password is refused, with a message that says why.
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "locked" in response.get_data(as_text=True)
    assert client.get("/staff/").status_code == 302


def test_unknown_and_known_emails_get_the_same_answer(client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    known = client.post("/sign-in", data={"email": user.email, "password": "wrong password!"})
    unknown = client.post(
        "/sign-in", data={"email": "nobody@example.gov.uk", "password": "wrong password!"}
    )
    assert "Enter a correct email address and password" in known.get_data(as_text=True)
    assert "Enter a correct email address and password" in unknown.get_data(as_text=True)
