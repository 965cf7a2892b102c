"""Casework forms sent twice (a double click, Back then resubmit) or by two officers at
once change the complaint once, and the repeat is told what happened."""

from __future__ import annotations

import re
from datetime import date

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import (
    AuditEntry,
    Complaint,
    ComplaintAction,
    ComplaintPoint,
    ComplaintStage,
    Compliment,
)
from feedback_app.services import audit, complaint_points, complaints
from tests.conftest import parse_html
from tests.support.races import at_once, clients_like


def _form(client: FlaskClient, url: str) -> dict[str, str]:
    """The hidden fields of the form at ``url``, as the browser would send them back."""
    soup = parse_html(client.get(url).get_data(as_text=True))
    return {
        field["name"]: field.get("value", "")
        for field in soup.select("form input[type=hidden]")
        if field["name"] != "csrf_token"
    }


def _date(day: date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def _count(model: type, *where: object) -> int:
    return int(db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _audits(action: str) -> int:
    return _count(AuditEntry, AuditEntry.action == action)


def _upheld_point(make_complaint):  # type: ignore[no-untyped-def]
    complaint = make_complaint(received_on=date(2023, 4, 3))
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Calls", outcome="upheld"
    )
    return complaint, point


ACTION = {
    "description": "Phone surgery every week",
    "team": "SEND casework",
    "owner": "Team manager",
    "due_on": _date(date(2023, 6, 1)),
}


# --- escalating ---------------------------------------------------------------------------


def test_escalating_twice_from_the_same_form_escalates_once(officer_client, make_complaint):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    url = f"/staff/complaints/{complaint.id}/escalate"
    form = _form(officer_client, url)
    assert form["from_stage"] == "1"
    data = {**form, "on": _date(date(2023, 4, 20))}

    first = officer_client.post(url, data=data)
    again = officer_client.post(url, data=data, follow_redirects=True)

    assert first.status_code == 302
    assert "This complaint has already been escalated to stage 2" in again.get_data(as_text=True)
    db.session.expire_all()
    assert [s.stage for s in db.session.get(Complaint, complaint.id).stages] == ["1", "2"]
    assert _audits("complaint.escalated") == 1


def test_an_escalation_form_that_does_not_say_its_stage_is_refused(officer_client, make_complaint):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    page = officer_client.post(
        f"/staff/complaints/{complaint.id}/escalate", data={"on": _date(date(2023, 4, 20))}
    )
    assert page.status_code == 200
    assert complaints.STALE_FORM in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Complaint, complaint.id).stage == "1"


def test_two_officers_escalating_at_once_make_one_new_stage(
    app: Flask, officer_client, make_complaint, monkeypatch
):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    url = f"/staff/complaints/{complaint.id}/escalate"
    data = {**_form(officer_client, url), "on": _date(date(2023, 4, 20))}
    one, two = clients_like(app, officer_client)

    results = at_once(
        monkeypatch,
        (audit, "record"),
        [lambda: one.post(url, data=data), lambda: two.post(url, data=data)],
    )

    assert [r.status_code for r in results] == [302, 302], results
    assert _count(ComplaintStage, ComplaintStage.complaint_id == complaint.id) == 2
    assert db.session.get(Complaint, complaint.id).stage == "2"
    assert _audits("complaint.escalated") == 1


# --- extending ----------------------------------------------------------------------------


def test_extending_twice_from_the_same_form_extends_once(officer_client, make_complaint):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    deadline = complaint.current_stage.respond_by
    url = f"/staff/complaints/{complaint.id}/extend"
    form = _form(officer_client, url)
    assert form["deadline"] == deadline.isoformat()
    data = {**form, "days": "10", "reason": "Waiting for the school's report"}

    first = officer_client.post(url, data=data)
    again = officer_client.post(url, data=data, follow_redirects=True)

    assert first.status_code == 302
    db.session.expire_all()
    stage = db.session.get(Complaint, complaint.id).current_stage
    assert stage.extension_days == 10
    assert stage.extension_reason.count("Waiting for the school's report") == 1
    body = again.get_data(as_text=True)
    assert "it changed after this form was opened" in body
    assert f"The response deadline is now {stage.respond_by.day}" in body
    assert _audits("complaint.extended") == 1


def test_two_officers_extending_at_once_extend_once(
    app: Flask, officer_client, make_complaint, monkeypatch
):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    url = f"/staff/complaints/{complaint.id}/extend"
    data = {**_form(officer_client, url), "days": "10", "reason": "Busy"}
    one, two = clients_like(app, officer_client)

    results = at_once(
        monkeypatch,
        (audit, "record"),
        [lambda: one.post(url, data=data), lambda: two.post(url, data=data)],
    )

    assert [r.status_code for r in results] == [302, 302], results
    stage = db.session.get(Complaint, complaint.id).current_stage
    assert stage.extension_days == 10 and stage.extension_reason.count("Busy") == 1
    assert _audits("complaint.extended") == 1


# --- points, actions and complaints made once ---------------------------------------------


def test_adding_a_point_twice_from_the_same_form_adds_one(officer_client, make_complaint):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    url = f"/staff/complaints/{complaint.id}/points/new"
    form = _form(officer_client, url)
    assert len(form["submission_token"]) == 32
    data = {**form, "summary": "No reply to calls", "theme": "communication", "outcome": "upheld"}

    first = officer_client.post(url, data=data)
    again = officer_client.post(url, data=data, follow_redirects=True)

    assert first.status_code == 302
    assert "This form was sent twice: point 1 was added once." in again.get_data(as_text=True)
    assert _count(ComplaintPoint) == 1
    # A new form is a new point.
    officer_client.post(url, data={**data, **_form(officer_client, url)})
    assert _count(ComplaintPoint) == 2


def test_a_point_sent_twice_at_once_is_added_once(
    app: Flask, officer_client, make_complaint, monkeypatch
):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    url = f"/staff/complaints/{complaint.id}/points/new"
    data = {
        **_form(officer_client, url),
        "summary": "No reply to calls",
        "theme": "communication",
        "outcome": "upheld",
    }
    one, two = clients_like(app, officer_client)

    results = at_once(
        monkeypatch,
        (audit, "record"),
        [lambda: one.post(url, data=data), lambda: two.post(url, data=data)],
    )

    assert [r.status_code for r in results] == [302, 302], results
    assert _count(ComplaintPoint) == 1
    assert _audits("complaint.point_added") == 1


def test_adding_an_action_twice_from_the_same_form_adds_one(officer_client, make_complaint):
    complaint, point = _upheld_point(make_complaint)
    url = f"/staff/complaints/{complaint.id}/points/{point.id}/actions/new"
    data = {**_form(officer_client, url), **ACTION}

    first = officer_client.post(url, data=data)
    again = officer_client.post(url, data=data, follow_redirects=True)

    assert first.status_code == 302
    assert "the action was added once" in again.get_data(as_text=True)
    assert _count(ComplaintAction) == 1


def test_logging_a_complaint_twice_from_the_same_form_logs_one(officer_client):
    url = "/staff/complaints/new"
    data = {
        **_form(officer_client, url),
        "received_on": _date(date(2023, 4, 3)),
        "channel": "email",
        "stage": "1",
        "complainant_name": "Sam Parent",
        "relationship_to_child": "parent_carer",
        "summary": "Nobody returned my calls.",
    }

    first = officer_client.post(url, data=data)
    again = officer_client.post(url, data=data, follow_redirects=True)

    assert first.status_code == 302
    assert _count(Complaint) == 1
    reference = db.session.scalar(select(Complaint.reference))
    assert f"complaint {reference} was logged once" in again.get_data(as_text=True)


def test_logging_a_compliment_twice_from_the_same_form_logs_one(officer_client):
    url = "/staff/complaints/compliments/new"
    data = {
        **_form(officer_client, url),
        "received_on": _date(date(2023, 6, 2)),
        "theme": "communication",
        "team": "SEND team",
        "person_praised": "",
        "summary": "The caseworker rang back the same day.",
    }

    first = officer_client.post(url, data=data)
    again = officer_client.post(url, data=data, follow_redirects=True)

    assert first.status_code == 302
    assert _count(Compliment) == 1
    assert "the compliment for SEND team was logged once" in again.get_data(as_text=True)
    # A new form is a new compliment.
    officer_client.post(url, data={**data, **_form(officer_client, url)})
    assert _count(Compliment) == 2


def test_edit_forms_carry_no_token(officer_client, make_complaint):
    complaint, point = _upheld_point(make_complaint)
    action = complaint_points.add_action(
        point, {"description": "Call back", "team": "T", "owner": "O", "due_on": date(2023, 6, 1)}
    )
    for url in (
        f"/staff/complaints/{complaint.id}/edit",
        f"/staff/complaints/{complaint.id}/points/{point.id}",
        f"/staff/complaints/{complaint.id}/actions/{action.id}/edit",
    ):
        assert "submission_token" not in _form(officer_client, url), url


# --- marking an action done ---------------------------------------------------------------


def test_two_officers_marking_an_action_done_at_once_keep_the_first_evidence(
    app: Flask, officer_client, make_complaint, monkeypatch
):
    complaint, point = _upheld_point(make_complaint)
    action = complaint_points.add_action(
        point, {"description": "Call back", "team": "T", "owner": "O", "due_on": date(2023, 6, 1)}
    )
    url = f"/staff/complaints/{complaint.id}/actions/{action.id}/complete"
    one, two = clients_like(app, officer_client)

    def done(client: FlaskClient, evidence: str):  # type: ignore[no-untyped-def]
        return lambda: client.post(
            url,
            data={"completed_on": _date(date(2023, 5, 2)), "evidence": evidence},
            follow_redirects=True,
        )

    results = at_once(monkeypatch, (audit, "record"), [done(one, "Rang"), done(two, "Wrote")])

    bodies = [r.get_data(as_text=True) for r in results]
    told_done = [b for b in bodies if re.search(r"Action for point 1 of CMP-\d+ marked as done", b)]
    told_already = [b for b in bodies if "already marked as done on 2 May 2023" in b]
    assert len(told_done) == 1 and len(told_already) == 1, bodies
    kept = db.session.get(ComplaintAction, action.id)
    winner = "Rang" if "Evidence: Rang" in told_done[0] else "Wrote"
    assert kept.status == "done" and kept.evidence == winner
    assert _audits("complaint.action_completed") == 1
