"""Fixtures shared by more than one area's integration tests."""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app.services import complaints


@pytest.fixture
def make_complaint(app):  # type: ignore[no-untyped-def]
    """Create a complaint through the service, with sensible defaults."""

    def _make(**overrides: object):  # type: ignore[no-untyped-def]
        data = {
            "received_on": date(2023, 4, 3),
            "channel": "email",
            "stage": "1",
            "complainant_name": "Sam Parent",
            "contact_email": "sam@example.com",
            "relationship_to_child": "parent_carer",
            "summary": "Nobody returned my calls about the draft plan for six weeks.",
        }
        data.update(overrides)
        return complaints.create_complaint(data)

    return _make
