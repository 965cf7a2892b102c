"""Administrators manage users, themes and their rules, and read the audit log."""

from datetime import UTC, date, datetime, timedelta

from feedback_app.extensions import db
from feedback_app.models import AnalysisModel, AuditEntry, SafeguardingFlag, Theme, User
from feedback_app.services import analysis_admin, comments, safeguarding
from tests.conftest import parse_html


def test_admin_adds_a_user(sign_in):
    client = sign_in("admin")
    parse_html(client.get("/staff/admin/users").get_data(as_text=True))
    response = client.post(
        "/staff/admin/users",
        data={
            "email": "new.analyst@example.gov.uk",
            "role": "analyst",
            "password": "a long enough secret",
        },
    )
    assert response.status_code == 302
    assert (
        db.session.query(User).filter_by(email="new.analyst@example.gov.uk").one().role == "analyst"
    )


def test_short_password_is_refused(sign_in):
    client = sign_in("admin")
    response = client.post(
        "/staff/admin/users",
        data={"email": "x@example.gov.uk", "role": "analyst", "password": "short"},
    )
    assert response.status_code == 200
    assert "12 characters or more" in response.get_data(as_text=True)
    assert db.session.query(User).filter_by(email="x@example.gov.uk").count() == 0


def test_editing_theme_rules_is_audited_and_changes_analysis(sign_in, restore_themes):
    client = sign_in("admin")
    comment = comments.record_comment(
        source="survey",
        source_id=3,
        text="The minibus escort shouts at the children",
        received_on=date(2024, 5, 1),
    )
    db.session.commit()
    response = client.post(
        "/staff/admin/themes/transport",
        data={
            "name": "Home-to-school transport",
            "description": "Transport",
            "keywords": "minibus\nescort",
        },
    )
    assert response.status_code == 302
    theme = db.session.query(Theme).filter_by(slug="transport").one()
    assert theme.keywords == "minibus\nescort"
    entry = db.session.query(AuditEntry).filter_by(action="theme.updated").one()
    assert entry.entity_id == "transport"
    db.session.expire_all()
    assert "transport" in db.session.get(type(comment), comment.id).machine_themes


def test_new_theme_needs_a_valid_unique_slug(sign_in, restore_themes):
    client = sign_in("admin")
    response = client.post(
        "/staff/admin/themes/new", data={"slug": "communication", "name": "Again", "keywords": ""}
    )
    assert "already exists" in response.get_data(as_text=True)
    response = client.post(
        "/staff/admin/themes/new", data={"slug": "Bad Slug!", "name": "Bad", "keywords": ""}
    )
    assert "Slug must start with a letter" in response.get_data(as_text=True)
    response = client.post(
        "/staff/admin/themes/new",
        data={"slug": "sibling_support", "name": "Sibling support", "keywords": "brother\nsister"},
    )
    assert response.status_code == 302


def test_audit_log_page_lists_entries(sign_in):
    client = sign_in("admin")
    body = client.get("/staff/admin/audit").get_data(as_text=True)
    parse_html(body)
    assert "User added" in body
    # A page far past the end, even past what a database offset holds, is just empty.
    far = client.get("/staff/admin/audit?page=99999999999999999999")
    assert far.status_code == 200
    assert "User added" not in far.get_data(as_text=True)


def test_non_admins_are_refused(sign_in):
    client = sign_in("analyst")
    for url in ["/staff/admin/", "/staff/admin/users", "/staff/admin/themes", "/staff/admin/audit"]:
        assert client.get(url).status_code == 403


def test_admin_home_says_what_the_analyser_has_not_yet_learned(sign_in, make_user):
    client = sign_in("admin")

    def learning_rows():
        page = parse_html(client.get("/staff/admin/").get_data(as_text=True))
        rows = page.select(".govuk-summary-list__row")
        return {
            row.find("dt").get_text(strip=True): row.find("dd").get_text(" ", strip=True)
            for row in rows
        }

    assert learning_rows() == {
        "Model in use": "The model shipped with the platform",
        "Not yet learned from": "0 analyst corrections and 0 safeguarding decisions",
    }
    comment = comments.record_comment(
        source="survey", source_id=1, text="Lovely caseworker", received_on=date.today()
    )
    comments.label_comment(comment, themes=["staff_attitude"], sentiment="positive", user=None)
    flagged = comments.record_comment(
        source="survey", source_id=2, text="Dad hits him at home", received_on=date.today()
    )
    db.session.commit()
    flag = db.session.query(SafeguardingFlag).filter_by(comment_id=flagged.id).one()
    lead = make_user("safeguarding_lead")
    safeguarding.record_action(
        flag,
        status="in_progress",
        concern="undecided",
        action_taken="Called",
        user=lead,
        version=flag.version,
    )
    assert learning_rows()["Not yet learned from"] == (
        "1 analyst correction and 0 safeguarding decisions"
    )
    safeguarding.record_action(
        flag,
        status="closed",
        concern="concern",
        action_taken="Referred",
        user=lead,
        version=flag.version,
    )
    assert learning_rows()["Not yet learned from"] == (
        "1 analyst correction and 1 safeguarding decision"
    )
    # A retrained model has learned from both: nothing is left until the next decision.
    db.session.add(AnalysisModel(examples=3, notes="analyst corrections: 1", data={}))
    db.session.commit()
    rows = learning_rows()
    assert rows["Model in use"].startswith("Retrained on ")
    assert rows["Not yet learned from"] == "0 analyst corrections and 0 safeguarding decisions"


def test_without_a_job_queue_retraining_is_the_command_and_never_runs_in_a_request(app, sign_in):
    app.config["REDIS_URL"] = ""  # the embedded default (make test-postgres sets one)
    comment = comments.record_comment(
        source="survey", source_id=1, text="Lovely caseworker", received_on=date.today()
    )
    comments.label_comment(comment, themes=["staff_attitude"], sentiment="positive", user=None)
    db.session.commit()
    client = sign_in("admin")
    home = client.get("/staff/admin/").get_data(as_text=True)
    assert "flask --app wsgi retrain" in home
    assert "Retrain the analyser" not in home
    response = client.post("/staff/admin/retrain", follow_redirects=True)
    assert response.status_code == 200
    assert "it needs the job queue and a worker" in response.get_data(as_text=True)
    assert db.session.query(AnalysisModel).count() == 0
    assert analysis_admin.learning_status().retrain_requested_at is None


def test_a_retraining_that_never_finished_can_be_asked_for_again(app, sign_in):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # a queue, as far as the page knows
    comment = comments.record_comment(
        source="survey", source_id=1, text="Lovely caseworker", received_on=date.today()
    )
    comments.label_comment(comment, themes=["staff_attitude"], sentiment="positive", user=None)
    asked = AuditEntry(
        action="analysis.retrain_requested", entity_type="analysis_model", entity_id="next"
    )
    db.session.add(asked)
    db.session.commit()
    client = sign_in("admin")
    assert "Retraining was asked for at" in client.get("/staff/admin/").get_data(as_text=True)
    asked.at = datetime.now(UTC) - analysis_admin.RETRAIN_PATIENCE - timedelta(minutes=1)
    db.session.commit()
    home = client.get("/staff/admin/").get_data(as_text=True)
    assert "Retraining was asked for at" not in home
    assert "Retrain the analyser" in home


def test_with_the_queue_down_retraining_is_refused_and_never_runs_in_the_request(app, sign_in):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # configured, but nothing listens
    comment = comments.record_comment(
        source="survey", source_id=1, text="Lovely caseworker", received_on=date.today()
    )
    comments.label_comment(comment, themes=["staff_attitude"], sentiment="positive", user=None)
    db.session.commit()
    client = sign_in("admin")
    assert "Retrain the analyser" in client.get("/staff/admin/").get_data(as_text=True)
    response = client.post("/staff/admin/retrain", follow_redirects=True)
    assert "The job queue cannot be reached" in response.get_data(as_text=True)
    assert db.session.query(AnalysisModel).count() == 0
    assert db.session.query(AuditEntry).filter_by(action="analysis.retrain_requested").count() == 0
