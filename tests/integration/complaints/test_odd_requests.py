"""Odd requests to the complaints pages get an answer, not a server error."""

from __future__ import annotations

from datetime import date

from feedback_app.extensions import db
from feedback_app.models import Complaint
from feedback_app.services import complaints


def test_a_page_number_in_superscript_digits_shows_the_first_page(officer_client):
    response = officer_client.get("/staff/complaints/?page=²")
    assert response.status_code == 200
    assert officer_client.get("/staff/complaints/?page=%C2%B2&status=").status_code == 200


def test_escalating_a_stage_2_complaint_without_a_reference_field(officer_client, make_complaint):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    complaints.escalate(complaint, date(2023, 4, 20))

    response = officer_client.post(
        f"/staff/complaints/{complaint.id}/escalate",
        data={"on": ["2", "5", "2023"], "from_stage": "2"},
    )

    assert response.status_code == 302
    db.session.expire_all()
    stage = db.session.get(Complaint, complaint.id).current_stage
    assert stage.stage == "ombudsman" and stage.reference == ""


def test_a_report_download_for_an_unknown_quarter_says_so(officer_client):
    response = officer_client.get("/staff/complaints/report.csv?quarter=bogus")
    assert response.status_code == 302
    assert "text/csv" not in response.headers.get("Content-Type", "")
    page = officer_client.get(response.headers["Location"])
    assert page.status_code == 200
    assert "govuk-error-message" in page.get_data(as_text=True)
    good = officer_client.get("/staff/complaints/report.csv?quarter=2023-24-Q1")
    assert good.status_code == 200 and good.mimetype == "text/csv"


def test_extension_days_in_words_get_a_gov_uk_message(officer_client, make_complaint):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    page = officer_client.post(
        f"/staff/complaints/{complaint.id}/extend", data={"days": "abc", "reason": "Busy"}
    )
    body = page.get_data(as_text=True)
    assert "Enter the number of working days as a whole number, like 10" in body
    assert "Not a valid integer" not in body
    assert body.count("whole number from 1 to 60") == 0
