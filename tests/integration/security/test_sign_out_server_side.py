"""Signing out ends the session on the server, not only in the browser that signed out."""

from __future__ import annotations

from flask import Flask

from tests.conftest import PASSWORD
from tests.integration.security.test_user_commands import session_cookie, signed_in_with


def test_a_cookie_copied_before_sign_out_no_longer_works(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("analyst")
    copied = session_cookie(client, app)
    assert signed_in_with(app, copied)

    client.post("/sign-out")

    assert not signed_in_with(app, copied)


def test_signing_out_ends_the_users_other_sessions_too(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    first = sign_in("analyst")
    other_browser = app.test_client()
    with app.app_context():
        other_browser.post(
            "/sign-in",
            data={"email": "analyst@example.gov.uk", "password": PASSWORD},
        )
    other_cookie = session_cookie(other_browser, app)
    assert signed_in_with(app, other_cookie)

    first.post("/sign-out")

    assert not signed_in_with(app, other_cookie)


def test_signing_out_when_not_signed_in_is_harmless(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/sign-out")
    assert response.status_code == 302
