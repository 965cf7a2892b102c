"""`flask purge-expired` checks its retention settings before erasing anything, and
`--dry-run` says what it would erase without erasing it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest

from feedback_app import ROOT
from feedback_app.extensions import db
from feedback_app.models import Complaint, Response
from feedback_app.services import complaints, retention_periods, surveys


def _closed_complaint(make_complaint, closed_on: date) -> int:  # type: ignore[no-untyped-def]
    complaint = make_complaint(received_on=closed_on - timedelta(days=30))
    complaints.respond(complaint, closed_on)
    complaints.close(complaint, closed_on)
    return complaint.id


def _response(status: str, age_days: int, **fields: object) -> int:
    survey = surveys.get_survey_by_slug("new_ehcp")
    moment = datetime.now(UTC) - timedelta(days=age_days)
    response = Response(
        survey_id=survey.id,
        version_id=surveys.current_version(survey).id,
        status=status,
        updated_at=moment,
        submitted_at=moment if status == "submitted" else None,
        **fields,
    )
    db.session.add(response)
    db.session.commit()
    return response.id


@pytest.fixture
def records(make_complaint):  # type: ignore[no-untyped-def]
    """A complaint closed 10 days ago, one closed 8 years ago, a draft of today, a stale
    draft and a response whose contact details expired."""
    today = date.today()
    return {
        "recent": _closed_complaint(make_complaint, today - timedelta(days=10)),
        "old": _closed_complaint(make_complaint, today - timedelta(days=8 * 365)),
        "fresh_draft": _response("draft", 0),
        "stale_draft": _response("draft", 40),
        "contact": _response("submitted", 400, contact_consent=True, contact_name="A Parent"),
    }


def _untouched(records: dict[str, int]) -> None:
    db.session.expire_all()
    for key in ("recent", "old"):
        assert db.session.get(Complaint, records[key]).erased_at is None, key
    assert db.session.get(Response, records["fresh_draft"]) is not None
    assert db.session.get(Response, records["stale_draft"]) is not None
    assert db.session.get(Response, records["contact"]).contact_name == "A Parent"


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("COMPLAINT_RETENTION_DAYS", "-1", "between 365 and"),
        ("COMPLAINT_RETENTION_DAYS", -1, "between 365 and"),
        ("COMPLAINT_RETENTION_DAYS", "364", "between 365 and"),
        ("COMPLAINT_RETENTION_DAYS", " 6 years", "whole number of days"),
        ("COMPLAINT_RETENTION_DAYS", "2190.5", "whole number of days"),
        ("DRAFT_RETENTION_DAYS", "-1", "between 1 and"),
        ("DRAFT_RETENTION_DAYS", "0", "between 1 and"),
        ("SURVEY_CONTACT_RETENTION_DAYS", "29", "between 30 and"),
        ("SURVEY_CONTACT_RETENTION_DAYS", "99999999999", "between 30 and"),
    ],
)
def test_a_bad_retention_setting_stops_the_purge_with_nothing_erased(
    app, records, setting, value, message
):
    app.config[setting] = value

    for args in (["purge-expired"], ["purge-expired", "--dry-run"]):
        result = app.test_cli_runner().invoke(args=args)
        assert result.exit_code == 1, result.output
        assert setting in result.output and message in result.output
        assert "Nothing was erased" in result.output
        assert "Traceback" not in result.output and result.exception is not None
    _untouched(records)


def test_every_bad_setting_is_named_at_once(app):
    app.config.update(COMPLAINT_RETENTION_DAYS=-1, DRAFT_RETENTION_DAYS="-1")
    with pytest.raises(retention_periods.RetentionSettingError) as raised:
        retention_periods.periods()
    assert "COMPLAINT_RETENTION_DAYS" in str(raised.value)
    assert "DRAFT_RETENTION_DAYS" in str(raised.value)


def test_the_floors_themselves_are_allowed(app):
    app.config.update(
        COMPLAINT_RETENTION_DAYS="365", SURVEY_CONTACT_RETENTION_DAYS=30, DRAFT_RETENTION_DAYS=" 1 "
    )
    assert retention_periods.periods() == retention_periods.RetentionPeriods(365, 30, 1)


def test_a_setting_from_the_environment_that_is_no_number_gives_a_message(database_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "COMPLAINT_RETENTION_DAYS": " 6 years",
        "FEEDBACK_ENV": "development",
    }
    ran = subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "-m", "flask", "--app", "wsgi", "purge-expired"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 1, ran.stdout + ran.stderr
    assert "COMPLAINT_RETENTION_DAYS must be a whole number" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_dry_run_reports_and_changes_nothing(app, records):
    result = app.test_cli_runner().invoke(args=["purge-expired", "--dry-run"])

    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Dry run: nothing was erased or deleted.",
        "Would erase personal data from 1 complaints",
        "Would erase contact details from 1 survey responses and delete 1 unfinished drafts",
    ]
    _untouched(records)
    done = app.test_cli_runner().invoke(args=["purge-expired"])
    assert "Erased personal data from 1 complaints" in done.output
    db.session.expire_all()
    assert db.session.get(Complaint, records["old"]).erased_at is not None
    assert db.session.get(Complaint, records["recent"]).erased_at is None
    assert db.session.get(Response, records["stale_draft"]) is None
    assert db.session.get(Response, records["fresh_draft"]) is not None
