"""Jinja set-up: our templates first, then the GOV.UK Frontend macros, and globals."""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask, current_app, url_for
from flask_wtf.csrf import generate_csrf
from govuk_frontend_wtf.main import WTFormsHelpers
from govuk_frontend_wtf.main import wtforms_errors as govuk_wtforms_errors
from govuk_frontend_wtf.wtforms_widgets import GovDateInput
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from feedback_app import clock
from feedback_app.extensions import htmx


def register_templates(app: Flask) -> None:
    """Configure the loader, the form helpers and the globals every page can use."""
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(app.template_folder or "templates"),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    WTFormsHelpers(app)
    app.add_template_global(wtforms_errors)  # in place of the package's own
    app.add_template_global(asset_url)
    app.add_template_global(generate_csrf, "csrf_token_value")
    app.add_template_filter(format_date)
    app.add_template_filter(format_count)
    app.add_template_filter(period_in_words)
    app.add_template_filter(working_days)
    app.add_template_global(staff_navigation)

    @app.context_processor
    def inject_settings() -> dict[str, Any]:
        return {
            "council_name": app.config["COUNCIL_NAME"],
            "service_name": app.config["SERVICE_NAME"],
            "urgent_help_text": app.config["URGENT_HELP_TEXT"],
            "urgent_help_text_young_people": app.config["URGENT_HELP_TEXT_YOUNG_PEOPLE"],
            "contact_email": app.config["CONTACT_EMAIL"],
            "suppression_threshold": app.config["SUPPRESSION_THRESHOLD"],
            # What public pages promise families: timescales and how long we keep things.
            "stage1_acknowledge_days": int(app.config["STAGE1_ACKNOWLEDGE_DAYS"]),
            "stage1_respond_days": int(app.config["STAGE1_RESPOND_DAYS"]),
            "complaint_retention_days": int(app.config["COMPLAINT_RETENTION_DAYS"]),
            "survey_contact_retention_days": int(app.config["SURVEY_CONTACT_RETENTION_DAYS"]),
            "is_htmx": bool(htmx),
        }


@cache
def _content_hash(path: str, mtime: float) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def asset_url(filename: str) -> str:
    """URL of a static file with a content hash, so it can be cached for a year."""
    static_folder = Path(current_app.static_folder or "static")
    path = static_folder / filename
    version = _content_hash(str(path), path.stat().st_mtime) if path.exists() else "missing"
    return url_for("static", filename=filename, v=version)


def format_date(value: Any, pattern: str = "%-d %B %Y") -> str:
    """Format a date the GOV.UK way, for example 1 April 2024."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = clock.in_uk(value)  # stored in UTC; shown as it was in the UK
    return str(value.strftime(pattern))


def format_count(value: int) -> str:
    """Write a count the GOV.UK way, with a comma between thousands: 12,500."""
    return f"{value:,}"


def period_in_words(days: int) -> str:
    """Say a retention period the way people do: whole years as years ("6 years",
    "1 year"), any other number as days ("400 days").

    Only whole years become years: "1 month" for 30 days, or "about a year" for 400,
    would promise families a time we do not keep to. A year counts as 365 days, so a
    period of years never runs past the calendar years it names.
    """
    years, rest = divmod(days, 365)
    if years and not rest:
        return f"{years} year{'s' if years != 1 else ''}"
    return f"{days} day{'s' if days != 1 else ''}"


def working_days(days: int) -> str:
    """Say a number of working days: "1 working day", "5 working days"."""
    return f"{days} working day{'s' if days != 1 else ''}"


# Staff areas: (label, endpoint, roles). Endpoints not registered yet are left out.
STAFF_AREAS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Home", "staff.home", ()),
    ("Complaints", "complaints.queue", ("complaints_officer",)),
    ("Families to contact", "contact_requests.list_requests", ("complaints_officer",)),
    ("Review comments", "review.queue", ("analyst",)),
    ("Safeguarding", "safeguarding.queue", ("safeguarding_lead",)),
    ("Findings releases", "publishing.releases", ("analyst", "forum_member")),
    ("You said, we did", "publishing.improvements", ("analyst", "complaints_officer")),
    ("Administration", "admin.home", ("admin",)),
]


def staff_navigation() -> list[dict[str, str]]:
    """Return the service-navigation items the current user's role may open."""
    from flask_login import current_user

    if not current_user.is_authenticated:
        return []
    items = []
    for label, endpoint, roles in STAFF_AREAS:
        if endpoint not in current_app.view_functions:
            continue
        if roles and not current_user.has_role(*roles):
            continue
        items.append({"href": url_for(endpoint), "text": label})
    return items


def wtforms_errors(form: Any, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """The error summary's list, as govuk-frontend-wtf makes it, except that a date's link
    goes to its day box: the date's own container cannot take focus, so the link moved
    nowhere (the GOV.UK error summary pattern links to the first box). A stale form's
    message links to the form's first question."""
    summary: dict[str, Any] = govuk_wtforms_errors(form, params or {})
    dates = {f"#{field.id}" for field in form if isinstance(field.widget, GovDateInput)}
    # A stale form's message sits on its hidden version field (``form_fields.VersionField``),
    # which cannot take focus either: link to the first question, where the details start.
    versions = {f"#{field.id}" for field in form if field.type == "VersionField"}
    first = next(
        (
            f"#{field.id}"
            for field in form
            if field.type not in ("CSRFTokenField", "SubmitField", "VersionField", "HiddenField")
        ),
        None,
    )
    for error in summary.get("errorList", []):
        if error.get("href") in versions and first:
            error["href"] = first
        if error.get("href") in dates:
            error["href"] += "-day"
    return summary
