"""Keeping analysis up to date: re-analysis after rule changes, and learning from labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Row, delete, func, or_, select

from feedback_app import analysis
from feedback_app.analysis import redaction
from feedback_app.extensions import db
from feedback_app.models import AnalysisModel, AuditEntry, Comment, SafeguardingFlag
from feedback_app.services import audit, jobs, redaction_names
from feedback_app.services.comments import reanalyse_all

__all__ = [
    "KEEP_MODELS",
    "RETRAIN_PATIENCE",
    "LearningStatus",
    "RetrainRefused",
    "can_retrain_in_background",
    "corrections",
    "learning_status",
    "reanalyse_all",
    "reanalyse_soon",
    "request_retrain",
    "retrain",
    "retrain_in_background",
    "training_text",
]

RETRAIN_REQUESTED = "analysis.retrain_requested"
#: A retraining asked for longer ago than this, with no new model, has probably failed.
RETRAIN_PATIENCE = timedelta(hours=1)


def corrections() -> list[tuple[str, list[str] | None, str | None, bool | None]]:
    """Return what people have decided about comments, as training examples.

    An analyst's label gives themes and sentiment; a safeguarding lead's decision says
    whether the comment is a disclosure. A comment may have either or both; what nobody
    decided is ``None`` and teaches nothing.

    The text is the redacted text the analyst saw, never what the family wrote: a model
    keeps word pairs ("perpetua zanzibar", "07700 900987"), is stored for as long as it
    is among the newest ``KEEP_MODELS`` and goes into every backup, and nothing erases a
    person from it. A comment whose text cannot be shown safely is left out
    (``training_text``).
    """
    query = (
        select(
            Comment.text,
            Comment.redacted,
            Comment.hidden_phrases,
            Comment.label_themes,
            Comment.label_sentiment,
            SafeguardingFlag.concern,
        )
        .outerjoin(SafeguardingFlag, SafeguardingFlag.comment_id == Comment.id)
        .where(
            or_(
                Comment.label_sentiment.is_not(None),
                SafeguardingFlag.concern.in_(["concern", "no_concern"]),
            )
        )
        .order_by(Comment.id)
    )
    # The names analysis hides (staff, and those analysts hid in every comment).
    known_names = redaction_names.staff_names() + redaction_names.names()
    examples = []
    for text, redacted, hidden, themes, sentiment, concern in db.session.execute(query):
        shown = training_text(text, redacted, hidden, known_names)
        if shown is None:
            continue
        examples.append(
            (
                shown,
                None if sentiment is None else list(themes or []),
                sentiment,
                None if concern in (None, "undecided") else concern == "concern",
            )
        )
    return examples


def training_text(
    text: str,
    redacted: str | None,
    hidden_phrases: Sequence[Sequence[str]] | None,
    known_names: Sequence[str] = (),
) -> str | None:
    """The words of a comment a model may learn from: its redacted text, redacted again
    with today's rules and names (it may have been analysed before a name was listed),
    with the phrases analysts and the record's own details hid, hidden.

    None (the comment teaches nothing) if a hidden phrase would still reach the model,
    which ``hide_phrases`` should make impossible: better one example fewer than a model
    that keeps a name.
    """
    shown = redaction.redact(redacted or text, known_names)
    phrases = [list(pair) for pair in hidden_phrases or []]
    shown = redaction.hide_phrases(shown, phrases)
    if any(redaction.phrase_shown(shown, phrase) for phrase, _kind in phrases):
        return None
    return shown


#: How many learned models are kept. Each one holds words from the comments it learned
#: from; older ones are deleted when a new one is stored, so words erased from the
#: comments (a family's, at the end of retention) leave the models within a few retrains.
KEEP_MODELS = 3


def retrain() -> AnalysisModel:
    """Train on the shipped examples plus people's decisions; store the model, delete all
    but the newest ``KEEP_MODELS`` and commit."""
    labelled = corrections()
    learned = analysis.train_with_defaults(labelled)
    labels = sum(1 for _text, _themes, sentiment, _disclosure in labelled if sentiment)
    decisions = sum(
        1 for _text, _themes, _sentiment, disclosure in labelled if disclosure is not None
    )
    row = AnalysisModel(
        examples=learned.examples,
        data=learned.to_dict(),
        notes=f"analyst corrections: {labels}, safeguarding decisions: {decisions}",
    )
    db.session.add(row)
    db.session.flush()
    removed = _delete_old_models()
    audit.record(
        "analysis.retrained",
        "analysis_model",
        row.id,
        corrections=labels,
        safeguarding_decisions=decisions,
        older_models_deleted=removed,
    )
    db.session.commit()
    return row


def _delete_old_models() -> int:
    """Delete every stored model but the newest ``KEEP_MODELS``; return how many went."""
    kept = select(AnalysisModel.id).order_by(AnalysisModel.id.desc()).limit(KEEP_MODELS)
    old = list(db.session.scalars(select(AnalysisModel.id).where(AnalysisModel.id.not_in(kept))))
    if old:
        db.session.execute(delete(AnalysisModel).where(AnalysisModel.id.in_(old)))
    return len(old)


@dataclass(frozen=True)
class LearningStatus:
    """Which model the analyser uses, and what people have decided that it has not learned."""

    trained_at: datetime | None  # None: the model shipped with the platform
    notes: str
    new_corrections: int
    new_decisions: int
    #: when an administrator asked the job queue to retrain, if that is still under way
    retrain_requested_at: datetime | None = None


def learning_status() -> LearningStatus:
    """Say what the analyser last learned from, and how many corrections and safeguarding
    decisions have been made since (``flask retrain`` learns from them)."""
    newest = _newest_model()
    labels = select(func.count()).where(Comment.label_sentiment.is_not(None))
    decisions = select(func.count()).where(SafeguardingFlag.concern != "undecided")
    if newest is not None:
        labels = labels.where(Comment.reviewed_at > newest.created_at)
        decisions = decisions.where(SafeguardingFlag.handled_at > newest.created_at)
    return LearningStatus(
        trained_at=newest.created_at if newest else None,
        notes=newest.notes if newest else "",
        new_corrections=db.session.scalar(labels) or 0,
        new_decisions=db.session.scalar(decisions) or 0,
        retrain_requested_at=_retrain_under_way(newest.created_at if newest else None),
    )


def _newest_model() -> Row[tuple[datetime, str]] | None:
    return db.session.execute(
        select(AnalysisModel.created_at, AnalysisModel.notes)
        .order_by(AnalysisModel.id.desc())
        .limit(1)
    ).first()


def _retrain_under_way(trained_at: datetime | None) -> datetime | None:
    """When retraining was last asked for, if no model has come of it yet (within
    ``RETRAIN_PATIENCE``: one asked for longer ago has probably failed)."""
    requested = select(func.max(AuditEntry.at)).where(
        AuditEntry.action == RETRAIN_REQUESTED,
        AuditEntry.at > datetime.now(UTC) - RETRAIN_PATIENCE,
    )
    if trained_at is not None:
        requested = requested.where(AuditEntry.at > trained_at)
    return db.session.scalar(requested)


def can_retrain_in_background() -> bool:
    """Retraining takes minutes, longer than a web request may: only a worker can do it."""
    return jobs.has_queue()


class RetrainRefused(Exception):
    """Retraining could not be put on the queue; the message says why, for the admin."""


def request_retrain() -> None:
    """Put retraining on the job queue for a worker, then record who asked and commit.

    Raises ``RetrainRefused`` when there is no job queue, when a retraining is already
    under way, or when the queue cannot be reached: it never falls back to training inside
    the request, which would take minutes.
    """
    if not can_retrain_in_background():
        raise RetrainRefused(
            "Retraining takes a few minutes, so it needs the job queue and a worker "
            "(REDIS_URL and flask worker). Without them, run flask --app wsgi retrain on "
            "the server."
        )
    newest = _newest_model()
    if _retrain_under_way(newest.created_at if newest else None) is not None:
        raise RetrainRefused("Retraining has already been asked for and has not finished yet.")
    try:
        jobs.enqueue_for_worker(retrain_in_background)
    except jobs.QueueUnavailable:
        raise RetrainRefused(
            "The job queue cannot be reached, so retraining has not started. Try again "
            "later, or run flask --app wsgi retrain on the server."
        ) from None
    audit.record(RETRAIN_REQUESTED, "analysis_model", "next")
    db.session.commit()


def retrain_in_background() -> int:
    """The job: retrain, then queue re-analysis of every comment as a job of its own, so
    neither runs into the other's time limit; returns the new model's id."""
    row = retrain()
    reanalyse_soon()
    return row.id


def reanalyse_soon() -> None:
    """Re-analyse every comment after a rule change, on the job queue when there is one."""
    jobs.enqueue(reanalyse_all)
