"""Deactivating, re-roling, resetting and unlocking users from the command line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, User
from feedback_app.services import users
from tests.conftest import PASSWORD

NEW_PASSWORD = "a quite different passphrase"  # noqa: S105


def run(app: Flask, *args: str):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(args=list(args))


def session_cookie(client: FlaskClient, app: Flask) -> str:
    cookie = client.get_cookie(app.config.get("SESSION_COOKIE_NAME", "session"))
    assert cookie is not None
    return cookie.value


def signed_in_with(app: Flask, cookie: str) -> bool:
    """Say whether a copy of a session cookie, used in a new browser, is signed in."""
    other = app.test_client()
    other.set_cookie(app.config.get("SESSION_COOKIE_NAME", "session"), cookie)
    # A new app context, so Flask-Login's user cached in g is not reused.
    with app.app_context():
        return other.get("/staff/").status_code == 200


def user(email: str) -> User:
    db.session.expire_all()
    found = users.find_by_email(email)
    assert found is not None
    return found


def audit_actions(user_id: int) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            db.select(AuditEntry).where(
                AuditEntry.entity_type == "user", AuditEntry.entity_id == str(user_id)
            )
        )
    )


@pytest.mark.parametrize(
    ("args", "action"),
    [
        (["deactivate-user"], "user.deactivated"),
        (["set-role", "--role", "forum_member"], "user.role_changed"),
        (["reset-password", "--password", NEW_PASSWORD], "user.password_reset"),
    ],
)
def test_each_change_ends_open_sessions_and_is_audited(
    app: Flask, sign_in, make_user, args: list[str], action: str
) -> None:  # type: ignore[no-untyped-def]
    make_user("admin")
    client = sign_in("analyst")
    cookie = session_cookie(client, app)
    assert signed_in_with(app, cookie)

    result = run(app, args[0], "--email", "analyst@example.gov.uk", *args[1:])
    assert result.exit_code == 0, result.output

    assert not signed_in_with(app, cookie)
    entries = [e for e in audit_actions(user("analyst@example.gov.uk").id) if e.action == action]
    assert len(entries) == 1
    assert NEW_PASSWORD not in str(entries[0].changes)
    assert "password" not in str(entries[0].changes)


def test_a_deactivated_user_cannot_sign_in(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("admin")
    make_user("analyst")
    assert run(app, "deactivate-user", "--email", "analyst@example.gov.uk").exit_code == 0
    response = client.post(
        "/sign-in", data={"email": "analyst@example.gov.uk", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert not user("analyst@example.gov.uk").active


def test_set_role_changes_what_the_user_may_do(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("admin")
    make_user("analyst")
    result = run(
        app, "set-role", "--email", "analyst@example.gov.uk", "--role", "complaints_officer"
    )
    assert result.exit_code == 0, result.output
    assert user("analyst@example.gov.uk").role == "complaints_officer"
    entry = audit_actions(user("analyst@example.gov.uk").id)[-1]
    assert entry.changes == {"role": ["analyst", "complaints_officer"]}


def test_set_role_refuses_an_unknown_role(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("analyst")
    result = run(app, "set-role", "--email", "analyst@example.gov.uk", "--role", "superuser")
    assert result.exit_code != 0
    assert "Role must be one of" in result.output
    assert user("analyst@example.gov.uk").role == "analyst"


def test_reset_password_lets_the_new_one_in_and_not_the_old(
    app: Flask, client: FlaskClient, make_user
) -> None:  # type: ignore[no-untyped-def]
    make_user("analyst")
    result = run(
        app, "reset-password", "--email", "analyst@example.gov.uk", "--password", NEW_PASSWORD
    )
    assert result.exit_code == 0, result.output
    assert NEW_PASSWORD not in result.output
    old = client.post("/sign-in", data={"email": "analyst@example.gov.uk", "password": PASSWORD})
    assert old.status_code == 200
    new = client.post(
        "/sign-in", data={"email": "analyst@example.gov.uk", "password": NEW_PASSWORD}
    )
    assert new.status_code == 302


def test_reset_password_uses_the_create_user_rules(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("analyst")
    result = run(app, "reset-password", "--email", "analyst@example.gov.uk", "--password", "short")
    assert result.exit_code != 0
    assert "Password must be 12 characters or more" in result.output


def test_unlock_user_lifts_a_lockout(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    analyst = make_user("analyst")
    analyst.locked_until = datetime.now(UTC) + timedelta(minutes=30)
    db.session.commit()
    locked = client.post("/sign-in", data={"email": analyst.email, "password": PASSWORD})
    assert locked.status_code == 200

    result = run(app, "unlock-user", "--email", analyst.email)
    assert result.exit_code == 0, result.output

    assert user(analyst.email).locked_until is None
    response = client.post("/sign-in", data={"email": analyst.email, "password": PASSWORD})
    assert response.status_code == 302
    assert [e.action for e in audit_actions(analyst.id)][-1] == "user.unlocked"


@pytest.mark.parametrize("args", [["deactivate-user"], ["set-role", "--role", "analyst"]])
def test_the_last_active_admin_cannot_be_deactivated_or_demoted(
    app: Flask, make_user, args: list[str]
) -> None:  # type: ignore[no-untyped-def]
    make_user("admin")
    result = run(app, args[0], "--email", "admin@example.gov.uk", *args[1:])
    assert result.exit_code != 0
    assert "only active admin" in result.output
    admin = user("admin@example.gov.uk")
    assert admin.active and admin.role == "admin"


def test_an_admin_can_be_demoted_when_another_admin_is_active(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("admin")
    make_user("admin", email="second-admin@example.gov.uk")
    result = run(app, "set-role", "--email", "admin@example.gov.uk", "--role", "analyst")
    assert result.exit_code == 0, result.output
    # Now the second admin is the only one left.
    result = run(app, "deactivate-user", "--email", "second-admin@example.gov.uk")
    assert "only active admin" in result.output


def test_an_unknown_email_is_refused(app: Flask) -> None:
    result = run(app, "unlock-user", "--email", "nobody@example.gov.uk")
    assert result.exit_code != 0
    assert "There is no user with the email nobody@example.gov.uk" in result.output
