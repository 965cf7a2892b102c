"""Forum members are told what they can do: they cannot approve quotes or start a
correction, so the release page does not tell them to."""

from __future__ import annotations

from flask import Flask

from feedback_app.extensions import db
from feedback_app.models import ReleaseRemark
from feedback_app.services import releases
from tests.conftest import parse_html

FULL = {"involved": "agree", "aspirational": "agree", "contact": "disagree"}
WORDS = "The figures for 2023-24 look right to the forum."


def test_a_comment_on_a_release_published_meanwhile_is_given_back(
    app: Flask, sign_in, factories
) -> None:  # type: ignore[no-untyped-def]
    factories.add_responses(10, FULL)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    client = sign_in("forum_member")
    page = parse_html(client.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True))
    assert page.select_one("textarea[name=body]") is not None
    releases.publish(release, None)  # while the forum member was writing

    response = client.post(f"/staff/publishing/releases/{release.id}/remarks", data={"body": WORDS})
    assert response.status_code == 409
    page = parse_html(response.get_data(as_text=True))
    text = page.get_text()
    assert "Start a correction" not in text
    unsent = page.select_one("#unsent-comment")
    assert unsent is not None and "Your comment was not added" in unsent.get_text()
    assert WORDS in unsent.get_text()
    assert db.session.scalar(db.select(db.func.count(ReleaseRemark.id))) == 0


def test_the_draft_page_tells_forum_members_what_they_can_do(
    app: Flask, sign_in, factories
) -> None:  # type: ignore[no-untyped-def]
    factories.add_responses(10, FULL)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    client = sign_in("forum_member")
    text = client.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True)
    assert "Approve a quote only if" not in text
    assert "once it has been approved" in text
