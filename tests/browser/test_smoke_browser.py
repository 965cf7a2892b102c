"""Prove the browser tooling works: Debian's Chromium starts and axe-core runs.

These need no app, so when they fail the fault is in the test set-up
(Chromium, Playwright, node_modules), not in the service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.support.browser import format_violations

CLEAN_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Smoke test</title></head>
<body><main><h1>Hello</h1></main></body>
</html>"""

# Served with the same kind of policy the app sends: no inline script at all.
CSP = "default-src 'self'; script-src 'self'"
STRICT_CSP_PAGE = CLEAN_PAGE.replace(
    "<title>", f'<meta http-equiv="Content-Security-Policy" content="{CSP}"><title>'
)


def test_axe_finds_no_violations_on_a_clean_page(
    phone_page: Page,
    axe_check: Callable[[Page], list[dict[str, Any]]],
    no_horizontal_scroll: Callable[[Page], None],
) -> None:
    phone_page.set_content(CLEAN_PAGE)
    violations = axe_check(phone_page)
    assert violations == [], format_violations(violations)
    no_horizontal_scroll(phone_page)


@pytest.mark.parametrize("phone_page", [320], indirect=True)
def test_axe_reports_a_missing_label_and_runs_under_a_strict_csp(
    phone_page: Page, axe_check: Callable[[Page], list[dict[str, Any]]]
) -> None:
    # A check that can only pass is no check: a bare input must be reported,
    # even on a page whose CSP forbids inline script.
    phone_page.set_content(STRICT_CSP_PAGE.replace("</h1>", '</h1><input type="text">'))
    ids = {violation["id"] for violation in axe_check(phone_page)}
    assert "label" in ids


def test_wide_content_is_caught_on_a_phone(
    phone_page: Page, no_horizontal_scroll: Callable[[Page], None]
) -> None:
    phone_page.set_content(CLEAN_PAGE.replace("</h1>", '</h1><div style="width:600px">x</div>'))
    with pytest.raises(AssertionError, match="scrolls sideways"):
        no_horizontal_scroll(phone_page)


def test_javascript_can_be_switched_off(js_disabled_page: Page) -> None:
    js_disabled_page.set_content(
        CLEAN_PAGE.replace("</main>", "</main><script>document.title = 'ran'</script>")
    )
    assert js_disabled_page.title() == "Smoke test"
