"""Lockout must not tell a guesser which staff emails have accounts.

An unknown or deactivated email "locks" after the same number of failures, for the
same time and with the same message as a real account; its count is kept under a
keyed hash of the email, never the email itself, and forgotten once it has expired.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, text

from feedback_app.extensions import db
from feedback_app.models import SignInFailure
from feedback_app.services import users
from tests.conftest import PASSWORD

WRONG = "wrong password!"
LOCKED = "Your account is locked after too many attempts"


def answers(client: FlaskClient, email: str, times: int, password: str = WRONG) -> list[str]:
    """Post the sign-in form ``times`` times; return which message each answer gave."""
    said = []
    for _ in range(times):
        response = client.post("/sign-in", data={"email": email, "password": password})
        assert response.status_code == 200
        body = response.get_data(as_text=True)
        said.append("locked" if LOCKED in body else "wrong")
        assert ("Enter a correct email address and password" in body) != (LOCKED in body)
    return said


def move_clock(minutes: int) -> None:
    """Pretend ``minutes`` have passed for every failure and lockout on record."""
    delta = timedelta(minutes=minutes)
    for row in db.session.scalars(select(SignInFailure)):
        row.last_failed_sign_in_at = row.last_failed_sign_in_at - delta
        if row.locked_until is not None:
            row.locked_until = row.locked_until - delta
    for user in users.list_users():
        if user.last_failed_sign_in_at is not None:
            user.last_failed_sign_in_at = user.last_failed_sign_in_at - delta
        if user.locked_until is not None:
            user.locked_until = user.locked_until - delta
    db.session.commit()


@pytest.fixture
def deactivated(make_user) -> str:  # type: ignore[no-untyped-def]
    make_user("admin")
    user = make_user("analyst", email="left@example.gov.uk")
    users.deactivate_user(user.email)
    return user.email


def test_known_unknown_and_deactivated_emails_answer_alike(
    app: Flask, client: FlaskClient, make_user, deactivated: str
) -> None:  # type: ignore[no-untyped-def]
    known = make_user("complaints_officer").email
    limit = app.config["SIGN_IN_MAX_FAILURES"]
    expected = ["wrong"] * (limit - 1) + ["locked", "locked"]
    for email in (known, "nobody@example.gov.uk", deactivated):
        assert answers(client, email, limit + 1) == expected, email
    # The real account is locked even to its right password, as before.
    assert answers(client, known, 1, password=PASSWORD) == ["locked"]


def test_an_unknown_email_stays_locked_for_the_lockout_minutes(
    app: Flask, client: FlaskClient
) -> None:
    limit = app.config["SIGN_IN_MAX_FAILURES"]
    minutes = app.config["SIGN_IN_LOCKOUT_MINUTES"]
    email = "Nobody@Example.gov.uk "
    answers(client, email, limit)
    # The same email however it is typed.
    assert answers(client, "nobody@example.gov.uk", 1) == ["locked"]
    move_clock(minutes - 1)
    assert answers(client, email, 1) == ["locked"]
    move_clock(2)
    assert answers(client, email, 1) == ["wrong"]


def test_failures_are_forgotten_after_the_lockout_minutes_for_everyone(
    app: Flask, client: FlaskClient, make_user
) -> None:  # type: ignore[no-untyped-def]
    """A count that no longer matters is pruned for unknown emails; a real account
    forgets it just the same, so waiting does not tell the two apart either."""
    known = make_user("analyst").email
    limit = app.config["SIGN_IN_MAX_FAILURES"]
    minutes = app.config["SIGN_IN_LOCKOUT_MINUTES"]
    for email in (known, "nobody@example.gov.uk"):
        answers(client, email, limit - 1)
    move_clock(minutes + 1)
    for email in (known, "nobody@example.gov.uk"):
        assert answers(client, email, 1) == ["wrong"], email
    # The expired row was pruned and a fresh one counts one failure.
    rows = list(db.session.scalars(select(SignInFailure)))
    assert [row.failed_sign_ins for row in rows] == [1]


def test_no_email_is_stored_for_unknown_addresses(app: Flask, client: FlaskClient) -> None:
    answers(client, "secret.person@example.gov.uk", 2)
    dump = " ".join(
        str(value)
        for row in db.session.execute(text("SELECT * FROM sign_in_failures"))
        for value in row
    )
    assert dump
    assert "secret" not in dump.lower()
    assert "example" not in dump.lower()


def test_expired_rows_are_pruned(app: Flask, client: FlaskClient) -> None:
    limit = app.config["SIGN_IN_MAX_FAILURES"]
    for number in range(3):
        answers(client, f"person{number}@example.gov.uk", limit)
    answers(client, "another@example.gov.uk", 1)
    assert db.session.scalar(text("SELECT count(*) FROM sign_in_failures")) == 4
    move_clock(app.config["SIGN_IN_LOCKOUT_MINUTES"] + 1)
    answers(client, "latest@example.gov.uk", 1)
    assert db.session.scalar(text("SELECT count(*) FROM sign_in_failures")) == 1


def test_a_real_account_still_locks_and_unlocks(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    answers(client, user.email, app.config["SIGN_IN_MAX_FAILURES"])
    db.session.expire_all()
    assert users.is_locked(users.find_by_email(user.email))  # type: ignore[arg-type]
    assert db.session.scalar(text("SELECT count(*) FROM sign_in_failures")) == 0
    users.unlock_user(user.email)
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302


def test_the_lock_time_is_the_same_for_both(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    user = make_user("analyst")
    limit = app.config["SIGN_IN_MAX_FAILURES"]
    before = datetime.now(UTC)
    answers(client, user.email, limit)
    answers(client, "nobody@example.gov.uk", limit)
    db.session.expire_all()
    real = users.find_by_email(user.email)
    assert real is not None and real.locked_until is not None
    row = db.session.scalars(select(SignInFailure)).one()
    assert row.locked_until is not None
    expected = before + timedelta(minutes=app.config["SIGN_IN_LOCKOUT_MINUTES"])
    for locked_until in (real.locked_until, row.locked_until):
        moment = locked_until.replace(tzinfo=UTC) if locked_until.tzinfo is None else locked_until
        assert abs((moment - expected).total_seconds()) < 30
