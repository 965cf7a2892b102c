"""The complaints officer's journey in a real browser, with and without JavaScript."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import assert_accessible, sign_in_staff

PASSWORD = "browser-password-123"
_emails = itertools.count(1)


@pytest.fixture
def officer(live_app) -> str:  # type: ignore[no-untyped-def]
    """A complaints officer in the live server's database; returns the email."""
    from feedback_app.services import users

    email = f"officer{next(_emails)}@example.gov.uk"
    with live_app.app_context():
        users.create_user(
            email=email, role="complaints_officer", password=PASSWORD, name="Chris Officer"
        )
    return email


def sign_in(page: Page, base: str, email: str) -> None:
    sign_in_staff(page, base, email, PASSWORD)


def fill_date(page: Page, day: date) -> None:
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))


def test_officer_logs_splits_decides_and_follows_up(
    page: Page, live_server: str, officer: str
) -> None:
    sign_in(page, live_server, officer)
    page.goto(f"{live_server}/staff/complaints/new")
    assert_accessible(page)
    page.get_by_role("button", name="Save complaint").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the date the complaint was received"
    )
    assert_accessible(page)
    fill_date(page, date.today() - timedelta(days=2))
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("Complainant's name").fill("Robin Parent")
    page.get_by_label("Email address (optional)").fill("robin@example.com")
    page.get_by_label("Parent or carer").check()
    page.get_by_label("What the complaint is about").fill(
        "Nobody returned my calls for three weeks, and the final plan came at 31 weeks."
    )
    page.get_by_role("button", name="Save complaint").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Complaint CMP-")
    complaint_url = page.url
    assert_accessible(page)

    for summary, theme, outcome in [
        ("Calls not returned", "Communication", "Upheld"),
        ("Plan issued late", "Timeliness and delays", "Pending"),
    ]:
        page.get_by_role("link", name="Add a point").click()
        assert_accessible(page)
        page.get_by_label("What this point is about").fill(summary)
        page.get_by_label(theme, exact=True).check()
        page.get_by_label(outcome, exact=True).check()
        page.get_by_role("button", name="Save point").click()
        expect(page.get_by_text(summary)).to_be_visible()
    page.get_by_role("link", name="Change point 2").click()
    page.get_by_label("Partially upheld", exact=True).check()
    page.get_by_role("button", name="Save point").click()
    expect(page.locator("#main-content .app-outcome")).to_have_text(["Upheld", "Partially upheld"])

    page.get_by_role("link", name="Add an action for point 1").click()
    assert_accessible(page)
    page.get_by_label("What will be done").fill(
        "Weekly phone surgery for caseworkers to return calls"
    )
    page.get_by_label("Team or service").fill("SEND casework")
    page.get_by_label("Owner", exact=True).fill("Team manager")
    fill_date(page, date.today() + timedelta(days=28))
    page.get_by_label("A candidate for").check()
    page.get_by_role("button", name="Save action").click()
    expect(page.locator(".app-action .govuk-tag--purple")).to_have_text("You said, we did")

    page.get_by_role("link", name="Mark as done").click()
    assert_accessible(page)
    fill_date(page, date.today())
    page.get_by_label("Evidence it was done").fill(
        "Phone surgery timetable published on the Local Offer"
    )
    page.get_by_role("button", name="Mark as done").click()
    expect(page.get_by_text("Evidence: Phone surgery timetable")).to_be_visible()
    assert page.url.startswith(complaint_url)

    for path in [
        "/staff/complaints/",
        "/staff/complaints/actions",
        "/staff/complaints/compliments",
        "/staff/complaints/compliments/new",
        "/staff/complaints/report",
        complaint_url.replace(live_server, "") + "/acknowledge",
        complaint_url.replace(live_server, "") + "/extend",
        "/complaints/",
    ]:
        page.goto(live_server + path)
        assert_accessible(page)


def _seed_two(live_app) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    from feedback_app.services import complaint_points, complaints

    with live_app.app_context():
        made = []
        for theme in ("transport", "health"):
            complaint = complaints.create_complaint(
                {
                    "received_on": date.today(),
                    "channel": "email",
                    "stage": "1",
                    "complainant_name": "Filter Test",
                    "relationship_to_child": "parent_carer",
                    "summary": "Queue filter test",
                }
            )
            complaint_points.add_point(complaint, theme=theme, summary="x", outcome="pending")
            made.append(complaint.reference)
        return made[0], made[1]


def test_queue_filters_in_place_with_javascript(
    page: Page, live_server: str, live_app, officer: str
) -> None:
    transport, health = _seed_two(live_app)
    sign_in(page, live_server, officer)
    page.goto(f"{live_server}/staff/complaints/")
    assert_accessible(page)
    page.wait_for_function("() => window.htmx !== undefined")
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url) if "/staff/complaints/" in r.url else None)
    # Choosing options (as arrow keys in a select do) sends nothing until Apply.
    page.get_by_label("Theme").select_option("health")
    page.get_by_label("Theme").select_option("transport")
    page.wait_for_timeout(300)
    assert sent == []
    with page.expect_response(
        lambda r: "theme=transport" in r.url and r.request.headers.get("hx-request") == "true"
    ):
        page.get_by_role("button", name="Apply filters").press("Enter")
    expect(page.locator("#queue-table")).to_contain_text(transport)
    expect(page.locator("#queue-table")).not_to_contain_text(health)
    assert "theme=transport" in page.url  # hx-push-url keeps the address shareable
    assert_accessible(page)


def test_queue_filters_without_javascript(
    js_disabled_page: Page, live_server: str, live_app, officer: str
) -> None:
    page = js_disabled_page
    transport, health = _seed_two(live_app)
    sign_in(page, live_server, officer)
    page.goto(f"{live_server}/staff/complaints/")
    page.get_by_label("Theme").select_option("health")
    # Submitted from the keyboard: at 320 px the uncompiled app- styles leave the queue
    # table wider than the screen (see the report), and a pointer click is intercepted.
    page.get_by_role("button", name="Apply filters").press("Enter")
    assert "theme=health" in page.url
    expect(page.locator("#queue-table")).to_contain_text(health)
    expect(page.locator("#queue-table")).not_to_contain_text(transport)


def test_paging_the_queue_with_javascript_keeps_focus_on_the_list(
    page: Page, live_server: str, live_app, officer: str
) -> None:
    from feedback_app.services import complaints

    with live_app.app_context():
        for number in range(26):  # more than a page of 25
            complaints.create_complaint(
                {
                    "received_on": date.today(),
                    "channel": "email",
                    "stage": "1",
                    "complainant_name": "Paging Test",
                    "relationship_to_child": "parent_carer",
                    "summary": f"Queue paging test {number}",
                }
            )
    sign_in(page, live_server, officer)
    page.goto(f"{live_server}/staff/complaints/")
    page.wait_for_function("() => window.htmx !== undefined")
    next_link = page.get_by_role("link", name="Next page")
    next_link.focus()
    with page.expect_response(lambda r: "page=2" in r.url):
        page.keyboard.press("Enter")
    expect(page.locator("#queue-summary")).to_be_focused()
    assert "page=2" in page.url
    expect(page).to_have_title(re.compile(r"^Complaints \(page 2 of \d+\) – "))
    assert_accessible(page)


def test_back_after_filtering_and_paging_shows_the_filters_of_the_list(
    page: Page, live_server: str, live_app, officer: str
) -> None:
    from feedback_app.services import complaint_points, complaints

    with live_app.app_context():
        for number in range(26):  # more than a page of 25
            complaint = complaints.create_complaint(
                {
                    "received_on": date.today(),
                    "channel": "email",
                    "stage": "1",
                    "complainant_name": "History Test",
                    "relationship_to_child": "parent_carer",
                    "summary": f"Queue history test {number}",
                }
            )
            complaint_points.add_point(complaint, theme="transport", summary="x", outcome="pending")
    sign_in(page, live_server, officer)
    page.goto(f"{live_server}/staff/complaints/")
    page.wait_for_function("() => window.htmx !== undefined")
    page.get_by_label("Theme").select_option("transport")
    page.get_by_label("Status").select_option(label="All, including closed")
    with page.expect_response(lambda r: "theme=transport" in r.url):
        page.get_by_role("button", name="Apply filters").press("Enter")
    expect(page.locator("#queue-summary")).to_be_focused()
    with page.expect_response(lambda r: "page=2" in r.url):
        page.get_by_role("link", name="Next page").click()
    assert "status=all" in page.url and "theme=transport" in page.url
    expect(page.get_by_label("Theme")).to_have_value("transport")

    page.go_back()
    page.wait_for_url(re.compile(r"theme=transport(?!.*page=2)"))
    expect(page.get_by_label("Theme")).to_have_value("transport")
    expect(page.get_by_label("Status")).to_have_value("all")
    expect(page.locator(".govuk-pagination")).to_contain_text("Page 1 of")

    page.go_back()  # the queue before filtering
    page.wait_for_url(re.compile(r"/staff/complaints/$"))
    expect(page.get_by_label("Theme")).to_have_value("")
    expect(page.get_by_label("Status")).to_have_value("open")
