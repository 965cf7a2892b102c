"""The publishing workflow: quotes approved as read, forum comments, immutable releases."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Release, ReleaseQuote
from feedback_app.models.findings import PublishedReleaseError
from feedback_app.services import releases, releases_quotes
from tests.conftest import parse_html
from tests.support.publishing import publish

FULL = {
    "involved": "agree",
    "aspirational": "agree",
    "contact": "disagree",
    "joint_working": "neither",
}


def _draft(client: FlaskClient) -> Release:
    response = client.post("/staff/publishing/", data={"survey": "new_ehcp", "period": "2023-24"})
    assert response.status_code == 302, response.get_data(as_text=True)
    return db.session.scalars(select(Release)).one()


def test_analyst_picks_and_approves_a_quote_and_publishes(app: Flask, sign_in, factories) -> None:
    factories.add_responses(12, FULL)
    good = factories.add_comment("Nobody from the SEND team rang me back.")
    client = sign_in("analyst")
    release = _draft(client)
    page = client.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True)
    parse_html(page)
    assert "Nobody from the SEND team rang me back." in page
    client.post(f"/staff/publishing/releases/{release.id}/quotes", data={"comment_id": good.id})
    quote = db.session.scalars(select(ReleaseQuote)).one()
    assert quote.status == "proposed"
    # Not yet approved: not in the preview.
    preview = client.get(f"/staff/publishing/releases/{release.id}/preview").get_data(as_text=True)
    assert "rang me back" not in preview
    client.post(
        f"/staff/publishing/releases/{release.id}/quotes/{quote.id}/approve",
        data={"shown_text": good.redacted},
    )
    db.session.refresh(quote)
    assert quote.status == "approved" and quote.text == good.redacted
    publish(client, release.id)
    db.session.refresh(release)
    assert release.status == "published"
    public = client.get("/findings").get_data(as_text=True)
    assert "Nobody from the SEND team rang me back." in public
    actions = {e.action for e in db.session.scalars(select(AuditEntry))}
    assert {"release.created", "release.quote_approved", "release.published"} <= actions


def test_approval_refuses_text_that_changed_since_it_was_read(
    app: Flask, sign_in, factories
) -> None:
    comment = factories.add_comment("Call me on [phone] please.")
    client = sign_in("analyst")
    release = _draft(client)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    comment.redacted = "Call me on 07700 900123 please."
    db.session.commit()
    client.post(
        f"/staff/publishing/releases/{release.id}/quotes/{quote.id}/approve",
        data={"shown_text": "Call me on [phone] please."},
    )
    db.session.refresh(quote)
    assert quote.status == "proposed"


@pytest.mark.parametrize("kind", ["unconsented", "unredacted", "safeguarding"])
def test_ineligible_comments_cannot_be_picked(app: Flask, sign_in, factories, kind: str) -> None:
    comment = factories.add_comment(
        "My child is not safe at home." if kind == "safeguarding" else "A comment.",
        consent=kind != "unconsented",
        redacted="" if kind == "unredacted" else None,
        safeguarding=kind == "safeguarding",
    )
    client = sign_in("analyst")
    release = _draft(client)
    page = client.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True)
    assert f'name="comment_id" value="{comment.id}"' not in page
    client.post(f"/staff/publishing/releases/{release.id}/quotes", data={"comment_id": comment.id})
    assert db.session.scalars(select(ReleaseQuote)).first() is None


def test_published_release_cannot_change_and_a_correction_is_version_2(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(10, FULL)
    comment = factories.add_comment("Good plan.", themes=("plan_quality",), sentiment="positive")
    client = sign_in("analyst")
    release = _draft(client)
    publish(client, release.id)
    db.session.refresh(release)
    frozen = dict(release.snapshot)
    # More responses arrive: the published page must not change silently.
    factories.add_responses(10, {**FULL, "involved": "strongly_disagree"})
    client.post(f"/staff/publishing/releases/{release.id}/quotes", data={"comment_id": comment.id})
    client.post(f"/staff/publishing/releases/{release.id}/remarks", data={"body": "late"})
    assert db.session.scalars(select(ReleaseQuote)).first() is None
    with pytest.raises(releases.ReleaseError):
        releases.publish(release, None)
    release.snapshot = {"responses": 1}
    with pytest.raises(PublishedReleaseError):
        db.session.commit()
    db.session.rollback()
    db.session.refresh(release)
    assert release.snapshot == frozen
    page = client.get("/findings").get_data(as_text=True)
    assert '<span class="govuk-!-font-weight-bold">10</span>' in page
    # A correction is a new version with a note.
    client.post(
        f"/staff/publishing/releases/{release.id}/correct", data={"note": "Late returns added."}
    )
    draft = db.session.scalars(select(Release).where(Release.version == 2)).one()
    assert draft.is_draft and draft.note == "Late returns added."
    publish(client, draft.id)
    db.session.refresh(release)
    assert release.status == "superseded" and release.snapshot == frozen
    page = client.get("/findings").get_data(as_text=True)
    assert "Late returns added." in page and ">20</span>" in page
    old = client.get("/findings?survey=new_ehcp&period=2023-24&version=1").get_data(as_text=True)
    assert "has been corrected" in old


def test_forum_member_reads_the_draft_and_comments_but_cannot_publish(
    app: Flask, sign_in, factories, make_user
) -> None:
    factories.add_responses(6, FULL)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    client = sign_in("forum_member")
    assert client.get(f"/staff/publishing/releases/{release.id}").status_code == 200
    assert client.get(f"/staff/publishing/releases/{release.id}/preview").status_code == 200
    client.post(
        f"/staff/publishing/releases/{release.id}/remarks",
        data={"body": "Please explain 'aspirational'."},
    )
    db.session.refresh(release)
    assert [r.body for r in release.remarks] == ["Please explain 'aspirational'."]
    assert client.post(f"/staff/publishing/releases/{release.id}/publish").status_code == 403
    db.session.refresh(release)
    assert release.is_draft


def test_complaints_officer_cannot_approve_quotes(app: Flask, sign_in, factories) -> None:
    comment = factories.add_comment("Fine words.")
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    client = sign_in("complaints_officer")
    response = client.post(
        f"/staff/publishing/releases/{release.id}/quotes/{quote.id}/approve",
        data={"shown_text": comment.redacted},
    )
    assert response.status_code == 403
    assert client.get("/staff/publishing/").status_code == 403
    db.session.refresh(quote)
    assert quote.status == "proposed"


@pytest.mark.parametrize(
    "path",
    [
        "/staff/publishing/",
        "/staff/publishing/improvements",
        "/staff/publishing/evidence-pack",
        "/staff/publishing/improvements/new",
        "/staff/publishing/evidence-pack.csv",
    ],
)
def test_anonymous_visitors_are_sent_to_sign_in(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]
