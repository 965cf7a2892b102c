"""Spaces around an email address (copied from a letter or an email) are not part of it:
every email field, and the user commands, take the address without them."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintAction
from feedback_app.services import complaint_points, users
from feedback_app.services.notifications import LogSender
from tests.conftest import PASSWORD

NEW_PASSWORD = "another long passphrase here"  # noqa: S105
# A space, a tab and a non-breaking space, as pasting brings them.
PADDED = " \t{}\u00a0 "


def _pad(email: str) -> str:
    return PADDED.format(email)


def test_forgotten_password_takes_an_address_with_spaces(
    app: Flask, client: FlaskClient, make_user
) -> None:  # type: ignore[no-untyped-def]
    sender = LogSender()
    app.extensions["notification_sender"] = sender
    make_user("analyst")
    response = client.post("/forgotten-password", data={"email": _pad("analyst@example.gov.uk")})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert [m.to for m in sender.sent] == ["analyst@example.gov.uk"]


def test_the_add_user_form_takes_an_address_with_spaces(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    response = client.post(
        "/staff/admin/users",
        data={
            "email": _pad("New.Person@example.gov.uk"),
            "role": "analyst",
            "password": NEW_PASSWORD,
            "name": "New Person",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    user = users.find_by_email("new.person@example.gov.uk")
    assert user is not None and user.email == "new.person@example.gov.uk"


def test_sign_in_takes_an_address_with_spaces(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("analyst")
    response = client.post(
        "/sign-in", data={"email": _pad("analyst@example.gov.uk"), "password": PASSWORD}
    )
    assert response.status_code == 302 and "/staff/" in response.headers["Location"]


def test_the_public_complaint_form_takes_an_address_with_spaces(client: FlaskClient) -> None:
    response = client.post(
        "/complaints/",
        data={
            "complainant_name": "Jo Family",
            "contact_email": _pad("jo@example.com"),
            "relationship_to_child": "parent_carer",
            "summary": "We waited 30 weeks for the plan.",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.session.scalar(select(Complaint.contact_email)) == "jo@example.com"


def test_the_officers_forms_take_addresses_with_spaces(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("complaints_officer")
    response = client.post(
        "/staff/complaints/new",
        data={
            "received_on": ["3", "4", "2023"],
            "channel": "phone",
            "stage": "1",
            "complainant_name": "Alex Carer",
            "contact_email": _pad("alex@example.com"),
            "relationship_to_child": "parent_carer",
            "summary": "The caseworker never rang back.",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    complaint = db.session.scalar(select(Complaint))
    assert complaint is not None and complaint.contact_email == "alex@example.com"
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Calls", outcome="upheld"
    )
    response = client.post(
        f"/staff/complaints/{complaint.id}/points/{point.id}/actions/new",
        data={
            "description": "Phone surgery",
            "team": "SEND casework",
            "owner": "Team manager",
            "owner_email": _pad("lee@example.gov.uk"),
            "due_on": ["1", "5", "2023"],
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.session.scalar(select(ComplaintAction.owner_email)) == "lee@example.gov.uk"


@pytest.mark.parametrize("command", ["create-user", "reset-password"])
def test_the_user_commands_take_an_address_with_spaces(app: Flask, make_user, command: str) -> None:  # type: ignore[no-untyped-def]
    if command == "reset-password":
        make_user("analyst")
        args = ["reset-password", "--password", NEW_PASSWORD]
    else:
        args = ["create-user", "--role", "analyst", "--password", NEW_PASSWORD]
    result = app.test_cli_runner().invoke(
        args=[args[0], "--email", _pad("Analyst@example.gov.uk"), *args[1:]]
    )
    assert result.exit_code == 0, result.output
    user = users.find_by_email("analyst@example.gov.uk")
    assert user is not None and user.email == "analyst@example.gov.uk"
    with app.test_client() as other:
        signed_in = other.post(
            "/sign-in", data={"email": "analyst@example.gov.uk", "password": NEW_PASSWORD}
        )
    assert signed_in.status_code == 302
