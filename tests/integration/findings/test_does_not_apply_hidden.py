"""Published findings never let "does not apply" or skipped answers be counted by
subtraction: responses minus a statement's base gave 2 and 3 in the demo's new EHCP
2023-24 release, and 1, 2 and 4 in its annual review one."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from sqlalchemy import select, update

from feedback_app.extensions import db
from feedback_app.models import Release
from feedback_app.services.suppression import is_small
from tests.support.publishing import publish

ALL_AGREE = {"involved": "agree", "aspirational": "agree", "contact": "agree"}


def _publish(client: FlaskClient, period: str) -> Release:
    response = client.post("/staff/publishing/", data={"survey": "new_ehcp", "period": period})
    assert response.status_code == 302, response.get_data(as_text=True)
    release = db.session.scalars(select(Release).where(Release.period == period)).one()
    assert publish(client, release.id).status_code == 303
    db.session.refresh(release)
    return release


def _json(client: FlaskClient, period: str) -> dict[str, Any]:
    response = client.get(f"/findings/new_ehcp/{period}.json")
    assert response.status_code == 200
    return json.loads(response.get_data(as_text=True))


def _csv(client: FlaskClient, period: str) -> dict[tuple[str, str, str], str]:
    response = client.get(f"/findings/new_ehcp/{period}.csv")
    assert response.status_code == 200
    rows = csv.DictReader(io.StringIO(response.get_data(as_text=True)))
    return {(row["section"], row["item"], row["measure"]): row["value"] for row in rows}


def _page(client: FlaskClient, period: str) -> str:
    response = client.get(f"/findings?survey=new_ehcp&period={period}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _left_out(responses: Any, bases: dict[str, Any]) -> dict[str, int]:
    return {
        key: responses - base
        for key, base in bases.items()
        if isinstance(responses, int) and isinstance(base, int)
    }


def _assert_nothing_small_left_out(client: FlaskClient, period: str) -> None:
    data = _json(client, period)
    bases = {q["id"]: q["base"] for q in data["questions"]}
    assert not any(is_small(n, 5) for n in _left_out(data["responses"], bases).values())
    cells = _csv(client, period)
    responses = cells[("responses", "all", "count")]
    csv_bases = {
        item: int(value)
        for (section, item, measure), value in cells.items()
        if section == "statement" and measure == "base" and value
    }
    if responses:
        assert not any(is_small(n, 5) for n in _left_out(int(responses), csv_bases).values())
    page = _page(client, period)
    rows = BeautifulSoup(page, "html.parser").select("tr[data-statement]")
    page_bases = {}
    for row in rows:
        answered = row.find_all("td")[0].get_text(strip=True)
        if answered.isdigit():
            page_bases[row["data-statement"]] = int(answered)
    total = BeautifulSoup(page, "html.parser").select_one(".app-findings__total")
    shown = total.find("span") if total else None
    if shown is not None and shown.get_text(strip=True).isdigit():
        left_out = _left_out(int(shown.get_text(strip=True)), page_bases)
        assert not any(is_small(n, 5) for n in left_out.values())


def test_two_who_answered_does_not_apply_cannot_be_counted(sign_in, factories) -> None:
    factories.add_responses(20, ALL_AGREE, on=date(2023, 6, 1))
    factories.add_responses(
        2, {**ALL_AGREE, "involved": "not_applicable"}, on=date(2023, 7, 1)
    )  # 22 responses; involved's base is 20, the others' 22
    client = sign_in("analyst")
    _publish(client, "2023-24")

    data = _json(client, "2023-24")
    # The other statements show 22 as their base, so hiding the total would not do:
    # the statement is not shown.
    assert data["responses"] == 22
    involved = next(q for q in data["questions"] if q["id"] == "involved")
    assert involved["withheld"] is True and involved["suppressed"] is True
    for measure in ("base", "positive", "negative", "percent_positive", "percent_negative"):
        assert involved[measure] is None, measure
    cells = _csv(client, "2023-24")
    assert cells[("statement", "involved", "base")] == ""
    assert cells[("statement", "involved", "percent_positive")] == ""
    assert cells[("statement", "contact", "base")] == "22"
    page = _page(client, "2023-24")
    row = BeautifulSoup(page, "html.parser").find("tr", attrs={"data-statement": "involved"})
    assert "20" not in row.get_text(" ") and "not shown" in row.get_text(" ")
    assert "how many answered “does not apply”" in page
    _assert_nothing_small_left_out(client, "2023-24")


def test_one_who_skipped_a_statement_cannot_be_counted(sign_in, factories) -> None:
    factories.add_responses(20, ALL_AGREE, on=date(2023, 6, 1))
    factories.add_responses(1, {"involved": "agree", "aspirational": "agree"}, on=date(2023, 6, 2))
    client = sign_in("analyst")
    _publish(client, "2023-24")
    contact = next(q for q in _json(client, "2023-24")["questions"] if q["id"] == "contact")
    assert contact["base"] is None and contact["withheld"] is True
    _assert_nothing_small_left_out(client, "2023-24")


def test_when_every_statement_leaves_someone_out_the_total_is_hidden(sign_in, factories) -> None:
    factories.add_responses(20, ALL_AGREE, on=date(2023, 6, 1))
    factories.add_responses(2, {**ALL_AGREE, "involved": "not_applicable"}, on=date(2023, 7, 1))
    factories.add_responses(1, {**ALL_AGREE, "aspirational": "not_applicable"})
    factories.add_responses(1, {**ALL_AGREE, "contact": "not_applicable"})
    client = sign_in("analyst")
    _publish(client, "2023-24")
    # 24 responses, bases 22, 23 and 23: hiding the 24 hides less than the statements.
    data = _json(client, "2023-24")
    assert data["responses"] is None and data["responses_withheld"] is True
    assert [q["base"] for q in data["questions"]][:3] == [22, 23, 23]
    assert _csv(client, "2023-24")[("responses", "all", "count")] == ""
    page = _page(client, "2023-24")
    assert "The number of families who answered this survey is not shown" in page
    assert "24 families" not in page and ">24</span>" not in page
    _assert_nothing_small_left_out(client, "2023-24")


def test_responses_are_shown_when_nobody_or_enough_are_left_out(sign_in, factories) -> None:
    factories.add_responses(20, ALL_AGREE, on=date(2023, 6, 1))
    factories.add_responses(5, {**ALL_AGREE, "involved": "not_applicable"}, on=date(2023, 7, 1))
    client = sign_in("analyst")
    _publish(client, "2023-24")
    data = _json(client, "2023-24")
    assert data["responses"] == 25 and data["responses_withheld"] is False
    assert not any(q["withheld"] for q in data["questions"])
    assert _csv(client, "2023-24")[("responses", "all", "count")] == "25"
    assert ">25</span> families answered this survey" in _page(client, "2023-24")


def test_a_release_published_before_the_check_no_longer_shows_it(sign_in, factories) -> None:
    factories.add_responses(20, ALL_AGREE, on=date(2023, 6, 1))
    factories.add_responses(2, {**ALL_AGREE, "involved": "not_applicable"}, on=date(2023, 7, 1))
    client = sign_in("analyst")
    release = _publish(client, "2023-24")
    # As it was frozen before the check: every statement beside the total. (A published
    # release refuses changes through the ORM; this stands in for the old data.)
    questions = [dict(q) for q in release.snapshot["questions"]]
    questions[0].update(base=20, positive=20, negative=0, neither=0, withheld=False)
    questions[0].update(percent_positive=100.0, percent_negative=0.0, suppressed=False)
    assert questions[0]["id"] == "involved"
    frozen = {**release.snapshot, "questions": questions}
    db.session.execute(update(Release).where(Release.id == release.id).values(snapshot=frozen))
    db.session.commit()
    db.session.expire_all()

    involved = next(q for q in _json(client, "2023-24")["questions"] if q["id"] == "involved")
    assert involved["base"] is None and involved["withheld"] is True
    assert _csv(client, "2023-24")[("statement", "involved", "base")] == ""
    _assert_nothing_small_left_out(client, "2023-24")

    # The next year's trend figures do not bring it back either.
    factories.add_responses(30, ALL_AGREE, on=date(2024, 6, 1))
    _publish(client, "2024-25")
    later = _json(client, "2024-25")
    assert later["previous_responses"] == 22
    involved = next(q for q in later["questions"] if q["id"] == "involved")
    assert involved["previous_base"] is None and involved["previous_percent_positive"] is None
