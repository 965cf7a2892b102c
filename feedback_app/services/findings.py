"""Survey findings for a period: sums over the per-day running totals, then suppression.

The totals (services.summaries) are kept in step with responses and comments, so a
period costs a read of at most days x questions x values summary rows, however many
responses there are.

``compute_findings`` returns the public payload (SPEC §6 keys, and more) with
small-number suppression already applied, so the CLI, the draft preview, the
frozen snapshot of a published release and the downloads all show the same
figures. Published pages never call it: they read the snapshot.

Suppression also takes account of what is already published (``protected_figures``):
figures that could be subtracted from an earlier version of the release, or from the
year or quarters around its period, to reveal a small number are hidden as well.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
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
from feedback_app.services import left_out, suppression
from feedback_app.services.periods import Period, PeriodError, parse_period
from feedback_app.services.published_cells import (
    current_snapshot,
    payload_cells,
    previous_cells,
    published_cells,
)
from feedback_app.services.suppression import Published

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


def complaint_counts(period: Period) -> dict[str, dict[str, int]]:
    """Complaint points and compliments by theme in the period, unsuppressed."""
    points_query = (
        select(ComplaintPoint.theme, func.count())
        .join(Complaint, Complaint.id == ComplaintPoint.complaint_id)
        .where(Complaint.received_on >= period.start, Complaint.received_on <= period.end)
        .group_by(ComplaintPoint.theme)
    )
    compliments_query = (
        select(Compliment.theme, func.count())
        .where(Compliment.received_on >= period.start, Compliment.received_on <= period.end)
        .group_by(Compliment.theme)
    )
    return {
        "points": dict(db.session.execute(points_query).tuples().all()),
        "compliments": dict(db.session.execute(compliments_query).tuples().all()),
    }


def complaint_summary(
    counts: dict[str, dict[str, int]],
    limit: int,
    forced: Collection[str] = (),
    known: Collection[str] = (),
) -> dict[str, Any]:
    """Complaint points and compliments by theme: counts only, suppressed.

    ``forced`` holds cells (``c.points``, ``c.theme.<slug>`` …) hidden to stop
    differencing with other releases; a forced total hides its column too. ``known``
    holds hidden cells other releases pin down, so another is hidden beside them.
    """
    points, compliments = counts["points"], counts["compliments"]
    points_withheld = "c.points" in forced
    compliments_withheld = "c.compliments" in forced
    return {
        "points": None if points_withheld else _shown_total(sum(points.values()), limit),
        "points_withheld": points_withheld,
        "by_theme": _column_rows(
            points, limit, _within(forced, "c.theme."), _within(known, "c.theme."), points_withheld
        ),
        "compliments": None
        if compliments_withheld
        else _shown_total(sum(compliments.values()), limit),
        "compliments_withheld": compliments_withheld,
        "compliments_by_theme": _column_rows(
            compliments,
            limit,
            _within(forced, "c.compliment."),
            _within(known, "c.compliment."),
            compliments_withheld,
        ),
    }


def _within(cells: Collection[str], prefix: str) -> set[str]:
    """The rest of each cell key that starts with ``prefix``."""
    return {cell[len(prefix) :] for cell in cells if cell.startswith(prefix)}


def _shown_total(total: int, limit: int) -> int | None:
    return None if suppression.is_small(total, limit) else total


def _column_rows(
    counts: dict[str, int],
    limit: int,
    forced: Collection[str] = (),
    known: Collection[str] = (),
    withheld: bool = False,
) -> list[dict[str, Any]]:
    total = sum(counts.values())
    if withheld or suppression.is_small(total, limit):
        shown: dict[str, int | None] = dict.fromkeys(counts)
    else:
        shown = suppression.suppress_column(counts, total, limit, forced, known)
    ordered = sorted(shown.items(), key=lambda item: (item[1] is None, -(item[1] or 0), item[0]))
    return [{"theme": t, "count": c, "suppressed": c is None} for t, c in ordered]


def _question_rows(
    keys: list[tuple[str, str]],
    answers: dict[str, dict[str, int]],
    limit: int,
    forced: Collection[str] = (),
    known: Collection[str] = (),
) -> list[dict[str, Any]]:
    rows = []
    for key, text in keys:
        counts = answers.get(key, {})
        figures = suppression.statement_figures(
            counts, limit, _within(forced, f"q.{key}."), _within(known, f"q.{key}.")
        )
        rows.append({"id": key, "text": text, **figures})
    return rows


def _theme_parts(cells: Collection[str]) -> dict[str, set[str]]:
    """Theme cell keys (``t.<slug>.<measure>``) as measures by slug."""
    by_slug: dict[str, set[str]] = {}
    for cell in _within(cells, "t."):
        slug, _, measure = cell.rpartition(".")
        by_slug.setdefault(slug, set()).add(measure)
    return by_slug


def true_cells(
    keys: list[tuple[str, str]],
    raw: dict[str, Any],
    complaints: dict[str, dict[str, int]] | None = None,
) -> dict[str, int]:
    """Every cell's unsuppressed count, keyed as in services.published_cells."""
    cells = {"responses": int(raw["responses"])}
    for key, _ in keys:
        counts = raw["answers"].get(key, {})
        positive = counts.get("strongly_agree", 0) + counts.get("agree", 0)
        negative = counts.get("disagree", 0) + counts.get("strongly_disagree", 0)
        neither = counts.get("neither", 0)
        cells[f"q.{key}.base"] = positive + negative + neither
        cells[f"q.{key}.not_counted"] = cells["responses"] - cells[f"q.{key}.base"]
        cells[f"q.{key}.positive"] = positive
        cells[f"q.{key}.negative"] = negative
        cells[f"q.{key}.neither"] = neither
    for slug, split in raw["themes"].items():
        cells[f"t.{slug}.count"] = sum(split.values())
        for sentiment in suppression.SENTIMENTS:
            cells[f"t.{slug}.{sentiment}"] = split.get(sentiment, 0)
    if complaints is not None:
        cells["c.points"] = sum(complaints["points"].values())
        cells.update({f"c.theme.{t}": n for t, n in complaints["points"].items()})
        cells["c.compliments"] = sum(complaints["compliments"].values())
        cells.update({f"c.compliment.{t}": n for t, n in complaints["compliments"].items()})
    return cells


@dataclass
class Withheld:
    """Cells of one set of figures hidden so far to stop differencing: ``forced`` are
    hidden, ``known`` are hidden but pinned down by published figures. Both only grow,
    so figures checked in turns against each other always settle."""

    forced: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)

    def size(self) -> int:
        """How many cells are forced or known: the same size means nothing was added."""
        return len(self.forced) + len(self.known)


def protected_figures(
    period: Period,
    keys: list[tuple[str, str]],
    raw: dict[str, Any],
    complaints: dict[str, dict[str, int]] | None,
    published: Sequence[Published],
    limit: int,
    withheld: Withheld | None = None,
) -> dict[str, Any]:
    """Suppressed figures for a period that no published release can be subtracted from
    to reveal a small number (``suppression.differencing_hides``).

    Suppression and the differencing checks take turns until nothing more is hidden:
    each cell hidden for differencing can call for a complement within its statement,
    theme or column, and each complement changes what could be subtracted. Pass
    ``withheld`` to start from cells hidden by an earlier check; it gains every cell
    hidden here.
    """
    counts = true_cells(keys, raw, complaints)
    state = Withheld() if withheld is None else withheld
    forced, known = state.forced, state.known
    while True:
        responses = raw["responses"]
        # Responses minus a statement's base counts "does not apply" and skipped answers.
        statements_withheld, hide_responses = left_out.protect_left_out(
            responses,
            left_out.shown_bases([key for key, _ in keys], counts, forced, limit),
            limit,
            unsafe={
                cell.removeprefix("q.").removesuffix(".not_counted")
                for cell in forced
                if cell.startswith("q.") and cell.endswith(".not_counted")
            },
            responses_known="responses" in known,
        )
        hide_responses = hide_responses or "responses" in forced
        statement_forced = forced | {f"q.{key}.base" for key in statements_withheld}
        figures: dict[str, Any] = {
            "responses": None
            if hide_responses
            else (_shown_total(responses, limit) if responses else 0),
            "responses_withheld": hide_responses,
            "questions": _question_rows(keys, raw["answers"], limit, statement_forced, known),
            "themes": suppression.theme_rows(
                raw["themes"], limit, _theme_parts(forced), _theme_parts(known)
            ),
        }
        if complaints is not None:
            figures["complaints"] = complaint_summary(complaints, limit, forced, known)
        hidden = {cell for cell, value in payload_cells(figures).items() if value is None}
        unsafe, pinned = suppression.differencing_hides(period, counts, hidden, published, limit)
        if unsafe <= forced and pinned <= known:
            return figures
        forced |= unsafe
        known |= pinned


def _change(now: float | None, before: float | None) -> float | None:
    if now is None or before is None:
        return None
    return round(now - before, 1)


def _add_trends(figures: dict[str, Any], before: dict[str, Any]) -> None:
    """Put the previous period's figures beside each statement and theme of ``figures``."""
    earlier = {row["id"]: row for row in before.get("questions", [])}
    for row in figures["questions"]:
        old = earlier.get(row["id"], {})
        row["previous_base"] = old.get("base")
        # The counts, so a page can round the change once from them (findings.display).
        row["previous_positive"] = old.get("positive")
        row["previous_negative"] = old.get("negative")
        row["previous_percent_positive"] = old.get("percent_positive")
        row["previous_percent_negative"] = old.get("percent_negative")
        row["change_positive"] = _change(row["percent_positive"], old.get("percent_positive"))
        row["change_negative"] = _change(row["percent_negative"], old.get("percent_negative"))
    old_themes = {r["slug"]: r for r in before.get("themes", [])}
    for row in figures["themes"]:
        old_row = old_themes.get(row["slug"])
        # A theme nobody raised before counts 0, but only if there was a before: with no
        # responses at all in the previous period there is nothing to compare with.
        old_count = old_row["count"] if old_row else (None if before.get("responses") == 0 else 0)
        row["previous_count"] = old_count
        new_count = row["count"]
        row["change"] = (
            new_count - old_count
            if isinstance(new_count, int) and isinstance(old_count, int)
            else None
        )
    figures["previous_responses"] = before.get("responses")


def figures_with_trends(
    survey: Survey,
    period: Period,
    keys: list[tuple[str, str]],
    complaints: dict[str, dict[str, int]],
    limit: int,
) -> dict[str, Any]:
    """The period's protected figures with the previous period's beside them, for trends.

    The previous period's figures are copied from its current release when it has one,
    so a trend adds nothing to what is public. Otherwise they are computed, and become
    public with this release: then both sets are checked together, each against what
    is published and the other as it will be shown (a quarter's figures and the
    quarter before's could otherwise be subtracted from the published year together),
    in turns until neither hides anything more.
    """
    previous = period.previous()
    now = raw_counts(survey, period, [k for k, _ in keys])
    published = published_cells(survey, period)
    snapshot = current_snapshot(survey, previous)
    if snapshot is not None:
        figures = protected_figures(period, keys, now, complaints, published, limit)
        # A release frozen before responses minus a base was checked may show both.
        _add_trends(figures, left_out.hide_small_remainders(snapshot, limit))
        return figures
    raw_before = raw_counts(survey, previous, [k for k, _ in keys])
    published_before = published_cells(survey, previous)
    own, earlier = Withheld(), Withheld()
    figures = protected_figures(period, keys, now, complaints, published, limit, own)
    while True:
        hidden_so_far = own.size() + earlier.size()
        shown_now = Published(period.label, payload_cells(figures))
        before = protected_figures(
            previous, keys, raw_before, None, [*published_before, shown_now], limit, earlier
        )
        _add_trends(figures, before)
        shown_before = Published(previous.label, previous_cells(figures), complete=False)
        figures = protected_figures(
            period, keys, now, complaints, [*published, shown_before], limit, own
        )
        if own.size() + earlier.size() == hidden_so_far:
            _add_trends(figures, before)
            return figures


def compute_findings(survey_slug: str, period_label: str) -> dict[str, Any]:
    """Build the suppressed findings payload for a survey and period (year or quarter).

    Besides small numbers, figures are hidden that could be subtracted from published
    releases (earlier versions, the year or its quarters), alone or with the previous
    period's figures shown for trends, to reveal a small number.
    """
    try:
        period = parse_period(period_label)
    except PeriodError as error:
        raise FindingsError(str(error)) from error
    survey = get_survey(survey_slug)
    limit = threshold()
    keys = statements(survey)
    previous = period.previous()
    figures = figures_with_trends(survey, period, keys, complaint_counts(period), limit)
    names = theme_names()
    questions = figures["questions"]
    themes = figures["themes"]
    for row in themes:
        row["name"] = names.get(str(row["slug"]), str(row["slug"]))
    complaints = figures["complaints"]
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
        "responses": figures["responses"],
        "responses_withheld": figures["responses_withheld"],
        "previous_responses": figures["previous_responses"],
        "questions": questions,
        "themes": themes,
        "complaints": complaints,
        "quotes": [],
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
