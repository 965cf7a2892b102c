"""Who may see complaints, the audit of views, retention, the queue, and the forms."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Comment, Complaint
from feedback_app.services import complaint_points, complaints, complaints_report
from feedback_app.services.periods import parse_quarter
from tests.conftest import parse_html

STAFF_URLS = [
    "/staff/complaints/",
    "/staff/complaints/new",
    "/staff/complaints/report",
    "/staff/complaints/actions",
    "/staff/complaints/compliments",
]


@pytest.mark.parametrize("url", STAFF_URLS)
def test_anonymous_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("role", ["analyst", "safeguarding_lead", "forum_member"])
def test_other_roles_are_forbidden(sign_in, make_complaint, role):
    complaint = make_complaint()
    client = sign_in(role)
    for url in [*STAFF_URLS, f"/staff/complaints/{complaint.id}"]:
        assert client.get(url).status_code == 403, url
    assert client.post("/staff/complaints/new", data={}).status_code == 403


def test_officer_and_admin_may_enter(sign_in):
    assert sign_in("complaints_officer").get("/staff/complaints/").status_code == 200


def test_only_admins_see_the_audit_trail(client, make_user, make_complaint):
    from tests.conftest import PASSWORD

    complaint = make_complaint()
    make_user("complaints_officer")
    client.post(
        "/sign-in", data={"email": "complaints_officer@example.gov.uk", "password": PASSWORD}
    )
    assert client.get(f"/staff/complaints/{complaint.id}/audit").status_code == 403
    client.get(f"/staff/complaints/{complaint.id}")
    client.post("/sign-out")
    make_user("admin")
    client.post("/sign-in", data={"email": "admin@example.gov.uk", "password": PASSWORD})
    response = client.get(f"/staff/complaints/{complaint.id}/audit")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    parse_html(body)
    assert "complaints_officer@example.gov.uk" in body
    assert "Complaint viewed" in body and "Complaint logged" in body


def test_every_view_is_audited(officer_client, make_complaint):
    complaint = make_complaint()
    officer_client.get(f"/staff/complaints/{complaint.id}")
    officer_client.get(f"/staff/complaints/{complaint.id}/edit")
    views = db.session.scalars(
        select(AuditEntry).where(
            AuditEntry.action == "complaint.viewed", AuditEntry.entity_id == str(complaint.id)
        )
    ).all()
    assert len(views) == 2
    assert all(v.actor == "complaints_officer@example.gov.uk" for v in views)


def test_officer_logs_a_complaint_through_the_form(officer_client):
    response = officer_client.post(
        "/staff/complaints/new",
        data={
            "received_on": ["3", "4", "2023"],
            "channel": "phone",
            "stage": "1",
            "complainant_name": "Alex Carer",
            "contact_email": "alex@example.com",
            "relationship_to_child": "parent_carer",
            "summary": "The caseworker never rang back.",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    complaint = db.session.scalar(select(Complaint))
    assert complaint.received_on == date(2023, 4, 3) and complaint.channel == "phone"
    assert complaint.current_stage.acknowledge_by == date(2023, 4, 12)  # Easter skipped


def test_missing_date_is_a_gov_uk_error_not_a_crash(officer_client):
    response = officer_client.post("/staff/complaints/new", data={"summary": "x"})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    soup = parse_html(body)
    assert soup.title.text.startswith("Error: ")
    assert "Enter the date the complaint was received" in body
    partial = officer_client.post("/staff/complaints/new", data={"received_on": ["3"]})
    assert "must include a month and a year" in partial.get_data(as_text=True)
    impossible = officer_client.post(
        "/staff/complaints/new", data={"received_on": ["31", "2", "2023"]}
    )
    assert "must be a real date" in impossible.get_data(as_text=True)


def test_queue_sorts_by_urgency_and_filters(officer_client, make_complaint):
    today = date.today()
    relaxed = make_complaint(received_on=today)
    overdue = make_complaint(received_on=today - timedelta(days=30))
    complaint_points.add_point(overdue, theme="transport", summary="Driver late", outcome="pending")
    body = officer_client.get("/staff/complaints/").get_data(as_text=True)
    assert body.index(overdue.reference) < body.index(relaxed.reference)
    assert "working days overdue" in body and "govuk-tag--red" in body
    filtered = officer_client.get("/staff/complaints/?theme=transport").get_data(as_text=True)
    assert overdue.reference in filtered and relaxed.reference not in filtered
    only_overdue = officer_client.get("/staff/complaints/?status=overdue").get_data(as_text=True)
    assert overdue.reference in only_overdue and relaxed.reference not in only_overdue


def test_queue_answers_htmx_with_the_fragment(officer_client, make_complaint):
    make_complaint()
    full = officer_client.get("/staff/complaints/?stage=1")
    fragment = officer_client.get("/staff/complaints/?stage=1", headers={"HX-Request": "true"})
    assert "HX-Request" in full.headers["Vary"] and "HX-Request" in fragment.headers["Vary"]
    assert "<html" in full.get_data(as_text=True)
    body = fragment.get_data(as_text=True)
    assert "<html" not in body and 'id="queue-table"' in body and "CMP-" in body


def test_queue_paginates_25(officer_client, make_complaint):
    for _ in range(27):
        make_complaint()
    first = officer_client.get("/staff/complaints/").get_data(as_text=True)
    assert first.count('class="govuk-link" href="/staff/complaints/') >= 25
    assert "Page 1 of 2" in first
    second = officer_client.get("/staff/complaints/?page=2").get_data(as_text=True)
    assert "Page 2 of 2" in second


def test_purge_erases_personal_data_and_keeps_counts(app, make_complaint):
    old = make_complaint(received_on=date(2016, 5, 3), complainant_name="Pat Old")
    complaint_points.add_point(
        old, theme="communication", summary="Specific words", outcome="upheld"
    )
    complaints.respond(old, date(2016, 5, 20))
    complaints.close(old, date(2016, 5, 20))
    recent = make_complaint(received_on=date(2023, 4, 3))
    complaints.close(recent, date(2023, 4, 20))
    quarter = parse_quarter("2016-17-Q1")
    before = complaints_report.build_report(quarter)

    result = app.test_cli_runner().invoke(args=["purge-expired"])
    assert "Erased personal data from 1 complaints" in result.output
    db.session.expire_all()
    old = db.session.get(Complaint, old.id)
    assert (
        old.complainant_name == "[erased]" and old.contact_email == "" and old.summary == "[erased]"
    )
    assert old.points[0].summary == "[erased]" and old.points[0].theme == "communication"
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(Comment)
            .where(Comment.source == "complaint", Comment.source_id == old.id)
        )
        == 0
    )
    assert db.session.get(Complaint, recent.id).complainant_name == "Sam Parent"
    after = complaints_report.build_report(quarter)
    assert (
        after["by_theme"] == before["by_theme"] and after["complaints"] == before["complaints"] == 1
    )
    assert after["responded_on_time_percent"] == before["responded_on_time_percent"]


def test_public_form_lands_in_the_queue(client):
    page = client.get("/complaints/")
    assert page.status_code == 200
    parse_html(page.get_data(as_text=True))
    response = client.post(
        "/complaints/",
        data={
            "complainant_name": "Jo Family",
            "contact_email": "jo@example.com",
            "relationship_to_child": "parent_carer",
            "summary": "We waited 30 weeks for the plan.",
        },
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/complaints/sent")
    complaint = db.session.scalar(select(Complaint))
    assert complaint.channel == "online" and complaint.state == "awaiting_acknowledgement"
    assert client.post("/complaints/", data={}).status_code == 200


def test_report_page_and_csv(officer_client):
    page = officer_client.get("/staff/complaints/report?quarter=2023-24-Q1")
    parse_html(page.get_data(as_text=True))
    assert "Q1 2023/24" in page.get_data(as_text=True)
    download = officer_client.get("/staff/complaints/report.csv?quarter=2023-24-Q1")
    assert download.mimetype == "text/csv"
    assert download.get_data(as_text=True).startswith("quarter,section,theme")
    assert "complaints-report-2023-24-Q1.csv" in download.headers["Content-Disposition"]
