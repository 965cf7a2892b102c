"""Public findings pages, open-data downloads, and "you said, we did" with its feed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from flask import Blueprint, Response, abort, render_template, request, url_for

from feedback_app.findings import display
from feedback_app.ids import parse_id
from feedback_app.services import charts, improvements, open_data
from feedback_app.services.findings import theme_names, threshold

bp = Blueprint("findings", __name__)

for _name in (
    "pct",
    "share",
    "change",
    "change_in",
    "figure",
    "base_text",
    "atom_time",
    "most_common",
):
    bp.add_app_template_filter(getattr(display, _name), f"findings_{_name}")
bp.add_app_template_global(charts.statement_chart, "statement_chart")
bp.add_app_template_global(charts.theme_chart, "theme_chart")


def _version_arg() -> int | None:
    return parse_id(request.args.get("version"))


@bp.get("/findings")
def show_findings() -> str:
    """Show the published findings for the chosen survey and period."""
    survey = request.args.get("survey") or None
    period = request.args.get("period") or None
    release = open_data.find_published(survey, period, _version_arg())
    choices = open_data.published_choices()
    missing = None
    if release is None and (survey or period or request.args.get("version")):
        # The form offers every survey with every period, so a pair with nothing
        # published is an answer, not a missing page; an unknown survey, period or
        # version is still not found.
        missing = (
            None if request.args.get("version") else open_data.unpublished_choice(survey, period)
        )
        if missing is None:
            abort(404)
    payload = open_data.public_payload(release) if release else None
    return render_template(
        "findings/page.html",
        release=release,
        payload=payload,
        missing=missing,
        chosen={"survey": survey, "period": period},
        choices=choices,
        surveys={c.survey: c.survey_name for c in choices},
        periods=open_data.period_choices(choices),
        versions=open_data.versions_of(release) if release else [],
    )


@bp.get("/findings/<survey>/<period>.json")
def download_json(survey: str, period: str) -> Response:
    """Download a published release as JSON, small numbers suppressed."""
    release = open_data.find_published(survey, period, _version_arg()) or abort(404)
    data = open_data.download_json(open_data.public_payload(release))
    response = Response(json.dumps(data, indent=2), mimetype="application/json")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="findings-{survey}-{period}-v{release.version}.json"'
    )
    return response


@bp.get("/findings/<survey>/<period>.csv")
def download_csv(survey: str, period: str) -> Response:
    """Download a published release as CSV, small numbers suppressed."""
    release = open_data.find_published(survey, period, _version_arg()) or abort(404)
    payload = open_data.public_payload(release)
    payload["version"] = release.version
    response = Response(open_data.download_csv(payload), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="findings-{survey}-{period}-v{release.version}.csv"'
    )
    return response


@bp.get("/findings/data-dictionary")
def data_dictionary() -> str:
    """Explain every column of the open-data downloads."""
    return render_template(
        "findings/data_dictionary.html",
        columns=open_data.DATA_DICTIONARY,
        threshold=threshold(),
        choices=open_data.published_choices(),
    )


@bp.get("/you-said-we-did")
def you_said_we_did() -> str:
    """List "you said, we did" entries, filtered by theme."""
    names = theme_names()
    theme = request.args.get("theme") or None
    if theme not in names:
        theme = None
    quotes = improvements.published_quotes()
    entries = improvements.public_entries(theme)
    return render_template(
        "findings/you_said_we_did.html",
        entries=entries,
        theme=theme,
        names=names,
        evidence=improvements.theme_evidence(),
        quotes={e.id: improvements.entry_quote(e, quotes) for e in entries},
    )


@bp.get("/you-said-we-did/feed.atom")
def feed() -> Response:
    """An Atom feed of "you said, we did" entries, for the forum to share."""
    entries = improvements.public_entries()
    updated = max((e.updated_at for e in entries), default=datetime.now(UTC))
    body = render_template(
        "findings/feed.atom.xml",
        entries=entries,
        names=theme_names(),
        updated=updated,
        page_url=url_for("findings.you_said_we_did", _external=True),
        feed_url=url_for("findings.feed", _external=True),
    )
    return Response(body, mimetype="application/atom+xml")
