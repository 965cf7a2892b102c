"""A milestone form or a forum comment form sent twice (a double click, Back then Send
again, or both at the same moment) adds one milestone or comment, and the second
sending is told so rather than shown an error."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Improvement, Milestone, Release, ReleaseRemark
from feedback_app.services import audit, improvements, releases
from tests.conftest import parse_html
from tests.support.races import at_once, clients_like

FULL = {"involved": "agree", "aspirational": "agree", "contact": "disagree"}
MILESTONE = {
    "milestone-description": "Recruit two more caseworkers",
    "milestone-due_on": ["31", "3", "2025"],
}


def _count(model: type, *where: object) -> int:
    return int(db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _token(client: FlaskClient, url: str, name: str) -> str:
    """The one-time token of the form named by its field, on the page at ``url``."""
    soup = parse_html(client.get(url).get_data(as_text=True))
    field = soup.find("input", attrs={"name": name})
    assert field is not None and field["type"] == "hidden"
    return str(field["value"])


def _entry() -> Improvement:
    return improvements.create_entry(
        improvements.EntryInput(
            theme="communication",
            title="A weekly phone surgery",
            you_said="Families could not reach their caseworker.",
            we_did="Caseworkers now hold a phone surgery every week.",
            service="SEND casework",
            status="in_progress",
            published=True,
        )
    )


def _draft(factories) -> Release:  # type: ignore[no-untyped-def]
    factories.add_responses(10, FULL)
    return releases.create_draft("new_ehcp", "2023-24", None)


# --- milestones ---------------------------------------------------------------------------


def test_a_milestone_sent_twice_from_the_same_form_is_added_once(app: Flask, sign_in) -> None:
    entry = _entry()
    client = sign_in("analyst")
    page = f"/staff/publishing/improvements/{entry.id}"
    url = f"{page}/milestones"
    data = {
        **MILESTONE,
        "milestone-submission_token": _token(client, page, "milestone-submission_token"),
    }

    first = client.post(url, data=data)
    again = client.post(url, data=data, follow_redirects=True)

    assert first.status_code == 303
    assert again.status_code == 200 and again.request.path == page
    assert _count(Milestone) == 1
    assert "the milestone was added once" in again.get_data(as_text=True)
    assert _count(AuditEntry, AuditEntry.action == "improvement.milestone_added") == 1
    public = client.get("/you-said-we-did").get_data(as_text=True)
    assert public.count("Recruit two more caseworkers") == 1
    # A new form is a new milestone, even with the same words.
    fresh = _token(client, page, "milestone-submission_token")
    assert fresh != data["milestone-submission_token"]
    client.post(url, data={**data, "milestone-submission_token": fresh})
    assert _count(Milestone) == 2


def test_a_milestone_form_shown_again_with_an_error_keeps_its_token(app: Flask, sign_in) -> None:
    entry = _entry()
    client = sign_in("analyst")
    page = f"/staff/publishing/improvements/{entry.id}"
    url = f"{page}/milestones"
    token = _token(client, page, "milestone-submission_token")

    wrong = client.post(
        url,
        data={
            **MILESTONE,
            "milestone-due_on": ["31", "2", "2025"],
            "milestone-submission_token": token,
        },
    )
    shown = parse_html(wrong.get_data(as_text=True))
    kept = shown.find("input", attrs={"name": "milestone-submission_token"})

    assert "The due date must be a real date" in wrong.get_data(as_text=True)
    assert kept is not None and kept["value"] == token
    client.post(url, data={**MILESTONE, "milestone-submission_token": token})
    client.post(url, data={**MILESTONE, "milestone-submission_token": token})
    assert _count(Milestone) == 1


def test_a_milestone_sent_twice_at_once_is_added_once(app: Flask, sign_in, monkeypatch) -> None:
    entry = _entry()
    client = sign_in("analyst")
    page = f"/staff/publishing/improvements/{entry.id}"
    url = f"{page}/milestones"
    data = {
        **MILESTONE,
        "milestone-submission_token": _token(client, page, "milestone-submission_token"),
    }
    one, two = clients_like(app, client)

    results = at_once(
        monkeypatch,
        (audit, "record"),
        [lambda: one.post(url, data=data), lambda: two.post(url, data=data)],
    )

    assert [getattr(r, "status_code", r) for r in results] == [303, 303], results
    assert _count(Milestone) == 1
    assert _count(AuditEntry, AuditEntry.action == "improvement.milestone_added") == 1


# --- forum comments on a draft ------------------------------------------------------------


def test_a_forum_comment_sent_twice_from_the_same_form_is_added_once(
    app: Flask, sign_in, factories
) -> None:
    release = _draft(factories)
    client = sign_in("forum_member")
    page = f"/staff/publishing/releases/{release.id}"
    url = f"{page}/remarks"
    data = {
        "body": "Please explain 'aspirational'.",
        "submission_token": _token(client, page, "submission_token"),
    }

    first = client.post(url, data=data)
    again = client.post(url, data=data, follow_redirects=True)

    assert first.status_code == 303
    text = again.get_data(as_text=True)
    assert again.status_code == 200 and again.request.path == page
    assert "your comment was added to the draft once" in text
    assert _count(ReleaseRemark) == 1
    assert text.count("Please explain &#39;aspirational&#39;.") == 1
    assert _count(AuditEntry, AuditEntry.action == "release.remark_added") == 1
    # A new form is a new comment.
    client.post(url, data={**data, "submission_token": _token(client, page, "submission_token")})
    assert _count(ReleaseRemark) == 2


def test_a_forum_comment_form_shown_again_with_an_error_keeps_its_token(
    app: Flask, sign_in, factories
) -> None:
    release = _draft(factories)
    client = sign_in("forum_member")
    page = f"/staff/publishing/releases/{release.id}"
    token = _token(client, page, "submission_token")

    wrong = client.post(f"{page}/remarks", data={"body": " ", "submission_token": token})
    kept = parse_html(wrong.get_data(as_text=True)).find(
        "input", attrs={"name": "submission_token"}
    )

    assert "Enter your comment" in wrong.get_data(as_text=True)
    assert kept is not None and kept["value"] == token


def test_a_forum_comment_sent_twice_at_once_is_added_once(
    app: Flask, sign_in, factories, monkeypatch
) -> None:
    release = _draft(factories)
    client = sign_in("forum_member")
    page = f"/staff/publishing/releases/{release.id}"
    url = f"{page}/remarks"
    data = {
        "body": "The chart needs a title.",
        "submission_token": _token(client, page, "submission_token"),
    }
    one, two = clients_like(app, client)

    results = at_once(
        monkeypatch,
        (audit, "record"),
        [lambda: one.post(url, data=data), lambda: two.post(url, data=data)],
    )

    assert [getattr(r, "status_code", r) for r in results] == [303, 303], results
    assert _count(ReleaseRemark) == 1
    assert _count(AuditEntry, AuditEntry.action == "release.remark_added") == 1
