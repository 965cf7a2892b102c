"""Retention for survey data: contact details and abandoned drafts do not live for ever.

Responses themselves are anonymous and kept; what is personal (the contact details
a family chose to leave) is erased after SURVEY_CONTACT_RETENTION_DAYS, and drafts
nobody came back to are deleted after DRAFT_RETENTION_DAYS.

Erasing contact details erases every copy of them: a family often signs their comment
("ring me on 07700 900987, Perpetua Zanzibar"), and the comment keeps those details in
its ``hidden_phrases`` so that re-analysis hides them again. On erasure the comment's
text and the answer it came from become the redacted text the analysts saw, and the
hidden phrases go: the words are no longer there to hide. A phrase a published release
still shows in its frozen copy of the comment's quote (hidden there after publication) is
kept, or the findings page would show it again. Themes, sentiment and the redacted quotes
are unchanged, so the findings are too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, func, or_, select
from sqlalchemy.orm import selectinload

from feedback_app.analysis.redaction import hide_phrases, phrase_shown, redact
from feedback_app.extensions import db
from feedback_app.models import Answer, Comment, Release, ReleaseQuote, Response
from feedback_app.services import audit, releases, retention_periods
from feedback_app.services.comments import WriterDetails

BATCH_SIZE = 200


@dataclass(frozen=True)
class SurveyPurge:
    """How many responses lost their contact details, and how many drafts were deleted."""

    contacts_erased: int
    drafts_deleted: int


@dataclass(frozen=True)
class _Cutoffs:
    contacts: datetime
    drafts: datetime


def _cutoffs(now: datetime | None) -> _Cutoffs:
    """The moments before which contact details and drafts expire; raises
    ``retention_periods.RetentionSettingError`` for a bad setting."""
    now = now or datetime.now(UTC)
    return _Cutoffs(
        contacts=now - timedelta(days=retention_periods.days("SURVEY_CONTACT_RETENTION_DAYS")),
        drafts=now - timedelta(days=retention_periods.days("DRAFT_RETENTION_DAYS")),
    )


def _expired_contacts(cutoffs: _Cutoffs) -> ColumnElement[bool]:
    has_contact = or_(
        Response.contact_name.is_not(None),
        Response.contact_email.is_not(None),
        Response.contact_phone.is_not(None),
    )
    return and_(
        Response.status == "submitted", Response.submitted_at < cutoffs.contacts, has_contact
    )


def _stale_drafts(cutoffs: _Cutoffs) -> ColumnElement[bool]:
    return and_(Response.status == "draft", Response.updated_at < cutoffs.drafts)


def count_expired(now: datetime | None = None) -> SurveyPurge:
    """What ``purge_expired`` would erase and delete, changing nothing (``--dry-run``)."""
    cutoffs = _cutoffs(now)
    count = select(func.count()).select_from(Response)
    return SurveyPurge(
        contacts_erased=db.session.scalar(count.where(_expired_contacts(cutoffs))) or 0,
        drafts_deleted=db.session.scalar(count.where(_stale_drafts(cutoffs))) or 0,
    )


def purge_expired(now: datetime | None = None) -> SurveyPurge:
    """Erase expired contact details (and every copy of them) and delete expired drafts,
    then commit."""
    cutoffs = _cutoffs(now)
    expired_ids = list(
        db.session.scalars(
            select(Response.id).where(_expired_contacts(cutoffs)).order_by(Response.id)
        )
    )
    published = published_quote_texts() if expired_ids else {}
    for start in range(0, len(expired_ids), BATCH_SIZE):
        batch = db.session.scalars(
            select(Response)
            .where(Response.id.in_(expired_ids[start : start + BATCH_SIZE]))
            .options(selectinload(Response.answers))
        )
        for response in batch:
            erase_contact_details(response, published)
        db.session.flush()

    stale_ids = list(db.session.scalars(select(Response.id).where(_stale_drafts(cutoffs))))
    if stale_ids:
        db.session.execute(delete(Answer).where(Answer.response_id.in_(stale_ids)))
        db.session.execute(delete(Response).where(Response.id.in_(stale_ids)))
    if expired_ids or stale_ids:
        audit.record(
            "surveys.retention_purge",
            "responses",
            "-",
            contacts_erased=len(expired_ids),
            drafts=len(stale_ids),
        )
    db.session.commit()
    return SurveyPurge(contacts_erased=len(expired_ids), drafts_deleted=len(stale_ids))


def erase_contact_details(
    response: Response, published: Mapping[int, Sequence[str]] | None = None
) -> None:
    """Erase a response's contact details and every copy of them in its comments, answers
    and quotes; the caller commits.

    ``published``: ``published_quote_texts()``, read once by a caller erasing many.
    """
    if published is None:
        published = published_quote_texts()
    writer = WriterDetails(
        names=(response.contact_name or "",),
        emails=(response.contact_email or "",),
        phones=(response.contact_phone or "",),
    )
    kept_text: dict[str, str] = {}
    for comment in db.session.scalars(
        select(Comment).where(Comment.source == "survey", Comment.source_id == response.id)
    ):
        kept_text[comment.field] = _keep_only_redacted(
            comment, writer, published.get(comment.id, ())
        )
    for answer in response.answers:
        if answer.text:
            kept = kept_text.get(answer.question_key)
            answer.text = kept if kept is not None else _without_details(answer.text, writer)
    response.contact_name = response.contact_email = response.contact_phone = None


def _without_details(text: str, writer: WriterDetails) -> str:
    """A text with no comment of its own (another free-text answer), redacted with the
    family's details hidden."""
    return hide_phrases(redact(text), writer.found_in(text))


def _keep_only_redacted(
    comment: Comment, writer: WriterDetails, published_quotes: Sequence[str]
) -> str:
    """Make the comment's text its redacted text and drop the hidden phrases; return it.

    The redacted text already hides the family's details (``WriterDetails`` at
    submission); any the text repeats that it does not yet hide are hidden now, and a
    quote that showed them goes back for approval. ``published_quotes``: the texts of the
    comment's quotes frozen in published releases.
    """
    own = writer.found_in(comment.text)
    phrases = [*(comment.hidden_phrases or []), *own]
    shown = hide_phrases(comment.redacted or redact(comment.text), phrases)
    if shown != comment.redacted:
        if comment.redacted:
            releases.reopen_quotes_of([comment])
        comment.redacted = shown
    _hide_in_quotes(comment.id, phrases)
    comment.text = shown
    # A phrase goes with the words it hid, but for one still shown: by a published
    # release's frozen quote (hidden after publication: the page hides it as it shows the
    # quote, through the comment's hidden phrases) or, hidden in other ways, by the text.
    comment.hidden_phrases = _still_shown([shown, *published_quotes], phrases) or None
    return shown


def _still_shown(texts: Iterable[str], phrases: Iterable[Sequence[str]]) -> list[list[str]]:
    texts = list(texts)
    shown: list[list[str]] = []
    for pair in phrases:
        if list(pair) not in shown and any(phrase_shown(text, pair[0]) for text in texts):
            shown.append(list(pair))
    return shown


def published_quote_texts() -> dict[int, list[str]]:
    """The words of every quote frozen in a published (or superseded) release, by comment."""
    texts: dict[int, list[str]] = {}
    for snapshot in db.session.scalars(select(Release.snapshot).where(Release.status != "draft")):
        for quote in (snapshot or {}).get("quotes", []):
            texts.setdefault(int(quote["comment_id"]), []).append(str(quote.get("text", "")))
    return texts


def _hide_in_quotes(comment_id: int, phrases: list[list[str]]) -> None:
    """Hide the family's details, and the words hidden in the comment, in the text of any
    quote of the comment (published ones too: the phrases that hid them there are going,
    and a published page must not go on showing what has been erased)."""
    if not phrases:
        return
    for quote in db.session.scalars(
        select(ReleaseQuote).where(ReleaseQuote.comment_id == comment_id)
    ):
        hidden = hide_phrases(quote.text, phrases)
        if hidden != quote.text:
            quote.text = hidden
