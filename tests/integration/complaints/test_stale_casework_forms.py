"""Two officers (or two tabs) on the same complaint: a page opened before the other saved
never undoes their change, and says so (services.edits)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintPoint
from feedback_app.services import complaint_points, complaints
from feedback_app.services.edits import EditConflict
from tests.conftest import parse_html
from tests.support.forms import form_data

STALE = "Someone else changed this complaint after you opened this page."


def test_a_stale_details_page_does_not_undo_a_phone_number_added_since(
    officer_client, make_complaint
):
    complaint = make_complaint()
    url = f"/staff/complaints/{complaint.id}/edit"
    tab_a = form_data(officer_client.get(url).get_data(as_text=True))
    tab_b = form_data(officer_client.get(url).get_data(as_text=True))
    assert tab_a["version"] == [str(complaint.version)]

    added = officer_client.post(url, data={**tab_a, "contact_phone": ["01905 765432"]})
    assert added.status_code == 302
    stale = officer_client.post(url, data={**tab_b, "summary": ["Calls not returned for months."]})

    assert stale.status_code == 409
    page = parse_html(stale.get_data(as_text=True))
    summary = page.find(class_="govuk-error-summary")
    assert STALE in summary.get_text() and "Your changes have not been saved" in summary.get_text()
    assert (
        summary.find("a")["href"] == "#received_on-day"
    )  # the first question, not the hidden field
    assert page.title.get_text().startswith("Error: ")
    # The form holds what is saved now; what this tab typed is shown beside it.
    assert page.find("input", {"name": "contact_phone"})["value"] == "01905 765432"
    assert "Calls not returned for months." in page.find(id="unsaved-answers").get_text()
    assert "Calls not returned" not in page.find("textarea", {"name": "summary"}).get_text()
    db.session.expire_all()
    saved = db.session.get(Complaint, complaint.id)
    assert saved.contact_phone == "01905 765432"
    assert saved.summary.startswith("Nobody returned my calls")

    # Made again from the page it was shown, the change is saved, with the phone kept.
    again = form_data(stale.get_data(as_text=True))
    again["summary"] = ["Calls not returned for months."]
    assert officer_client.post(url, data=again).status_code == 302
    db.session.expire_all()
    saved = db.session.get(Complaint, complaint.id)
    assert saved.summary == "Calls not returned for months."
    assert saved.contact_phone == "01905 765432"


def test_a_details_form_without_a_version_is_refused_not_saved(officer_client, make_complaint):
    complaint = make_complaint()
    url = f"/staff/complaints/{complaint.id}/edit"
    data = form_data(officer_client.get(url).get_data(as_text=True))
    del data["version"]
    response = officer_client.post(url, data={**data, "contact_phone": ["01905 000111"]})
    assert response.status_code == 409
    db.session.expire_all()
    assert db.session.get(Complaint, complaint.id).contact_phone == ""


def test_a_stale_point_page_does_not_undo_a_changed_outcome(officer_client, make_complaint):
    complaint = make_complaint()
    point = complaint_points.add_point(complaint, theme="communication", summary="Calls")
    url = f"/staff/complaints/{complaint.id}/points/{point.id}"
    tab_a = form_data(officer_client.get(url).get_data(as_text=True))
    tab_b = form_data(officer_client.get(url).get_data(as_text=True))

    assert officer_client.post(url, data={**tab_a, "outcome": ["upheld"]}).status_code == 302
    stale = officer_client.post(url, data={**tab_b, "summary": ["Calls and emails"]})

    assert stale.status_code == 409
    page = parse_html(stale.get_data(as_text=True))
    assert (
        "Someone else changed this point after you opened this page"
        in page.find(class_="govuk-error-summary").get_text()
    )
    assert page.find("input", {"name": "outcome", "value": "upheld"}).has_attr("checked")
    assert "Calls and emails" in page.find(id="unsaved-answers").get_text()
    db.session.expire_all()
    saved = db.session.get(ComplaintPoint, point.id)
    assert (saved.outcome, saved.summary) == ("upheld", "Calls")


def test_a_save_that_loses_the_race_between_read_and_write_is_refused(make_complaint):
    """Both saves passed the form's check; the one writing second changes no row."""
    complaint = make_complaint()
    read_at = complaint.version
    with db.engine.begin() as other:  # another request commits after this one read
        other.execute(
            update(Complaint.__table__)
            .where(Complaint.__table__.c.id == complaint.id)
            .values(contact_phone="01905 765432", version=Complaint.__table__.c.version + 1)
        )
    with pytest.raises(EditConflict):
        complaints.update_complaint(complaint, {"summary": "Stale words"}, version=read_at)
    db.session.expire_all()
    saved = db.session.get(Complaint, complaint.id)
    assert saved.contact_phone == "01905 765432"
    assert saved.summary != "Stale words"
    assert saved.received_on == date(2023, 4, 3)
