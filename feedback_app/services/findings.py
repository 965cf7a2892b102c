"""Survey findings for a period: sums over the per-day running totals, then suppression.

The totals (services.summaries) are kept in step with responses and comments, so a
period costs a read of at most days x questions x values summary rows, however many
responses there are.

``compute_findings`` returns the public payload (SPEC §6 keys, and more) with
small-number suppression already applied, so the CLI, the draft preview, the
frozen snapshot of a published release and the downloads all show the same
figures. Published pages never call it: they read the snapshot.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import current_app
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import (
    Complaint,
    ComplaintPoint,
    Compliment,
    Question,
    Survey,
    SurveyVersion,
    Theme,
)
from feedback_app.models.findings import AnswerCount, CommentThemeCount, ResponseCount
from feedback_app.services import suppression
from feedback_app.services.periods import Period, PeriodError, parse_period

__all__ = ["FindingsError", "Period", "PeriodError", "compute_findings", "parse_period"]


class FindingsError(ValueError):
    """A request for findings that cannot be met; the message says why."""


def threshold() -> int:
    """The suppression threshold from settings (SPEC §6: SUPPRESSION_THRESHOLD, default 5)."""
    return int(current_app.config.get("SUPPRESSION_THRESHOLD", 5))


def get_survey(slug: str) -> Survey:
    """Return the survey with this slug or raise FindingsError."""
    survey = db.session.scalars(select(Survey).where(Survey.slug == slug)).first()
    if survey is None:
        raise FindingsError(f"There is no survey called {slug!r}")
    return survey


def statements(survey: Survey) -> list[tuple[str, str]]:
    """The survey's agreement statements as (key, parent wording), in question order."""
    query = (
        select(Question.key, Question.text)
        .join(SurveyVersion, SurveyVersion.id == Question.version_id)
        .where(
            SurveyVersion.survey_id == survey.id,
            SurveyVersion.audience == "parent",
            SurveyVersion.is_current,
            Question.kind == "scale",
        )
        .order_by(Question.position)
    )
    seen: dict[str, str] = {}
    for key, text in db.session.execute(query):
        seen.setdefault(key, text)
    return list(seen.items())


def theme_names() -> dict[str, str]:
    """Theme slugs to names, for display."""
    return dict(db.session.execute(select(Theme.slug, Theme.name)).tuples().all())


def raw_counts(survey: Survey, period: Period, keys: list[str]) -> dict[str, Any]:
    """Unsuppressed counts: responses, answers by key and value, comment themes by sentiment.

    Read from the per-day running totals (services.summaries), so the cost depends on
    the length of the period, not on the number of responses.
    """
    responses = (
        db.session.scalar(
            select(func.sum(ResponseCount.count)).where(
                ResponseCount.survey_id == survey.id,
                ResponseCount.submitted_on >= period.start,
                ResponseCount.submitted_on <= period.end,
            )
        )
        or 0
    )
    answers: dict[str, dict[str, int]] = {key: {} for key in keys}
    total = func.sum(AnswerCount.count)
    query = (
        select(AnswerCount.question_key, AnswerCount.value, total)
        .where(
            AnswerCount.survey_id == survey.id,
            AnswerCount.submitted_on >= period.start,
            AnswerCount.submitted_on <= period.end,
            AnswerCount.question_key.in_(keys),
        )
        .group_by(AnswerCount.question_key, AnswerCount.value)
        .having(total > 0)
    )
    for key, value, count in db.session.execute(query):
        answers[key][value] = int(count)
    themes: dict[str, dict[str, int]] = {}
    theme_total = func.sum(CommentThemeCount.count)
    theme_query = (
        select(CommentThemeCount.theme, CommentThemeCount.sentiment, theme_total)
        .where(
            CommentThemeCount.survey_id == survey.id,
            CommentThemeCount.received_on >= period.start,
            CommentThemeCount.received_on <= period.end,
        )
        .group_by(CommentThemeCount.theme, CommentThemeCount.sentiment)
        .having(theme_total > 0)
    )
    # Safeguarding-flagged comments count here like any other, as they always have;
    # only their words are kept out of quotes.
    for theme, sentiment, count in db.session.execute(theme_query):
        themes.setdefault(theme, {})[sentiment] = int(count)
    return {"responses": int(responses), "answers": answers, "themes": themes}


def complaint_summary(period: Period, limit: int) -> dict[str, Any]:
    """Complaint points and compliments by theme in the period: counts only, suppressed."""
    points_query = (
        select(ComplaintPoint.theme, func.count())
        .join(Complaint, Complaint.id == ComplaintPoint.complaint_id)
        .where(Complaint.received_on >= period.start, Complaint.received_on <= period.end)
        .group_by(ComplaintPoint.theme)
    )
    points = dict(db.session.execute(points_query).tuples().all())
    compliments_query = (
        select(Compliment.theme, func.count())
        .where(Compliment.received_on >= period.start, Compliment.received_on <= period.end)
        .group_by(Compliment.theme)
    )
    compliments = dict(db.session.execute(compliments_query).tuples().all())
    return {
        "points": _shown_total(sum(points.values()), limit),
        "by_theme": _column_rows(points, limit),
        "compliments": _shown_total(sum(compliments.values()), limit),
        "compliments_by_theme": _column_rows(compliments, limit),
    }


def _shown_total(total: int, limit: int) -> int | None:
    return None if suppression.is_small(total, limit) else total


def _column_rows(counts: dict[str, int], limit: int) -> list[dict[str, Any]]:
    total = sum(counts.values())
    if suppression.is_small(total, limit):
        shown: dict[str, int | None] = dict.fromkeys(counts)
    else:
        shown = suppression.suppress_column(counts, total, limit)
    ordered = sorted(shown.items(), key=lambda item: (item[1] is None, -(item[1] or 0), item[0]))
    return [{"theme": t, "count": c, "suppressed": c is None} for t, c in ordered]


def _question_rows(
    keys: list[tuple[str, str]], answers: dict[str, dict[str, int]], limit: int
) -> list[dict[str, Any]]:
    rows = []
    for key, text in keys:
        counts = answers.get(key, {})
        figures = suppression.statement_figures(counts, limit)
        rows.append({"id": key, "text": text, **figures})
    return rows


def _change(now: float | None, before: float | None) -> float | None:
    if now is None or before is None:
        return None
    return round(now - before, 1)


def compute_findings(survey_slug: str, period_label: str) -> dict[str, Any]:
    """Build the suppressed findings payload for a survey and period (year or quarter)."""
    try:
        period = parse_period(period_label)
    except PeriodError as error:
        raise FindingsError(str(error)) from error
    survey = get_survey(survey_slug)
    limit = threshold()
    keys = statements(survey)
    previous = period.previous()
    now = raw_counts(survey, period, [k for k, _ in keys])
    before = raw_counts(survey, previous, [k for k, _ in keys])
    names = theme_names()
    questions = _question_rows(keys, now["answers"], limit)
    earlier = {row["id"]: row for row in _question_rows(keys, before["answers"], limit)}
    for row in questions:
        old = earlier[row["id"]]
        row["previous_base"] = old["base"]
        # The counts, so a page can round the change once from them (findings.display).
        row["previous_positive"] = old["positive"]
        row["previous_negative"] = old["negative"]
        row["previous_percent_positive"] = old["percent_positive"]
        row["previous_percent_negative"] = old["percent_negative"]
        row["change_positive"] = _change(row["percent_positive"], old["percent_positive"])
        row["change_negative"] = _change(row["percent_negative"], old["percent_negative"])
    themes = suppression.theme_rows(now["themes"], limit)
    old_themes = {r["slug"]: r for r in suppression.theme_rows(before["themes"], limit)}
    for row in themes:
        old_row = old_themes.get(row["slug"])
        # A theme nobody raised before counts 0, but only if there was a before: with no
        # responses at all in the previous period there is nothing to compare with.
        old_count = old_row["count"] if old_row else (0 if before["responses"] else None)
        row["name"] = names.get(str(row["slug"]), str(row["slug"]))
        row["previous_count"] = old_count
        new_count = row["count"]
        row["change"] = (
            new_count - old_count
            if isinstance(new_count, int) and isinstance(old_count, int)
            else None
        )
    complaints = complaint_summary(period, limit)
    for key in ("by_theme", "compliments_by_theme"):
        for item in complaints[key]:
            item["name"] = names.get(item["theme"], item["theme"])
    return {
        "survey": survey.slug,
        "survey_name": survey.name,
        "period": period.label,
        "period_name": period.name,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "dates": f"{period.start:%-d %B %Y} to {period.end:%-d %B %Y}",
        "previous_period": previous.label,
        "previous_period_name": previous.name,
        "threshold": limit,
        "responses": _shown_total(now["responses"], limit) if now["responses"] else 0,
        "previous_responses": _shown_total(before["responses"], limit)
        if before["responses"]
        else 0,
        "questions": questions,
        "themes": themes,
        "complaints": complaints,
        "quotes": [],
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
