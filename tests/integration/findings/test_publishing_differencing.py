"""Publishing a year after its quarters, or a correction, reveals no small number by
subtraction from what is already published."""

from __future__ import annotations

import itertools
import json
from datetime import date
from typing import Any

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Release
from feedback_app.services.published_cells import payload_cells
from feedback_app.services.suppression import is_small
from tests.support.publishing import publish

AGREE = {"involved": "agree"}


def _publish(client: FlaskClient, period: str) -> Release:
    response = client.post("/staff/publishing/", data={"survey": "new_ehcp", "period": period})
    assert response.status_code == 302, response.get_data(as_text=True)
    release = db.session.scalars(select(Release).where(Release.period == period)).one()
    response = publish(client, release.id)
    assert response.status_code == 303
    db.session.refresh(release)
    assert release.status == "published"
    return release


def _download(client: FlaskClient, period: str, version: int | None = None) -> dict[str, Any]:
    query = f"?version={version}" if version else ""
    response = client.get(f"/findings/new_ehcp/{period}.json{query}")
    assert response.status_code == 200
    return json.loads(response.get_data(as_text=True))


def _statement_row(page: str, statement: str) -> str:
    row = BeautifulSoup(page, "html.parser").find("tr", attrs={"data-statement": statement})
    assert row is not None
    return str(row.get_text(" ", strip=True))


def _small_differences(whole: dict[str, Any], parts: list[dict[str, Any]], t: int) -> list[str]:
    """What someone could work out: a shown figure of ``whole`` minus any sum of the same
    figure shown in ``parts`` that comes to a small number."""
    found = []
    part_cells = [payload_cells(part) for part in parts]
    for key, value in payload_cells(whole).items():
        if value is None:
            continue
        shown = [cells[key] for cells in part_cells if cells.get(key) is not None]
        for size in range(1, len(shown) + 1):
            for subset in itertools.combinations(shown, size):
                if is_small(abs(value - sum(subset)), t):
                    found.append(f"{key}: {value} - {subset}")
    return found


def test_a_year_published_after_its_quarters_does_not_give_away_the_last_quarter(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(10, AGREE, on=date(2023, 6, 1))
    factories.add_responses(8, AGREE, on=date(2023, 8, 1))
    factories.add_responses(6, AGREE, on=date(2023, 11, 1))
    factories.add_responses(2, AGREE, on=date(2024, 2, 1))  # Q4: two families
    client = sign_in("analyst")
    for quarter in ("2023-24-Q1", "2023-24-Q2", "2023-24-Q3"):
        _publish(client, quarter)
    _publish(client, "2023-24")
    year = _download(client, "2023-24")
    quarters = [_download(client, f"2023-24-Q{n}") for n in (1, 2, 3)]
    assert [q["responses"] for q in quarters] == [10, 8, 6]
    # Without the check the year would show 26 answers, and 26 - 24 = the 2 in Q4.
    assert _small_differences(year, quarters, 5) == []
    assert year["responses"] is None and year["responses_withheld"] is True
    involved = next(q for q in year["questions"] if q["id"] == "involved")
    assert involved["base"] is None and involved["positive"] is None and involved["withheld"]
    page = client.get("/findings?survey=new_ehcp&period=2023-24").get_data(as_text=True)
    assert "The number of families who answered this survey is not shown" in page
    assert ">26</span>" not in page
    assert "not shown" in _statement_row(page, "involved")
    # The quarters already published are left as they were.
    assert _download(client, "2023-24-Q3")["responses"] == 6


def test_a_year_with_enough_in_the_last_quarter_is_shown_in_full(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(10, AGREE, on=date(2023, 6, 1))
    factories.add_responses(6, AGREE, on=date(2024, 2, 1))
    client = sign_in("analyst")
    _publish(client, "2023-24-Q1")
    _publish(client, "2023-24")
    year = _download(client, "2023-24")
    assert year["responses"] == 16 and year["responses_withheld"] is False
    assert next(q for q in year["questions"] if q["id"] == "involved")["positive"] == 16


def test_a_correction_adding_two_responses_does_not_show_them(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(10, AGREE)
    client = sign_in("analyst")
    first = _publish(client, "2023-24")
    factories.add_responses(2, {"involved": "disagree"})  # late returns
    client.post(f"/staff/publishing/releases/{first.id}/correct", data={"note": "Late returns."})
    draft = db.session.scalars(select(Release).where(Release.version == 2)).one()
    preview = client.get(f"/staff/publishing/releases/{draft.id}/preview").get_data(as_text=True)
    assert ">12</span>" not in preview and ">10</span>" not in preview
    assert "not shown" in _statement_row(preview, "involved")
    publish(client, draft.id)
    version_1 = _download(client, "2023-24", version=1)
    version_2 = _download(client, "2023-24")
    assert version_2["version"] == 2
    assert version_1["responses"] == 10  # history stays as published
    assert _small_differences(version_2, [version_1], 5) == []
    assert version_2["responses"] is None
    involved = next(q for q in version_2["questions"] if q["id"] == "involved")
    assert involved["base"] is None and involved["negative"] is None
    # Three more make five since version 1: a difference no longer small, so shown.
    factories.add_responses(3, {"involved": "disagree"})
    second = db.session.get(Release, draft.id)
    client.post(f"/staff/publishing/releases/{second.id}/correct", data={"note": "More."})
    third = db.session.scalars(select(Release).where(Release.version == 3)).one()
    publish(client, third.id)
    version_3 = _download(client, "2023-24")
    assert version_3["version"] == 3 and version_3["responses"] == 15
    assert _small_differences(version_3, [version_1], 5) == []


def test_a_correction_that_changes_nothing_shows_everything(app: Flask, sign_in, factories) -> None:
    factories.add_responses(10, AGREE)
    client = sign_in("analyst")
    first = _publish(client, "2023-24")
    client.post(f"/staff/publishing/releases/{first.id}/correct", data={"note": "Wording."})
    draft = db.session.scalars(select(Release).where(Release.version == 2)).one()
    publish(client, draft.id)
    assert _download(client, "2023-24")["responses"] == 10


def test_the_threshold_setting_decides_what_a_small_difference_is(
    app: Flask, sign_in, factories
) -> None:
    app.config["SUPPRESSION_THRESHOLD"] = 3
    factories.add_responses(10, AGREE)
    client = sign_in("analyst")
    first = _publish(client, "2023-24")
    factories.add_responses(3, AGREE)
    client.post(f"/staff/publishing/releases/{first.id}/correct", data={"note": "Late."})
    draft = db.session.scalars(select(Release).where(Release.version == 2)).one()
    publish(client, draft.id)
    assert _download(client, "2023-24")["responses"] == 13  # 3 is not small when it is 3


def test_a_later_quarter_shows_the_earlier_one_as_published(app: Flask, sign_in, factories) -> None:
    factories.add_responses(10, AGREE, on=date(2023, 6, 1))
    factories.add_responses(7, AGREE, on=date(2023, 8, 1))
    client = sign_in("analyst")
    _publish(client, "2023-24-Q1")
    factories.add_responses(2, AGREE, on=date(2023, 6, 2))  # late returns for Q1
    _publish(client, "2023-24-Q2")
    second = _download(client, "2023-24-Q2")
    # The trend quotes Q1 as published (10), not 12, which would reveal the late two.
    assert second["previous_responses"] == 10
    involved = next(q for q in second["questions"] if q["id"] == "involved")
    assert involved["previous_base"] == 10 and involved["positive"] == 7


def test_the_first_year_a_label_names_can_be_corrected(app: Flask, sign_in, factories) -> None:
    # Its previous year (1999-00) has no label that parses, but its figures are compared.
    factories.add_responses(6, AGREE, on=date(2000, 6, 1))
    client = sign_in("analyst")
    first = _publish(client, "2000-01")
    client.post(f"/staff/publishing/releases/{first.id}/correct", data={"note": "Checked."})
    draft = db.session.scalars(select(Release).where(Release.version == 2)).one()
    response = publish(client, draft.id)
    assert response.status_code == 303
    assert _download(client, "2000-01")["responses"] == 6
