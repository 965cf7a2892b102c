"""Migration 0026: families who asked to be contacted before the list existed are on it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, select

from feedback_app.extensions import db
from feedback_app.models import ContactRequest, Response, SurveyVersion
from tests.conftest import make_app

pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


def _response(version: SurveyVersion, **values: object) -> int:
    row = {
        "survey_id": version.survey_id,
        "version_id": version.id,
        "status": "submitted",
        "channel": "web",
        "submitted_on": date(2024, 5, 7),
        "submitted_at": datetime(2024, 5, 7, 9, 30, tzinfo=UTC),
        "contact_consent": False,
        "quote_consent": False,
        **values,
    }
    return int(db.session.execute(insert(Response.__table__).values(row)).inserted_primary_key[0])


def test_0026_makes_a_request_for_each_response_that_asked_and_left_details(
    tmp_path: Path,
) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0022"]).exit_code == 0
    with app.app_context():
        version = db.session.scalars(select(SurveyVersion)).first()
        assert version is not None
        asked = _response(
            version, contact_consent=True, contact_name="Ada", contact_email="ada@example.com"
        )
        phoned = _response(
            version,
            contact_consent=True,
            contact_phone="07700 900123",
            submitted_on=date(2024, 6, 3),
        )
        said_no = _response(version)
        erased = _response(version, contact_consent=True)  # asked; retention erased them
        draft = _response(
            version,
            status="draft",
            submitted_on=None,
            submitted_at=None,
            contact_consent=True,
            contact_email="draft@example.com",
        )
        db.session.commit()
        db.session.remove()
        db.engine.dispose()

    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0

    with app.app_context():
        requests = {
            request.response_id: request for request in db.session.scalars(select(ContactRequest))
        }
        assert set(requests) == {asked, phoned}
        assert not {said_no, erased, draft} & set(requests)
        assert requests[asked].requested_on == date(2024, 5, 7)
        assert requests[phoned].requested_on == date(2024, 6, 3)
        assert all(request.contacted_at is None for request in requests.values())
        db.engine.dispose()

    # And back down one step, for an operator who has to.
    assert runner.invoke(args=["db", "downgrade"]).exit_code == 0
    with app.app_context():
        assert "contact_requests" not in inspect(db.engine).get_table_names()
        db.engine.dispose()
