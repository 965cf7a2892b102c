"""Survey definitions: finding surveys and their current versions."""

from __future__ import annotations

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Survey, SurveyVersion


def list_active_surveys() -> list[Survey]:
    """Return the surveys families can answer now, in a stable order."""
    return list(db.session.scalars(select(Survey).where(Survey.active).order_by(Survey.id)))


def get_survey_by_path(path: str) -> Survey | None:
    """Return the survey at a URL path such as ``new-ehcp``."""
    return db.session.scalars(select(Survey).where(Survey.path == path)).first()


def get_survey_by_slug(slug: str) -> Survey | None:
    """Return the survey with a slug such as ``new_ehcp``."""
    return db.session.scalars(select(Survey).where(Survey.slug == slug)).first()


def current_version(survey: Survey, audience: str = "parent") -> SurveyVersion | None:
    """Return the version of a survey that new responses from this audience use."""
    query = (
        select(SurveyVersion)
        .where(
            SurveyVersion.survey_id == survey.id,
            SurveyVersion.audience == audience,
            SurveyVersion.is_current,
        )
        .order_by(SurveyVersion.number.desc())
    )
    return db.session.scalars(query).first()
