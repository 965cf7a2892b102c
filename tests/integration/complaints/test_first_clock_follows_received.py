"""Stage 1's clock follows the date received, even after escalation.

Found by a tester: a complaint received 14 February 2022 and escalated on 21 February,
whose date received was then corrected to 7 February, said "Received 7 February 2022"
while stage 1 still said "Started 14 February, acknowledge by 21 February"; the report's
acknowledged-on-time figure was judged on the old date.
"""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Complaint
from feedback_app.services import complaints, complaints_report
from feedback_app.services.periods import parse_quarter
from tests.conftest import parse_html
from tests.support.forms import form_data

Q4 = parse_quarter("2021-22-Q4")  # January to March 2022


def _date(on: date) -> list[str]:
    return [str(on.day), str(on.month), str(on.year)]


def _text(body: str) -> str:
    return " ".join(parse_html(body).get_text(" ").split())


def _report() -> dict[str, object]:
    return complaints_report.build_report(Q4, on=date(2022, 4, 1))


def _reload(complaint_id: int) -> Complaint:
    db.session.expire_all()
    return db.session.get(Complaint, complaint_id)


def _stage_one_row(body: str) -> list[str]:
    row = parse_html(body).select("main table tbody tr")[0]
    return [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]


def test_a_new_date_received_moves_stage_ones_clock_after_escalation(
    officer_client, make_complaint
):
    complaint = make_complaint(received_on=date(2022, 2, 14))
    complaints.escalate(complaint, date(2022, 2, 21))
    url = f"/staff/complaints/{complaint.id}/edit"
    data = form_data(officer_client.get(url).get_data(as_text=True))
    saved = officer_client.post(url, data={**data, "received_on": _date(date(2022, 2, 7))})
    assert saved.status_code == 302

    body = officer_client.get(f"/staff/complaints/{complaint.id}").get_data(as_text=True)
    assert "7 February 2022" in _text(body)
    stage_one = _stage_one_row(body)
    assert stage_one[:3] == ["Stage 1", "7 February 2022", "14 February 2022"], stage_one
    complaint = _reload(complaint.id)
    first, second = complaint.stages
    assert (first.started_on, first.acknowledge_by) == (date(2022, 2, 7), date(2022, 2, 14))
    assert first.respond_by == date(2022, 2, 28)  # 10 working days from acknowledge-by
    assert second.started_on == date(2022, 2, 21)  # stage 2's clock is its own
    entry = db.session.scalars(
        db.select(AuditEntry)
        .where(AuditEntry.action == "complaint.updated")
        .where(AuditEntry.entity_id == str(complaint.id))
    ).one()
    assert entry.changes["first_stage_clock"]["acknowledge_by"] == {
        "old": "2022-02-21",
        "new": "2022-02-14",
    }


def test_the_acknowledged_on_time_figure_follows_the_date_received(make_complaint):
    complaint = make_complaint(received_on=date(2022, 2, 14))
    complaints.acknowledge(complaint, date(2022, 2, 21))  # on time: due 21 February
    complaints.respond(complaint, date(2022, 2, 25))
    complaints.escalate(complaint, date(2022, 3, 1))
    assert (_report()["acknowledged"], _report()["acknowledged_on_time"]) == (1, 1)

    complaints.update_complaint(
        complaint, {"received_on": date(2022, 2, 7)}, version=complaint.version
    )

    first = _reload(complaint.id).stages[0]
    assert first.acknowledge_by == date(2022, 2, 14)
    # Acknowledged a week after it was due, from the true date received: late.
    assert (_report()["acknowledged"], _report()["acknowledged_on_time"]) == (1, 0)
    # The response clock ran from the acknowledgement, which has not moved.
    assert first.respond_by == date(2022, 3, 7)


def test_a_date_received_after_stage_two_started_is_still_refused(make_complaint):
    complaint = make_complaint(received_on=date(2022, 2, 14))
    complaints.escalate(complaint, date(2022, 2, 21))
    with pytest.raises(complaints.ComplaintError, match="stage 2 started, 21 February 2022"):
        complaints.update_complaint(
            complaint, {"received_on": date(2022, 2, 22)}, version=complaint.version
        )
