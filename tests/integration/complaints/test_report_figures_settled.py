"""Report figures cannot be changed after the event.

Found by a tester: a done action's due date could be moved after it was done, turning a
late action into one done by the agreed date in the report; and a closed complaint took
new points, changing the points of a quarter's report already made. Actions on a closed
complaint's upheld points are still followed up until done.
"""

from __future__ import annotations

from datetime import date

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintAction
from feedback_app.services import complaint_points, complaints, complaints_report
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


# --- a done action's due date -------------------------------------------------------------


def _done_action(make_complaint) -> tuple[Complaint, ComplaintAction]:  # type: ignore[no-untyped-def]
    complaint = make_complaint(received_on=date(2022, 3, 1))
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Calls", outcome="upheld"
    )
    action = complaint_points.add_action(
        point,
        {
            "description": "Call back within 2 days",
            "team": "SEND casework",
            "owner": "K. Hughes",
            "due_on": date(2022, 3, 10),
        },
    )
    complaint_points.complete_action(action, date(2022, 3, 20), "Called on 20 March")
    return complaint, action


def test_a_done_actions_due_date_cannot_be_moved(officer_client, make_complaint):
    complaint, action = _done_action(make_complaint)
    assert (_report()["actions_completed"], _report()["actions_completed_on_time"]) == (1, 0)
    url = f"/staff/complaints/{complaint.id}/actions/{action.id}/edit"
    data = form_data(officer_client.get(url).get_data(as_text=True))

    page = officer_client.post(url, data={**data, "due_on": _date(date(2022, 3, 25))})

    assert page.status_code == 200
    soup = parse_html(page.get_data(as_text=True))
    summary = soup.find(class_="govuk-error-summary").get_text(" ")
    assert "marked as done on 20 March 2022" in " ".join(summary.split())
    assert "10 March 2022, cannot be changed" in " ".join(summary.split())
    assert soup.find(class_="govuk-error-summary").find("a")["href"] == "#due_on-day"
    db.session.expire_all()
    assert db.session.get(ComplaintAction, action.id).due_on == date(2022, 3, 10)
    assert (_report()["actions_completed"], _report()["actions_completed_on_time"]) == (1, 0)


def test_a_done_actions_other_details_can_still_be_changed(officer_client, make_complaint):
    complaint, action = _done_action(make_complaint)
    url = f"/staff/complaints/{complaint.id}/actions/{action.id}/edit"
    data = form_data(officer_client.get(url).get_data(as_text=True))
    saved = officer_client.post(url, data={**data, "notes": "Family happy with the call"})
    assert saved.status_code == 302
    db.session.expire_all()
    action = db.session.get(ComplaintAction, action.id)
    assert action.notes == "Family happy with the call"
    assert action.due_on == date(2022, 3, 10)


def test_an_open_actions_due_date_can_still_be_moved(make_complaint):
    complaint, action = _done_action(make_complaint)
    point = complaint.points[0]
    other = complaint_points.add_action(
        point,
        {"description": "Write", "team": "SEND", "owner": "K", "due_on": date(2022, 3, 10)},
    )
    complaint_points.update_action(other, {"due_on": date(2022, 3, 25)})
    assert other.due_on == date(2022, 3, 25)


# --- points and actions on a closed complaint ---------------------------------------------


def _closed(make_complaint) -> Complaint:  # type: ignore[no-untyped-def]
    complaint = make_complaint(received_on=date(2022, 3, 1))
    for theme in ("communication", "timeliness"):
        complaint_points.add_point(complaint, theme=theme, summary="Calls", outcome="upheld")
    complaints.respond(complaint, date(2022, 3, 5))
    complaints.close(complaint, date(2022, 3, 25))
    return complaint


def test_a_closed_complaint_takes_no_new_points(officer_client, make_complaint):
    complaint = _closed(make_complaint)
    assert _report()["points"] == 2
    page = officer_client.get(f"/staff/complaints/{complaint.id}").get_data(as_text=True)
    assert "Add a point" not in _text(page)
    assert "closed, so no more points can be added" in _text(page)

    refused = officer_client.post(
        f"/staff/complaints/{complaint.id}/points/new",
        data={"theme": "transport", "outcome": "upheld", "summary": "Added after closing"},
    )

    assert refused.status_code == 200
    summary = parse_html(refused.get_data(as_text=True)).find(class_="govuk-error-summary")
    assert "This complaint was closed on 25 March 2022, so you cannot add a point" in " ".join(
        summary.get_text(" ").split()
    )
    assert len(_reload(complaint.id).points) == 2
    assert _report()["points"] == 2


def test_an_escalated_complaint_takes_points_again(make_complaint):
    complaint = _closed(make_complaint)
    complaints.escalate(complaint, date(2022, 3, 28))
    complaint_points.add_point(complaint, theme="transport", summary="New", outcome="pending")
    assert len(_reload(complaint.id).points) == 3


def test_an_upheld_point_is_still_followed_up_after_closing(make_complaint):
    complaint = _closed(make_complaint)
    action = complaint_points.add_action(
        complaint.points[0],
        {"description": "Train the team", "team": "SEND", "owner": "K", "due_on": date(2022, 5, 1)},
    )
    complaint_points.complete_action(action, date(2022, 4, 28), "Training held")
    assert action.status == "done"
