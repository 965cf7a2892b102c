"""What reminder emails say, and to whom they go.

An overdue action's reminder once carried the action's description ("Call Mrs Okafor
about Tom Okafor missing school") to its owner, who may be outside the council; and a
deactivated officer was still emailed about the complaints left with them.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Complaint, User
from feedback_app.services import (
    comments,
    comments_safeguarding,
    complaint_points,
    notifications,
    reminders,
    users,
)
from tests.conftest import parse_html

DESCRIPTION = "Call Mrs Okafor about Tom Okafor missing school"
NOTES = "Mrs Okafor prefers a call after 3pm"
OWNER = "Kim Hughes"
MAILBOX = "complaints-team@example.gov.uk"


@pytest.fixture
def sender(app: Flask) -> notifications.LogSender:
    """Keep the messages sent, and give the app its public address and mailbox."""
    kept = notifications.LogSender()
    app.extensions["notification_sender"] = kept
    app.config.update(PUBLIC_URL="https://send.example.gov.uk", COMPLAINTS_EMAIL=MAILBOX)
    return kept


def _overdue_action(make_complaint, today: date, owner_email: str = "", **complaint):  # type: ignore[no-untyped-def]
    """A complaint awaiting acknowledgement, with an action a week overdue."""
    made = make_complaint(
        received_on=today - timedelta(days=14),
        complainant_name="Ada Okafor",
        summary="My son Tom Okafor has missed school for weeks and nobody calls back.",
        **complaint,
    )
    point = complaint_points.add_point(
        made, theme="communication", summary="Tom Okafor not called back", outcome="upheld"
    )
    complaint_points.add_action(
        point,
        {
            "description": DESCRIPTION,
            "team": "SEND casework",
            "owner": OWNER,
            "owner_email": owner_email,
            "due_on": today - timedelta(days=7),
            "notes": NOTES,
        },
    )
    return made


def test_an_action_reminder_carries_no_free_text(app, make_complaint, sender) -> None:  # type: ignore[no-untyped-def]
    today = clock.today()
    complaint = _overdue_action(make_complaint, today, owner_email="k.hughes@school.example.org")
    counts = reminders.send_reminders(today)
    assert (counts.acknowledgements, counts.actions) == (1, 1)
    [action] = [m for m in sender.sent if m.subject.startswith("Action")]
    assert action.to == "k.hughes@school.example.org"
    assert action.subject == f"Action from complaint {complaint.reference} is overdue"
    due = today - timedelta(days=7)
    assert action.body.startswith(
        f"An action from complaint {complaint.reference}, agreed with SEND casework, "
        f"was due on {due:%-d %B %Y} ("
    )
    assert "Sign in to see it: https://send.example.gov.uk/sign-in" in action.body
    for message in sender.sent:
        text = message.subject + message.body
        for free_text in ("Okafor", "Tom", "missing school", "3pm", OWNER, "Ada"):
            assert free_text not in text, (free_text, message)


def test_every_reminder_kind_links_to_sign_in_and_keeps_to_codes_and_dates(
    app, make_complaint, sender
) -> None:  # type: ignore[no-untyped-def]
    today = clock.today()
    complaint = _overdue_action(make_complaint, today)
    comment = comments.record_comment(
        source="survey", source_id=1, text="Dad hits Tom Okafor at home", received_on=today
    )
    assert comment is not None
    flag = comments_safeguarding.safeguarding_flag_of(comment)
    assert flag is not None
    flag.raised_at = flag.raised_at - timedelta(days=2)
    db.session.commit()
    reminders.send_reminders(today)
    kinds = {
        m.reference.split("-")[0] + ("-action" if "action" in m.reference else ""): m
        for m in sender.sent
    }
    assert set(kinds) == {"complaint", "complaint-action", "safeguarding"}
    acknowledgement = kinds["complaint"]
    assert complaint.reference in acknowledgement.subject
    assert acknowledgement.body.endswith(
        "Sign in to see the complaint: https://send.example.gov.uk/sign-in"
    )
    assert kinds["safeguarding"].body.endswith(
        "Sign in to review it: https://send.example.gov.uk/sign-in"
    )
    for message in sender.sent:
        assert "Okafor" not in message.subject + message.body
        assert "hits" not in message.body


def test_without_a_public_address_the_command_says_to_sign_in(app, make_complaint) -> None:  # type: ignore[no-untyped-def]
    kept = notifications.LogSender()
    app.extensions["notification_sender"] = kept
    app.config["PUBLIC_URL"] = ""
    today = clock.today()
    _overdue_action(make_complaint, today)
    reminders.send_reminders(today)
    [action] = [m for m in kept.sent if m.subject.startswith("Action")]
    assert "Sign in to see it.\n" in action.body and DESCRIPTION not in action.body


def test_a_deactivated_officers_reminders_go_to_the_complaints_mailbox(
    app, make_complaint, make_user, sender
) -> None:  # type: ignore[no-untyped-def]
    today = clock.today()
    leaving = make_user("complaints_officer", "leaving@example.gov.uk")
    staying = make_user("complaints_officer", "staying@example.gov.uk")
    left_with = _overdue_action(make_complaint, today, officer_id=leaving.id)
    # An action whose owner is the officer who left, on a complaint of the one who stays.
    _overdue_action(
        make_complaint, today, owner_email="Leaving@example.gov.uk", officer_id=staying.id
    )
    kept = _overdue_action(make_complaint, today, officer_id=staying.id)
    users.deactivate_user("leaving@example.gov.uk")

    reminders.send_reminders(today)
    to = {(m.reference.rsplit("-", 3)[0], m.to) for m in sender.sent}
    assert (f"complaint-{left_with.id}-acknowledgement", MAILBOX) in to
    assert (f"complaint-{kept.id}-acknowledgement", "staying@example.gov.uk") in to
    action_addresses = sorted(m.to for m in sender.sent if m.subject.startswith("Action"))
    # The leaver's own complaint: the mailbox; the action they owned: its complaint's
    # officer; the staying officer's action with no owner address: that officer.
    assert action_addresses == [MAILBOX, "staying@example.gov.uk", "staying@example.gov.uk"]
    assert all("leaving" not in m.to.lower() for m in sender.sent)


def _edit_fields(page: str) -> dict[str, object]:
    """What the details form sends back unchanged, as a browser would."""
    soup = parse_html(page)
    form = next(f for f in soup.find_all("form") if f.find("select", attrs={"name": "officer_id"}))
    data: dict[str, object] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name:
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        elif field.get("type") in ("radio", "checkbox"):
            if field.has_attr("checked"):
                data[name] = field["value"]
        elif name == "received_on":
            data.setdefault(name, []).append(field.get("value", ""))  # type: ignore[union-attr]
        else:
            data[name] = field.get("value", "")
    return data


def test_changing_details_keeps_a_deactivated_officer(
    app, make_complaint, make_user, officer_client
) -> None:  # type: ignore[no-untyped-def]
    leaving = make_user("complaints_officer", "leaving@example.gov.uk")
    leaving.name = "Lee Leaving"
    other = make_user("complaints_officer", "other@example.gov.uk")
    db.session.commit()
    complaint = make_complaint(officer_id=leaving.id)
    users.deactivate_user("leaving@example.gov.uk")

    page = officer_client.get(f"/staff/complaints/{complaint.id}/edit").get_data(as_text=True)
    options = parse_html(page).select("select[name=officer_id] option")
    chosen = [o for o in options if o.has_attr("selected")]
    assert [(o["value"], o.get_text(strip=True)) for o in chosen] == [
        (str(leaving.id), "Lee Leaving (deactivated)")
    ]
    data = _edit_fields(page)
    data["contact_phone"] = "07700 900999"
    response = officer_client.post(f"/staff/complaints/{complaint.id}/edit", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    db.session.expire_all()
    saved = db.session.get(Complaint, complaint.id)
    assert saved.contact_phone == "07700 900999" and saved.officer_id == leaving.id

    # The officer can still give it to someone else.
    data = _edit_fields(
        officer_client.get(f"/staff/complaints/{complaint.id}/edit").get_data(as_text=True)
    )
    data["officer_id"] = str(other.id)
    assert (
        officer_client.post(f"/staff/complaints/{complaint.id}/edit", data=data).status_code == 302
    )
    db.session.expire_all()
    assert db.session.get(Complaint, complaint.id).officer_id == other.id


def test_a_deactivated_officer_is_offered_only_on_their_own_complaints(
    app, make_complaint, make_user, officer_client
) -> None:  # type: ignore[no-untyped-def]
    leaving = make_user("complaints_officer", "leaving@example.gov.uk")
    theirs = make_complaint(officer_id=leaving.id)
    unassigned = make_complaint()
    users.deactivate_user("leaving@example.gov.uk")
    for url in ("/staff/complaints/new", f"/staff/complaints/{unassigned.id}/edit"):
        page = officer_client.get(url).get_data(as_text=True)
        values = [o["value"] for o in parse_html(page).select("select[name=officer_id] option")]
        assert str(leaving.id) not in values, url
    page = officer_client.get(f"/staff/complaints/{theirs.id}/edit").get_data(as_text=True)
    values = [o["value"] for o in parse_html(page).select("select[name=officer_id] option")]
    assert values.count(str(leaving.id)) == 1
    # Giving another complaint to the officer who left is refused, as any unknown choice.
    data = _edit_fields(
        officer_client.get(f"/staff/complaints/{unassigned.id}/edit").get_data(as_text=True)
    )
    data["officer_id"] = str(leaving.id)
    response = officer_client.post(f"/staff/complaints/{unassigned.id}/edit", data=data)
    assert response.status_code == 200
    assert (
        db.session.scalar(select(Complaint.officer_id).where(Complaint.id == unassigned.id)) is None
    )
    assert theirs.officer_id == leaving.id
    assert db.session.scalar(select(User.active).where(User.id == leaving.id)) is False
