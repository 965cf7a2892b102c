"""Publishing forms sent twice, or by two analysts at once, end in one row and a message,
never a duplicate or a server error."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Improvement, Release, ReleaseQuote
from feedback_app.services import audit, releases
from tests.conftest import parse_html
from tests.support.publishing import checked_value
from tests.support.races import at_once, clients_like

FULL = {"involved": "agree", "aspirational": "agree", "contact": "disagree"}
ENTRY = {
    "theme": "communication",
    "title": "Phone line",
    "you_said": "Hard to reach us.",
    "we_did": "A team phone line.",
    "service": "SEND team",
    "status": "planned",
    "published": "y",
}


def _count(model: type, *where: object) -> int:
    return int(db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _audits(action: str) -> int:
    return _count(AuditEntry, AuditEntry.action == action)


def _token(client: FlaskClient, url: str) -> str:
    soup = parse_html(client.get(url).get_data(as_text=True))
    field = soup.find("input", attrs={"name": "submission_token"})
    assert field is not None and field["type"] == "hidden"
    return str(field["value"])


def _published(factories) -> Release:  # type: ignore[no-untyped-def]
    factories.add_responses(10, FULL)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    releases.publish(release, None)
    return release


def _texts(results: list) -> list[str]:  # type: ignore[type-arg]
    assert not [r for r in results if isinstance(r, Exception)], results
    return [r.get_data(as_text=True) for r in results]


# --- "you said, we did" entries -----------------------------------------------------------


def test_an_entry_sent_twice_from_the_same_form_is_published_once(app: Flask, sign_in) -> None:
    client = sign_in("analyst")
    url = "/staff/publishing/improvements/new"
    data = {**ENTRY, "submission_token": _token(client, url)}

    first = client.post(url, data=data)
    again = client.post(url, data=data, follow_redirects=True)

    assert first.status_code == 303
    entry = db.session.scalars(select(Improvement)).one()
    assert again.request.path == f"/staff/publishing/improvements/{entry.id}"
    assert "the entry was saved once" in again.get_data(as_text=True)
    assert client.get("/you-said-we-did").get_data(as_text=True).count("Phone line") == 1
    # The entry's own page is for changing it: its form carries no token (the milestone
    # form on the same page, which adds a milestone, carries its own).
    page = client.get(again.request.path).get_data(as_text=True)
    assert 'name="submission_token"' not in page
    assert 'name="milestone-submission_token"' in page


def test_an_entry_sent_twice_at_once_is_made_once(app: Flask, sign_in, monkeypatch) -> None:
    client = sign_in("analyst")
    url = "/staff/publishing/improvements/new"
    data = {**ENTRY, "submission_token": _token(client, url)}
    one, two = clients_like(app, client)

    results = at_once(
        monkeypatch,
        (audit, "record"),
        [lambda: one.post(url, data=data), lambda: two.post(url, data=data)],
    )

    assert [r.status_code for r in results] == [303, 303], results
    assert _count(Improvement) == 1
    assert _audits("improvement.created") == 1


# --- starting drafts and corrections ------------------------------------------------------


def test_starting_the_same_draft_at_once_makes_one(
    app: Flask, sign_in, factories, monkeypatch
) -> None:
    factories.add_responses(10, FULL)
    client = sign_in("analyst")
    one, two = clients_like(app, client)
    data = {"survey": "new_ehcp", "period": "2023-24"}

    results = at_once(
        monkeypatch,
        (audit, "record"),
        [lambda: one.post("/staff/publishing/", data=data) for one in (one, two)],
    )

    texts = _texts(results)
    assert sorted(r.status_code for r in results) == [200, 302], texts
    assert any("There is already a release for" in text for text in texts)
    assert _count(Release) == 1


def test_starting_a_correction_at_once_makes_one(
    app: Flask, sign_in, factories, monkeypatch
) -> None:
    release = _published(factories)
    client = sign_in("analyst")
    path = f"/staff/publishing/releases/{release.id}/correct"
    one, two = clients_like(app, client)

    results = at_once(
        monkeypatch,
        (audit, "record"),
        [
            lambda: one.post(path, data={"note": "Late returns."}, follow_redirects=True),
            lambda: two.post(path, data={"note": "Late returns."}, follow_redirects=True),
        ],
    )

    texts = _texts(results)
    assert sum("Version 2 started" in text for text in texts) == 1, texts
    assert sum("Version 2 is already open as a correction" in text for text in texts) == 1
    assert _count(Release, Release.status == "draft") == 1


def test_proposing_the_same_quote_at_once_picks_it_once(
    app: Flask, sign_in, factories, monkeypatch
) -> None:
    factories.add_responses(10, FULL)
    comment_id = factories.add_comment("Nobody from the SEND team rang me back.").id
    release = releases.create_draft("new_ehcp", "2023-24", None)
    client = sign_in("analyst")
    path = f"/staff/publishing/releases/{release.id}/quotes"
    one, two = clients_like(app, client)

    results = at_once(
        monkeypatch,
        (audit, "record"),
        [
            lambda: c.post(path, data={"comment_id": comment_id}, follow_redirects=True)
            for c in (one, two)
        ],
    )

    texts = _texts(results)
    assert sum("Quote added" in text for text in texts) == 1, texts
    assert sum("That comment is already picked" in text for text in texts) == 1
    assert _count(ReleaseQuote) == 1


# --- publishing ---------------------------------------------------------------------------


def test_publishing_at_once_publishes_once(app: Flask, sign_in, factories, monkeypatch) -> None:
    factories.add_responses(10, FULL)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    client = sign_in("analyst")
    path = f"/staff/publishing/releases/{release.id}/publish"
    checked = checked_value(client, release.id)
    one, two = clients_like(app, client)

    results = at_once(
        monkeypatch,
        (audit, "record"),
        [
            lambda: c.post(path, data={"checked": checked}, follow_redirects=True)
            for c in (one, two)
        ],
    )

    texts = _texts(results)
    assert sum("Release published" in text for text in texts) == 1, texts
    assert sum(releases.LOCKED in text for text in texts) == 1
    assert _audits("release.published") == 1
    published = db.session.get(Release, release.id)
    assert published.status == "published" and published.published_at is not None
