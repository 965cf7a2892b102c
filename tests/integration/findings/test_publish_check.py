"""Publishing is never one click: the analyst checks what will be published, and what will
not, before confirming; a quote nobody approved never looks published or pending."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Comment, Release, ReleaseQuote
from feedback_app.services import releases, releases_quotes
from tests.conftest import parse_html
from tests.support.publishing import checked_value, publish

FULL = {"involved": "agree", "aspirational": "agree", "contact": "disagree"}


def _draft_with_quotes(
    client: FlaskClient, factories
) -> tuple[Release, ReleaseQuote, ReleaseQuote]:
    """A Q2 2024/25 draft with one approved quote, one only proposed, and a forum comment."""
    on = date(2024, 8, 1)
    factories.add_responses(12, FULL, on=on)
    approved = factories.add_comment("The new caseworker rang back within a day.", on=on)
    proposed = factories.add_comment("Nobody told us about the panel date.", on=on)
    response = client.post(
        "/staff/publishing/", data={"survey": "new_ehcp", "period": "2024-25-Q2"}
    )
    assert response.status_code == 302
    release = db.session.scalars(select(Release)).one()
    first = releases_quotes.propose_quote(release, approved.id, None)
    releases_quotes.approve_quote(release, first.id, approved.redacted, None)
    second = releases_quotes.propose_quote(release, proposed.id, None)
    releases.add_remark(release, "Can we say more about panels?", None)
    return release, first, second


def _text(body: str) -> str:
    return " ".join(parse_html(body).get_text(" ").split())


def test_the_release_page_offers_a_check_not_a_one_click_publish(
    app: Flask, sign_in, factories
) -> None:
    client = sign_in("analyst")
    release, _, _ = _draft_with_quotes(client, factories)
    page = parse_html(client.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True))
    publish_path = f"/staff/publishing/releases/{release.id}/publish"
    assert page.find("form", attrs={"action": publish_path}) is None
    link = page.find("a", string="Check and publish")
    assert link is not None and link["href"] == publish_path

    # A post without the check (an old page, a form sent by hand) publishes nothing.
    response = client.post(publish_path)
    assert response.status_code == 303 and response.location.endswith(publish_path)
    db.session.refresh(release)
    assert release.is_draft


def test_the_check_lists_what_will_and_will_not_be_published(
    app: Flask, sign_in, factories
) -> None:
    client = sign_in("analyst")
    release, _, proposed = _draft_with_quotes(client, factories)
    body = client.get(f"/staff/publishing/releases/{release.id}/publish").get_data(as_text=True)
    text = _text(body)
    assert "Check before you publish" in text
    assert "Q2 2024/25 (1 July 2024 to 30 September 2024)" in text
    assert "1 quote will be published" in text
    assert "The new caseworker rang back within a day." in text
    assert (
        f"Quote {proposed.id} is only proposed: nobody has approved its wording, "
        "so it will not be published." in text
    )
    assert "Nobody told us about the panel date." not in text  # never approved: not shown
    assert "1 comment from the forum on this draft" in text
    assert "2024-25-Q2" not in text

    response = publish(client, release.id, follow_redirects=True)
    db.session.refresh(release)
    assert release.status == "published"
    assert "Release published: Your new EHC plan, Q2 2024/25, with 1 quote." in _text(
        response.get_data(as_text=True)
    )


def test_a_check_made_before_the_quotes_changed_publishes_nothing(
    app: Flask, sign_in, factories
) -> None:
    client = sign_in("analyst")
    release, _, proposed = _draft_with_quotes(client, factories)
    checked = checked_value(client, release.id)
    # Another analyst approves the other quote before this one confirms.
    comment = db.session.get(Comment, proposed.comment_id)
    releases_quotes.approve_quote(release, proposed.id, comment.redacted, None)

    response = client.post(
        f"/staff/publishing/releases/{release.id}/publish", data={"checked": checked}
    )

    assert response.status_code == 409
    text = _text(response.get_data(as_text=True))
    assert "The quotes in this release changed since you checked it" in text
    assert "2 quotes will be published" in text  # the check as it stands now
    db.session.refresh(release)
    assert release.is_draft


def test_a_quote_not_approved_before_publishing_says_it_was_not_published(
    app: Flask, sign_in, factories
) -> None:
    client = sign_in("analyst")
    release, approved, proposed = _draft_with_quotes(client, factories)
    publish(client, release.id)

    for role in ("analyst", "forum_member"):
        reader = client if role == "analyst" else sign_in(role)
        page = parse_html(
            reader.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True)
        )
        titles = [t.get_text(strip=True) for t in page.select(".govuk-summary-card__title")]
        assert f"Quote {proposed.id}: Not published" in titles, titles
        assert f"Quote {approved.id}: Approved" in titles
        assert not any("Proposed" in title for title in titles)
        text = " ".join(page.get_text(" ").split())
        assert "Not published: it was not approved before publishing." in text
        assert "Nobody told us about the panel date." not in text
