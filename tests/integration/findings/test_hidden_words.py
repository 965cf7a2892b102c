"""Words an analyst hides after a quote was approved are hidden wherever the quote shows."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Comment, Release, ReleaseQuote
from feedback_app.services import releases_quotes, releases_shown, review
from tests.conftest import parse_html
from tests.support.publishing import publish

FULL = {"involved": "agree", "aspirational": "agree", "contact": "disagree"}
# A pet name in lower case with no context: the redaction misses it, as it may miss a name.
QUOTE = "bramble at the SEND team finally rang me back."


def _approved_quote(client, factories) -> tuple[Release, ReleaseQuote]:  # type: ignore[no-untyped-def]
    factories.add_responses(12, FULL)
    comment = factories.add_comment(QUOTE)  # as if the redaction had missed the name
    client.post("/staff/publishing/", data={"survey": "new_ehcp", "period": "2023-24"})
    release = db.session.scalars(select(Release)).one()
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
    return release, quote


def test_a_published_quote_hides_words_hidden_since(app: Flask, sign_in, factories) -> None:
    client = sign_in("analyst")
    release, quote = _approved_quote(client, factories)
    publish(client, release.id)
    assert "bramble at" in client.get("/findings").get_data(as_text=True)

    review.hide_personal_data(db.session.get(Comment, quote.comment_id), "bramble", "name")

    page = client.get("/findings").get_data(as_text=True)
    parse_html(page)
    assert "bramble" not in page
    assert "[name] at the SEND team finally rang me back." in page
    open_data = client.get(f"/findings/new_ehcp/{release.period}.json").get_json()
    assert [quote["text"] for quote in open_data["quotes"]] == [
        "[name] at the SEND team finally rang me back."
    ]
    # The frozen snapshot is unchanged: the words are hidden as it is shown.
    db.session.refresh(release)
    assert any("bramble" in q["text"] for q in release.snapshot["quotes"])


def test_a_quote_approved_in_a_draft_goes_back_for_approval(app: Flask, sign_in, factories) -> None:
    client = sign_in("analyst")
    release, quote = _approved_quote(client, factories)
    response = client.post(
        f"/staff/review/comments/{quote.comment_id}/hide",
        data={
            f"h{quote.comment_id}-phrase": "bramble",
            f"h{quote.comment_id}-kind": "name",
        },
        follow_redirects=True,
    )
    assert "1 approved quote was sent back for approval" in response.get_data(as_text=True)
    db.session.refresh(quote)
    assert (quote.status, quote.text) == ("proposed", "")
    assert releases_shown.approved_quotes(release) == []
