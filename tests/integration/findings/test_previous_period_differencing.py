"""A quarter's figures and the previous quarter's it shows beside them, for trends, are
checked together against what is already published: together they must not give away
the rest of the year by subtraction."""

from __future__ import annotations

import itertools
import json
from datetime import date
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Release
from feedback_app.services.published_cells import payload_cells, previous_cells
from feedback_app.services.suppression import is_small
from tests.support.publishing import publish

AGREE = {"involved": "agree", "contact": "disagree"}


def _publish(client: FlaskClient, period: str) -> None:
    response = client.post("/staff/publishing/", data={"survey": "new_ehcp", "period": period})
    assert response.status_code == 302, response.get_data(as_text=True)
    release = db.session.scalars(select(Release).where(Release.period == period)).one()
    assert publish(client, release.id).status_code == 303


def _download(client: FlaskClient, period: str) -> dict[str, Any]:
    response = client.get(f"/findings/new_ehcp/{period}.json")
    assert response.status_code == 200
    return dict(json.loads(response.get_data(as_text=True)))


def _worked_out(year: dict[str, Any], quarters: list[dict[str, int | None]]) -> list[str]:
    """Small numbers someone could work out: a year's figure minus a sum of the same
    figure for some of its quarters, as any release shows them."""
    found = []
    for key, value in payload_cells(year).items():
        if value is None:
            continue
        shown = [cells[key] for cells in quarters if cells.get(key) is not None]
        for size in range(1, len(shown) + 1):
            for subset in itertools.combinations(shown, size):
                if is_small(abs(value - sum(subset)), 5):
                    found.append(f"{key}: {value} - {subset}")
    return found


def test_a_quarter_and_the_quarter_before_it_do_not_give_away_the_rest_of_the_year(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(10, AGREE, on=date(2021, 5, 10))  # Q1
    factories.add_responses(10, AGREE, on=date(2021, 8, 10))  # Q2
    factories.add_responses(2, AGREE, on=date(2021, 11, 10))  # Q3: two families
    client = sign_in("analyst")
    _publish(client, "2021-22")
    _publish(client, "2021-22-Q2")
    year = _download(client, "2021-22")
    second = _download(client, "2021-22-Q2")
    assert year["responses"] == 22
    # Before the fix: 10 in Q2 and 10 in Q1 beside it, so 22 - 10 - 10 = the 2 in Q3.
    assert not (second["responses"] == 10 and second["previous_responses"] == 10)
    own = payload_cells(second)
    before = previous_cells(second)
    assert _worked_out(year, [own, before]) == []
    # One of the two is still shown: only as much is hidden as is needed.
    assert 10 in (second["responses"], second["previous_responses"])
    page = client.get("/findings?survey=new_ehcp&period=2021-22-Q2").get_data(as_text=True)
    assert "not shown" in page


def test_the_check_also_holds_when_the_quarter_is_published_first(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(10, AGREE, on=date(2021, 5, 10))
    factories.add_responses(10, AGREE, on=date(2021, 8, 10))
    factories.add_responses(2, AGREE, on=date(2021, 11, 10))
    client = sign_in("analyst")
    _publish(client, "2021-22-Q2")
    _publish(client, "2021-22")
    second = _download(client, "2021-22-Q2")
    year = _download(client, "2021-22")
    assert _worked_out(year, [payload_cells(second), previous_cells(second)]) == []


def test_a_quarter_after_the_first_of_a_year_with_nothing_to_give_away_is_shown_in_full(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(10, AGREE, on=date(2021, 5, 10))
    factories.add_responses(10, AGREE, on=date(2021, 8, 10))
    factories.add_responses(9, AGREE, on=date(2021, 11, 10))
    client = sign_in("analyst")
    _publish(client, "2021-22")
    _publish(client, "2021-22-Q2")
    second = _download(client, "2021-22-Q2")
    assert second["responses"] == 10 and second["previous_responses"] == 10
    involved = next(q for q in second["questions"] if q["id"] == "involved")
    assert involved["positive"] == 10 and involved["previous_base"] == 10
