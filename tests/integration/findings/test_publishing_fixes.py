"""Publishing fixes: withheld quotes on staff pages, corrections, quote links, periods."""

from __future__ import annotations

from flask import Flask

from feedback_app.extensions import db
from feedback_app.services import releases
from tests.conftest import parse_html

FULL = {
    "involved": "agree",
    "aspirational": "agree",
    "contact": "disagree",
    "joint_working": "neither",
}
SECRET = "He hits me when nobody is looking."


def _flag(comment) -> None:  # type: ignore[no-untyped-def]
    comment.safeguarding = True
    db.session.commit()


def test_a_proposed_quote_raised_with_safeguarding_is_withheld_from_forum_members(
    app: Flask, sign_in, factories
) -> None:
    comment = factories.add_comment(SECRET)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    releases.propose_quote(release, comment.id, None)
    _flag(comment)
    for role in ("forum_member", "analyst"):
        page = sign_in(role).get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True)
        parse_html(page)
        assert "hits me" not in page
        assert "Withheld: raised with the safeguarding lead" in page
        assert "Approve this wording" not in page


def test_approved_quotes_flagged_later_are_withheld_on_draft_and_published_pages(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(12, FULL)
    comment = factories.add_comment(SECRET)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases.propose_quote(release, comment.id, None)
    releases.approve_quote(release, quote.id, comment.redacted, None)
    client = sign_in("forum_member")
    _flag(comment)
    page = client.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True)
    assert "hits me" not in page and "Withheld" in page
    # Published while unflagged, then flagged: the frozen snapshot still holds the words.
    comment.safeguarding = False
    db.session.commit()
    releases.publish(release, None)
    _flag(comment)
    for path in (
        f"/staff/publishing/releases/{release.id}",
        f"/staff/publishing/releases/{release.id}/preview",
    ):
        page = client.get(path).get_data(as_text=True)
        assert "hits me" not in page, path
