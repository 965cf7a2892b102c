"""The inspection evidence pack: how the partnership listened to families in a period.

Brings together survey figures and trends (the published release if there is one,
otherwise the current suppressed figures), complaint themes, outcomes and
timeliness, actions completed, and "you said, we did" entries. Staff only, but
every figure is suppressed as on the public page, so the pack can be shared.
"""

from __future__ import annotations

import io
from typing import Any

from sqlalchemy import func, select

from feedback_app.csv_cells import csv_writer
from feedback_app.extensions import db
from feedback_app.models import (
    Complaint,
    ComplaintAction,
    ComplaintPoint,
    ComplaintStage,
    Improvement,
    Survey,
)
from feedback_app.services import suppression
from feedback_app.services.findings import compute_findings, theme_names, threshold
from feedback_app.services.open_data import find_published, public_payload
from feedback_app.services.periods import Period, parse_period


def _in(column: Any, start: Any, end: Any) -> Any:
    return (column >= start) & (column <= end)


def in_period(entry: Improvement, period: Period) -> bool:
    """Whether a "you said, we did" entry belongs in the period's pack: done in it, or
    under way at some time in it (started, or else added, by its end and not done before
    it began)."""
    # As for the count of completions: a completion date on an entry not done is not one.
    done_on = entry.completed_on if entry.status == "done" else None
    if done_on is not None and period.contains(done_on):
        return True
    started = entry.started_on or entry.created_at.date()
    if started > period.end:
        return False
    return done_on is None or done_on >= period.start


def build(period_label: str) -> dict[str, Any]:
    """Gather the pack for a year or quarter label."""
    period = parse_period(period_label)
    limit = threshold()
    surveys = []
    for survey in db.session.scalars(select(Survey).order_by(Survey.id)):
        release = find_published(survey.slug, period.label)
        payload = (
            public_payload(release) if release else compute_findings(survey.slug, period.label)
        )
        payload["source"] = (
            f"published version {release.version}" if release else "not yet published"
        )
        surveys.append(payload)
    names = theme_names()
    outcome_rows = db.session.execute(
        select(ComplaintPoint.theme, ComplaintPoint.outcome, func.count())
        .join(Complaint, Complaint.id == ComplaintPoint.complaint_id)
        .where(_in(Complaint.received_on, period.start, period.end))
        .group_by(ComplaintPoint.theme, ComplaintPoint.outcome)
    ).all()
    by_theme: dict[str, dict[str, int]] = {}
    for theme, outcome, count in outcome_rows:
        by_theme.setdefault(theme, {})[outcome] = count
    points = {theme: sum(outcomes.values()) for theme, outcomes in by_theme.items()}
    # The findings page publishes the period's total of complaint points, so a theme's
    # count hidden there must be hidden here too, or the total minus the others shown
    # would give it back: suppress the column against its total, as the page does, and
    # hide every theme the findings hide (some to stop subtraction from other releases).
    hidden_there = {
        row["theme"]
        for payload in surveys
        for row in payload.get("complaints", {}).get("by_theme", [])
        if row.get("count") is None
    }
    shown_points = suppression.suppress_column(
        points, sum(points.values()), limit, forced=hidden_there & set(points)
    )
    complaint_themes = []
    # Shown themes by size, then hidden ones by name, so the order reveals nothing.
    for theme in sorted(
        by_theme, key=lambda t: (shown_points[t] is None, -(shown_points[t] or 0), t)
    ):
        outcomes, total = by_theme[theme], shown_points[theme]
        shown = suppression.suppress_column(outcomes, total, limit) if total else {}
        complaint_themes.append(
            {
                "theme": theme,
                "name": names.get(theme, theme),
                "points": total,
                # Hidden though not small: it would reveal a smaller group.
                "points_withheld": total is None and points[theme] >= limit,
                "upheld": shown.get("upheld", 0) if total else None,
                "partially_upheld": shown.get("partially_upheld", 0) if total else None,
                "not_upheld": shown.get("not_upheld", 0) if total else None,
            }
        )
    responded, on_time = db.session.execute(
        select(
            func.count(),
            func.count().filter(ComplaintStage.responded_on <= ComplaintStage.respond_by),
        ).where(
            ComplaintStage.stage.in_(("1", "2")),
            _in(ComplaintStage.responded_on, period.start, period.end),
        )
    ).one()
    actions = db.session.execute(
        select(ComplaintAction.team, func.count())
        .where(_in(ComplaintAction.completed_on, period.start, period.end))
        .group_by(ComplaintAction.team)
    ).all()
    published_entries = list(
        db.session.scalars(
            select(Improvement)
            .where(Improvement.published.is_(True))
            .order_by(Improvement.status, Improvement.updated_at.desc())
        )
    )
    entries = [e for e in published_entries if in_period(e, period)]
    team_counts = {t or "Not recorded": c for t, c in actions}
    actions_total = sum(team_counts.values())
    # The total is shown, so a small team count is hidden with the next smallest too
    # (a total minus the rest would reveal it); a small total hides every team.
    team_shown = suppression.suppress_column(team_counts, actions_total, limit)
    # The on-time percent of a shown number of responses reveals how many were late.
    timely = suppression.suppress_parts(
        {"on_time": on_time, "late": responded - on_time}, responded, limit
    )
    return {
        "period": period.label,
        "period_name": period.name,
        "dates": f"{period.start:%-d %B %Y} to {period.end:%-d %B %Y}",
        "threshold": limit,
        "surveys": surveys,
        "complaint_themes": complaint_themes,
        "responded": None if suppression.is_small(responded, limit) else responded,
        "responded_on_time": None if timely else on_time,
        "responded_on_time_percent": None if timely else suppression.percent(on_time, responded),
        "actions_completed": [{"team": t, "count": c} for t, c in team_shown.items()],
        "actions_completed_total": (
            None if suppression.is_small(actions_total, limit) else actions_total
        ),
        "improvements": entries,
        "improvements_elsewhere": len(published_entries) - len(entries),
        # Only entries marked done: a completion date on a planned entry is not a completion.
        "improvements_done": [
            e
            for e in entries
            if e.status == "done" and e.completed_on and period.contains(e.completed_on)
        ],
        "names": names,
    }


def to_csv(pack: dict[str, Any]) -> str:
    """The pack's figures, one a row: section, item, measure, value."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["period", "section", "item", "measure", "value"])
    period = pack["period"]

    def row(section: str, item: str, measure: str, value: Any) -> None:
        writer.writerow([period, section, item, measure, "" if value is None else value])

    for survey in pack["surveys"]:
        row("survey", survey["survey"], "responses", survey["responses"])
        for q in survey["questions"]:
            for measure in ("base", "percent_positive", "percent_negative", "change_positive"):
                row("statement", f"{survey['survey']}.{q['id']}", measure, q.get(measure))
        for t in survey["themes"]:
            row("theme", f"{survey['survey']}.{t['slug']}", "count", t["count"])
    for c in pack["complaint_themes"]:
        for measure in ("points", "upheld", "partially_upheld", "not_upheld"):
            row("complaint_theme", c["theme"], measure, c[measure])
    row("complaints", "all", "responded", pack["responded"])
    row("complaints", "all", "responded_on_time_percent", pack["responded_on_time_percent"])
    row("actions_completed", "all", "count", pack["actions_completed_total"])
    for a in pack["actions_completed"]:
        row("actions_completed", a["team"], "count", a["count"])
    for e in pack["improvements"]:
        row("you_said_we_did", e.title, "status", e.status)
    row("you_said_we_did", "other periods", "entries not listed", pack["improvements_elsewhere"])
    return out.getvalue()
