"""The findings page does not call a theme the most common when a bigger one is hidden."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Release
from tests.support.publishing import publish


def _publish(client: FlaskClient, period: str) -> None:
    response = client.post("/staff/publishing/", data={"survey": "new_ehcp", "period": period})
    assert response.status_code == 302, response.get_data(as_text=True)
    release = db.session.scalars(select(Release).where(Release.period == period)).one()
    assert publish(client, release.id).status_code == 303


def test_a_hidden_bigger_theme_and_a_tie_are_told_honestly(app: Flask, sign_in, factories) -> None:
    for _ in range(5):
        factories.add_comment("Nobody called back.", themes=("communication",), on=date(2023, 5, 2))
    client = sign_in("analyst")
    _publish(client, "2023-24-Q1")
    for _ in range(2):  # 7 in the year, 2 more than the published quarter: hidden
        factories.add_comment("Nobody called back.", themes=("communication",), on=date(2023, 9, 2))
    for theme in ("placement", "timeliness"):
        for _ in range(6):
            factories.add_comment("Waited for a place.", themes=(theme,), on=date(2023, 9, 2))
    _publish(client, "2023-24")
    page = client.get("/findings?survey=new_ehcp&period=2023-24").get_data(as_text=True)
    assert "The most common theme was school places" not in page
    assert (
        "Of the themes we can show, the most common were school places and timeliness and "
        "delays, in 6 comments each." in page
    )
