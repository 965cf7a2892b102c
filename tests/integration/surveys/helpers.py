"""Helpers for driving the survey journey through the test client."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Response, Survey, SurveyVersion
from tests.conftest import parse_html

PATHS = {"new_ehcp": "new-ehcp", "annual_review": "annual-review"}


def version_for(slug: str, audience: str) -> SurveyVersion:
    """The current version of a survey for an audience."""
    return db.session.scalars(
        select(SurveyVersion)
        .join(Survey)
        .where(Survey.slug == slug, SurveyVersion.audience == audience, SurveyVersion.is_current)
    ).one()


def start(client: FlaskClient, path: str, audience: str = "parent") -> str:
    """Press "Start now"; return the first question's URL."""
    url = f"/surveys/{path}" + ("/young-people" if audience == "young_person" else "")
    page = client.get(url)
    assert page.status_code == 200
    parse_html(page.get_data(as_text=True))
    response = client.post(url, data={})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.location


def answer(client: FlaskClient, url: str, **data: str) -> str:
    """Post one page's answer and return where it redirects."""
    response = client.post(url, data={"action": "continue", **data})
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    return response.location


def drafts() -> list[Response]:
    """Every response, newest last."""
    db.session.expire_all()
    return list(db.session.scalars(select(Response).order_by(Response.id)))


def text_of(client: FlaskClient, url: str) -> str:
    """GET a page, check it is valid HTML, return its body."""
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.get_data(as_text=True)
    parse_html(body)
    return body
