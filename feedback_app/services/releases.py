"""Findings releases: making a draft, forum remarks, publishing and corrections.

Publishing freezes the figures and the approved quotes as a snapshot; a published
release never changes (the model refuses it too). A correction is a new version
with a note. Quotes are re-checked against safeguarding flags when published and
again whenever a page is rendered, because a flag can be raised at any time.

Picking and approving quotes is in ``releases_quotes``; what quotes may show now,
on public and staff pages, is in ``releases_shown``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import (
    Comment,
    Improvement,
    Release,
    ReleaseQuote,
    ReleaseRemark,
    Survey,
    User,
)
from feedback_app.services import audit, once
from feedback_app.services.findings import FindingsError, compute_findings, get_survey
from feedback_app.services.periods import PeriodError, parse_period
from feedback_app.services.releases_shown import approved_quotes, quotable

# Imported from here by survey_retention.py and improvements.py.
from feedback_app.services.releases_shown import reopen_quotes_of as reopen_quotes_of
from feedback_app.services.releases_shown import shown_quotes as shown_quotes


class ReleaseError(ValueError):
    """A change to a release that is not allowed; the message is shown to the user."""


class CorrectionOpenError(ReleaseError):
    """A correction of the release is already open; ``draft`` is that correction."""

    def __init__(self, message: str, draft: Release) -> None:
        super().__init__(message)
        self.draft = draft


LOCKED = "This release is published and cannot be changed. Start a correction instead."


def require_draft(release: Release) -> None:
    """Refuse a change to a release that is no longer a draft."""
    if not release.is_draft:
        raise ReleaseError(LOCKED)


@dataclass(frozen=True)
class Listed:
    """A release as the staff list names it: "Your child's new EHC plan, 2023/24"."""

    release: Release
    survey_name: str
    period_name: str


def list_releases() -> list[Listed]:
    """Every release, newest first, with its survey's name and its period's, for the staff
    list (several surveys have releases for the same period)."""
    rows = db.session.execute(
        select(Release, Survey.name)
        .join(Survey, Survey.id == Release.survey_id)
        .order_by(Release.id.desc())
    )
    return [Listed(release, name, period_name(release)) for release, name in rows]


def period_name(release: Release) -> str:
    """The release's period as people write it: "2023/24" or "Q2 2024/25"."""
    try:
        return parse_period(release.period).name
    except PeriodError:  # not made by create_draft; shown as stored rather than failing
        return release.period


def get_release(release_id: int) -> Release | None:
    """Return one release by id."""
    return db.session.get(Release, release_id)


def create_draft(survey_slug: str, period_label: str, user: User | None) -> Release:
    """Start the first draft for a survey and period. Commits."""
    try:
        period = parse_period(period_label)
    except PeriodError as error:
        raise ReleaseError(str(error)) from error
    try:
        survey = get_survey(survey_slug)
    except FindingsError as error:
        raise ReleaseError(str(error)) from error
    already = f"There is already a release for {survey.name}, {period.name}: open it instead"
    existing = db.session.scalars(
        select(Release).where(Release.survey_id == survey.id, Release.period == period.label)
    ).first()
    if existing is not None:
        raise ReleaseError(already)
    release = Release(
        survey_id=survey.id,
        period=period.label,
        version=1,
        status="draft",
        created_by_id=user.id if user else None,
    )
    db.session.add(release)
    try:
        db.session.flush()
    except IntegrityError:
        # Started at the same moment by another request (a double click, or two analysts):
        # version 1 of the survey and period is unique, so theirs is the draft.
        db.session.rollback()
        raise ReleaseError(already) from None
    audit.record("release.created", "release", release.id, survey=survey.slug, period=period.label)
    db.session.commit()
    return release


def survey_of(release: Release) -> Survey:
    """The survey a release reports on."""
    survey = db.session.get(Survey, release.survey_id)
    assert survey is not None
    return survey


def add_remark(
    release: Release, body: str, user: User | None, *, submission_token: str | None = None
) -> ReleaseRemark:
    """Record a forum member's comment on a draft (co-production). Commits."""
    require_draft(release)
    if not body.strip():
        raise ReleaseError("Enter your comment")
    remark = ReleaseRemark(
        release_id=release.id,
        user_id=user.id if user else None,
        author=(user.name or user.email) if user else "system",
        body=body.strip()[:5000],
        submission_token=submission_token,
    )
    db.session.add(remark)
    audit.record("release.remark_added", "release", release.id)
    db.session.commit()
    return remark


def add_remark_once(
    release: Release, body: str, user: User | None, *, submission_token: str | None
) -> once.Made[ReleaseRemark]:
    """Record a comment from the forum's form, once per form: the form sent again gets the
    comment it left the first time. Commits."""
    return once.make_once(
        ReleaseRemark,
        submission_token,
        lambda: add_remark(release, body, user, submission_token=submission_token),
    )


def draft_payload(release: Release) -> dict[str, Any]:
    """What the public would see if the draft were published now (the preview)."""
    payload = compute_findings(survey_of(release).slug, release.period)
    payload["quotes"] = approved_quotes(release)
    return _stamp(payload, release)


def _stamp(payload: dict[str, Any], release: Release) -> dict[str, Any]:
    payload["version"] = release.version
    payload["note"] = release.note
    return payload


def publish(release: Release, user: User | None) -> None:
    """Freeze a draft's figures and quotes and publish it; supersede the older version.

    Of two analysts publishing at the same moment, one publishes it and the other is
    told it is published: one audit entry, one publication time.
    """
    require_draft(release)
    newer = db.session.scalar(
        select(func.max(Release.version)).where(
            Release.survey_id == release.survey_id,
            Release.period == release.period,
            Release.status == "published",
        )
    )
    if newer is not None and newer > release.version:
        # Publishing it would make an older version current and supersede a newer one.
        raise ReleaseError(
            f"Version {newer} is already published, so this older version "
            f"{release.version} cannot be: start a correction of version {newer} instead"
        )
    dropped = [q.id for q in release.quotes if q.status == "approved" and not quotable(_comment(q))]
    payload = draft_payload(release)
    published_at = datetime.now(UTC)
    payload["published_on"] = clock.in_uk(published_at).date().isoformat()
    published = once.claim(
        Release,
        release.id,
        {"status": "draft"},
        {
            "snapshot": payload,
            "status": "published",
            "published_at": published_at,
            "published_by_id": user.id if user else None,
        },
    )
    if not published:  # another request published it after this one read it
        db.session.rollback()
        raise ReleaseError(LOCKED)
    for older in db.session.scalars(
        select(Release).where(
            Release.survey_id == release.survey_id,
            Release.period == release.period,
            Release.status == "published",
            Release.id != release.id,
        )
    ):
        older.status = "superseded"
        audit.record("release.superseded", "release", older.id, by=release.id)
        _carry_improvement_links(older, release)
    audit.record(
        "release.published",
        "release",
        release.id,
        version=release.version,
        quotes=len(payload["quotes"]),
        quotes_dropped_for_safeguarding=dropped,
    )
    db.session.commit()


def _carry_improvement_links(older: Release, newer: Release) -> None:
    """Point "you said, we did" entries linked to the older version's quotes at the newer
    version's quote of the same comment, so a correction does not drop the quote from
    them. An entry whose comment is not quoted in the newer version keeps its old link
    (shown nowhere, as the quote is no longer published). The caller commits."""
    by_comment = {q.comment_id: q for q in newer.quotes if q.status == "approved"}
    old_quotes = {q.id: q.comment_id for q in older.quotes}
    if not old_quotes:
        return
    for entry in db.session.scalars(
        select(Improvement).where(Improvement.quote_id.in_(list(old_quotes)))
    ):
        quote_id = entry.quote_id
        new_quote = by_comment.get(old_quotes[quote_id]) if quote_id is not None else None
        if new_quote is None:
            continue
        entry.quote_id = new_quote.id
        audit.record(
            "improvement.quote_carried",
            "improvement",
            entry.id,
            old_quote=quote_id,
            new_quote=new_quote.id,
            release=newer.id,
        )


def _comment(quote: ReleaseQuote) -> Comment | None:
    return db.session.get(Comment, quote.comment_id)


def start_correction(release: Release, note: str, user: User | None) -> Release:
    """Open a new draft version of a published release, saying why. Commits."""
    if release.status != "published":
        raise ReleaseError("Only the current published version can be corrected")
    if not note.strip():
        raise ReleaseError("Enter what the correction changes and why")
    # The newest version is read before looking for an open correction, not after: a
    # correction started by another request in between is then either seen as open, or
    # given the same version number as this one, which the unique constraint refuses.
    newest = db.session.scalar(
        select(func.max(Release.version)).where(
            Release.survey_id == release.survey_id, Release.period == release.period
        )
    )
    _check_no_open_correction(release)
    draft = Release(
        survey_id=release.survey_id,
        period=release.period,
        version=(newest or release.version) + 1,
        status="draft",
        note=note.strip(),
        created_by_id=user.id if user else None,
    )
    db.session.add(draft)
    try:
        db.session.flush()
    except IntegrityError:
        # Started at the same moment by another request (a double click, or two analysts).
        db.session.rollback()
        _check_no_open_correction(release)
        raise
    for quote in release.quotes:
        if quote.status == "approved" and quotable(_comment(quote)):
            draft.quotes.append(
                ReleaseQuote(
                    comment_id=quote.comment_id,
                    theme=quote.theme,
                    status="approved",
                    text=quote.text,
                    proposed_by_id=quote.proposed_by_id,
                    approved_by_id=quote.approved_by_id,
                    approved_at=quote.approved_at,
                )
            )
    audit.record("release.correction_started", "release", draft.id, corrects=release.id, note=note)
    db.session.commit()
    return draft


def _check_no_open_correction(release: Release) -> None:
    open_draft = db.session.scalars(
        select(Release)
        .where(
            Release.survey_id == release.survey_id,
            Release.period == release.period,
            Release.status == "draft",
        )
        .order_by(Release.version)
    ).first()
    if open_draft is not None:
        # Two open corrections could be published in either order, leaving the older current.
        raise CorrectionOpenError(
            f"Version {open_draft.version} is already open as a correction of this release: "
            "finish that correction instead of starting another",
            open_draft,
        )
