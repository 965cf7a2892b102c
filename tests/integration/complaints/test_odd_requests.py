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
        f"/staff/complaints/{complaint.id}/escalate", data={"on": ["2", "5", "2023"]}
    )

    assert response.status_code == 302
    db.session.expire_all()
    stage = db.session.get(Complaint, complaint.id).current_stage
    assert stage.stage == "ombudsman" and stage.reference == ""
