"""Fixtures for the browser tests: Debian's Chromium, a live app, axe-core, phones.

Fixtures (see each docstring):
  browser_type_launch_args  pytest-playwright's launch options, pointed at /usr/bin/chromium
  live_app                  the Flask app behind live_server (session), for seeding data
  live_server               base URL of the app served on 127.0.0.1 (session)
  axe_check(page)           axe-core's WCAG 2.2 AA violations on the page, [] when clean
  phone_page                a page in a phone-sized context, 320 and 390 px wide
  js_disabled_page          a page with JavaScript off, 320 px wide
  no_horizontal_scroll(page) asserts the page does not scroll sideways

The app is imported only inside the fixtures that need it, so a browser test
that does not use the live server runs even while the app does not import.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.browser import (
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    PHONE_HEIGHT,
    PHONE_WIDTHS,
    REPO_ROOT,
    assert_no_horizontal_scroll,
    in_ci,
    run_axe,
)

if TYPE_CHECKING:
    from flask import Flask
    from playwright.sync_api import Page

BROWSER_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder `browser`, so `-m "not browser"` skips them all."""
    for item in items:
        if BROWSER_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium; skip without it, except under CI where it must run."""
    if not CHROMIUM_PATH.exists():
        message = f"{CHROMIUM_PATH} is missing; `make install-test-deps` installs it"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM_PATH),
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The app the live server runs: a fresh, migrated SQLite file with CSRF on.

    Use ``with live_app.app_context():`` to add data a test needs (staff users,
    responses) before driving the browser.
    """
    from flask_migrate import upgrade

    from feedback_app import create_app

    database = tmp_path_factory.mktemp("live-server") / "live.sqlite3"
    app = create_app(
        "testing",
        {
            "TESTING": True,
            "SECRET_KEY": "browser-tests-secret-key",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            # The browser posts real forms, so CSRF stays on as in production.
            "WTF_CSRF_ENABLED": True,
            "RATELIMIT_ENABLED": False,
        },
    )
    with app.app_context():
        upgrade(directory=str(REPO_ROOT / "migrations"), revision="heads")
    return app


@pytest.fixture(scope="session")
def live_server(live_app: Flask) -> Iterator[str]:
    """Serve the app on 127.0.0.1 from a background thread; yield its base URL.

    Port 0 lets the OS pick a free port, so each pytest-xdist worker gets its
    own server without clashing. threaded=True because a page load fetches
    CSS, JS and images at once.
    """
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture
def axe_check() -> Callable[..., list[dict[str, Any]]]:
    """Return ``axe_check(page, tags=None)``: axe-core's violations for the page.

    Assert the result is empty, with a readable message::

        violations = axe_check(page)
        assert violations == [], format_violations(violations)

    (``format_violations`` is in tests.support.browser.)
    """
    return run_axe


@pytest.fixture(params=PHONE_WIDTHS, ids=[f"{width}px" for width in PHONE_WIDTHS])
def phone_page(request: pytest.FixtureRequest, new_context: Callable[..., Any]) -> Page:
    """A page on a phone: each test runs at 320 and 390 px wide, 800 px high.

    To pick one width: ``@pytest.mark.parametrize("phone_page", [320], indirect=True)``.
    is_mobile makes Chromium honour the meta viewport tag as a phone does.
    """
    width = int(request.param)
    context = new_context(
        viewport={"width": width, "height": PHONE_HEIGHT}, is_mobile=True, has_touch=True
    )
    page: Page = context.new_page()
    return page


@pytest.fixture
def js_disabled_page(new_context: Callable[..., Any]) -> Page:
    """A page with JavaScript switched off, at the narrowest phone width (320 px).

    Every journey must work like this: htmx and govuk-frontend's JS only enhance.
    """
    context = new_context(
        java_script_enabled=False,
        viewport={"width": PHONE_WIDTHS[0], "height": PHONE_HEIGHT},
        is_mobile=True,
        has_touch=True,
    )
    page: Page = context.new_page()
    return page


@pytest.fixture
def no_horizontal_scroll() -> Callable[[Page], None]:
    """Return ``no_horizontal_scroll(page)``, which fails if the page scrolls sideways."""
    return assert_no_horizontal_scroll
