"""An escalation is dated after what it follows.

Found by a tester: an escalation dated before the previous stage's response was
accepted, so stage 2 started before stage 1 was answered; and a complaint closed on 28
February 2022 could be escalated with a 20 January date, reopening it already overdue.
"""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.models import Complaint
from feedback_app.services import complaints
from tests.conftest import parse_html


def _date(on: date) -> list[str]:
    return [str(on.day), str(on.month), str(on.year)]


def _text(body: str) -> str:
    return " ".join(parse_html(body).get_text(" ").split())


def _reload(complaint_id: int) -> Complaint:
    db.session.expire_all()
    return db.session.get(Complaint, complaint_id)


def test_an_escalation_before_the_response_is_refused(officer_client, make_complaint):
    complaint = make_complaint(received_on=date(2022, 2, 1))
    complaints.acknowledge(complaint, date(2022, 2, 2))
    complaints.respond(complaint, date(2022, 2, 10))

    page = officer_client.post(
        f"/staff/complaints/{complaint.id}/escalate",
        data={"on": _date(date(2022, 2, 3)), "from_stage": "1"},
    )

    assert page.status_code == 200
    assert (
        "The date escalated must be on or after the response at stage 1, 10 February 2022"
        in _text(page.get_data(as_text=True))
    )
    assert [stage.stage for stage in _reload(complaint.id).stages] == ["1"]
    complaints.escalate(complaint, date(2022, 2, 10))  # the same day is fine
    assert _reload(complaint.id).stage == "2"


def test_an_escalation_before_the_acknowledgement_is_refused(make_complaint):
    complaint = make_complaint(received_on=date(2022, 2, 1))
    complaints.acknowledge(complaint, date(2022, 2, 4))
    with pytest.raises(
        complaints.ComplaintError, match="after stage 1 was acknowledged, 4 February 2022"
    ):
        complaints.escalate(complaint, date(2022, 2, 3))
    complaints.escalate(complaint, date(2022, 2, 4))
    assert _reload(complaint.id).stage == "2"


def test_a_closed_complaint_cannot_reopen_before_it_was_closed(officer_client, make_complaint):
    complaint = make_complaint(received_on=date(2022, 1, 10))
    complaints.respond(complaint, date(2022, 1, 17))
    complaints.close(complaint, date(2022, 2, 28))

    page = officer_client.post(
        f"/staff/complaints/{complaint.id}/escalate",
        data={"on": _date(date(2022, 1, 20)), "from_stage": "1"},
    )

    assert page.status_code == 200
    assert (
        "The date escalated must be on or after the complaint was closed, 28 February 2022"
        in _text(page.get_data(as_text=True))
    )
    complaint = _reload(complaint.id)
    assert complaint.closed_on == date(2022, 2, 28) and complaint.stage == "1"
    complaints.escalate(complaint, date(2022, 3, 1))
    complaint = _reload(complaint.id)
    assert complaint.closed_on is None and complaint.stage == "2"
    assert complaint.stages[1].started_on == date(2022, 3, 1)
