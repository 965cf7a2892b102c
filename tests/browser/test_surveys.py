"""The survey journey in Debian's Chromium on phone-sized screens, JavaScript on and off.

Lean on purpose: one journey per survey per JavaScript mode and width, and axe on
each distinct page type once (inside the first journey), including error states.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import PHONE_HEIGHT, format_violations

SURVEYS = [("new-ehcp", "parent"), ("annual-review", "young_person")]
CODE = re.compile(r"[3-9A-Z]{4}-[3-9A-Z]{4}-[3-9A-Z]{4}")
Check = Callable[[Page], None]


def _start_url(base: str, path: str, audience: str) -> str:
    return f"{base}/surveys/{path}" + ("/young-people" if audience == "young_person" else "")


def _press(page: Page, name: str) -> None:
    """Click a button and wait for the next page (htmx answers with HX-Redirect)."""
    before = page.url
    page.get_by_role("button", name=name, exact=True).first.click()
    page.wait_for_url(lambda url: url != before)
    page.wait_for_load_state("load")


def _answer_question(page: Page, audit: Check) -> None:
    if page.locator("textarea").count():
        page.locator("textarea").fill("We waited 30 weeks 😞 — شكرا — <b>not bold</b>")
    else:
        page.locator("input[type=radio]").nth(1).check()
    audit(page)
    _press(page, "Continue")


def _complete(page: Page, base: str, path: str, audience: str, audit: Check) -> None:
    page.goto(_start_url(base, path, audience))
    audit(page)
    _press(page, "Start now")
    while "/questions/" in page.url:
        _answer_question(page, audit)
    assert page.url.endswith("/your-words")
    page.locator("#quote_consent").check()  # yes
    page.locator("#contact_consent").check()  # yes
    audit(page)
    _press(page, "Continue")
    assert page.url.endswith("/contact-details")
    page.get_by_label("Email address").fill("parent@example.com")
    audit(page)
    _press(page, "Continue")
    assert page.url.endswith("/check-answers")
    expect(page.locator(".govuk-summary-list").first).to_contain_text("<b>not bold</b>")
    audit(page)
    _press(page, "Submit")
    expect(page.locator(".govuk-panel__title")).to_have_text("Thank you, we have your answers")
    audit(page)


def _auditor(axe_check: Callable[..., Any], no_horizontal_scroll: Check) -> Check:
    def audit(page: Page) -> None:
        violations = axe_check(page)
        assert violations == [], f"{page.url}\n{format_violations(violations)}"
        no_horizontal_scroll(page)

    return audit


@pytest.mark.parametrize(("path", "audience"), SURVEYS)
def test_journey_with_javascript(
    phone_page: Page,
    live_server: str,
    axe_check: Callable[..., Any],
    no_horizontal_scroll: Check,
    path: str,
    audience: str,
) -> None:
    """JavaScript on (htmx enhances), at 320 and 390 px; axe on every page of the first."""
    width = phone_page.viewport_size["width"] if phone_page.viewport_size else 0
    full_audit = width == 320 and path == "new-ehcp"
    audit = _auditor(axe_check, no_horizontal_scroll) if full_audit else no_horizontal_scroll
    _complete(phone_page, live_server, path, audience, audit)


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize(("path", "audience"), SURVEYS)
def test_journey_without_javascript(
    new_context: Callable[..., Any],
    live_server: str,
    no_horizontal_scroll: Check,
    path: str,
    audience: str,
    width: int,
) -> None:
    """JavaScript off: every step is a plain form POST and redirect."""
    context = new_context(
        java_script_enabled=False,
        viewport={"width": width, "height": PHONE_HEIGHT},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    _complete(page, live_server, path, audience, no_horizontal_scroll)


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_empty_answer_shows_error_summary(
    new_context: Callable[..., Any],
    live_server: str,
    axe_check: Callable[..., Any],
    no_horizontal_scroll: Check,
    javascript: bool,
) -> None:
    context = new_context(
        java_script_enabled=javascript,
        viewport={"width": 320, "height": PHONE_HEIGHT},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.goto(f"{live_server}/surveys/new-ehcp")
    _press(page, "Start now")
    page.get_by_role("button", name="Continue", exact=True).click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Select how much you agree with the statement")
    expect(page).to_have_title(re.compile(r"^Error: "))
    if javascript:
        # htmx swapped only the form: still the question's address, focus on the summary.
        assert page.url.endswith("/questions/involved")
        expect(summary).to_be_focused()
        # axe-core needs JavaScript (its run awaits timers), so it checks this state only;
        # the server-rendered error page is checked on the resume form.
        violations = axe_check(page)
        assert violations == [], format_violations(violations)
    no_horizontal_scroll(page)
    # Answering now moves on as usual.
    page.locator("input[type=radio]").first.check()
    _press(page, "Continue")
    assert page.url.endswith("/questions/aspirational")


def test_save_and_resume_in_another_browser(
    new_context: Callable[..., Any],
    live_server: str,
    axe_check: Callable[..., Any],
    no_horizontal_scroll: Check,
) -> None:
    audit = _auditor(axe_check, no_horizontal_scroll)
    phone = {"viewport": {"width": 320, "height": PHONE_HEIGHT}, "is_mobile": True}
    page = new_context(**phone).new_page()
    page.goto(f"{live_server}/surveys/annual-review")
    _press(page, "Start now")
    page.locator("input[type=radio]").nth(0).check()
    _press(page, "Continue")
    page.locator("input[type=radio]").nth(2).check()
    _press(page, "Save and come back later")
    assert page.url.endswith("/surveys/annual-review/saved")
    audit(page)
    code_text = page.locator(".app-resume-code").inner_text()
    code = CODE.search(code_text)
    assert code, code_text

    other = new_context(**phone).new_page()
    other.goto(f"{live_server}/surveys/resume")
    audit(other)
    other.get_by_label("Continue with a resume code").fill("WRONG-CODE-XXXX")
    _press_same_page(other, "Continue")
    expect(other).to_have_title(re.compile(r"^Error: "))
    audit(other)
    other.get_by_label("Continue with a resume code").fill(code.group(0).lower())
    _press(other, "Continue")
    assert other.url.endswith("/questions/right_agencies")
    other.goto(f"{live_server}/surveys/annual-review/questions/paperwork")
    expect(other.locator("input[type=radio]").nth(2)).to_be_checked()

    other.goto(f"{live_server}/surveys/resume/AAAA-BBBB-CCCC")
    expect(other.locator("h1")).to_have_text("We could not find your saved answers")
    audit(other)
    page.goto(f"{live_server}/surveys/annual-review/questions/paperwork")
    expect(page.locator("h1")).to_have_text("We could not find your answers in this browser")
    audit(page)


def _press_same_page(page: Page, name: str) -> None:
    """Click a button whose POST renders the same address again (a form error)."""
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).first.click()
