"""A milestone can be changed (and marked done) or removed after it is added: a typo does
not stay public. Both are audited, removing asks first on a page of its own, and a form
opened before someone else's change is refused."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Improvement, Milestone
from feedback_app.services import improvements, milestones
from tests.conftest import parse_html

TYPO = "Recruit two caseworkrs by Spetember"
FIXED = "Recruit two caseworkers by September"


def _entry_with_milestone() -> tuple[Improvement, Milestone]:
    entry = improvements.create_entry(
        improvements.EntryInput(
            theme="communication",
            title="A weekly phone surgery",
            you_said="Families could not reach their caseworker.",
            we_did="Caseworkers now hold a phone surgery every week.",
            service="SEND casework",
            status="in_progress",
        )
    )
    milestone = improvements.add_milestone(entry, TYPO, date(2024, 9, 30), None)
    return entry, milestone


def _url(entry: Improvement, milestone: Milestone, remove: bool = False) -> str:
    url = f"/staff/publishing/improvements/{entry.id}/milestones/{milestone.id}"
    return url + "/remove" if remove else url


def _audit(entry: Improvement, action: str) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            db.select(AuditEntry).where(
                AuditEntry.entity_type == "improvement",
                AuditEntry.entity_id == str(entry.id),
                AuditEntry.action == action,
            )
        )
    )


def _change(version: object, description: str = FIXED, done: list[str] | None = None) -> dict:  # type: ignore[type-arg]
    return {
        "version": str(version),
        "description": description,
        "due_on": ["30", "9", "2024"],
        "done_on": done or ["", "", ""],
    }


def test_the_entry_page_links_to_change_and_remove_each_milestone(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    entry, milestone = _entry_with_milestone()
    client = sign_in("analyst")
    page = parse_html(
        client.get(f"/staff/publishing/improvements/{entry.id}").get_data(as_text=True)
    )
    links = {a["href"] for a in page.select("#milestones a")}
    assert links == {_url(entry, milestone), _url(entry, milestone, remove=True)}


def test_a_milestone_is_corrected_and_marked_done(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    entry, milestone = _entry_with_milestone()
    client = sign_in("complaints_officer")
    form = parse_html(client.get(_url(entry, milestone)).get_data(as_text=True))
    assert form.select_one("input[name=version]")["value"] == "1"  # type: ignore[index]
    assert form.select_one("input[name=description]")["value"] == TYPO  # type: ignore[index]

    response = client.post(
        _url(entry, milestone), data=_change(1, done=["2", "9", "2024"]), follow_redirects=True
    )
    assert response.status_code == 200
    assert "Milestone saved" in response.get_data(as_text=True)
    db.session.expire_all()
    saved = db.session.get(Milestone, milestone.id)
    assert saved is not None
    assert (saved.description, saved.done_on, saved.version) == (FIXED, date(2024, 9, 2), 2)

    public = client.get("/you-said-we-did").get_data(as_text=True)
    assert FIXED in public and TYPO not in public
    assert "done 2 September 2024" in public
    (entry_audit,) = _audit(entry, "improvement.milestone_changed")
    assert entry_audit.changes["description"] == {"old": TYPO, "new": FIXED}
    assert entry_audit.changes["done_on"] == {"old": None, "new": "2024-09-02"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_change(1, done=["1", "1", "2099"]), "The date it was done must be today or in the past"),
        (_change(1, description="  "), "Enter the milestone"),
    ],
)
def test_a_change_that_cannot_be_true_is_refused(
    app: Flask,
    sign_in,
    data: dict,
    message: str,  # type: ignore[no-untyped-def,type-arg]
) -> None:
    entry, milestone = _entry_with_milestone()
    client = sign_in("analyst")
    response = client.post(_url(entry, milestone), data=data)
    page = parse_html(response.get_data(as_text=True))
    assert message in page.select_one(".govuk-error-summary").get_text()  # type: ignore[union-attr]
    db.session.expire_all()
    assert db.session.get(Milestone, milestone.id).description == TYPO  # type: ignore[union-attr]


def test_a_change_from_a_page_opened_before_another_is_refused(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    entry, milestone = _entry_with_milestone()
    client = sign_in("analyst")
    # A colleague saves first; this page was opened at version 1.
    milestones.change_milestone(
        milestone,
        milestones.MilestoneInput("Recruit three caseworkers", date(2024, 9, 30), None),
        version=1,
    )
    response = client.post(_url(entry, milestone), data=_change(1))
    assert response.status_code == 409
    page = parse_html(response.get_data(as_text=True))
    assert "Someone else changed this milestone" in page.get_text()
    # The form holds what is saved now; what this person typed is beside it.
    assert page.select_one("input[name=description]")["value"] == (  # type: ignore[index]
        "Recruit three caseworkers"
    )
    assert FIXED in page.select_one("#unsaved-answers").get_text()  # type: ignore[union-attr]
    db.session.expire_all()
    assert db.session.get(Milestone, milestone.id).description == "Recruit three caseworkers"  # type: ignore[union-attr]


def test_removing_asks_first_then_takes_it_off_the_public_page(csrf_app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import PASSWORD

    entry, milestone = _entry_with_milestone()
    milestone_id = milestone.id
    analyst = make_user("analyst")
    client: FlaskClient = csrf_app.test_client()
    token = parse_html(client.get("/sign-in").get_data(as_text=True)).select_one(
        "input[name=csrf_token]"
    )["value"]  # type: ignore[index]
    client.post(
        "/sign-in", data={"email": analyst.email, "password": PASSWORD, "csrf_token": token}
    )
    assert TYPO in client.get("/you-said-we-did").get_data(as_text=True)

    # The confirmation is a page of its own with a plain form: no JavaScript needed.
    confirm = parse_html(client.get(_url(entry, milestone, remove=True)).get_data(as_text=True))
    assert confirm.h1.get_text().strip() == "Are you sure you want to remove this milestone?"  # type: ignore[union-attr]
    assert TYPO in confirm.select_one("#milestone-words").get_text()  # type: ignore[union-attr]
    form = confirm.select_one("main form")
    assert form is not None and form["action"] == _url(entry, milestone, remove=True)
    fields = {i["name"]: i.get("value", "") for i in form.select("input")}
    assert fields["version"] == "1"
    assert db.session.get(Milestone, milestone.id) is not None  # nothing removed yet

    response = client.post(form["action"], data=fields, follow_redirects=True)  # type: ignore[arg-type]
    assert "Milestone removed" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Milestone, milestone_id) is None
    assert TYPO not in client.get("/you-said-we-did").get_data(as_text=True)
    (removed,) = _audit(entry, "improvement.milestone_removed")
    assert removed.changes["text"] == TYPO and removed.changes["milestone_id"] == milestone_id

    # The same form sent again says it is gone rather than failing.
    again = client.post(form["action"], data=fields, follow_redirects=True)  # type: ignore[arg-type]
    assert again.status_code == 200
    assert "no longer on this entry" in again.get_data(as_text=True)


def test_a_stale_removal_is_refused(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    entry, milestone = _entry_with_milestone()
    client = sign_in("analyst")
    milestones.change_milestone(
        milestone, milestones.MilestoneInput(FIXED, date(2024, 9, 30), None), version=1
    )
    response = client.post(_url(entry, milestone, remove=True), data={"version": "1"})
    assert response.status_code == 409
    page = parse_html(response.get_data(as_text=True))
    assert "has not been removed" in page.select_one(".govuk-error-summary").get_text()  # type: ignore[union-attr]
    assert FIXED in page.select_one("#milestone-words").get_text()  # type: ignore[union-attr]
    db.session.expire_all()
    assert db.session.get(Milestone, milestone.id) is not None
    # A post with no version at all is from an unknown page: refused the same way.
    assert client.post(_url(entry, milestone, remove=True), data={}).status_code == 409


@pytest.mark.parametrize("role", ["forum_member", "safeguarding_lead"])
def test_only_those_who_can_add_milestones_can_change_or_remove_them(
    app: Flask, sign_in, role: str
) -> None:  # type: ignore[no-untyped-def]
    entry, milestone = _entry_with_milestone()
    client = sign_in(role)
    for url in (_url(entry, milestone), _url(entry, milestone, remove=True)):
        assert client.get(url).status_code == 403
        assert client.post(url, data={"version": "1"}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Milestone, milestone.id) is not None


def test_another_entrys_milestone_is_not_reached_through_this_entry(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    entry, milestone = _entry_with_milestone()
    other, _ = _entry_with_milestone()
    client = sign_in("analyst")
    wrong = f"/staff/publishing/improvements/{other.id}/milestones/{milestone.id}/remove"
    response = client.post(wrong, data={"version": "1"})
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(Milestone, milestone.id) is not None
    assert (
        client.get(f"/staff/publishing/improvements/999999/milestones/{milestone.id}").status_code
        == 404
    )
