"""Reminders go through the pluggable sender: the log sender, or GOV.UK Notify."""

from __future__ import annotations

import json
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

from feedback_app.services import complaint_points, notifications, reminders
from feedback_app.services.notify_sender import NotifySender


def test_reminders_for_deadlines_and_overdue_actions(app, make_complaint):
    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    today = date.today()
    due_soon = make_complaint(received_on=today - timedelta(days=7))
    make_complaint(received_on=today)  # nothing due for days: no reminder
    point = complaint_points.add_point(
        due_soon, theme="communication", summary="x", outcome="upheld"
    )
    complaint_points.add_action(
        point,
        {
            "description": "Publish phone surgery times",
            "team": "SEND",
            "owner": "Lee",
            "owner_email": "lee@example.gov.uk",
            "due_on": today - timedelta(days=3),
        },
    )
    counts = reminders.send_reminders(today)
    assert (counts.acknowledgements, counts.responses, counts.actions) == (1, 0, 1)
    subjects = [m.subject for m in sender.sent]
    assert any(due_soon.reference in s and "acknowledgement" in s for s in subjects)
    action_message = next(m for m in sender.sent if "Action" in m.subject)
    assert action_message.to == "lee@example.gov.uk"
    assert all("Sam Parent" not in m.body for m in sender.sent)  # no personal data in email


class _FakeNotify(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers["Content-Length"])
        _FakeNotify.received.append(
            {
                "path": self.path,
                "auth": self.headers["Authorization"],
                "body": json.loads(self.rfile.read(length)),
            }
        )
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"id": "fake"}')

    def log_message(self, *args: object) -> None:
        pass


def test_notify_sender_posts_to_notify(app):
    server = HTTPServer(("127.0.0.1", 0), _FakeNotify)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        service_id = "26785a09-ab16-4eb0-8407-a37497a57506"
        secret = "3d844edf-8d35-48ac-975b-e847b4f122b0"
        app.config.update(
            NOTIFY_API_KEY=f"test_key-{service_id}-{secret}",
            NOTIFY_BASE_URL=f"http://127.0.0.1:{server.server_port}",
            NOTIFY_TEMPLATE_ID="f33517ff-2a88-4f6e-b855-c550268ce08a",
        )
        assert isinstance(notifications.get_sender(), NotifySender)
        notifications.send(
            "officer@example.gov.uk",
            "Complaint CMP-000001: response due",
            "Body text",
            reference="complaint-1",
        )
    finally:
        server.shutdown()
    [request] = _FakeNotify.received
    assert request["path"] == "/v2/notifications/email"
    assert request["auth"].startswith("Bearer ")
    assert request["body"]["email_address"] == "officer@example.gov.uk"
    assert request["body"]["personalisation"]["subject"] == "Complaint CMP-000001: response due"
    assert request["body"]["reference"] == "complaint-1"


def test_send_reminders_command(app):
    result = app.test_cli_runner().invoke(args=["send-reminders"])
    assert result.exit_code == 0 and result.output.startswith("Sent 0 reminders")
