"""The officer's dashboard and queue, the actions list, compliments and the quarterly report.

The queue answers both ways: the full page, or for an htmx request just the
``_queue_table.html`` fragment that the page includes, built from one context.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Response, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from feedback_app import clock
from feedback_app.auth.access import roles_required
from feedback_app.complaints import forms
from feedback_app.complaints.routes import OFFICER, bp
from feedback_app.extensions import htmx
from feedback_app.models.complaints import OUTCOME_LABELS, STAGE_LABELS
from feedback_app.services import (
    complaint_points,
    complaints,
    complaints_queue,
    complaints_report,
    compliments,
)
from feedback_app.services.periods import PeriodError, Quarter, parse_quarter, quarter_of

#: The report's outcome columns, in the order of the Outcomes row, with the same words as
#: the point form, so that each theme's row adds up to its points.
REPORT_OUTCOMES = {
    slug: OUTCOME_LABELS[slug] for slug in ("upheld", "partially_upheld", "not_upheld", "pending")
}


def _filters() -> complaints_queue.QueueFilters:
    return complaints_queue.QueueFilters.from_args(request.args)


def queue_context() -> dict[str, Any]:
    """Everything the queue page and its fragment need, built once for both."""
    today = complaints.today()
    filters = _filters()
    return {
        "result": complaints_queue.queue(filters, today),
        "filters": filters,
        "themes": complaint_points.active_themes(),
        "officers": complaints_queue.officers(),
        "stages": STAGE_LABELS,
        "statuses": complaints_queue.STATUS_FILTERS,
        "today": today,
        # Links to complaints carry the queue's filters, so "Back to complaints" returns here.
        "came_from": urlencode(filters.as_args()),
    }


@bp.get("/")
@roles_required(OFFICER)
def queue() -> Response:
    """The officer's dashboard: overdue actions first, then the triage queue."""
    context = queue_context()
    # htmx asks for the whole page when Back finds no copy of it in its history cache.
    if htmx and not htmx.history_restore_request:
        body = render_template("complaints/_queue_table.html", **context)
    else:
        today = context["today"]
        overdue = complaints_queue.open_actions(today, overdue_only=True, limit=10)
        words = {a.id: complaints_queue.action_due_words(a, today) for a in overdue}
        body = render_template(
            "complaints/queue.html", overdue_actions=overdue, action_words=words, **context
        )
    response = Response(body, mimetype="text/html")
    response.headers["Vary"] = "HX-Request"
    return response


@bp.get("/actions")
@roles_required(OFFICER)
def list_actions() -> str:
    """Every open action, overdue first, so the officer can chase them."""
    today = complaints.today()
    actions = complaints_queue.open_actions(today)
    words = {a.id: complaints_queue.action_due_words(a, today) for a in actions}
    return render_template("complaints/actions.html", actions=actions, action_words=words)


@bp.get("/compliments")
@roles_required(OFFICER)
def list_compliments() -> str:
    """The newest compliments."""
    return render_template(
        "complaints/compliments.html", compliments=compliments.recent_compliments()
    )


@bp.route("/compliments/new", methods=["GET", "POST"])
@roles_required(OFFICER)
def log_compliment() -> str | BaseResponse:
    """Log a compliment."""
    form = forms.ComplimentForm()
    form.theme.choices = [(t.slug, t.name) for t in complaint_points.active_themes()]
    if form.validate_on_submit():
        made = compliments.create_compliment_once(
            {
                "received_on": form.received_on.data,
                "theme": form.theme.data,
                "team": form.team.data.strip(),
                "person_praised": (form.person_praised.data or "").strip(),
                "summary": form.summary.data.strip(),
            },
            submission_token=form.submission_token.sent,
        )
        if made.new:
            flash(f"Compliment for {made.record.team} logged", "success")
        else:
            flash(
                f"This form was sent twice: the compliment for {made.record.team} was logged once."
            )
        return redirect(url_for(".list_compliments"))
    return render_template(
        "complaints/form.html",
        form=form,
        complaint=None,
        title="Log a compliment",
        back_url=url_for(".list_compliments"),
        field_params={},
    )


def _quarter() -> tuple[Quarter, str | None]:
    label = request.args.get("quarter", "")
    default = quarter_of(clock.today()).previous()
    if not label:
        return default, None
    try:
        return parse_quarter(label), None
    except PeriodError as error:
        return default, str(error)


@bp.get("/report")
@roles_required(OFFICER)
def quarterly_report() -> str:
    """The quarterly report: this quarter beside the last, by theme, with timeliness."""
    quarter, problem = _quarter()
    report = complaints_report.build_report(quarter)
    choices = complaints_report.report_quarters(quarter)
    return render_template(
        "complaints/report.html",
        report=report,
        quarter=quarter,
        choices=choices,
        problem=problem,
        outcome_labels=REPORT_OUTCOMES,
    )


@bp.get("/report.csv")
@roles_required(OFFICER)
def quarterly_report_csv() -> BaseResponse:
    """The quarterly report as a CSV download."""
    quarter, problem = _quarter()
    if problem:
        # Not the default quarter under the asked-for name: the report page says what is wrong.
        return redirect(url_for(".quarterly_report", quarter=request.args.get("quarter", "")))
    body = complaints_report.report_csv(complaints_report.build_report(quarter))
    return Response(
        body,
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="complaints-report-{quarter.label}.csv"'
        },
    )
