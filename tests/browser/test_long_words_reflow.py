"""Long web addresses and unbroken words that people type wrap at 320 px (WCAG 1.4.10).

A pasted link in a "you said, we did" entry, a milestone typed without spaces, a
complaint or a comment holding a long address: none of them may push a page sideways,
public or staff.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.support.browser import assert_accessible, assert_no_horizontal_scroll, sign_in_staff

PASSWORD = "long-words-password-123"  # noqa: S105
EMAIL = "long-words-admin@example.gov.uk"
# About 110 characters, as the tester pasted.
URL = (
    "https://localoffer.example.gov.uk/send/education-health-care-plans/annual-reviews/"
    "guidance-for-parents-and-carers-2024"
)
UNBROKEN = "Publish-the-new-annual-review-guidance-" * 12  # one "word" of about 470 characters


@pytest.fixture(scope="module")
def seeded(live_app: Any) -> dict[str, int]:
    """An entry, a milestone, a complaint, a compliment and a comment, each with long words."""
    from sqlalchemy import select

    from feedback_app.extensions import db
    from feedback_app.models import Comment, CommentTheme, Survey
    from feedback_app.services import (
        complaint_points,
        complaints,
        compliments,
        improvements,
        users,
    )

    with live_app.app_context():
        if users.find_by_email(EMAIL) is None:
            users.create_user(email=EMAIL, role="admin", password=PASSWORD, name="Long Words")
        entry = improvements.create_entry(
            improvements.EntryInput(
                theme="information",
                title="Guidance at " + URL[:60],
                you_said=f"We could not find the guidance at {URL}",
                we_did=f"We published the guidance at {URL}",
                service="Local Offer team",
                status="in_progress",
                started_on=date(2024, 4, 1),
            )
        )
        milestone = improvements.add_milestone(entry, UNBROKEN, date(2025, 3, 31), None)
        complaint = complaints.create_complaint(
            {
                "received_on": date(2024, 4, 3),
                "channel": "email",
                "stage": "1",
                "complainant_name": "Sam Longwords",
                "relationship_to_child": "parent_carer",
                "summary": f"The letter pointed us to {URL} which did not work. {UNBROKEN}",
            }
        )
        point = complaint_points.add_point(
            complaint, theme="information", summary=f"Broken link {URL}", outcome="upheld"
        )
        complaint_points.add_action(
            point, {"description": f"Fix the link {URL}", "due_on": date(2024, 6, 1)}
        )
        compliments.create_compliment(
            {
                "received_on": date(2024, 6, 2),
                "theme": "information",
                "team": "Local Offer team",
                "person_praised": "",
                "summary": f"The new page {URL} answered everything",
            }
        )
        survey = db.session.scalars(select(Survey).where(Survey.slug == "new_ehcp")).one()
        comment = Comment(
            source="survey",
            source_id=9_000_001,
            survey_id=survey.id,
            received_on=date(2024, 6, 1),
            text=f"Nobody told us about {URL} {UNBROKEN}",
            redacted=f"Nobody told us about {URL} {UNBROKEN}",
            quote_consent=True,
            machine_themes=["information"],
            machine_sentiment="negative",
            analysed_at=datetime.now(UTC),
        )
        comment.themes = [CommentTheme(theme="information", sentiment="negative")]
        db.session.add(comment)
        db.session.commit()
        return {
            "entry": entry.id,
            "milestone": milestone.id,
            "complaint": complaint.id,
            "comment": comment.id,
        }


@pytest.mark.parametrize("phone_page", [320], indirect=True)
def test_long_words_wrap_on_public_and_staff_pages(
    phone_page: Page, live_server: str, seeded: dict[str, int]
) -> None:
    ids = seeded
    entry, milestone = ids["entry"], ids["milestone"]
    problems: list[str] = []

    def check(path: str) -> None:
        phone_page.goto(f"{live_server}{path}")
        assert phone_page.locator("h1").count() == 1, path
        try:
            assert_no_horizontal_scroll(phone_page)
        except AssertionError as error:
            problems.append(str(error))

    check("/you-said-we-did")
    sign_in_staff(phone_page, live_server, EMAIL, PASSWORD)
    for path in [
        f"/staff/publishing/improvements/{entry}",
        f"/staff/publishing/improvements/{entry}/milestones/{milestone}",
        f"/staff/publishing/improvements/{entry}/milestones/{milestone}/remove",
        "/staff/publishing/evidence-pack?period=2024-25",
        f"/staff/complaints/{ids['complaint']}",
        f"/staff/review/comments/{ids['comment']}",
    ]:
        check(path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("phone_page", [320], indirect=True)
def test_the_new_confirmation_and_change_pages_pass_axe(
    phone_page: Page, live_server: str, live_app: Any, seeded: dict[str, int]
) -> None:
    from feedback_app.services import users

    ids = seeded
    with live_app.app_context():
        other = users.find_by_email("leaver@example.gov.uk") or users.create_user(
            email="leaver@example.gov.uk", role="analyst", password=PASSWORD
        )
        other_id = other.id
    entry, milestone = ids["entry"], ids["milestone"]
    sign_in_staff(phone_page, live_server, EMAIL, PASSWORD)
    for path in [
        f"/staff/publishing/improvements/{entry}",
        f"/staff/publishing/improvements/{entry}/milestones/{milestone}",
        f"/staff/publishing/improvements/{entry}/milestones/{milestone}/remove",
        f"/staff/admin/users/{other_id}/deactivate",
    ]:
        phone_page.goto(f"{live_server}{path}")
        assert_accessible(phone_page)
        assert_no_horizontal_scroll(phone_page)
