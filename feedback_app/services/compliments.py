"""Compliments: praise for a team or a person, counted by theme; who was praised stays internal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Compliment
from feedback_app.services import audit, comments, once, references
from feedback_app.services.complaints import audit_safe

FIELDS = ("received_on", "theme", "team", "person_praised", "summary")


def create_compliment(
    data: Mapping[str, Any], *, submission_token: str | None = None
) -> Compliment:
    """Log a compliment, analyse its words like any comment, audit it and commit."""
    compliment = Compliment(**{name: data.get(name) or "" for name in FIELDS})
    compliment.received_on = data["received_on"]
    compliment.submission_token = submission_token
    db.session.add(compliment)
    db.session.flush()
    if not compliment.reference:
        references.assign(compliment, references.COMPLIMENT_PREFIX)
    comments.record_comment(
        source="compliment",
        source_id=compliment.id,
        text=compliment.summary,
        received_on=compliment.received_on,
        # The person praised is usually a member of staff not among the users.
        writer=comments.WriterDetails(names=(compliment.person_praised or "",)),
    )
    audit.record(
        "compliment.created",
        "compliment",
        compliment.id,
        **audit_safe({name: getattr(compliment, name) for name in FIELDS}),
    )
    db.session.commit()
    return compliment


def recent_compliments(limit: int = 50) -> list[Compliment]:
    """The newest compliments first."""
    query = select(Compliment).order_by(Compliment.received_on.desc(), Compliment.id.desc())
    return list(db.session.scalars(query.limit(limit)))


def create_compliment_once(
    data: Mapping[str, Any], *, submission_token: str | None
) -> once.Made[Compliment]:
    """Log a compliment from the officer's form, once per form: the form sent again gets
    the compliment it logged the first time (one logged twice counts twice in the report)."""
    return once.make_once(
        Compliment,
        submission_token,
        lambda: create_compliment(data, submission_token=submission_token),
    )
