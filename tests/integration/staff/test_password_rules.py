"""The password rules: the same messages from the admin page and the commands."""

from __future__ import annotations

import pytest
from flask import Flask

from feedback_app.services import users

EMAIL = "new.person@example.gov.uk"

CASES = [
    ("x" * 11 + "y", None),
    ("ab" * 250 + "c", "Password must be 500 characters or fewer"),
    ("short", "Password must be 12 characters or more"),
    (EMAIL, "Password must not be the same as the email address"),
    (EMAIL.upper(), "Password must not be the same as the email address"),
    ("a" * 20, "Password must not be one character repeated"),
]


@pytest.mark.parametrize(("password", "message"), CASES)
def test_the_admin_page_gives_the_right_message(
    app: Flask, sign_in, password: str, message: str | None
) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    response = client.post(
        "/staff/admin/users", data={"email": EMAIL, "role": "analyst", "password": password}
    )
    if message is None:
        assert response.status_code == 302
        assert users.find_by_email(EMAIL) is not None
    else:
        body = response.get_data(as_text=True)
        assert message in body
        assert "12 characters or more" not in body or "12" in message
        assert users.find_by_email(EMAIL) is None


@pytest.mark.parametrize(("password", "message"), [c for c in CASES if c[1]])
@pytest.mark.parametrize("command", ["create-user", "reset-password"])
def test_the_commands_give_the_same_message(
    app: Flask, make_user, command: str, password: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    if command == "reset-password":
        make_user("analyst", email=EMAIL)
    args = [command, "--email", EMAIL, "--password", password]
    if command == "create-user":
        args += ["--role", "analyst"]
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code != 0
    assert message in result.output
