"""A deactivated account can be turned back on, safely; deactivating asks first.

Reactivating (the users page or ``flask reactivate-user``) is audited and leaves the
account unable to sign in until a new password is chosen, so a password known to
whoever had it before stops working. Changes that would look done but leave the account
unusable (a new role, a new password) are refused with a message until it is reactivated.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, User
from feedback_app.services import users
from feedback_app.services.notifications import LogSender
from tests.conftest import PASSWORD, parse_html

NEW_PASSWORD = "a brand new passphrase for her"  # noqa: S105
EMAIL = "analyst@example.gov.uk"


def fresh(email: str = EMAIL) -> User:
    db.session.expire_all()
    found = users.find_by_email(email)
    assert found is not None
    return found


def run(app: Flask, *args: str):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(args=list(args))


def signs_in(app: Flask, password: str, email: str = EMAIL) -> bool:
    other = app.test_client()
    # A new app context, so Flask-Login's user cached in g is not reused.
    with app.app_context():
        response = other.post("/sign-in", data={"email": email, "password": password})
    return response.status_code == 302 and "/staff/" in response.headers["Location"]


def actions(user: User) -> list[str]:
    return list(
        db.session.scalars(
            db.select(AuditEntry.action).where(
                AuditEntry.entity_type == "user", AuditEntry.entity_id == str(user.id)
            )
        )
    )


def test_deactivating_on_the_page_asks_first(app: Flask, sign_in, make_user) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    analyst = make_user("analyst")
    page = parse_html(client.get("/staff/admin/users").get_data(as_text=True))
    url = f"/staff/admin/users/{analyst.id}/deactivate"
    # Not a one-click form on the list: a link to a page that asks.
    assert url not in {f.get("action") for f in page.find_all("form")}
    link = page.find("a", href=url)
    assert link is not None and f"Deactivate {analyst.email}" in link.get_text()

    confirm = parse_html(client.get(url).get_data(as_text=True))
    assert confirm.h1.get_text(strip=True) == (  # type: ignore[union-attr]
        f"Are you sure you want to deactivate {analyst.email}?"
    )
    form = confirm.select_one("main form")
    assert form is not None and form["action"] == url
    assert form.select_one("input[name=confirmed]")["value"] == "yes"  # type: ignore[index]
    assert fresh().active

    # A post without the confirmation's answer (an old list page) is sent to ask.
    response = client.post(url, data={})
    assert response.status_code == 303 and response.headers["Location"].endswith(url)
    assert fresh().active

    response = client.post(url, data={"confirmed": "yes"}, follow_redirects=True)
    assert "is deactivated and can no longer sign in" in response.get_data(as_text=True)
    assert not fresh().active


def test_an_admin_reactivates_and_the_old_password_stops_working(
    app: Flask, sign_in, make_user
) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    analyst = make_user("analyst")
    assert signs_in(app, PASSWORD)
    users.deactivate_user(EMAIL)
    assert not signs_in(app, PASSWORD)

    page = parse_html(client.get("/staff/admin/users").get_data(as_text=True))
    url = f"/staff/admin/users/{analyst.id}/reactivate"
    form = next(f for f in page.find_all("form") if f.get("action") == url)
    assert "Reactivate" in form.get_text()

    response = client.post(url, follow_redirects=True)
    text = response.get_data(as_text=True)
    assert f"{EMAIL} is reactivated" in text and "Their old password no longer works" in text
    user = fresh()
    assert user.active
    assert actions(user).count("user.reactivated") == 1
    # Locked out until a new password is set, here by the admin's command.
    assert not signs_in(app, PASSWORD)
    assert run(app, "reset-password", "--email", EMAIL, "--password", NEW_PASSWORD).exit_code == 0
    assert signs_in(app, NEW_PASSWORD)


def test_a_reactivated_user_can_choose_a_password_with_the_forgotten_password_link(
    app: Flask, client: FlaskClient, make_user
) -> None:  # type: ignore[no-untyped-def]
    sender = LogSender()
    app.extensions["notification_sender"] = sender
    make_user("admin")
    make_user("analyst")
    users.deactivate_user(EMAIL)
    client.post("/forgotten-password", data={"email": EMAIL})
    assert sender.sent == []  # no link for a deactivated account

    result = run(app, "reactivate-user", "--email", EMAIL)
    assert result.exit_code == 0, result.output
    assert f"Reactivated {EMAIL}" in result.output and "reset-password" in result.output
    assert actions(fresh()).count("user.reactivated") == 1

    client.post("/forgotten-password", data={"email": EMAIL})
    assert len(sender.sent) == 1
    link = urlsplit(re.search(r"https?://\S+", sender.sent[0].body).group(0)).path  # type: ignore[union-attr]
    response = client.post(link, data={"password": NEW_PASSWORD})
    assert response.status_code == 302
    assert signs_in(app, NEW_PASSWORD) and not signs_in(app, PASSWORD)


@pytest.mark.parametrize(
    ("email", "message"),
    [("nobody@example.gov.uk", "There is no user"), (EMAIL, "is already active")],
)
def test_reactivate_user_refuses_an_unknown_or_active_account(
    app: Flask, make_user, email: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    make_user("analyst")
    result = run(app, "reactivate-user", "--email", email)
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output
    assert signs_in(app, PASSWORD)


def test_a_deactivated_user_keeps_their_role_until_reactivated(
    app: Flask, sign_in, make_user
) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    analyst = make_user("analyst")
    users.deactivate_user(EMAIL)
    response = client.post(
        f"/staff/admin/users/{analyst.id}/role", data={"role": "admin"}, follow_redirects=True
    )
    assert (
        f"{EMAIL} is deactivated, so you cannot change their role. Reactivate their account "
        "first." in response.get_data(as_text=True)
    )
    assert fresh().role == "analyst"
    result = run(app, "set-role", "--email", EMAIL, "--role", "admin")
    assert result.exit_code == 1 and "Reactivate their account first" in result.output
    assert fresh().role == "analyst" and "user.role_changed" not in actions(fresh())


def test_a_new_password_for_a_deactivated_account_is_refused(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("admin")
    make_user("analyst")
    users.deactivate_user(EMAIL)
    result = run(app, "reset-password", "--email", EMAIL, "--password", NEW_PASSWORD)
    assert result.exit_code == 1
    assert "is deactivated, so you cannot reset their password" in result.output
    assert "user.password_reset" not in actions(fresh())


def test_adding_a_deactivated_account_again_says_to_reactivate_it(
    app: Flask, sign_in, make_user
) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    make_user("analyst")
    users.deactivate_user(EMAIL)
    response = client.post(
        "/staff/admin/users",
        data={"email": EMAIL, "role": "analyst", "password": NEW_PASSWORD, "name": ""},
    )
    page = parse_html(response.get_data(as_text=True))
    summary = page.select_one(".govuk-error-summary")
    assert summary is not None and "which is deactivated. Reactivate it" in summary.get_text()
    result = run(
        app, "create-user", "--email", EMAIL, "--role", "analyst", "--password", NEW_PASSWORD
    )
    assert result.exit_code == 1 and "deactivated" in result.output
