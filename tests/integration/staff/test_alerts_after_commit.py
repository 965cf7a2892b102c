"""Emails go after the database write has committed, and a failed one is never recorded as sent.

Found by an operations tester: the safeguarding lead's alert was sent while the new
comment's transaction was still open. With Notify answering after 15 seconds, SQLite's
write lock was held all that time: other parents' forms got the "Sorry, please try again"
page ("database is locked") and the parent who disclosed waited 18.8 seconds. A failed
alert still set the flag's ``notified_at``.
"""

from __future__ import annotations

import io
import json
import logging
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from flask import Flask
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.logs import JSON_LOGGERS, JsonFormatter
from feedback_app.models import AuditEntry, Comment, SafeguardingFlag, SentReminder
from feedback_app.services import comments, comments_safeguarding, notifications
from feedback_app.services.notifications import Message
from tests.conftest import make_app, parse_html

DISCLOSURE = "Dad hits him when he gets angry and he is scared to go home"
KEY = "test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0"


class Witness:
    """A sender that looks, while "the email goes", at what everyone else can see and do."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.sent: list[Message] = []
        self.flags_seen: list[int] = []
        self.writable: list[bool] = []
        self.other_parent: list[int] = []

    def send(self, message: Message) -> None:
        with db.engine.connect() as other:  # another connection: sees only what is committed
            self.flags_seen.append(
                other.scalar(select(func.count()).select_from(SafeguardingFlag)) or 0
            )
        self.writable.append(_sqlite_writable() if db.engine.dialect.name == "sqlite" else True)
        self.other_parent.append(_another_parent_starts_a_survey(self.app))
        self.sent.append(message)


def _sqlite_writable() -> bool:
    """Whether another connection could start writing now (nobody holds the write lock)."""
    connection = sqlite3.connect(str(db.engine.url.database), timeout=0.2)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.rollback()
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()


def _another_parent_starts_a_survey(app: Flask) -> int:
    """Another family presses "Start now" (a write) from another worker thread."""
    statuses: list[int] = []

    def start() -> None:
        statuses.append(app.test_client().post("/surveys/new-ehcp", data={}).status_code)

    thread = threading.Thread(target=start)
    thread.start()
    thread.join(30)
    return statuses[0] if statuses else 0


def _submit_disclosure(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/surveys/new-ehcp", data={})
    url = response.location
    for _ in ("involved", "aspirational", "contact", "joint_working"):
        url = client.post(url, data={"action": "continue", "answer": "agree"}).location
    client.post(url, data={"action": "continue", "answer": DISCLOSURE})
    client.post(
        "/surveys/new-ehcp/your-words",
        data={"action": "continue", "quote_consent": "no", "contact_consent": "no"},
    )
    check = parse_html(client.get("/surveys/new-ehcp/check-answers").get_data(as_text=True))
    draft_id = check.find("input", attrs={"name": "draft_id"})["value"]
    submitted = client.post("/surveys/new-ehcp/check-answers", data={"draft_id": draft_id})
    assert submitted.location.endswith("/surveys/new-ehcp/confirmation"), submitted.status_code


def test_a_disclosing_parents_alert_goes_after_their_answers_are_committed(app: Flask) -> None:
    witness = Witness(app)
    app.extensions["notification_sender"] = witness

    _submit_disclosure(app.test_client())

    assert len(witness.sent) == 1
    assert witness.flags_seen == [1]  # the flag was committed before the email went
    assert witness.writable == [True]  # and nothing held the database meanwhile
    assert witness.other_parent == [302]  # another family's form went through, not a 503
    flag = db.session.scalars(select(SafeguardingFlag)).one()
    assert flag.notified_at is not None


def test_an_analysts_referral_emails_the_lead_after_the_commit(app: Flask) -> None:
    comment = comments.record_comment(
        source="survey", source_id=3, text="The letters were late again", received_on=date.today()
    )
    db.session.commit()
    witness = Witness(app)
    app.extensions["notification_sender"] = witness

    comments_safeguarding.refer_to_safeguarding_lead(comment)  # its caller commits
    assert witness.sent == []  # not while the transaction is open
    db.session.commit()

    assert witness.flags_seen == [1] and witness.writable == [True]
    assert witness.other_parent == [302]


def test_an_alert_for_a_change_rolled_back_is_never_sent(app: Flask) -> None:
    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    comments.record_comment(source="survey", source_id=4, text=DISCLOSURE, received_on=date.today())
    db.session.rollback()
    db.session.commit()
    assert sender.sent == []
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 0


class FailingSender:
    def __init__(self) -> None:
        self.tried: list[Message] = []

    def send(self, message: Message) -> None:
        self.tried.append(message)
        raise ConnectionError("Notify did not answer")


def test_a_failed_alert_leaves_the_flag_not_notified(app: Flask) -> None:
    failing = FailingSender()
    app.extensions["notification_sender"] = failing
    comment = comments.record_comment(
        source="survey", source_id=5, text=DISCLOSURE, received_on=date.today()
    )
    db.session.commit()
    assert len(failing.tried) == 1
    flag = db.session.scalars(
        select(SafeguardingFlag).where(SafeguardingFlag.comment_id == comment.id)
    ).one()
    assert flag.status == "open"  # the flag itself stands: the lead's queue shows it
    assert flag.notified_at is None


def test_a_failed_reminder_is_not_recorded_as_sent_and_goes_on_the_next_run(
    app: Flask, make_complaint
) -> None:  # type: ignore[no-untyped-def]
    from feedback_app.services import reminders

    today = date.today()
    make_complaint(received_on=today - timedelta(days=7))  # acknowledgement due
    app.extensions["notification_sender"] = FailingSender()
    result = app.test_cli_runner().invoke(args=["send-reminders"])
    assert result.exit_code == 1
    assert "1 reminders could not be sent" in result.output
    assert db.session.scalar(select(func.count()).select_from(SentReminder)) == 0

    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    counts = reminders.send_reminders(today)
    assert (counts.acknowledgements, counts.failed, len(sender.sent)) == (1, 0, 1)
    assert db.session.scalar(select(func.count()).select_from(SentReminder)) == 1


def test_a_reset_link_email_that_fails_is_in_the_audit_log(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    from feedback_app.services import password_resets

    analyst = make_user("analyst")
    app.extensions["notification_sender"] = FailingSender()
    with app.test_request_context():
        password_resets.request_link(analyst.email)
    actions = list(db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-2:] == [
        "user.password_reset_link_sent",
        "user.password_reset_email_failed",
    ]


class _RefusingNotify(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        body = {
            "status_code": 400,
            "errors": [{"error": "ValidationError", "message": "template_id is not a valid UUID"}],
        }
        self.wfile.write(json.dumps(body).encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def json_logs(database_url: str) -> Iterator[tuple[Flask, io.StringIO]]:
    """An app writing JSON logs (as in production) to a stream the test reads."""
    saved = {}
    for name in JSON_LOGGERS:
        logger = logging.getLogger(name)
        logger.disabled = False  # migrations/env.py's fileConfig() may have disabled it
        saved[name] = (list(logger.handlers), logger.level, logger.propagate)
    app = make_app(database_url, LOG_JSON=True)
    stream = io.StringIO()
    for name in JSON_LOGGERS:
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler.formatter, JsonFormatter):
                handler.setStream(stream)  # type: ignore[attr-defined]
    with app.app_context():
        yield app, stream
        db.session.remove()
        db.engine.dispose()
    for name, (handlers, level, propagate) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate = propagate


def test_a_notify_failure_is_logged_as_json_lines_with_its_reason(
    json_logs: tuple[Flask, io.StringIO],
) -> None:
    app, stream = json_logs
    server = HTTPServer(("127.0.0.1", 0), _RefusingNotify)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        app.config.update(
            NOTIFY_API_KEY=KEY,
            NOTIFY_BASE_URL=f"http://127.0.0.1:{server.server_port}",
            NOTIFY_TEMPLATE_ID="f33517ff-2a88-4f6e-b855-c550268ce08a",
        )
        sent = notifications.send(
            "lead@example.gov.uk", "A comment may disclose a risk of harm", "Sign in", "flag-1"
        )
    finally:
        server.shutdown()
    assert sent is False
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]  # every line JSON
    client_line = next(
        line for line in lines if line["logger"] == "notifications_python_client.base"
    )
    assert "failed with 400" in client_line["message"]
    [failure] = [line for line in lines if line["message"].startswith("notification failed")]
    assert failure["level"] == "ERROR"
    assert failure["reference"] == "flag-1"
    assert failure["notify_status"] == 400
    assert failure["notify_errors"] == ["template_id is not a valid UUID"]
    assert "lead@example.gov.uk" not in stream.getvalue()


def test_a_complaint_disclosing_harm_is_committed_before_the_lead_is_emailed(
    app: Flask, make_complaint
) -> None:  # type: ignore[no-untyped-def]
    witness = Witness(app)
    app.extensions["notification_sender"] = witness
    make_complaint(summary=DISCLOSURE)
    assert witness.flags_seen == [1] and witness.writable == [True]
