"""The quarterly complaints report (SPEC §6), counted in SQL with GROUP BY.

Complaints and their points belong to the quarter in which the complaint was
received; compliments to the quarter they were received. Timeliness counts the
stage-1 and stage-2 clocks that were acknowledged (or responded to) in the
quarter, and says what share met their deadline, extensions included.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from sqlalchemy import func, select

from feedback_app import clock
from feedback_app.csv_cells import csv_writer
from feedback_app.extensions import db
from feedback_app.models import (
    Complaint,
    ComplaintAction,
    ComplaintPoint,
    ComplaintStage,
    Compliment,
    Theme,
)
from feedback_app.models.complaints import OUTCOMES
from feedback_app.services.periods import FIRST_START_YEAR, Quarter, quarter_of, quarters_between


def _in(column: Any, quarter: Quarter) -> Any:
    return (column >= quarter.start) & (column < quarter.end_exclusive)


def _percent(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def report_quarters(shown: Quarter, on: date | None = None) -> list[Quarter]:
    """The quarters the report can be shown for, newest first: every quarter from the one
    in which the earliest complaint or compliment was received (imported ones included)
    to today's, and ``shown``, the one on screen, wherever it falls."""
    current = quarter_of(on or clock.today())
    earliest = [
        day
        for model in (Complaint, Compliment)
        if (day := db.session.scalar(select(func.min(model.received_on)))) is not None
    ]
    # A quarter label names a year from 2000-01 (periods.FIRST_START_YEAR), and imports
    # refuse dates before it.
    first = max(quarter_of(min(earliest)), Quarter(FIRST_START_YEAR, 1)) if earliest else current
    return sorted(set(quarters_between(min(first, current), current)) | {shown}, reverse=True)


def build_report(quarter: Quarter, on: date | None = None) -> dict[str, Any]:
    """Return the report for ``quarter`` beside the quarter before, as SPEC §6's JSON."""
    previous = quarter.previous()
    on = on or clock.today()
    span = (Complaint.received_on >= previous.start) & (
        Complaint.received_on < quarter.end_exclusive
    )
    now_q = _in(Complaint.received_on, quarter)
    prev_q = _in(Complaint.received_on, previous)

    complaints, previous_complaints = db.session.execute(
        select(func.count().filter(now_q), func.count().filter(prev_q)).where(span)
    ).one()

    theme_rows = db.session.execute(
        select(
            ComplaintPoint.theme,
            func.count().filter(now_q),
            func.count().filter(prev_q),
            *[func.count().filter(now_q, ComplaintPoint.outcome == o) for o in OUTCOMES],
        )
        .join(Complaint, Complaint.id == ComplaintPoint.complaint_id)
        .where(span)
        .group_by(ComplaintPoint.theme)
    ).all()
    names: dict[str, str] = {
        slug: name for slug, name in db.session.execute(select(Theme.slug, Theme.name)).tuples()
    }
    order = {
        slug: i
        for i, slug in enumerate(db.session.scalars(select(Theme.slug).order_by(Theme.position)))
    }
    by_theme = []
    for row in theme_rows:
        counts = dict(zip(OUTCOMES, row[3:], strict=True))
        by_theme.append(
            {
                "theme": row[0],
                "name": names.get(row[0], row[0]),
                "points": row[1],
                "previous_points": row[2],
                "change": row[1] - row[2],
                "upheld": counts["upheld"],
                "partially_upheld": counts["partially_upheld"],
                "not_upheld": counts["not_upheld"],
                "pending": counts["pending"],
            }
        )
    by_theme.sort(
        key=lambda item: (-item["points"], -item["previous_points"], order.get(item["theme"], 99))
    )
    points = sum(item["points"] for item in by_theme)
    previous_points = sum(item["previous_points"] for item in by_theme)
    outcomes = {o: sum(item[o] for item in by_theme) for o in OUTCOMES}

    compliment_rows = db.session.execute(
        select(
            Compliment.theme,
            func.count().filter(_in(Compliment.received_on, quarter)),
            func.count().filter(_in(Compliment.received_on, previous)),
        )
        .where(
            Compliment.received_on >= previous.start, Compliment.received_on < quarter.end_exclusive
        )
        .group_by(Compliment.theme)
    ).all()
    compliments_by_theme = sorted(
        (
            {"theme": t, "name": names.get(t, t), "count": c, "previous_count": p, "change": c - p}
            for t, c, p in compliment_rows
        ),
        key=lambda item: (-item["count"], -item["previous_count"], order.get(item["theme"], 99)),
    )

    timely = _timeliness(quarter)
    actions = _actions(quarter, on)
    return {
        "quarter": quarter.label,
        "quarter_name": quarter.name,
        "previous_quarter": previous.label,
        "previous_quarter_name": previous.name,
        "complaints": complaints,
        "previous_complaints": previous_complaints,
        "points": points,
        "previous_points": previous_points,
        "by_theme": by_theme,
        "outcomes": outcomes,
        "compliments": sum(item["count"] for item in compliments_by_theme),
        "previous_compliments": sum(item["previous_count"] for item in compliments_by_theme),
        "compliments_by_theme": compliments_by_theme,
        **timely,
        **actions,
    }


def _timeliness(quarter: Quarter) -> dict[str, Any]:
    # Two small queries, each a range on its own date index, rather than one full scan.
    clocked = ComplaintStage.stage.in_(("1", "2"))
    acknowledged, ack_on_time = db.session.execute(
        select(
            func.count(),
            func.count().filter(ComplaintStage.acknowledged_on <= ComplaintStage.acknowledge_by),
        ).where(clocked, _in(ComplaintStage.acknowledged_on, quarter))
    ).one()
    responded, resp_on_time, extended = db.session.execute(
        select(
            func.count(),
            func.count().filter(ComplaintStage.responded_on <= ComplaintStage.respond_by),
            func.count().filter(ComplaintStage.extension_days > 0),
        ).where(clocked, _in(ComplaintStage.responded_on, quarter))
    ).one()
    return {
        "acknowledged": acknowledged,
        "acknowledged_on_time": ack_on_time,
        "acknowledged_on_time_percent": _percent(ack_on_time, acknowledged),
        "responded": responded,
        "responded_on_time": resp_on_time,
        "responded_on_time_percent": _percent(resp_on_time, responded),
        "responded_with_extension": extended,
    }


def _actions(quarter: Quarter, on: date) -> dict[str, Any]:
    """Actions completed in the quarter (and how many by their agreed date), beside the
    actions open and overdue on ``on``, which are the same whichever quarter is shown."""
    open_count, overdue = db.session.execute(
        select(func.count(), func.count().filter(ComplaintAction.due_on < on)).where(
            ComplaintAction.status == "open"
        )
    ).one()
    completed, completed_on_time = db.session.execute(
        select(
            func.count(),
            func.count().filter(ComplaintAction.completed_on <= ComplaintAction.due_on),
        ).where(_in(ComplaintAction.completed_on, quarter))
    ).one()
    return {
        "actions_completed": completed,
        "actions_completed_on_time": completed_on_time,
        "open_actions": open_count,
        "overdue_actions": overdue,
    }


CSV_HEADER = [
    "quarter",
    "section",
    "theme",
    "points",
    "previous_points",
    "change",
    "upheld",
    "partially_upheld",
    "not_upheld",
    "pending",
]


def report_csv(report: dict[str, Any]) -> str:
    """The report as CSV: one row per theme of points, then compliments, then totals."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(CSV_HEADER)
    q = report["quarter"]
    for item in report["by_theme"]:
        writer.writerow(
            [
                q,
                "complaint_points",
                item["theme"],
                item["points"],
                item["previous_points"],
                item["change"],
                item["upheld"],
                item["partially_upheld"],
                item["not_upheld"],
                item["pending"],
            ]
        )
    for item in report["compliments_by_theme"]:
        writer.writerow(
            [
                q,
                "compliments",
                item["theme"],
                item["count"],
                item["previous_count"],
                item["change"],
                "",
                "",
                "",
                "",
            ]
        )
    for key in (
        "complaints",
        "points",
        "compliments",
        "acknowledged",
        "acknowledged_on_time",
        "acknowledged_on_time_percent",
        "responded",
        "responded_on_time",
        "responded_on_time_percent",
        "responded_with_extension",
        "actions_completed",
        "actions_completed_on_time",
        "open_actions",
        "overdue_actions",
    ):
        value = report[key]
        writer.writerow([q, "total", key, "" if value is None else value, "", "", "", "", "", ""])
    return out.getvalue()
