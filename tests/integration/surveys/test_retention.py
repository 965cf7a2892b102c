"""Survey contact details and abandoned drafts are erased after their retention periods."""

from datetime import UTC, datetime, timedelta

from feedback_app.extensions import db
from feedback_app.models import Answer, Response
from feedback_app.services import survey_retention, surveys


def _response(status: str, age_days: int, **fields) -> Response:
    survey = surveys.get_survey_by_slug("new_ehcp")
    version = surveys.current_version(survey)
    moment = datetime.now(UTC) - timedelta(days=age_days)
    response = Response(
        survey_id=survey.id,
        version_id=version.id,
        status=status,
        updated_at=moment,
        submitted_at=moment if status == "submitted" else None,
        submitted_on=moment.date() if status == "submitted" else None,
        **fields,
    )
    response.answers.append(Answer(question_key="involved", value="agree"))
    db.session.add(response)
    db.session.commit()
    return response


def test_purge_erases_old_contacts_and_drafts_only(app):
    old = _response("submitted", 400, contact_consent=True, contact_email="parent@example.com")
    recent = _response("submitted", 10, contact_consent=True, contact_email="recent@example.com")
    stale_draft = _response("draft", 40)
    fresh_draft = _response("draft", 1)
    old_id, recent_id, stale_id, fresh_id = old.id, recent.id, stale_draft.id, fresh_draft.id
    result = survey_retention.purge_expired()
    assert result.contacts_erased == 1
    assert result.drafts_deleted == 1
    db.session.expire_all()
    assert db.session.get(Response, old_id).contact_email is None
    assert db.session.get(Response, old_id).answers, "the anonymous answers are kept"
    assert db.session.get(Response, recent_id).contact_email == "recent@example.com"
    assert db.session.get(Response, stale_id) is None
    assert db.session.get(Response, fresh_id) is not None


def test_purge_command_reports_both_kinds(app):
    _response("submitted", 400, contact_consent=True, contact_name="A Parent")
    result = app.test_cli_runner().invoke(args=["purge-expired"])
    assert result.exit_code == 0, result.output
    assert "Erased contact details from 1 survey responses" in result.output
