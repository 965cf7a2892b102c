"""The per-user actions on /staff/admin/users: change role, deactivate, unlock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Flask

from feedback_app.extensions import db
from feedback_app.models import User
from feedback_app.services import users
from tests.conftest import PASSWORD, parse_html


def fresh(email: str) -> User:
    db.session.expire_all()
    found = users.find_by_email(email)
    assert found is not None
    return found


def test_the_users_page_offers_each_action_with_csrf(csrf_app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    admin = make_user("admin")
    analyst = make_user("analyst")
    analyst.locked_until = datetime.now(UTC) + timedelta(minutes=30)
    db.session.commit()
    client = csrf_app.test_client()
    soup = parse_html(client.get("/sign-in").get_data(as_text=True))
    token = soup.find("input", attrs={"name": "csrf_token"})["value"]  # type: ignore[index]
    client.post("/sign-in", data={"email": admin.email, "password": PASSWORD, "csrf_token": token})

    page = parse_html(client.get("/staff/admin/users").get_data(as_text=True))
    actions = {form["action"] for form in page.find_all("form") if form.get("action")}
    assert f"/staff/admin/users/{analyst.id}/role" in actions
    # Deactivating asks first, on a page of its own (test_reactivate_users.py).
    assert page.find("a", href=f"/staff/admin/users/{analyst.id}/deactivate")
    assert f"/staff/admin/users/{analyst.id}/unlock" in actions
    assert f"Deactivate {analyst.email}" in page.get_text()

    refused = client.post(f"/staff/admin/users/{analyst.id}/deactivate", data={"confirmed": "yes"})
    assert refused.status_code == 400
    assert fresh(analyst.email).active


def test_an_admin_changes_a_role_deactivates_and_unlocks(app: Flask, sign_in, make_user) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    analyst = make_user("analyst")
    officer = make_user("complaints_officer")
    officer.locked_until = datetime.now(UTC) + timedelta(minutes=30)
    db.session.commit()
    token_before = analyst.session_token

    response = client.post(
        f"/staff/admin/users/{analyst.id}/role",
        data={"role": "forum_member"},
        follow_redirects=True,
    )
    assert "now has the role forum member" in response.get_data(as_text=True)
    assert fresh(analyst.email).role == "forum_member"
    assert fresh(analyst.email).session_token != token_before

    client.post(f"/staff/admin/users/{officer.id}/unlock")
    assert fresh(officer.email).locked_until is None

    response = client.post(
        f"/staff/admin/users/{analyst.id}/deactivate",
        data={"confirmed": "yes"},
        follow_redirects=True,
    )
    assert "is deactivated" in response.get_data(as_text=True)
    assert not fresh(analyst.email).active


def test_the_page_will_not_remove_the_last_admin(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    admin = fresh("admin@example.gov.uk")
    for url, data in [
        (f"/staff/admin/users/{admin.id}/role", {"role": "analyst"}),
        (f"/staff/admin/users/{admin.id}/deactivate", {"confirmed": "yes"}),
    ]:
        response = client.post(url, data=data, follow_redirects=True)
        assert "only active admin" in response.get_data(as_text=True)
    admin = fresh("admin@example.gov.uk")
    assert admin.active and admin.role == "admin"


def test_an_unknown_role_or_user_is_refused(app: Flask, sign_in, make_user) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    analyst = make_user("analyst")
    response = client.post(
        f"/staff/admin/users/{analyst.id}/role", data={"role": "overlord"}, follow_redirects=True
    )
    assert "Role must be one of" in response.get_data(as_text=True)
    assert fresh(analyst.email).role == "analyst"
    assert client.post("/staff/admin/users/999999/deactivate").status_code == 404
