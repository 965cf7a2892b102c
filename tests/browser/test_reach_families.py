"""Reaching families in a real browser: the complaints officer's list of families who
asked to be contacted (marked without JavaScript, on a 320 px phone), the lead's flag
page with the family's details, and the officer's complaint page saying the words were
raised with the lead. Every page is checked with axe where JavaScript runs."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import assert_accessible, assert_no_horizontal_scroll, sign_in_staff

PASSWORD = "browser-password-789"  # noqa: S105
_people = itertools.count(1)
DISCLOSURE = "My partner hit my son again last night and I am frightened. Please ring me."


@pytest.fixture
def family(live_app: Any) -> dict[str, Any]:
    """A survey response that discloses harm and asks to be contacted, a complaint that
    does the same, an officer and a safeguarding lead."""
    from sqlalchemy import select

    from feedback_app.extensions import db
    from feedback_app.models import Comment, ContactRequest, SafeguardingFlag
    from feedback_app.services import complaints, responses, surveys, users

    n = next(_people)
    with live_app.app_context():
        officer = users.create_user(
            email=f"reach-officer{n}@example.gov.uk",
            role="complaints_officer",
            password=PASSWORD,
            name=f"Olu Officer {n}",
        )
        lead = users.create_user(
            email=f"reach-lead{n}@example.gov.uk", role="safeguarding_lead", password=PASSWORD
        )
        survey = surveys.get_survey_by_slug("new_ehcp")
        version = surveys.current_version(survey)
        response = responses.start_draft(version).response
        questions = {question.key: question for question in version.questions}
        responses.save_answer(response, questions["comment"], DISCLOSURE)
        responses.save_consent(response, quote=False, contact=True)
        email = f"family.with.a.long.address.{n}@example-family-domain.co.uk"
        responses.save_contact(
            response, name=f"Perpetua Zanzibar {n}", email=email, phone="07700 900987"
        )
        assert responses.submit(response.id)
        request = db.session.scalar(
            select(ContactRequest).where(ContactRequest.response_id == response.id)
        )
        complaint = complaints.create_complaint(
            {
                "received_on": date(2025, 3, 3),
                "complainant_name": f"Quentin Marlowe {n}",
                "contact_email": f"quentin{n}@example.com",
                "summary": DISCLOSURE,
            }
        )
        flags = {
            comment.source: flag.id
            for flag, comment in db.session.execute(
                select(SafeguardingFlag, Comment).join(
                    Comment, SafeguardingFlag.comment_id == Comment.id
                )
            )
            if comment.source_id in (response.id, complaint.id)
        }
        return {
            "officer": officer.email,
            "lead": lead.email,
            "email": email,
            "request": request.id,
            "complaint": complaint.id,
            "reference": complaint.reference,
            "flags": flags,
        }


def test_an_officer_marks_a_family_as_contacted_without_javascript(
    js_disabled_page: Page, live_server: str, family: dict[str, Any]
) -> None:
    page = js_disabled_page
    sign_in_staff(page, live_server, family["officer"], PASSWORD)
    page.get_by_role("link", name="Families to contact").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Families who asked to be contacted")
    row = page.locator(f"#request-{family['request']}")
    expect(row).to_contain_text(family["email"])
    assert_no_horizontal_scroll(page)
    row.get_by_role("button", name="Mark as contacted").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Request {family['request']} is marked as contacted"
    )
    expect(page.locator(f"#request-{family['request']}")).to_have_count(0)
    page.goto(f"{live_server}/staff/contact-requests/?show=all")
    expect(page.locator(f"#request-{family['request']}")).to_contain_text("by Olu Officer")
    assert_no_horizontal_scroll(page)


def test_the_lead_sees_how_to_reach_the_family_and_the_officer_sees_the_flag(
    page: Page, live_server: str, family: dict[str, Any]
) -> None:
    sign_in_staff(page, live_server, family["lead"], PASSWORD)
    page.goto(f"{live_server}/staff/safeguarding/flags/{family['flags']['survey']}")
    expect(page.locator("main")).to_contain_text(family["email"])
    assert_accessible(page)
    page.goto(f"{live_server}/staff/safeguarding/flags/{family['flags']['complaint']}")
    expect(page.locator("main")).to_contain_text(family["reference"])
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in_staff(page, live_server, family["officer"], PASSWORD)
    # axe needs JavaScript, so the list is checked here rather than in the test above.
    page.goto(f"{live_server}/staff/contact-requests/?show=all")
    expect(page.locator(f"#request-{family['request']}")).to_contain_text(family["email"])
    assert_accessible(page)
    page.goto(f"{live_server}/staff/complaints/{family['complaint']}")
    expect(page.locator("#safeguarding-flag")).to_contain_text("raised with the safeguarding lead")
    assert_accessible(page)
