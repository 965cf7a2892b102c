"""Staff pages at 320 px: wide tables scroll in their own box, not the page (WCAG 1.4.10)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.support.browser import assert_no_horizontal_scroll, sign_in_staff

PASSWORD = "browser-password-123"
EMAIL = "reflow-admin-with-a-long-address@example.gov.uk"

# Pages holding tables with several columns, and one complaint's page (added below).
STAFF_PAGES = [
    "/staff/admin/users",
    "/staff/admin/audit",
    "/staff/admin/themes",
    "/staff/complaints/",
    "/staff/complaints/actions",
    "/staff/complaints/compliments",
    "/staff/review/agreement",
    "/staff/safeguarding/?show=all",
    "/staff/publishing/improvements",
]


def _seed(live_app: Any) -> int:
    """An admin, and a complaint with an overdue action and a compliment, so tables have rows."""
    from feedback_app.services import complaint_points, complaints, compliments, users

    with live_app.app_context():
        if users.find_by_email(EMAIL) is None:
            users.create_user(email=EMAIL, role="admin", password=PASSWORD, name="Reflow Admin")
        complaint = complaints.create_complaint(
            {
                "received_on": date(2024, 4, 3),
                "channel": "email",
                "stage": "1",
                "complainant_name": "Reflow Test",
                "relationship_to_child": "parent_carer",
                "summary": "Transport was late every day for a term",
            }
        )
        point = complaint_points.add_point(
            complaint, theme="transport", summary="Late bus", outcome="upheld"
        )
        complaint_points.add_action(
            point,
            {"description": "Agree a new route with the operator", "due_on": date(2024, 6, 1)},
        )
        compliments.create_compliment(
            {
                "received_on": date(2024, 6, 2),
                "theme": "communication",
                "team": "SEND team",
                "person_praised": "",
                "summary": "The caseworker rang back the same day",
            }
        )
        return int(complaint.id)


@pytest.mark.parametrize("phone_page", [320], indirect=True)
def test_staff_pages_do_not_scroll_sideways_on_a_phone(
    phone_page: Page, live_server: str, live_app: Any
) -> None:
    complaint_id = _seed(live_app)
    sign_in_staff(phone_page, live_server, EMAIL, PASSWORD)
    for path in [*STAFF_PAGES, f"/staff/complaints/{complaint_id}"]:
        phone_page.goto(f"{live_server}{path}")
        assert phone_page.locator("h1").count() == 1, path
        try:
            assert_no_horizontal_scroll(phone_page)
        except AssertionError as error:
            raise AssertionError(f"{path}: {error}") from error
