"""Publishing pages name things as staff do: surveys and periods by their names, themes by
theme names, history in words, and banners that say what happened."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Release
from feedback_app.services import releases, releases_quotes, users
from tests.conftest import parse_html
from tests.support.publishing import publish


def _text(body: str) -> str:
    return " ".join(parse_html(body).get_text(" ").split())


def test_the_releases_list_names_each_survey_and_period(app: Flask, sign_in) -> None:
    year, review, quarter = (
        releases.create_draft(survey, period, None)
        for survey, period in [
            ("new_ehcp", "2023-24"),
            ("annual_review", "2023-24"),
            ("new_ehcp", "2024-25-Q2"),
        ]
    )
    client = sign_in("forum_member")
    page = parse_html(client.get("/staff/publishing/").get_data(as_text=True))
    links = [a.get_text(" ", strip=True) for a in page.select("table a")]
    new_name = releases.survey_of(year).name
    review_name = releases.survey_of(review).name
    assert releases.survey_of(quarter).name == new_name != review_name
    assert links[0].startswith(f"{new_name}, Q2 2024/25")
    assert links[1].startswith(f"{review_name}, 2023/24")
    assert links[2].startswith(f"{new_name}, 2023/24")
    assert not any(link.startswith("Release ") for link in links)


def test_a_release_page_uses_the_periods_name(app: Flask, sign_in) -> None:
    release = releases.create_draft("new_ehcp", "2024-25-Q2", None)
    client = sign_in("analyst")
    body = client.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True)
    text = _text(body)
    assert "Q2 2024/25" in text
    assert "2024-25-Q2" not in text


def test_starting_a_draft_is_a_success_banner_naming_the_survey_and_period(
    app: Flask, sign_in
) -> None:
    client = sign_in("analyst")
    response = client.post(
        "/staff/publishing/",
        data={"survey": "new_ehcp", "period": "2023-24-Q1"},
        follow_redirects=True,
    )
    banner = parse_html(response.get_data(as_text=True)).select_one(".govuk-notification-banner")
    assert "govuk-notification-banner--success" in banner["class"]
    release = db.session.scalars(select(Release)).one()
    name = releases.survey_of(release).name
    assert f"Draft release started for {name}, Q1 2023/24" in banner.get_text(" ", strip=True)


def test_quote_candidates_and_history_are_in_words(app: Flask, sign_in, factories) -> None:
    comment = factories.add_comment(
        "The plan was vague and nobody explained it.", themes=("plan_quality", "information")
    )
    client = sign_in("analyst")
    users.find_by_email("analyst@example.gov.uk").name = "Asha Analyst"
    db.session.commit()
    client.post("/staff/publishing/", data={"survey": "new_ehcp", "period": "2023-24"})
    release = db.session.scalars(select(Release)).one()
    text = _text(client.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True))
    assert "(Quality of the plan, Information and advice)" in text
    assert "plan_quality" not in text

    client.post(f"/staff/publishing/releases/{release.id}/quotes", data={"comment_id": comment.id})
    releases.add_remark(release, "Looks right to us.", None)  # by no one signed in
    text = _text(client.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True))
    assert "Draft started by Asha Analyst" in text
    assert "Quote proposed by Asha Analyst" in text
    assert "Comment from the forum added by the system" in text
    assert "release." not in text


def test_the_you_said_we_did_quote_list_names_the_theme(app: Flask, sign_in, factories) -> None:
    factories.add_responses(10, {"involved": "agree"})
    comment = factories.add_comment(
        "Our caseworker rang back every time.", themes=("communication",), on=date(2023, 6, 1)
    )
    client = sign_in("analyst")
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
    publish(client, release.id)
    page = parse_html(client.get("/staff/publishing/improvements/new").get_data(as_text=True))
    options = [o.get_text(strip=True) for o in page.select("select#quote_id option")]
    assert "Communication: Our caseworker rang back every time." in options
    assert not any(option.startswith("communication") for option in options)
