"""Safeguarding in a real browser: an analyst raises a missed disclosure, the lead decides.

With JavaScript the analyst's card is swapped in place (htmx); without it, the lead's
form posts and redirects. Every page is checked with axe.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import assert_accessible, sign_in_staff

PASSWORD = "browser-password-456"  # noqa: S105
_people = itertools.count(1)
# Worrying, in words neither the rules nor the learned model flag.
MISSED = "He comes back from weekends at his uncle quiet and will not say why"


@pytest.fixture
def people(live_app) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """An analyst, a safeguarding lead and a comment the analyser did not flag."""
    from feedback_app.extensions import db
    from feedback_app.services import comments, users

    n = next(_people)
    with live_app.app_context():
        analyst = users.create_user(
            email=f"reviewer{n}@example.gov.uk", role="analyst", password=PASSWORD
        )
        lead = users.create_user(
            email=f"lead{n}@example.gov.uk", role="safeguarding_lead", password=PASSWORD
        )
        comment = comments.record_comment(
            source="complaint", source_id=90_000 + n, text=MISSED, received_on=date(2024, 5, 1)
        )
        db.session.commit()
        assert comment is not None and not comment.safeguarding
        return {"analyst": analyst.email, "lead": lead.email, "comment": comment.id}


def sign_in(page: Page, base: str, email: str) -> None:
    sign_in_staff(page, base, email, PASSWORD)


def test_analyst_raises_a_comment_in_place_and_the_lead_sees_it(
    page: Page,
    live_server: str,
    people: dict[str, Any],
) -> None:
    sign_in(page, live_server, people["analyst"])
    # Found by its words: other browser tests add complaints to the same database, which
    # can push it off the first page.
    page.goto(f"{live_server}/staff/review/?source=complaint&words=uncle+quiet")
    assert_accessible(page)
    card = page.locator(f"#comment-{people['comment']}")
    card.get_by_text("This comment may disclose a risk of harm").click()
    assert_accessible(page)  # with the details open
    page.evaluate("window.sameDocument = true")
    card.get_by_role("button", name="Raise with the safeguarding lead").click()
    status = page.locator(f"#comment-{people['comment']} [role=status]")
    expect(status).to_contain_text("raised with the safeguarding lead")
    expect(status).to_be_focused()  # the button pressed is gone; focus is on what happened
    assert page.evaluate("window.sameDocument === true")  # swapped in place, no page load

    page.context.clear_cookies()
    sign_in(page, live_server, people["lead"])
    page.goto(f"{live_server}/staff/safeguarding/")
    assert_accessible(page)
    row = page.locator("tbody tr", has_text="An analyst reading the comment")
    expect(row.first).to_be_visible()


def test_lead_decides_without_javascript(
    js_disabled_page: Page,
    live_server: str,
    live_app,  # type: ignore[no-untyped-def]
    people: dict[str, Any],
) -> None:
    from feedback_app.extensions import db
    from feedback_app.models import Comment, SafeguardingFlag
    from feedback_app.services import comments_safeguarding

    with live_app.app_context():
        comment = db.session.get(Comment, people["comment"])
        flag = comments_safeguarding.refer_to_safeguarding_lead(comment)
        db.session.commit()
        flag_id = flag.id
    page = js_disabled_page
    sign_in(page, live_server, people["lead"])
    page.goto(f"{live_server}/staff/safeguarding/flags/{flag_id}")
    expect(page.get_by_text(MISSED)).to_be_visible()
    # Closing without a decision is refused, with the error linked from the summary.
    page.get_by_label("Closed: action taken or no concern").check()
    page.get_by_label("What was done").fill("Spoke to the family and the school")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select whether this is a safeguarding concern before closing it"
    )
    expect(page.get_by_label("What was done")).to_have_value("Spoke to the family and the school")
    page.get_by_label("No: it is not a safeguarding concern").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{live_server}/staff/safeguarding/")
    with live_app.app_context():
        stored = db.session.get(SafeguardingFlag, flag_id)
        assert (stored.status, stored.concern) == ("closed", "no_concern")
        assert not db.session.get(Comment, people["comment"]).safeguarding
