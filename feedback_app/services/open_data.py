"""Reading published releases for the public: pages, CSV and JSON downloads.

Public pages never aggregate: they read the frozen snapshot of a published
release, then drop any quote whose comment has been safeguarding-flagged since.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from feedback_app.csv_cells import csv_writer
from feedback_app.extensions import db
from feedback_app.models import Release, Survey
from feedback_app.services.findings import threshold
from feedback_app.services.left_out import hide_small_remainders
from feedback_app.services.periods import (
    PeriodError,
    full_name,
    newest_first,
    parse_period,
    recency,
)
from feedback_app.services.releases_shown import shown_quotes


@dataclass(frozen=True)
class PublishedChoice:
    """A survey and period with a published release, for the choose form."""

    survey: str
    survey_name: str
    period: str


def published_choices() -> list[PublishedChoice]:
    """Every survey and period that has a published release, newest period first (by its
    dates, not its label: ``periods.recency``)."""
    query = (
        select(Survey.slug, Survey.name, Release.period)
        .join(Survey, Survey.id == Release.survey_id)
        .where(Release.status == "published")
        .order_by(Survey.id)
    )
    rows = [PublishedChoice(*row) for row in db.session.execute(query)]
    # A stable sort: surveys stay in order within a period.
    return sorted(rows, key=lambda choice: recency(choice.period), reverse=True)


def period_choices(choices: list[PublishedChoice]) -> list[tuple[str, str]]:
    """The published periods for the choose form, newest first: each label (the value,
    which bookmarked addresses use) with its name, like "Q1 2023/24 (April to June 2023)"."""
    return [(label, full_name(label)) for label in newest_first({c.period for c in choices})]


def find_published(
    survey_slug: str | None, period: str | None, version: int | None = None
) -> Release | None:
    """The published release for a survey and period (or an older version of it).

    With no survey or period, the newest published release of any survey: the period
    that ends last (a year before its own fourth quarter, ``periods.recency``), then the
    first survey.
    """
    query = select(Release).join(Survey, Survey.id == Release.survey_id)
    if version is None:
        query = query.where(Release.status == "published")
    else:
        query = query.where(Release.status.in_(("published", "superseded")))
        query = query.where(Release.version == version)
    if survey_slug:
        query = query.where(Survey.slug == survey_slug)
    if period:
        query = query.where(Release.period == period)
    if period:
        query = query.order_by(Survey.id, Release.version.desc())
        return db.session.scalars(query.limit(1)).first()
    # Period labels do not sort as text ("2023-24-Q1" > "2023-24"): compare their dates.
    found = list(db.session.scalars(query.order_by(Survey.id, Release.version.desc())))
    newest = max((recency(release.period) for release in found), default=None)
    return next((release for release in found if recency(release.period) == newest), None)


def unpublished_choice(survey_slug: str | None, period: str | None) -> str | None:
    """Name a survey and period that exist but have nothing published, like "New EHCP
    survey, 2019 to 2020"; None when the survey or period is unknown (a page not found).
    Either may be left out, as the findings page's form allows."""
    parts = []
    if survey_slug:
        survey = db.session.scalars(select(Survey).where(Survey.slug == survey_slug)).first()
        if survey is None:
            return None
        parts.append(survey.name)
    if period:
        try:
            parts.append(parse_period(period).name)
        except PeriodError:
            return None
    return ", ".join(parts) or None


def versions_of(release: Release) -> list[Release]:
    """Every published version of the release's survey and period, newest first."""
    query = (
        select(Release)
        .where(
            Release.survey_id == release.survey_id,
            Release.period == release.period,
            Release.status.in_(("published", "superseded")),
        )
        .order_by(Release.version.desc())
    )
    return list(db.session.scalars(query))


def public_payload(release: Release) -> dict[str, Any]:
    """The release's frozen figures, minus quotes flagged for safeguarding since publishing
    and with words marked as personal data since then hidden.

    A release frozen before responses minus a statement's base was checked shows a
    statement only where that leaves no small number
    (``left_out.hide_small_remainders``), at the higher of its threshold then and now.
    """
    stored = dict(release.snapshot)
    limit = max(int(stored.get("threshold") or 0), threshold())
    payload = hide_small_remainders(stored, limit)
    payload["quotes"] = shown_quotes(list(payload.get("quotes", [])))
    return payload


def download_json(payload: dict[str, Any]) -> dict[str, Any]:
    """The open-data JSON: the public payload without internal ids."""
    data = {k: v for k, v in payload.items() if k != "quotes"}
    data["quotes"] = [{"theme": q.get("theme"), "text": q["text"]} for q in payload["quotes"]]
    return data


CSV_COLUMNS = ["survey", "period", "version", "section", "item", "measure", "value", "note"]
SUPPRESSED_NOTE = "not shown: fewer than {t} people, or it would reveal a smaller group"


def download_csv(payload: dict[str, Any]) -> str:
    """The open-data CSV: one figure a row; a suppressed figure has no value and a note."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(CSV_COLUMNS)
    head = [payload["survey"], payload["period"], payload.get("version", 1)]
    note = SUPPRESSED_NOTE.format(t=payload.get("threshold", 5))

    def row(section: str, item: str, measure: str, value: Any) -> None:
        writer.writerow(
            [
                *head,
                section,
                item,
                measure,
                "" if value is None else value,
                note if value is None else "",
            ]
        )

    row("responses", "all", "count", payload["responses"])
    for q in payload["questions"]:
        for measure in (
            "base",
            "positive",
            "neither",
            "negative",
            "percent_positive",
            "percent_negative",
        ):
            row("statement", q["id"], measure, q.get(measure))
    for t in payload["themes"]:
        for measure in ("count", "negative", "neutral", "positive"):
            row("theme", t["slug"], measure, t.get(measure))
    complaints = payload.get("complaints", {})
    row("complaints", "all", "points", complaints.get("points"))
    for c in complaints.get("by_theme", []):
        row("complaint_theme", c["theme"], "points", c["count"])
    row("compliments", "all", "count", complaints.get("compliments"))
    for c in complaints.get("compliments_by_theme", []):
        row("compliment_theme", c["theme"], "count", c["count"])
    for q in payload["quotes"]:
        row("quote", q.get("theme") or "", "text", q["text"])
    return out.getvalue()


DATA_DICTIONARY: list[tuple[str, str]] = [
    ("survey", "The survey's stable id: new_ehcp or annual_review."),
    (
        "period",
        "A financial year (2023-24, 1 April 2023 to 31 March 2024) or a quarter "
        "(2023-24-Q1 is April to June 2023).",
    ),
    ("version", "The release version. A correction is published as a new version with a note."),
    (
        "section",
        "responses, statement, theme, complaints, complaint_theme, compliments, "
        "compliment_theme or quote.",
    ),
    ("item", "The statement id (SPEC question id), the theme slug, or 'all'."),
    (
        "measure",
        "base: everyone who answered the statement except 'does not apply'; positive: "
        "strongly agree plus agree; negative: disagree plus strongly disagree; "
        "neither; percent_positive and percent_negative: percent of the base, one "
        "decimal place; count: number of comments or complaint points.",
    ),
    ("value", "The figure. Empty when it is not shown to protect privacy."),
    (
        "note",
        "Why a figure is not shown: it comes from fewer people than the threshold "
        "(normally 5), or showing it would let someone work out a smaller figure.",
    ),
]
