"""The safeguarding lead can reach the family behind a flag, and the complaints officer
sees that a complaint's words were raised with the lead (never the lead's notes)."""

from __future__ import annotations

import json
import logging
from datetime import date

from flask import g
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Comment, ContactRequest, SafeguardingFlag
from feedback_app.services import (
    compliments,
    contact_requests,
    notifications,
    responses,
    safeguarding,
    surveys,
    users,
)
from feedback_app.services.complaints import create_complaint
from feedback_app.templating import format_date
from tests.conftest import PASSWORD, parse_html

DISCLOSURE = "My partner hit my son again last night and I am frightened. Please ring me."
NAME, EMAIL, PHONE = "Perpetua Zanzibar", "perpetua.z@example.com", "07700 900987"
ADDRESS = "12 Quince Lane, Upton"
CHILD = "EHC-44821"
NOTES = "Rang the family; referred to the Family Front Door, case 7731"


def _survey_flag(*, contact: bool) -> SafeguardingFlag:
    """A survey response that discloses harm, sent through the survey's own services."""
    survey = surveys.get_survey_by_slug("new_ehcp")
    version = surveys.current_version(survey)
    response = responses.start_draft(version).response
    questions = {question.key: question for question in version.questions}
    responses.save_answer(response, questions["involved"], "disagree")
    responses.save_answer(response, questions["comment"], DISCLOSURE)
    responses.save_consent(response, quote=False, contact=contact)
    if contact:
        responses.save_contact(response, name=NAME, email=EMAIL, phone=PHONE)
    assert responses.submit(response.id)
    return _flag_of("survey", response.id)


def _flag_of(source: str, source_id: int) -> SafeguardingFlag:
    comment = db.session.scalars(
        select(Comment).where(Comment.source == source, Comment.source_id == source_id)
    ).one()
    return db.session.scalars(
        select(SafeguardingFlag).where(SafeguardingFlag.comment_id == comment.id)
    ).one()


def _complaint():  # type: ignore[no-untyped-def]
    return create_complaint(
        {
            "received_on": date(2025, 3, 3),
            "channel": "online",
            "complainant_name": NAME,
            "contact_email": EMAIL,
            "contact_phone": PHONE,
            "contact_address": ADDRESS,
            "relationship_to_child": "parent_carer",
            "child_reference": CHILD,
            "summary": f"The plan is late. {DISCLOSURE}",
        }
    )


def _flag_page(client, flag: SafeguardingFlag) -> str:  # type: ignore[no-untyped-def]
    reply = client.get(f"/staff/safeguarding/flags/{flag.id}")
    assert reply.status_code == 200
    body = reply.get_data(as_text=True)
    parse_html(body)
    return body


def _reach(body: str) -> str:
    """The words of the page's "How to reach the family" section."""
    soup = parse_html(body)
    heading = soup.find("h2", string="How to reach the family")
    assert heading is not None
    words = []
    for tag in heading.find_next_siblings():
        if tag.name == "form":
            break
        words.append(tag.get_text(" ", strip=True))
    return " ".join(words)


def _contact_views(flag: SafeguardingFlag) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "safeguarding.contact_viewed",
                AuditEntry.entity_id == str(flag.id),
            )
        )
    )


def test_the_lead_sees_the_details_a_family_left_with_their_survey(app, sign_in, caplog):
    caplog.set_level(logging.DEBUG)
    app.extensions["notification_sender"] = notifications.LogSender()
    flag = _survey_flag(contact=True)
    lead = sign_in("safeguarding_lead")
    body = _flag_page(lead, flag)
    reach = _reach(body)
    for words in (NAME, EMAIL, PHONE, "Asked to be contacted Yes"):
        assert words in reach
    response_id = flag.comment.source_id
    assert f"Survey response {response_id}" in body
    # The lead also learns that the family is on the complaints officers' list.
    request = db.session.scalar(
        select(ContactRequest).where(ContactRequest.response_id == response_id)
    )
    due = contact_requests.reply_by(request.requested_on)
    assert f"get in touch by {format_date(due)}; no officer has recorded" in reach
    # Who saw the details is recorded; the details are not.
    (viewed,) = _contact_views(flag)
    assert viewed.actor == "safeguarding_lead@example.gov.uk"
    logged = json.dumps([e.changes for e in db.session.scalars(select(AuditEntry))])
    for words in ("Perpetua", "Zanzibar", EMAIL, "900987", "partner hit"):
        assert words not in logged
        assert words not in caplog.text


def test_the_lead_is_told_when_an_officer_has_contacted_the_family(app, sign_in, make_user):
    app.extensions["notification_sender"] = notifications.LogSender()
    flag = _survey_flag(contact=True)
    request = db.session.scalar(
        select(ContactRequest).where(ContactRequest.response_id == flag.comment.source_id)
    )
    officer = make_user("complaints_officer")
    officer.name = "Olu Officer"
    contact_requests.mark_contacted(request.id, officer)
    reach = _reach(_flag_page(sign_in("safeguarding_lead"), flag))
    assert "Olu Officer recorded contacting them on" in reach


def test_an_anonymous_response_says_plainly_there_is_no_way_to_reach_them(sign_in):
    flag = _survey_flag(contact=False)
    reach = _reach(_flag_page(sign_in("safeguarding_lead"), flag))
    assert "Asked to be contacted No" in reach
    assert "They left no contact details: the response is anonymous." in reach
    assert _contact_views(flag) == []  # nothing personal was shown


def test_the_lead_sees_the_complaint_reference_and_the_complainant_details(sign_in):
    complaint = _complaint()
    flag = _flag_of("complaint", complaint.id)
    body = _flag_page(sign_in("safeguarding_lead"), flag)
    assert f"Complaint {complaint.reference}" in body
    assert complaint.reference.startswith("CMP-")
    reach = _reach(body)
    for words in (complaint.reference, NAME, EMAIL, PHONE, ADDRESS, CHILD, "Parent or carer"):
        assert words in reach
    assert "Complaints officer Not assigned" in reach
    assert len(_contact_views(flag)) == 1


def test_a_compliment_says_what_it_holds(sign_in):
    compliment = compliments.create_compliment(
        {
            "received_on": date(2025, 3, 3),
            "theme": "staff_attitude",
            "team": "SEND casework",
            "person_praised": "Imogen Caseworker",
            "summary": f"Thank you to the caseworker. {DISCLOSURE}",
        }
    )
    flag = _flag_of("compliment", compliment.id)
    reach = _reach(_flag_page(sign_in("safeguarding_lead"), flag))
    for words in (compliment.reference, "SEND casework", "Imogen Caseworker"):
        assert words in reach
    assert "A compliment holds no contact details for the family" in reach


def test_nobody_but_the_lead_sees_the_flag_page(app):
    flag = _flag_of("complaint", _complaint().id)
    for role in ("complaints_officer", "analyst", "forum_member"):
        users.create_user(email=f"{role}-x@example.gov.uk", role=role, password=PASSWORD)
        client = app.test_client()
        # The test holds one app context: forget whoever its ``g`` last signed in.
        g.pop("_login_user", None)
        client.post("/sign-in", data={"email": f"{role}-x@example.gov.uk", "password": PASSWORD})
        reply = client.get(f"/staff/safeguarding/flags/{flag.id}")
        assert reply.status_code == 403, role
        assert EMAIL not in reply.get_data(as_text=True)
    assert _contact_views(flag) == []


def _banner(body: str) -> str:
    soup = parse_html(body)
    banner = soup.find(id="safeguarding-flag")
    return banner.get_text(" ", strip=True) if banner is not None else ""


def test_the_officer_sees_that_the_complaint_was_raised_with_the_lead(sign_in, make_user):
    complaint = _complaint()
    flag = _flag_of("complaint", complaint.id)
    officer = sign_in("complaints_officer")
    reply = officer.get(f"/staff/complaints/{complaint.id}")
    assert reply.status_code == 200
    banner = _banner(reply.get_data(as_text=True))
    assert f"raised with the safeguarding lead on {format_date(flag.raised_at)}" in banner
    assert "The flag is open: the safeguarding lead has not decided yet." in banner

    lead = make_user("safeguarding_lead")
    db.session.refresh(flag)
    safeguarding.record_action(
        flag,
        status="closed",
        concern="concern",
        action_taken=NOTES,
        user=lead,
        version=flag.version,
    )
    body = officer.get(f"/staff/complaints/{complaint.id}").get_data(as_text=True)
    banner = _banner(body)
    assert (
        "The safeguarding lead decided it is a safeguarding concern and closed the flag on "
        f"{format_date(flag.handled_at)}." in banner
    )
    # The lead's notes stay with the lead.
    assert "Family Front Door" not in body and "7731" not in body


def test_the_banner_follows_the_lead_through_in_progress_and_no_concern(sign_in, make_user):
    complaint = _complaint()
    flag = _flag_of("complaint", complaint.id)
    lead = make_user("safeguarding_lead")
    safeguarding.record_action(
        flag,
        status="in_progress",
        concern="undecided",
        action_taken="Looking",
        user=lead,
        version=flag.version,
    )
    officer = sign_in("complaints_officer")
    page = officer.get(f"/staff/complaints/{complaint.id}").get_data(as_text=True)
    assert "is looking into it and has not decided yet" in _banner(page)
    safeguarding.record_action(
        flag,
        status="closed",
        concern="no_concern",
        action_taken="A figure of speech",
        user=lead,
        version=flag.version,
    )
    page = officer.get(f"/staff/complaints/{complaint.id}").get_data(as_text=True)
    assert "decided it is not a safeguarding concern and closed the flag" in _banner(page)


def test_a_complaint_with_no_flag_has_no_banner(sign_in):
    complaint = create_complaint(
        {
            "received_on": date(2025, 3, 3),
            "complainant_name": NAME,
            "summary": "The annual review paperwork arrived the night before the meeting.",
        }
    )
    assert safeguarding.flag_summary_for("complaint", complaint.id) == []
    page = sign_in("complaints_officer").get(f"/staff/complaints/{complaint.id}")
    assert page.status_code == 200
    assert _banner(page.get_data(as_text=True)) == ""
    assert "safeguarding lead" not in page.get_data(as_text=True)
