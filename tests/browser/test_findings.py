"""Findings and "you said, we did" in a real browser: 320 px, JavaScript off, axe clean."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Page

from tests.support.browser import format_violations

PASSWORD = "browser-password-2024"  # noqa: S105


@pytest.fixture(scope="module")
def published(live_app: Flask) -> dict[str, int]:
    """A published 2023-24 release with a quote, an entry, and staff users."""
    from sqlalchemy import select

    from feedback_app.extensions import db
    from feedback_app.models import (
        Answer,
        Comment,
        CommentTheme,
        Release,
        Response,
        Survey,
        SurveyVersion,
        User,
    )
    from feedback_app.services import improvements, releases, releases_quotes, users

    with live_app.app_context():
        existing = db.session.scalars(select(Release)).first()
        if existing is not None:
            return {"release": existing.id}
        survey = db.session.scalars(select(Survey).where(Survey.slug == "new_ehcp")).one()
        version = db.session.scalars(
            select(SurveyVersion).where(SurveyVersion.survey_id == survey.id)
        ).first()
        for i in range(30):
            value = ["agree", "strongly_agree", "disagree", "neither"][i % 4]
            r = Response(
                survey_id=survey.id,
                version_id=version.id,
                status="submitted",
                submitted_on=date(2023, 5, 1 + i % 28),
                channel="import",
            )
            r.answers = [
                Answer(question_key=k, value=value)
                for k in ("involved", "aspirational", "contact", "joint_working")
            ]
            db.session.add(r)
        for i in range(8):
            c = Comment(
                source="survey",
                source_id=1000 + i,
                survey_id=survey.id,
                received_on=date(2023, 6, 1),
                text=f"Waited a long time for calls {i}.",
                redacted=f"Waited a long time for calls {i}.",
                quote_consent=True,
                machine_themes=["communication"],
                machine_sentiment="negative",
                analysed_at=datetime.now(UTC),
            )
            c.themes = [CommentTheme(theme="communication", sentiment="negative")]
            db.session.add(c)
        db.session.commit()
        release = releases.create_draft("new_ehcp", "2023-24", None)
        comment = releases_quotes.quote_candidates(release)[0]
        quote = releases_quotes.propose_quote(release, comment.id, None)
        releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
        releases.publish(release, None)
        improvements.create_entry(
            improvements.EntryInput(
                theme="communication",
                title="A team phone line",
                you_said="It was hard to reach a caseworker.",
                we_did="We opened a team phone line.",
                service="SEND Assessment Team",
                status="in_progress",
                due_on=date(2025, 3, 31),
            )
        )
        draft = releases.create_draft("annual_review", "2023-24", None)
        if not db.session.scalars(select(User).where(User.email == "analyst@browser.test")).first():
            users.create_user(email="analyst@browser.test", role="analyst", password=PASSWORD)
        return {"release": release.id, "draft": draft.id}


PUBLIC = [
    "/findings",
    "/you-said-we-did",
    "/you-said-we-did?theme=communication",
    "/findings/data-dictionary",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_at_320px_without_javascript(
    js_disabled_page: Page,
    live_server: str,
    published: dict[str, int],
    path: str,
    no_horizontal_scroll: Callable[[Page], None],
) -> None:
    js_disabled_page.goto(live_server + path)
    assert js_disabled_page.locator("h1").count() == 1
    no_horizontal_scroll(js_disabled_page)


# axe-core is itself JavaScript, so it runs on a phone-sized page with scripts on.
@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_have_no_axe_violations_on_a_phone(
    phone_page: Page,
    live_server: str,
    published: dict[str, int],
    path: str,
    axe_check: Callable[[Page], list[dict[str, Any]]],
    no_horizontal_scroll: Callable[[Page], None],
) -> None:
    phone_page.goto(live_server + path)
    no_horizontal_scroll(phone_page)
    violations = axe_check(phone_page)
    assert violations == [], format_violations(violations)


def test_findings_chart_has_text_and_table_and_the_form_works_without_js(
    js_disabled_page: Page, live_server: str, published: dict[str, int]
) -> None:
    page = js_disabled_page
    page.goto(live_server + "/findings")
    chart = page.locator("svg.app-chart").first
    assert chart.get_attribute("role") == "img"
    assert chart.get_attribute("viewBox")
    assert page.locator("table[class*=app-findings__table]").count() >= 2
    assert page.get_by_text("Waited a long time for calls").count() == 1
    page.get_by_role("button", name="Show findings").click()
    assert "survey=new_ehcp" in page.url and "period=2023-24" in page.url
    page.goto(live_server + "/you-said-we-did")
    page.select_option("#theme", "transport")
    page.get_by_role("button", name="Show").click()
    assert "theme=transport" in page.url
    assert page.get_by_text("A team phone line").count() == 0


def test_staff_publishing_pages_are_accessible(
    page: Page,
    live_server: str,
    published: dict[str, int],
    axe_check: Callable[[Page], list[dict[str, Any]]],
) -> None:
    page.goto(live_server + "/sign-in")
    page.fill("#email", "analyst@browser.test")
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    paths = [
        "/staff/publishing/",
        f"/staff/publishing/releases/{published['release']}",
        f"/staff/publishing/releases/{published.get('draft', published['release'])}",
        f"/staff/publishing/releases/{published['release']}/preview",
        "/staff/publishing/improvements",
        "/staff/publishing/improvements/new",
        "/staff/publishing/evidence-pack?period=2023-24",
    ]
    if "draft" in published:  # "Check before you publish", while the draft is one
        paths.append(f"/staff/publishing/releases/{published['draft']}/publish")
    for path in paths:
        page.goto(live_server + path)
        violations = axe_check(page)
        assert violations == [], f"{path}: {format_violations(violations)}"
