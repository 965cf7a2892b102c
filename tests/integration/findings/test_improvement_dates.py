"""A "you said, we did" entry's dates must be possible before it is saved or published:
no completion date unless the entry is done, nothing started or completed in the future,
and no completion before the start. The evidence pack counts done entries only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Improvement
from feedback_app.services import evidence_pack, improvements
from tests.conftest import parse_html

NEW = "/staff/publishing/improvements/new"


def _parts(day: date | None) -> list[str]:
    return ["", "", ""] if day is None else [str(day.day), str(day.month), str(day.year)]


def _form(
    status: str,
    *,
    started: date | None = None,
    completed: date | None = None,
    title: str = "A weekly phone surgery",
) -> dict[str, object]:
    return {
        "theme": "communication",
        "title": title,
        "you_said": "Families could not reach their caseworker.",
        "we_did": "Caseworkers now hold a phone surgery every week.",
        "service": "SEND casework",
        "status": status,
        "started_on": _parts(started),
        "due_on": _parts(None),
        "completed_on": _parts(completed),
        "quote_id": "",
        "published": "y",
    }


def _entry(status: str, **dates: date | None) -> improvements.EntryInput:
    return improvements.EntryInput(
        theme="communication",
        title="A weekly phone surgery",
        you_said="Families could not reach their caseworker.",
        we_did="Caseworkers now hold a phone surgery every week.",
        service="SEND casework",
        status=status,
        **dates,  # type: ignore[arg-type]
    )


def _refused(client: FlaskClient, url: str, data: dict[str, object], message: str) -> str:
    response = client.post(url, data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    soup = parse_html(page)
    summary = soup.select_one(".govuk-error-summary")
    assert summary is not None and message in summary.get_text(), summary
    assert soup.title is not None and soup.title.get_text().strip().startswith("Error: ")
    # What was typed is kept.
    assert soup.select_one("input[name=title]")["value"] == data["title"]  # type: ignore[index]
    return page


@pytest.mark.parametrize(
    ("status", "started", "completed", "message"),
    [
        ("planned", None, date(2024, 5, 1), "Remove the completion date"),
        ("in_progress", None, date(2024, 5, 1), "Remove the completion date"),
        ("done", None, date(2099, 1, 1), "The completion date must be today or in the past"),
        ("planned", date(2099, 1, 1), None, "The start date must be today or in the past"),
        (
            "done",
            date(2025, 5, 1),
            date(2025, 4, 1),
            "The completion date must be the same as or after the start date, 1 May 2025",
        ),
    ],
)
def test_impossible_dates_are_refused_and_never_published(
    app: Flask,
    sign_in,
    status: str,
    started: date | None,
    completed: date | None,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    client = sign_in("analyst")
    _refused(client, NEW, _form(status, started=started, completed=completed), message)
    assert db.session.scalar(db.select(db.func.count(Improvement.id))) == 0
    assert "A weekly phone surgery" not in client.get("/you-said-we-did").get_data(as_text=True)


def test_tomorrow_in_the_uk_is_the_future(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("analyst")
    tomorrow = clock.today() + timedelta(days=1)
    _refused(
        client,
        NEW,
        _form("done", completed=tomorrow),
        "The completion date must be today or in the past",
    )
    response = client.post(NEW, data=_form("done", completed=clock.today()))
    assert response.status_code == 303


def test_the_edit_form_applies_the_same_checks(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    entry = improvements.create_entry(_entry("done", completed_on=date(2024, 5, 1)))
    client = sign_in("analyst")
    url = f"/staff/publishing/improvements/{entry.id}"
    # Taking the entry back to "in progress" while leaving its completion date is refused.
    _refused(
        client,
        url,
        _form("in_progress", completed=date(2024, 5, 1)),
        "Remove the completion date, or change the status to Done",
    )
    _refused(
        client,
        url,
        _form("done", started=date(2024, 6, 1), completed=date(2024, 5, 1)),
        "must be the same as or after the start date",
    )
    db.session.expire_all()
    saved = db.session.get(Improvement, entry.id)
    assert saved is not None and saved.status == "done" and saved.started_on is None
    # Clearing the date with the status is accepted.
    assert client.post(url, data=_form("in_progress")).status_code == 303


def test_the_services_refuse_what_the_form_refuses(app: Flask) -> None:
    with pytest.raises(improvements.ImprovementError) as error:
        improvements.create_entry(_entry("planned", completed_on=date(2024, 5, 1)))
    assert set(error.value.errors) == {"completed_on"}
    entry = improvements.create_entry(_entry("in_progress", started_on=date(2024, 5, 1)))
    with pytest.raises(improvements.ImprovementError):
        improvements.update_entry(
            entry, _entry("done", started_on=date(2024, 5, 1), completed_on=date(2024, 4, 1))
        )


def test_the_evidence_pack_counts_only_done_entries(app: Flask) -> None:
    done = improvements.create_entry(_entry("done", completed_on=date(2024, 5, 1)))
    planned = improvements.create_entry(_entry("planned"))
    # An entry saved before the checks, with a completion date it should never have had.
    planned.completed_on = date(2024, 6, 1)
    db.session.commit()
    pack = evidence_pack.build("2024-25")
    assert [e.id for e in pack["improvements_done"]] == [done.id]
