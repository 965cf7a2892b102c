"""How often analysts agree with the analyser: its suggestions against their labels.

Each reviewed comment counts once: what the analyser suggested when an analyst first
reviewed it, against the comment's label now (a later review may have corrected the
first). The first suggestion is the fair one: after ``flask retrain`` the analyser has
learned from the labels, and would agree with them more than with comments it has not
seen. Labels given before suggestions were kept (migration 0011) are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from feedback_app import clock
from feedback_app.analysis.evaluation import PRF, EvaluationReport
from feedback_app.extensions import db
from feedback_app.models import Comment, CommentLabel, Theme
from feedback_app.services.periods import Period, Quarter, quarter_of

__all__ = ["FEW_REVIEWS", "Agreement", "QuarterAgreement", "ThemeAgreement", "agreement"]

#: Below this many reviewed comments, one comment moves a share by several points.
FEW_REVIEWS = 30


@dataclass(frozen=True)
class ThemeAgreement:
    """One theme: suggestions analysts kept (tp), removed (fp), and themes they added (fn)."""

    slug: str
    name: str
    counts: PRF


@dataclass(frozen=True)
class QuarterAgreement:
    """The pooled figures for the comments first reviewed in one quarter."""

    quarter: Quarter
    reviewed: int
    themes: PRF
    sentiment_kept: int


@dataclass(frozen=True)
class Agreement:
    """Everything the agreement page shows, for one period or for all reviews."""

    period: Period | None
    reviewed: int
    themes: list[ThemeAgreement]
    pooled: PRF
    sentiment_kept: int
    #: analyst's sentiment -> analyser's sentiment -> comments
    sentiment: dict[str, dict[str, int]]
    by_quarter: list[QuarterAgreement]
    #: the same counts as ``analyse-eval`` keeps them (labels as the truth)
    report: EvaluationReport


_Row = tuple[datetime, list[str], str, list[str], str]


def _first_reviews() -> list[_Row]:
    """(first reviewed at, suggested themes, suggested sentiment, label themes, label
    sentiment) for each comment whose first label recorded what the analyser suggested."""
    first = select(func.min(CommentLabel.id)).group_by(CommentLabel.comment_id)
    query = (
        select(
            CommentLabel.created_at,
            CommentLabel.suggested_themes,
            CommentLabel.suggested_sentiment,
            Comment.label_themes,
            Comment.label_sentiment,
        )
        .join(Comment, Comment.id == CommentLabel.comment_id)
        .where(CommentLabel.id.in_(first))
        .where(CommentLabel.suggested_sentiment.is_not(None))
        .where(Comment.label_sentiment.is_not(None))
        .order_by(CommentLabel.id)
    )
    return [
        (at, list(suggested or []), suggested_sentiment, list(label or []), label_sentiment)
        for at, suggested, suggested_sentiment, label, label_sentiment in db.session.execute(query)
    ]


def _compare(rows: list[_Row]) -> EvaluationReport:
    report = EvaluationReport()
    for _at, suggested, suggested_sentiment, label, label_sentiment in rows:
        report.add(label, suggested, label_sentiment, suggested_sentiment)
    report.sort_themes()
    return report


def agreement(period: Period | None = None) -> Agreement:
    """Compare the analyser's first suggestions with analysts' labels, for the comments
    first reviewed in ``period`` (all of them when None), with a line for each quarter."""
    rows = _first_reviews()
    in_quarter: dict[Quarter, list[_Row]] = {}
    for row in rows:
        in_quarter.setdefault(quarter_of(clock.in_uk(row[0]).date()), []).append(row)
    by_quarter = []
    for quarter, quarter_rows in sorted(in_quarter.items()):
        report = _compare(quarter_rows)
        by_quarter.append(
            QuarterAgreement(quarter, report.records, report.theme_micro, report.sentiment_right)
        )
    if period is not None:
        rows = [row for row in rows if period.contains(clock.in_uk(row[0]).date())]
    report = _compare(rows)
    names = {slug: name for slug, name in db.session.execute(select(Theme.slug, Theme.name))}
    themes = sorted(
        (ThemeAgreement(slug, names.get(slug, slug), prf) for slug, prf in report.themes.items()),
        key=lambda theme: theme.name.lower(),
    )
    return Agreement(
        period=period,
        reviewed=report.records,
        themes=themes,
        pooled=report.theme_micro,
        sentiment_kept=report.sentiment_right,
        sentiment={label: dict(predicted) for label, predicted in sorted(report.confusion.items())},
        by_quarter=by_quarter,
        report=report,
    )
