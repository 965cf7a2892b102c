"""An analyst reviews a comment in the browser, hides a name the redaction missed, then
sees how often analysts agree with the analyser; the pages are checked with axe."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import assert_accessible, sign_in_staff

PASSWORD = "browser-password-789"  # noqa: S105
_people = itertools.count(1)


@pytest.fixture
def analyst(live_app) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """An analyst and one comment to review, with a known suggestion."""
    from feedback_app.extensions import db
    from feedback_app.services import comments, users

    n = next(_people)
    with live_app.app_context():
        user = users.create_user(
            email=f"agreement{n}@example.gov.uk", role="analyst", password=PASSWORD
        )
        comment = comments.record_comment(
            source="compliment",
            source_id=80_000 + n,
            text="The transport escort is lovely with my son and bramble",
            received_on=date(2024, 5, 1),
        )
        assert comment is not None
        comment.machine_themes = ["transport"]
        comment.machine_sentiment = "positive"
        db.session.commit()
        return {"email": user.email, "comment": comment.id}


def test_a_review_shows_up_in_the_agreement_figures(
    page: Page, live_server: str, analyst: dict[str, Any]
) -> None:
    sign_in_staff(page, live_server, analyst["email"], PASSWORD)
    page.goto(f"{live_server}/staff/review/?source=compliment")
    card = page.locator(f"#comment-{analyst['comment']}")
    # The analyst keeps the suggested theme and adds one the analyser missed.
    card.get_by_label("How staff treated us").check()
    card.get_by_role("button", name=f"Save review of comment {analyst['comment']}").click()
    expect(card.get_by_role("status")).to_have_text(
        f"Review saved for comment {analyst['comment']}."
    )

    card.get_by_text("Why the analyser suggested this").click()
    assert_accessible(page)  # with the explanation open

    # Hiding words is on the comment's own page, so the queue's cards stay quick to render.
    card.get_by_role(
        "link", name=f"Hide personal data the redaction missed in comment {analyst['comment']}"
    ).click()
    page.wait_for_url(f"{live_server}/staff/review/comments/{analyst['comment']}")
    card = page.locator(f"#comment-{analyst['comment']}")
    assert_accessible(page)
    card.get_by_label("Words to hide").fill("bramble")
    card.get_by_label("What they are").select_option("name")
    page.evaluate("window.sameDocument = true")
    card.get_by_role("button", name=f"Hide these words in comment {analyst['comment']}").click()
    expect(card.get_by_role("status")).to_contain_text("The words are hidden")
    expect(card.locator("blockquote")).to_have_text(
        "The transport escort is lovely with my son and [name]"
    )
    assert page.evaluate("window.sameDocument === true")  # swapped in place

    page.goto(f"{live_server}/staff/review/?status=corrected")
    page.get_by_role("link", name="How often analysts agree with the analyser").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How often analysts agree with the analyser"
    )
    assert_accessible(page)
    summary = page.locator(".govuk-summary-list")
    expect(summary).to_contain_text("Suggested themes analysts kept")
    staff_row = page.locator("tbody tr", has_text="How staff treated us")
    expect(staff_row.locator("td").nth(2)).to_have_text("1")  # added by the analyst
