"""Factories for findings tests: responses, comments and published releases."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Answer, Comment, CommentTheme, Response, Survey, SurveyVersion


def survey(slug: str = "new_ehcp") -> Survey:
    return db.session.scalars(select(Survey).where(Survey.slug == slug)).one()


def add_responses(
    count: int, answers: dict[str, str], on: date = date(2023, 6, 1), slug: str = "new_ehcp"
) -> None:
    s = survey(slug)
    version = db.session.scalars(
        select(SurveyVersion).where(
            SurveyVersion.survey_id == s.id, SurveyVersion.audience == "parent"
        )
    ).first()
    for _ in range(count):
        response = Response(
            survey_id=s.id,
            version_id=version.id,
            status="submitted",
            submitted_on=on,
            channel="import",
        )
        response.answers = [Answer(question_key=k, value=v) for k, v in answers.items()]
        db.session.add(response)
    db.session.commit()


def add_comment(
    text: str,
    *,
    redacted: str | None = None,
    consent: bool = True,
    safeguarding: bool = False,
    themes: tuple[str, ...] = ("communication",),
    sentiment: str = "negative",
    on: date = date(2023, 6, 1),
    slug: str = "new_ehcp",
) -> Comment:
    s = survey(slug)
    source_id = (db.session.scalar(select(db.func.max(Comment.source_id))) or 0) + 1
    comment = Comment(
        source="survey",
        source_id=source_id,
        survey_id=s.id,
        received_on=on,
        text=text,
        redacted=text if redacted is None else redacted,
        quote_consent=consent,
        safeguarding=safeguarding,
        machine_themes=list(themes),
        machine_sentiment=sentiment,
        analysed_at=datetime.now(UTC),
    )
    comment.themes = [CommentTheme(theme=t, sentiment=sentiment) for t in themes]
    db.session.add(comment)
    db.session.commit()
    return comment


@pytest.fixture
def factories() -> Any:
    class F:
        pass

    f = F()
    f.survey = survey  # type: ignore[attr-defined]
    f.add_responses = add_responses  # type: ignore[attr-defined]
    f.add_comment = add_comment  # type: ignore[attr-defined]
    return f
