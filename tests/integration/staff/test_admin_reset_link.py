"""The "Send password reset link" button on /staff/admin/users."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, PasswordResetToken
from feedback_app.services import users
from feedback_app.services.notifications import LogSender
from tests.conftest import PASSWORD, parse_html


def test_each_active_user_has_the_button_with_csrf(csrf_app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    admin = make_user("admin")
    analyst = make_user("analyst")
    gone = make_user("forum_member")
    users.deactivate_user(gone.email)
    client = csrf_app.test_client()
    soup = parse_html(client.get("/sign-in").get_data(as_text=True))
    token = soup.find("input", attrs={"name": "csrf_token"})["value"]  # type: ignore[index]
    client.post("/sign-in", data={"email": admin.email, "password": PASSWORD, "csrf_token": token})

    page = parse_html(client.get("/staff/admin/users").get_data(as_text=True))
    forms = {form["action"]: form for form in page.find_all("form") if form.get("action")}
    action = f"/staff/admin/users/{analyst.id}/send-password-reset"
    assert action in forms
    assert forms[action].find("input", attrs={"name": "csrf_token"})
    assert "Send password reset link" in forms[action].get_text()
    assert analyst.email in forms[action].get_text()  # for screen reader users
    assert f"/staff/admin/users/{gone.id}/send-password-reset" not in forms

    refused = client.post(action, data={})
    assert refused.status_code == 400
    assert not db.session.scalars(select(PasswordResetToken)).first()


def test_an_admin_sends_a_link_and_it_is_audited_without_the_email(
    app: Flask, sign_in, make_user
) -> None:  # type: ignore[no-untyped-def]
    sender = LogSender()
    app.extensions["notification_sender"] = sender
    client = sign_in("admin")
    analyst = make_user("analyst")

    response = client.post(
        f"/staff/admin/users/{analyst.id}/send-password-reset", follow_redirects=True
    )
    assert response.status_code == 200
    assert f"A password reset link has been sent to {analyst.email}" in response.get_data(
        as_text=True
    )
    assert [message.to for message in sender.sent] == [analyst.email]
    link = re.search(r"https?://\S+/reset-password/(\S+)", sender.sent[0].body)
    assert link
    token = link.group(1)

    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "user.password_reset_link_sent")
    ).one()
    assert entry.entity_type == "user" and entry.entity_id == str(analyst.id)
    assert entry.changes == {"requested_by": "admin"}
    written = f"{entry.entity_id} {entry.changes}"
    assert analyst.email not in written and token not in written

    # The link works for the user, who is not signed in.
    other = app.test_client()
    assert other.get(f"/reset-password/{token}").status_code == 200


def test_a_deactivated_user_cannot_be_sent_a_link(app: Flask, sign_in, make_user) -> None:  # type: ignore[no-untyped-def]
    sender = LogSender()
    app.extensions["notification_sender"] = sender
    client = sign_in("admin")
    analyst = make_user("analyst")
    users.deactivate_user(analyst.email)
    response = client.post(
        f"/staff/admin/users/{analyst.id}/send-password-reset", follow_redirects=True
    )
    assert "is deactivated, so cannot reset their password" in response.get_data(as_text=True)
    assert not sender.sent
    assert client.post("/staff/admin/users/999999/send-password-reset").status_code == 404


def test_only_admins_can_send_links(app: Flask, sign_in, make_user) -> None:  # type: ignore[no-untyped-def]
    analyst = make_user("analyst")
    client = sign_in("complaints_officer")
    response = client.post(f"/staff/admin/users/{analyst.id}/send-password-reset")
    assert response.status_code == 403
