"""Findings releases: drafts, quotes approved by a person, forum remarks, publishing.

Publishing freezes the figures and the approved quotes as a snapshot; a published
release never changes (the model refuses it too). A correction is a new version
with a note. Quotes are re-checked against safeguarding flags when published and
again whenever a page is rendered, because a flag can be raised at any time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from feedback_app import clock
from feedback_app.analysis.redaction import hide_phrases, redact
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
from feedback_app.services import audit, once, redaction_names
from feedback_app.services.findings import FindingsError, compute_findings, get_survey
from feedback_app.services.periods import PeriodError, parse_period


class ReleaseError(ValueError):
    """A change to a release that is not allowed; the message is shown to the user."""


class CorrectionOpenError(ReleaseError):
    """A correction of the release is already open; ``draft`` is that correction."""

    def __init__(self, message: str, draft: Release) -> None:
        super().__init__(message)
        self.draft = draft


LOCKED = "This release is published and cannot be changed. Start a correction instead."


def _require_draft(release: Release) -> None:
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


def _eligible(comment: Comment | None) -> bool:
    """Whether a comment may be quoted: consented, redacted and not safeguarding-flagged."""
    return (
        comment is not None
        and comment.quote_consent
        and not comment.safeguarding
        and bool(comment.redacted and comment.redacted.strip())
        and comment.analysed_at is not None
    )


def quote_candidates(release: Release, limit: int = 30) -> list[Comment]:
    """Comments from the release's survey and period that may be quoted and are not picked."""
    period = parse_period(release.period)
    picked = select(ReleaseQuote.comment_id).where(ReleaseQuote.release_id == release.id)
    query = (
        select(Comment)
        .where(
            Comment.survey_id == release.survey_id,
            Comment.source == "survey",
            Comment.received_on >= period.start,
            Comment.received_on <= period.end,
            Comment.quote_consent.is_(True),
            Comment.safeguarding.is_(False),
            Comment.redacted != "",
            Comment.id.not_in(picked),
        )
        .order_by(Comment.received_on.desc(), Comment.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def propose_quote(release: Release, comment_id: int, user: User | None) -> ReleaseQuote:
    """Pick a comment for a draft; it still needs a person's approval. Commits."""
    _require_draft(release)
    comment = db.session.get(Comment, comment_id)
    if not _eligible(comment) or comment is None or comment.survey_id != release.survey_id:
        raise ReleaseError("That comment cannot be quoted")
    period = parse_period(release.period)
    if comment.source != "survey" or not period.start <= comment.received_on <= period.end:
        # The page only offers the period's survey comments; a posted id must match too.
        raise ReleaseError(
            f"That comment was not received in {period.name}, so it cannot be quoted in "
            "this release"
        )
    picked = "That comment is already picked"
    if any(q.comment_id == comment_id for q in release.quotes):
        raise ReleaseError(picked)
    themes = comment.effective_themes
    quote = ReleaseQuote(
        release_id=release.id,
        comment_id=comment.id,
        theme=themes[0] if themes else None,
        status="proposed",
        proposed_by_id=user.id if user else None,
    )
    db.session.add(quote)
    try:
        db.session.flush()
    except IntegrityError:
        # Picked at the same moment by another request: a comment is quoted once a release.
        db.session.rollback()
        raise ReleaseError(picked) from None
    audit.record("release.quote_proposed", "release", release.id, comment_id=comment.id)
    db.session.commit()
    return quote


def approve_quote(release: Release, quote_id: int, shown_text: str, user: User | None) -> None:
    """Approve a quote as worded in ``shown_text``, which must be the current redacted text.

    The approved words are stored, so what is published is exactly what was read.
    Commits.
    """
    _require_draft(release)
    quote = _quote(release, quote_id)
    comment = db.session.get(Comment, quote.comment_id)
    if not _eligible(comment) or comment is None:
        raise ReleaseError("That comment can no longer be quoted")
    if shown_text.strip() != comment.redacted.strip():
        raise ReleaseError("The redacted text changed since you read it: read it again")
    quote.text = comment.redacted.strip()
    quote.status = "approved"
    quote.approved_by_id = user.id if user else None
    quote.approved_at = datetime.now(UTC)
    audit.record(
        # The comment and quote ids, never the words: the audit log is read more widely
        # than the quote, and words hidden later would stay in it.
        "release.quote_approved",
        "release",
        release.id,
        quote_id=quote.id,
        comment_id=quote.comment_id,
    )
    db.session.commit()


def remove_quote(release: Release, quote_id: int) -> None:
    """Take a quote out of a draft. Commits."""
    _require_draft(release)
    quote = _quote(release, quote_id)
    db.session.delete(quote)
    audit.record("release.quote_removed", "release", release.id, quote_id=quote_id)
    db.session.commit()


def _quote(release: Release, quote_id: int) -> ReleaseQuote:
    for quote in release.quotes:
        if quote.id == quote_id:
            return quote
    raise ReleaseError("That quote is not part of this release")


def add_remark(
    release: Release, body: str, user: User | None, *, submission_token: str | None = None
) -> ReleaseRemark:
    """Record a forum member's comment on a draft (co-production). Commits."""
    _require_draft(release)
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


def approved_quotes(release: Release) -> list[dict[str, Any]]:
    """The draft's approved quotes still safe to publish, as snapshot entries."""
    return shown_quotes(
        [
            {"id": q.id, "comment_id": q.comment_id, "theme": q.theme, "text": q.text}
            for q in release.quotes
            if q.status == "approved"
        ]
    )


def reopen_quotes_of(changed: Sequence[Comment]) -> int:
    """Send the comments' quotes approved in draft releases back for approval, because the
    words they show have changed; return how many. The caller commits."""
    reopened = 0
    for quote in db.session.scalars(
        select(ReleaseQuote)
        .join(Release, Release.id == ReleaseQuote.release_id)
        .where(
            ReleaseQuote.comment_id.in_([comment.id for comment in changed]),
            ReleaseQuote.status == "approved",
            Release.status == "draft",
        )
    ):
        quote.status = "proposed"
        quote.text = ""
        quote.approved_by_id = None
        quote.approved_at = None
        audit.record("release.quote_reopened", "release", quote.release_id, quote_id=quote.id)
        reopened += 1
    return reopened


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
    _require_draft(release)
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
    dropped = [
        q.id for q in release.quotes if q.status == "approved" and not _eligible(_comment(q))
    ]
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
        if quote.status == "approved" and _eligible(_comment(quote)):
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


WITHHELD = "Withheld: raised with the safeguarding lead"


def staff_quote_texts(release: Release) -> dict[int, str | None]:
    """The words each of a release's quotes may show on a staff page, by quote id.

    ``None`` means withheld: the comment has been flagged for safeguarding (or erased)
    since it was picked, so not even forum members or analysts reading the release see
    its words. Approved words are shown with any phrases marked as personal data since
    hidden, as on the public page; a proposed quote shows the comment's redacted text,
    which the approver reads and approves as it stands.
    """
    ids = [quote.comment_id for quote in release.quotes]
    if not ids:
        return {}
    safe = {
        comment.id: comment
        for comment in db.session.scalars(
            select(Comment).where(Comment.id.in_(ids), Comment.safeguarding.is_(False))
        )
    }
    names = redaction_names.known_names()
    texts: dict[int, str | None] = {}
    for quote in release.quotes:
        comment = safe.get(quote.comment_id)
        if comment is None:
            texts[quote.id] = None
        elif quote.status == "approved":
            texts[quote.id] = _as_shown(quote.text, comment.hidden_phrases, names)
        else:
            texts[quote.id] = comment.redacted
    return texts


def _as_shown(text: str, hidden: list[list[str]] | None, names: Sequence[str]) -> str:
    """An approved quote's words as they may be shown now, on public and staff pages alike:
    with the phrases analysts have hidden since, and redacted again by today's rules."""
    return redact(hide_phrases(text, hidden or []), names)


def shown_quotes(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The quotes still safe to show, as they must be shown now.

    A quote whose comment has since been flagged for safeguarding (or erased) is left out,
    and words an analyst has marked as personal data since it was approved are hidden in
    its text too: a frozen snapshot never keeps showing them. The text is redacted again
    as well, so personal data the redaction has learned to find since (a spelled-out
    email address, a name now on the list) is hidden in quotes published before.
    """
    ids = [int(quote["comment_id"]) for quote in quotes]
    if not ids:
        return []
    hidden = {
        comment_id: phrases or []
        for comment_id, phrases in db.session.execute(
            select(Comment.id, Comment.hidden_phrases).where(
                Comment.id.in_(ids), Comment.safeguarding.is_(False)
            )
        )
    }
    names = redaction_names.known_names()
    return [
        {**quote, "text": _as_shown(quote["text"], hidden[comment_id], names)}
        for quote in quotes
        if (comment_id := int(quote["comment_id"])) in hidden
    ]
