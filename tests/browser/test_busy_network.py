"""An answer refused because many people answer from one network keeps what was typed.

htmx swaps only successful responses: a refused answer sent by htmx must come back as
one, or the pupil sees nothing happen. Runs its own server, with an answer limit of
one a minute, so the second answer is refused.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask_migrate import upgrade
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from feedback_app import create_app
from feedback_app.extensions import limiter
from tests.support.browser import PHONE_HEIGHT, format_violations

REPO_ROOT = Path(__file__).resolve().parents[2]
TYPED = "The SENCO listened to me and my mum. Thank you!"


@pytest.fixture
def busy_server(tmp_path: Path) -> Iterator[str]:
    """A server whose survey pages accept one answer a minute from an address."""
    app = create_app(
        "testing",
        {
            "TESTING": True,
            "SECRET_KEY": "browser-tests-secret-key",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'busy.sqlite3'}",
            "WTF_CSRF_ENABLED": True,
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": "memory://",
            "RATELIMIT_SURVEY_ANSWER": "1 per minute",
            "RATELIMIT_PUBLIC_POST": "1 per minute",
        },
    )
    with app.app_context():
        upgrade(directory=str(REPO_ROOT / "migrations"), revision="heads")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="busy-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        # The limiter is one object for every app: leave it as the other tests' app set it.
        limiter.reset()
        limiter.enabled = False


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_a_refused_comment_stays_in_its_box_with_a_message(
    new_context: Callable[..., Any],
    busy_server: str,
    axe_check: Callable[..., Any],
    javascript: bool,
) -> None:
    context = new_context(
        java_script_enabled=javascript,
        viewport={"width": 320, "height": PHONE_HEIGHT},
        is_mobile=True,
        has_touch=True,
    )
    page: Page = context.new_page()
    page.goto(f"{busy_server}/surveys/new-ehcp")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url(re.compile(r"/questions/involved$"))
    page.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="Continue", exact=True).click()
    page.wait_for_url(re.compile(r"/questions/aspirational$"))

    page.goto(f"{busy_server}/surveys/new-ehcp/questions/comment")
    page.locator("textarea").fill(TYPED)
    page.get_by_role("button", name="Continue", exact=True).click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Your answer is not saved yet")
    expect(page.locator("textarea")).to_have_value(TYPED)
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert page.url.endswith("/questions/comment")
    if javascript:
        expect(summary).to_be_focused()
        violations = axe_check(page)
        assert violations == [], format_violations(violations)
