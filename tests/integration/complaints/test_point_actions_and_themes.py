"""Actions stay on show when a point's outcome changes; a retired theme stays on its points."""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.models import ComplaintPoint, Theme
from feedback_app.services import complaint_points
from feedback_app.services.complaints import ComplaintError
from tests.conftest import parse_html


def test_an_open_action_on_a_point_no_longer_upheld_can_still_be_completed(
    officer_client, make_complaint
):
    complaint = make_complaint()
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Calls", outcome="upheld"
    )
    action = complaint_points.add_action(
        point,
        {
            "description": "Ring the family back",
            "team": "SEND team",
            "owner": "A Manager",
            "due_on": date(2023, 6, 1),
        },
    )
    complaint_points.update_point(
        point, theme="communication", summary="Calls", outcome="not_upheld", version=point.version
    )

    body = officer_client.get(f"/staff/complaints/{complaint.id}").get_data(as_text=True)
    page = parse_html(body)

    assert "Ring the family back" in body
    assert page.find("a", href=f"/staff/complaints/{complaint.id}/actions/{action.id}/complete")
    # No new actions for a point not upheld.
    assert not page.find(
        "a", href=f"/staff/complaints/{complaint.id}/points/{point.id}/actions/new"
    )


@pytest.fixture
def retired_point(make_complaint, restore_themes):  # type: ignore[no-untyped-def]
    complaint = make_complaint()
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Calls", outcome="pending"
    )
    db.session.scalar(db.select(Theme).where(Theme.slug == "communication")).retired = True
    db.session.commit()
    return complaint, point


def test_a_point_keeps_its_retired_theme_when_saved(officer_client, retired_point):
    complaint, point = retired_point
    url = f"/staff/complaints/{complaint.id}/points/{point.id}"

    page = parse_html(officer_client.get(url).get_data(as_text=True))
    checked = page.find("input", attrs={"name": "theme", "checked": True})
    assert checked is not None and checked["value"] == "communication"

    saved = officer_client.post(
        url,
        data={
            "theme": "communication",
            "summary": "Calls",
            "outcome": "upheld",
            "version": point.version,
        },
    )
    assert saved.status_code == 302
    db.session.expire_all()
    point = db.session.get(ComplaintPoint, point.id)
    assert point.theme == "communication" and point.outcome == "upheld"


def test_new_points_offer_only_live_themes(officer_client, retired_point):
    complaint, point = retired_point
    page = parse_html(
        officer_client.get(f"/staff/complaints/{complaint.id}/points/new").get_data(as_text=True)
    )
    assert not page.find("input", attrs={"name": "theme", "value": "communication"})
    with pytest.raises(ComplaintError):
        complaint_points.add_point(complaint, theme="communication", summary="More")
    other = complaint_points.add_point(complaint, theme="timeliness", summary="Late")
    with pytest.raises(ComplaintError):  # a retired theme is kept, never newly chosen
        complaint_points.update_point(
            other, theme="communication", summary="Late", outcome="pending", version=other.version
        )
