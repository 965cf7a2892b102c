"""Clock steps that would contradict the dates already recorded are refused with a message."""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.models import Complaint
from feedback_app.services import complaints
from feedback_app.services.complaints import ComplaintError


def _date(on: date) -> list[str]:
    return [str(on.day), str(on.month), str(on.year)]


def _responded(make_complaint):  # type: ignore[no-untyped-def]
    complaint = make_complaint(received_on=date(2023, 4, 3))
    complaints.acknowledge(complaint, date(2023, 4, 5))
    complaints.respond(complaint, date(2023, 5, 30))  # late: respond-by was 19 May
    return complaint


def test_extending_after_the_response_is_refused(officer_client, make_complaint):
    complaint = _responded(make_complaint)
    respond_by = complaint.current_stage.respond_by

    page = officer_client.post(
        f"/staff/complaints/{complaint.id}/extend",
        data={"days": "10", "reason": "Busy", "deadline": respond_by.isoformat()},
    )

    assert page.status_code == 200
    assert "already has a response, recorded on 30 May 2023" in page.get_data(as_text=True)
    db.session.expire_all()
    stage = db.session.get(Complaint, complaint.id).current_stage
    assert stage.respond_by == respond_by and stage.extension_days == 0


def test_extending_acknowledging_or_responding_on_a_closed_complaint_is_refused(
    officer_client, make_complaint
):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    complaints.close(complaint, date(2023, 4, 10))  # withdrawn before any response

    deadline = complaint.current_stage.respond_by.isoformat()
    extend = officer_client.post(
        f"/staff/complaints/{complaint.id}/extend",
        data={"days": "10", "reason": "Busy", "deadline": deadline},
    )
    assert "closed on 10 April 2023" in extend.get_data(as_text=True)
    for step in ("acknowledge", "respond"):
        page = officer_client.post(
            f"/staff/complaints/{complaint.id}/{step}", data={"on": _date(date(2023, 4, 12))}
        )
        assert page.status_code == 200, step
        assert "closed on 10 April 2023" in page.get_data(as_text=True), step
    db.session.expire_all()
    stage = db.session.get(Complaint, complaint.id).current_stage
    assert stage.acknowledged_on is None and stage.responded_on is None
    assert stage.extension_days == 0


def test_a_response_before_the_acknowledgement_is_refused(make_complaint):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    complaints.acknowledge(complaint, date(2023, 4, 10))
    with pytest.raises(ComplaintError, match="on or after the date acknowledged, 10 April 2023"):
        complaints.respond(complaint, date(2023, 4, 6))


def test_acknowledging_again_after_the_response_is_refused(officer_client, make_complaint):
    complaint = _responded(make_complaint)
    respond_by = complaint.current_stage.respond_by
    page = officer_client.post(
        f"/staff/complaints/{complaint.id}/acknowledge", data={"on": _date(date(2023, 5, 29))}
    )
    assert "already has a response" in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Complaint, complaint.id).current_stage.respond_by == respond_by


def test_closing_before_stage_2_started_is_refused(make_complaint):
    complaint = _responded(make_complaint)
    complaints.escalate(complaint, date(2023, 6, 12))
    with pytest.raises(ComplaintError, match="on or after stage 2 started, 12 June 2023"):
        complaints.close(complaint, date(2023, 6, 1))


def test_closing_before_the_response_is_refused(make_complaint):
    complaint = _responded(make_complaint)
    with pytest.raises(ComplaintError, match="on or after the response, 30 May 2023"):
        complaints.close(complaint, date(2023, 5, 1))


def _closed_unanswered(make_complaint):  # type: ignore[no-untyped-def]
    complaint = make_complaint(received_on=date(2023, 4, 3))
    complaints.close(complaint, date(2023, 4, 10))
    return complaint


@pytest.mark.parametrize(
    ("setup", "received", "message"),
    [
        (_responded, date(2023, 6, 13), "on or before it was acknowledged, 5 April 2023"),
        (_closed_unanswered, date(2023, 4, 11), "on or before it was closed, 10 April 2023"),
    ],
)
def test_received_after_later_dates_is_refused(
    officer_client, make_complaint, setup, received, message
):
    complaint = setup(make_complaint)
    page = officer_client.post(
        f"/staff/complaints/{complaint.id}/edit",
        data={
            "received_on": _date(received),
            "channel": "email",
            "complainant_name": "Sam Parent",
            "relationship_to_child": "parent_carer",
            "summary": "Nobody returned my calls.",
            "version": complaint.version,
        },
    )
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert f"The date the complaint was received must be {message}" in body
    assert "govuk-error-summary" in body
    db.session.expire_all()
    assert db.session.get(Complaint, complaint.id).received_on == date(2023, 4, 3)


def test_received_after_stage_2_started_is_refused(make_complaint):
    complaint = make_complaint(received_on=date(2023, 4, 3))
    complaints.escalate(complaint, date(2023, 4, 20))
    data = {"received_on": date(2023, 4, 21)}
    with pytest.raises(ComplaintError, match="on or before stage 2 started, 20 April 2023"):
        complaints.update_complaint(complaint, data, version=complaint.version)
    assert complaints.update_complaint(
        complaint, {"received_on": date(2023, 4, 4)}, version=complaint.version
    )
