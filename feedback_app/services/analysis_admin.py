"""Keeping analysis up to date: re-analysis after rule changes, and learning from labels."""

from __future__ import annotations

from sqlalchemy import select

from feedback_app import analysis
from feedback_app.extensions import db
from feedback_app.models import AnalysisModel, Comment
from feedback_app.services import audit
from feedback_app.services.comments import reanalyse_all

__all__ = ["corrections", "reanalyse_all", "reanalyse_soon", "retrain"]


def corrections() -> list[tuple[str, list[str], str]]:
    """Return every analyst-labelled comment as a training example."""
    query = select(Comment.text, Comment.label_themes, Comment.label_sentiment).where(
        Comment.label_sentiment.is_not(None)
    )
    return [
        (text, list(themes or []), sentiment)
        for text, themes, sentiment in db.session.execute(query)
    ]


def retrain() -> AnalysisModel:
    """Train on the shipped examples plus analysts' corrections; store the model and commit."""
    labelled = corrections()
    learned = analysis.train_with_defaults(labelled)
    row = AnalysisModel(
        examples=learned.examples,
        data=learned.to_dict(),
        notes=f"{len(labelled)} analyst corrections",
    )
    db.session.add(row)
    db.session.flush()
    audit.record("analysis.retrained", "analysis_model", row.id, corrections=len(labelled))
    db.session.commit()
    return row


def reanalyse_soon() -> None:
    """Re-analyse every comment after a rule change, on the job queue when there is one."""
    from feedback_app.services import jobs

    jobs.enqueue(reanalyse_all)
