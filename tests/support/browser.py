"""Helpers for the browser tests: Debian's Chromium, axe-core and layout checks.

The fixtures in tests/browser/conftest.py wrap these; they live here so a test
can also import them directly (conftest modules should not be imported).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPO_ROOT = Path(__file__).resolve().parents[2]

# Playwright cannot download its own browsers here, so we drive Debian's.
CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox will not start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # No calls home: the machine has no network beyond the package registries,
    # and a stalled background request only makes tests slow and flaky.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA, the standard public-sector websites are held to, and every
# level below it.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Phone widths we promise to work at: 320 px is the WCAG reflow width (and the
# smallest phones), 390 px a common current phone.
PHONE_WIDTHS = [320, 390]
PHONE_HEIGHT = 800


def in_ci() -> bool:
    """Say whether we run under CI, where a missing browser must fail, not skip."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def run_axe(page: Page, tags: list[str] | None = None) -> list[dict[str, Any]]:
    """Run axe-core on the page and return its violations (empty when it passes).

    The script is evaluated through the DevTools protocol rather than added as
    a <script> tag, so the app's strict Content-Security-Policy (no inline
    script) does not block it and we need not weaken the CSP for tests.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_PATH.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": tags or AXE_TAGS}}
    violations: list[dict[str, Any]] = page.evaluate(
        "async (options) => (await axe.run(document, options)).violations", options
    )
    return violations


def format_violations(violations: list[dict[str, Any]]) -> str:
    """Describe violations in a few lines each: rule, impact, help URL and targets."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation.get('impact')}): {violation['help']}"
            f" - {violation.get('helpUrl', '')}"
        )
        for node in violation.get("nodes", []):
            lines.append(f"    at {node.get('target')}: {node.get('failureSummary', '')}")
    return "\n".join(lines)


def assert_no_horizontal_scroll(page: Page) -> None:
    """Fail if the page is wider than the viewport (WCAG 1.4.10 Reflow).

    Compares with the root element's clientWidth, not window.innerWidth: on a
    phone (is_mobile) Chromium zooms out to fit wide content, and innerWidth
    grows with it, so a 600 px table on a 320 px phone would pass.
    """
    scroll_width, viewport_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= viewport_width, (
        f"{page.url} scrolls sideways: content is {scroll_width}px wide"
        f" in a {viewport_width}px viewport"
    )


def sign_in_staff(page: Page, base: str, email: str, password: str) -> None:
    """Sign in through the real form and wait for the staff area."""
    page.goto(f"{base}/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/staff/**")


def assert_accessible(page: Page) -> None:
    """Fail, naming each problem, if axe finds a WCAG 2.2 AA violation on the page."""
    violations = run_axe(page)
    assert violations == [], f"{page.url}: {format_violations(violations)}"
