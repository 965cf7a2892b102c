"""An erased complaint is read-only (data protection).

Found by a tester: after ``purge-expired``, the erased complaint's page still offered
"Change the details", "Add a point" and "Escalate", and a new name, email and summary
saved there were kept for good, because retention erases a complaint once
(``purge-expired --dry-run`` then counted 0). Now every page and service that would
change it refuses, and its page says when it was erased.
"""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.models import Complaint
from feedback_app.models.complaints import ERASED
from feedback_app.services import complaint_points, complaints, complaints_retention
from feedback_app.templating import format_date
from tests.conftest import parse_html
from tests.support.forms import form_data


def _date(on: date) -> list[str]:
    return [str(on.day), str(on.month), str(on.year)]


@pytest.fixture
def erased(app, make_complaint):  # type: ignore[no-untyped-def]
    """A complaint closed in 2022 with an open action, erased by ``purge_expired``."""
    complaint = make_complaint(received_on=date(2022, 1, 5))
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Calls not returned", outcome="upheld"
    )
    complaint_points.add_action(
        point,
        {
            "description": "Call back",
            "team": "SEND casework",
            "owner": "K. Hughes",
            "due_on": date(2022, 2, 1),
        },
    )
    complaints.acknowledge(complaint, date(2022, 1, 7))
    complaints.respond(complaint, date(2022, 1, 20))
    complaints.close(complaint, date(2022, 1, 31))
    app.config["COMPLAINT_RETENTION_DAYS"] = 365
    assert complaints_retention.purge_expired() == 1
    db.session.expire_all()
    complaint = db.session.get(Complaint, complaint.id)
    assert complaint.erased_at is not None
    return complaint


def _unchanged(complaint_id: int) -> Complaint:
    db.session.expire_all()
    complaint = db.session.get(Complaint, complaint_id)
    assert complaint.complainant_name == ERASED
    assert complaint.contact_email == ""
    assert complaint.summary == ERASED
    assert complaint.closed_on == date(2022, 1, 31)
    assert [stage.stage for stage in complaint.stages] == ["1"]
    assert len(complaint.points) == 1
    point = complaint.points[0]
    assert (point.summary, point.outcome) == (ERASED, "upheld")
    action = point.actions[0]
    assert (action.status, action.description, action.due_on) == (
        "open",
        ERASED,
        date(2022, 2, 1),
    )
    return complaint


def test_the_page_says_when_it_was_erased_and_offers_no_changes(officer_client, erased):
    body = officer_client.get(f"/staff/complaints/{erased.id}").get_data(as_text=True)
    page = parse_html(body)
    words = " ".join(page.find(id="complaint-erased").get_text().split())
    on = format_date(erased.erased_at)
    assert words.startswith(f"This complaint was erased on {on} under the retention policy")
    assert "can no longer be changed" in words
    links = " ".join(a.get_text(" ") for a in page.find("main").find_all("a"))
    for offer in (
        "Change the details",
        "Add a point",
        "Escalate",
        "Close the complaint",
        "Change",
        "Mark as done",
        "Add an action",
    ):
        assert offer not in links, offer
    prefix = f"/staff/complaints/{erased.id}/"
    hrefs = [a["href"] for a in page.find("main").find_all("a", href=True)]
    assert not [href for href in hrefs if href.startswith(prefix)], hrefs


def test_saving_new_details_is_refused_and_nothing_is_kept(officer_client, erased):
    url = f"/staff/complaints/{erased.id}/edit"
    form = officer_client.get(url)
    assert form.status_code == 302  # the form is not offered
    data = {
        "received_on": _date(date(2022, 1, 5)),
        "channel": "email",
        "complainant_name": "Jane Testparent",
        "contact_email": "jane@example.com",
        "relationship_to_child": "parent_carer",
        "summary": "Filled in again after erasure",
        "officer_id": "",
        "version": str(erased.version),
    }
    response = officer_client.post(url, data=data, follow_redirects=True)
    assert response.status_code == 200
    assert response.request.path == f"/staff/complaints/{erased.id}"
    text = " ".join(parse_html(response.get_data(as_text=True)).get_text(" ").split())
    assert "under the retention policy, so it cannot be changed" in text
    assert "Jane Testparent" not in text
    _unchanged(erased.id)
    # Nothing for retention to erase again: it was never filled in.
    assert complaints_retention.count_expired() == 0


def test_every_change_page_refuses(officer_client, erased):
    point = erased.points[0]
    action = point.actions[0]
    base = f"/staff/complaints/{erased.id}"
    posts = {
        f"{base}/points/new": {"theme": "transport", "outcome": "upheld", "summary": "New"},
        f"{base}/points/{point.id}": {
            "theme": "transport",
            "outcome": "not_upheld",
            "summary": "Changed",
            "version": str(point.version),
        },
        f"{base}/points/{point.id}/actions/new": {
            "description": "Another",
            "team": "SEND casework",
            "owner": "K. Hughes",
            "due_on": _date(date(2022, 3, 1)),
        },
        f"{base}/actions/{action.id}/edit": {
            "description": "Call Mrs Okafor back",
            "team": "SEND casework",
            "owner": "K. Hughes",
            "due_on": _date(date(2022, 3, 1)),
        },
        f"{base}/actions/{action.id}/complete": {
            "completed_on": _date(date(2022, 3, 1)),
            "evidence": "Called",
        },
        f"{base}/acknowledge": {"on": _date(date(2022, 3, 1))},
        f"{base}/respond": {"on": _date(date(2022, 3, 1))},
        f"{base}/escalate": {"on": _date(date(2022, 3, 1)), "from_stage": "1"},
        f"{base}/close": {"on": _date(date(2022, 3, 1))},
        f"{base}/extend": {"days": "5", "reason": "Busy", "deadline": "2022-01-21"},
    }
    for url, data in posts.items():
        assert officer_client.get(url).status_code == 302, url
        response = officer_client.post(url, data=data, follow_redirects=True)
        assert response.status_code == 200, url
        assert response.request.path == base, url
        assert "so it cannot be changed" in response.get_data(as_text=True), url
    _unchanged(erased.id)


def test_every_service_refuses(erased):
    point = erased.points[0]
    action = point.actions[0]
    on = date(2022, 3, 1)
    attempts = {
        "details": lambda: complaints.update_complaint(
            erased, {"complainant_name": "Jane"}, version=erased.version
        ),
        "acknowledge": lambda: complaints.acknowledge(erased, on),
        "respond": lambda: complaints.respond(erased, on),
        "extend": lambda: complaints.extend(erased, 5, "Busy"),
        "escalate": lambda: complaints.escalate(erased, on),
        "close": lambda: complaints.close(erased, on),
        "add point": lambda: complaint_points.add_point(erased, theme="transport", summary="x"),
        "change point": lambda: complaint_points.update_point(
            point, theme="transport", summary="x", outcome="upheld", version=point.version
        ),
        "add action": lambda: complaint_points.add_action(
            point, {"description": "x", "team": "t", "owner": "o", "due_on": on}
        ),
        "change action": lambda: complaint_points.update_action(action, {"notes": "Mrs Okafor"}),
        "complete action": lambda: complaint_points.complete_action(action, on, "Done"),
    }
    for name, attempt in attempts.items():
        with pytest.raises(complaints.ErasedError, match="so it cannot be changed"):
            attempt()
        db.session.rollback()
    _unchanged(erased.id)
    assert action.notes == ""


def test_a_complaint_not_erased_still_offers_its_changes(officer_client, make_complaint):
    complaint = make_complaint()
    page = parse_html(
        officer_client.get(f"/staff/complaints/{complaint.id}").get_data(as_text=True)
    )
    assert page.find(id="complaint-erased") is None
    links = " ".join(a.get_text(" ") for a in page.find("main").find_all("a"))
    for offer in ("Change the details", "Add a point", "Escalate", "Close the complaint"):
        assert offer in links, offer
    assert form_data(
        officer_client.get(f"/staff/complaints/{complaint.id}/edit").get_data(as_text=True)
    )
