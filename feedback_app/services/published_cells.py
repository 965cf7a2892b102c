"""The cells of findings payloads, and the published cells a new release must not expose.

A findings payload (services.findings) is flattened into cells keyed the same way
in every release, so releases can be compared figure by figure
(``suppression.differencing_hides``):

==============================  ==============================================
``responses``                   families who answered
``q.<id>.<measure>``            a statement's base, positive, negative, neither
``q.<id>.not_counted``          responses minus the base: "does not apply" or
                                skipped (shown when both figures are)
``t.<slug>.<measure>``          a theme's count and its sentiment split
``c.points``, ``c.theme.<t>``   complaint points, in all and by theme
``c.compliments``,              compliments, in all and by theme
``c.compliment.<t>``
==============================  ==============================================

A published release shows its own period's cells and, for trends, some of the
previous period's (base and percents of each statement, theme counts, responses);
both count as published. Complaint figures cover every survey, so they are compared
across the releases of every survey; survey figures only within one survey.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Release, Survey
from feedback_app.services.periods import FinancialYear, Period
from feedback_app.services.suppression import SENTIMENTS, Published

MEASURES = ("base", "positive", "negative", "neither")
#: Counts worked back from a percent and its base are exact up to this base (one
#: decimal place of a percent is finer than one person).
EXACT_BASE = 1000


def not_counted(responses: Any, base: Any) -> int | None:
    """Responses left out of a statement's base, worked out from the two figures shown."""
    if isinstance(responses, int) and isinstance(base, int):
        return responses - base
    return None


def payload_cells(payload: Mapping[str, Any]) -> dict[str, int | None]:
    """A payload's own-period cells as shown (None: hidden)."""
    cells: dict[str, int | None] = {"responses": payload.get("responses")}
    for question in payload.get("questions", []):
        for measure in MEASURES:
            cells[f"q.{question['id']}.{measure}"] = question.get(measure)
        cells[f"q.{question['id']}.not_counted"] = not_counted(
            payload.get("responses"), question.get("base")
        )
    for theme in payload.get("themes", []):
        cells[f"t.{theme['slug']}.count"] = theme.get("count")
        for sentiment in SENTIMENTS:
            cells[f"t.{theme['slug']}.{sentiment}"] = theme.get(sentiment)
    complaints = payload.get("complaints")
    if complaints:
        cells["c.points"] = complaints.get("points")
        for row in complaints.get("by_theme", []):
            cells[f"c.theme.{row['theme']}"] = row.get("count")
        cells["c.compliments"] = complaints.get("compliments")
        for row in complaints.get("compliments_by_theme", []):
            cells[f"c.compliment.{row['theme']}"] = row.get("count")
    return cells


def _from_percent(percent: Any, base: Any) -> int | None:
    if percent is None or not isinstance(base, int) or not 0 < base <= EXACT_BASE:
        return None
    return round(float(percent) * base / 100)


def previous_cells(payload: Mapping[str, Any]) -> dict[str, int | None]:
    """The previous period's cells a payload shows beside its own, for trends."""
    cells: dict[str, int | None] = {"responses": payload.get("previous_responses")}
    for question in payload.get("questions", []):
        base = question.get("previous_base")
        key = f"q.{question['id']}"
        cells[f"{key}.base"] = base
        cells[f"{key}.not_counted"] = not_counted(payload.get("previous_responses"), base)
        for part in ("positive", "negative"):
            # The counts where the payload has them (the JSON download shows them);
            # otherwise worked back from the percent.
            count = question.get(f"previous_{part}")
            cells[f"{key}.{part}"] = (
                count
                if isinstance(count, int)
                else _from_percent(question.get(f"previous_percent_{part}"), base)
            )
        positive, negative = cells[f"{key}.positive"], cells[f"{key}.negative"]
        if isinstance(base, int) and positive is not None and negative is not None:
            # Neither is not shown, but anyone can work it out from the other three.
            cells[f"{key}.neither"] = base - positive - negative
    for theme in payload.get("themes", []):
        cells[f"t.{theme['slug']}.count"] = theme.get("previous_count")
    return cells


def nesting(period: Period) -> list[Period]:
    """The period and those it nests with (its year or quarters)."""
    if isinstance(period, FinancialYear):
        return [period, *period.quarters]
    return [period, *period.year.quarters, period.year]


def published_cells(survey: Survey, period: Period) -> list[Published]:
    """Every published cell (current and superseded versions) a new release of the
    survey's ``period`` could be compared with."""
    periods = nesting(period)
    related = {p.label for p in periods}
    # A release of the next period shows this one's figures as its "previous" ones.
    wanted = related | {p.next().label for p in periods}
    query = select(Release).where(
        Release.period.in_(sorted(wanted)), Release.status.in_(("published", "superseded"))
    )
    found: list[Published] = []
    for release in db.session.scalars(query.order_by(Release.id)):
        snapshot = release.snapshot or {}
        own = release.survey_id == survey.id
        if release.period in related:
            cells = payload_cells(snapshot)
            if own:
                found.append(Published(release.period, cells, complete=True))
            else:
                complaints = {k: v for k, v in cells.items() if k.startswith("c.")}
                found.append(Published(release.period, complaints, complete=False))
        previous = snapshot.get("previous_period")
        if own and previous in related:
            found.append(Published(previous, previous_cells(snapshot), complete=False))
    return found


def current_snapshot(survey: Survey, period: Period) -> dict[str, Any] | None:
    """The figures of the survey's current published release for the period, if any."""
    release = db.session.scalars(
        select(Release).where(
            Release.survey_id == survey.id,
            Release.period == period.label,
            Release.status == "published",
        )
    ).first()
    return dict(release.snapshot) if release is not None and release.snapshot else None
