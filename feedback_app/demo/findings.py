"""Demo findings: a published 2023-24 release per survey with approved quotes, and
"you said, we did" entries drawn from the seeds (caseworker contact, agencies
working together, the Local Offer) and from complaint actions marked as candidates.

Runs after the surveys and complaints demo seeds, which supply the responses,
comments and complaint actions this reads.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Release, Survey
from feedback_app.services import improvements, releases, releases_quotes
from feedback_app.services.suppression import whole_percent

IMPROVEMENTS = [
    improvements.EntryInput(
        theme="communication",
        title="Easier to reach your caseworker",
        you_said="{contact} of families who had a new EHC plan in 2023/24 said it was not easy "
        "to contact their SEND caseworker.",
        we_did="We recruited more caseworkers, gave every family a named caseworker and a team "
        "phone line, and now aim to return calls within two working days.",
        service="SEND Assessment Team",
        status="in_progress",
        started_on=date(2024, 4, 1),
        due_on=date(2025, 3, 31),
    ),
    improvements.EntryInput(
        theme="joint_working",
        title="Health and social care advice in every plan",
        you_said="{joint_working} of families said education, health and social care did not "
        "work well together during their child's assessment.",
        we_did="Health and social care now send advice through one shared request, and a "
        "designated clinical officer checks every draft plan.",
        service="SEND Partnership Board with the NHS integrated care board",
        status="planned",
        due_on=date(2025, 9, 30),
    ),
    improvements.EntryInput(
        theme="information",
        title="A redesigned Local Offer",
        you_said="Families told us it was hard to find information about what support is "
        "available and what to expect.",
        we_did="We redesigned the Local Offer website with parents and carers; it went live "
        "in October 2023.",
        service="Local Offer team with Families in Partnership",
        status="done",
        started_on=date(2023, 4, 1),
        completed_on=date(2023, 10, 31),
    ),
]


def seed(rng: random.Random) -> list[str]:
    """Publish 2023-24 findings for each survey and add "you said, we did" entries."""
    lines: list[str] = []
    for survey in db.session.scalars(select(Survey).order_by(Survey.id)):
        existing = db.session.scalars(
            select(Release).where(Release.survey_id == survey.id, Release.period == "2023-24")
        ).first()
        if existing is not None:
            continue
        release = releases.create_draft(survey.slug, "2023-24", None)
        candidates = releases_quotes.quote_candidates(release, limit=40)
        for comment in rng.sample(candidates, k=min(4, len(candidates))):
            quote = releases_quotes.propose_quote(release, comment.id, None)
            releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
        releases.add_remark(
            release, "Forum read-through: the figures match what families tell us.", None
        )
        releases.publish(release, None)
        lines.append(
            f"Published findings for {survey.name}, 2023-24 with "
            f"{len(release.snapshot.get('quotes', []))} approved quotes"
        )
    quotes = improvements.published_quotes()
    disagreed = _disagreed("new_ehcp", "2023-24")
    for template in IMPROVEMENTS:
        entry = replace(template, you_said=template.you_said.format_map(disagreed))
        match = next((q for q in quotes if q["theme"] == entry.theme), None)
        entry.quote_id = match["id"] if match else None
        improvements.create_entry(entry)
    for action in improvements.candidates()[:3]:
        theme = action.point.theme
        improvements.create_entry(
            improvements.EntryInput(
                theme=theme,
                title="Changes after complaints about " + theme.replace("_", " "),
                you_said="Families raised this in complaints to the SEND service.",
                we_did="The service agreed an improvement and is following it up until done.",
                service=action.team or "SEND service",
                status="done" if action.status == "done" else "in_progress",
                due_on=action.due_on,
                completed_on=action.completed_on,
            ),
            complaint_action_id=action.id,
        )
    lines.append(f"Added {len(improvements.all_entries())} 'you said, we did' entries")
    return lines


class _Disagreed(dict[str, str]):
    """Statement ids to "N%" who disagreed; a statement not shown reads "A large share"
    (the findings withhold a statement whose "does not apply" count is small)."""

    def __missing__(self, key: str) -> str:
        return "A large share"


def _disagreed(survey_slug: str, period: str) -> _Disagreed:
    """The share who disagreed with each statement in the published release, as the
    findings page shows it, so the demo's "you said" matches the published figures."""
    release = db.session.scalars(
        select(Release)
        .join(Survey, Survey.id == Release.survey_id)
        .where(Survey.slug == survey_slug, Release.period == period)
        .order_by(Release.version.desc())
    ).first()
    shares = _Disagreed()
    for row in (release.snapshot or {}).get("questions", []) if release else []:
        if isinstance(row.get("negative"), int) and row.get("base"):
            shares[row["id"]] = f"{whole_percent(row['negative'], row['base'])}%"
    return shares
