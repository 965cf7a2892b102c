"""Published figures read as a recount would: percents rounded once, no trend from nothing."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask.testing import FlaskClient

from feedback_app.services import releases
from feedback_app.services.findings import compute_findings
from tests.conftest import parse_html


def test_percents_on_the_page_are_rounded_once_from_the_counts(
    app: Flask, client: FlaskClient, factories
) -> None:
    # 7 of 52 is 13.46% and 45 of 52 is 86.54%; stored to one place they are 13.5 and 86.5.
    factories.add_responses(7, {"involved": "agree"})
    factories.add_responses(45, {"involved": "disagree"})
    release = releases.create_draft("new_ehcp", "2023-24", None)
    releases.publish(release, None)
    soup = parse_html(client.get("/findings").get_data(as_text=True))
    cells = [
        td.get_text(" ", strip=True)
        for td in soup.find("tr", attrs={"data-statement": "involved"}).find_all("td")
    ]
    assert cells[1] == "13% (7)"
    assert cells[2] == "87% (45)"
    text = soup.get_text(" ")
    assert "13% agreed and 87% disagreed" in text
    assert "14%" not in text and "86%" not in text


def test_the_change_since_last_year_is_rounded_once(
    app: Flask, client: FlaskClient, factories
) -> None:
    # Last year 6 of 42 agreed (14.29%); this year 11 of 41 (26.83%): up 12.54 points,
    # which the one-decimal figures (26.8 - 14.3 = 12.5) would round to 12.
    factories.add_responses(6, {"involved": "agree"}, on=date(2022, 6, 1))
    factories.add_responses(36, {"involved": "disagree"}, on=date(2022, 6, 1))
    factories.add_responses(11, {"involved": "agree"})
    factories.add_responses(30, {"involved": "disagree"})
    releases.publish(releases.create_draft("new_ehcp", "2023-24", None), None)
    soup = parse_html(client.get("/findings").get_data(as_text=True))
    row = soup.find("tr", attrs={"data-statement": "involved"})
    assert row.find_all("td")[3].get_text(strip=True) == "up 13 points"


def test_no_theme_trend_against_a_period_with_no_responses(app: Flask, factories) -> None:
    factories.add_responses(6, {"involved": "agree"})
    for _ in range(6):
        factories.add_comment("The plan was vague.", themes=("plan_quality",))
    data = compute_findings("new_ehcp", "2023-24")
    plan = next(row for row in data["themes"] if row["slug"] == "plan_quality")
    assert plan["count"] == 6
    assert plan["previous_count"] is None and plan["change"] is None


def test_a_theme_nobody_raised_last_year_still_counts_from_zero(app: Flask, factories) -> None:
    factories.add_responses(6, {"involved": "agree"}, on=date(2022, 6, 1))
    factories.add_responses(6, {"involved": "agree"})
    for _ in range(6):
        factories.add_comment("The plan was vague.", themes=("plan_quality",))
    data = compute_findings("new_ehcp", "2023-24")
    plan = next(row for row in data["themes"] if row["slug"] == "plan_quality")
    assert plan["previous_count"] == 0 and plan["change"] == 6
