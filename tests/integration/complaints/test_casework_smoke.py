"""The officer's pages render valid HTML for a complaint with points and actions."""

from __future__ import annotations

from datetime import date

from feedback_app.services import complaint_points
from tests.conftest import parse_html


def test_every_page_renders(officer_client, make_complaint):
    complaint = make_complaint()
    point = complaint_points.add_point(
        complaint, theme="communication", summary="Calls", outcome="upheld"
    )
    action = complaint_points.add_action(
        point,
        {
            "description": "Phone surgery",
            "team": "SEND casework",
            "owner": "Team manager",
            "due_on": date(2023, 5, 1),
        },
    )
    cid = complaint.id
    urls = [
        "/staff/complaints/",
        "/staff/complaints/new",
        f"/staff/complaints/{cid}",
        f"/staff/complaints/{cid}/edit",
        f"/staff/complaints/{cid}/points/new",
        f"/staff/complaints/{cid}/points/{point.id}",
        f"/staff/complaints/{cid}/acknowledge",
        f"/staff/complaints/{cid}/respond",
        f"/staff/complaints/{cid}/escalate",
        f"/staff/complaints/{cid}/close",
        f"/staff/complaints/{cid}/extend",
        f"/staff/complaints/{cid}/points/{point.id}/actions/new",
        f"/staff/complaints/{cid}/actions/{action.id}/edit",
        f"/staff/complaints/{cid}/actions/{action.id}/complete",
        "/staff/complaints/actions",
        "/staff/complaints/compliments",
        "/staff/complaints/compliments/new",
        "/staff/complaints/report?quarter=2023-24-Q1",
    ]
    for url in urls:
        response = officer_client.get(url)
        assert response.status_code == 200, (url, response.get_data(as_text=True)[:3000])
        soup = parse_html(response.get_data(as_text=True))
        assert soup.find("h1"), url
