"""An admin checks new rules for a theme in the browser before saving; checked with axe."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import assert_accessible, sign_in_staff

PASSWORD = "browser-password-321"  # noqa: S105


@pytest.fixture
def admin(live_app) -> str:  # type: ignore[no-untyped-def]
    """An admin, and a reviewed comment that the transport rules in use miss."""
    from feedback_app.extensions import db
    from feedback_app.services import comments, users

    with live_app.app_context():
        user = users.create_user(
            email="rules.check@example.gov.uk", role="admin", password=PASSWORD
        )
        comment = comments.record_comment(
            source="survey",
            source_id=81_001,
            text="The zebra crossing by the gates has no lollipop person",
            received_on=date(2024, 5, 1),
        )
        assert comment is not None
        comments.label_comment(comment, themes=["transport"], sentiment="negative", user=None)
        db.session.commit()
        return user.email


def test_an_admin_checks_new_rules_and_nothing_is_saved(
    page: Page, live_server: str, admin: str
) -> None:
    sign_in_staff(page, live_server, admin, PASSWORD)
    page.goto(f"{live_server}/staff/admin/themes/transport")
    rules = page.get_by_role("textbox", name="Rules")
    rules.fill(rules.input_value() + "\nlollipop")
    page.get_by_role("button", name="Check what these rules would change").click()

    section = page.locator("#rules-check")
    expect(section.get_by_role("heading", name="What these rules would change")).to_be_visible()
    expect(section).to_contain_text("Nothing has been saved")
    expect(section).to_contain_text("would gain this theme")
    section.get_by_text("Comments that would gain this theme").click()
    expect(section).to_contain_text("no lollipop person")
    assert_accessible(page)
    # The rules typed are still in the box, ready to save.
    assert page.get_by_role("textbox", name="Rules").input_value().endswith("lollipop")

    page.goto(f"{live_server}/staff/admin/themes/transport")
    assert "lollipop" not in page.get_by_role("textbox", name="Rules").input_value()
