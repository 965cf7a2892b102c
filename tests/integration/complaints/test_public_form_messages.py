"""The public complaint form's messages name a field shortly, without "(optional)"."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Complaint
from tests.conftest import parse_html


def test_too_long_phone_and_case_reference_name_the_field_shortly(client: FlaskClient) -> None:
    page = client.post(
        "/complaints/",
        data={
            "complainant_name": "Jo Family",
            "contact_email": "jo@example.com",
            "relationship_to_child": "parent_carer",
            "summary": "We waited 30 weeks for the plan.",
            "contact_phone": "1" * 41,
            "child_reference": "R" * 41,
        },
    ).get_data(as_text=True)
    text = parse_html(page).get_text(" ")
    assert "Phone number must be 40 characters or fewer" in text
    assert "Case reference must be 40 characters or fewer" in text
    assert "(optional) must be" not in text
    assert db.session.scalar(select(func.count()).select_from(Complaint)) == 0
