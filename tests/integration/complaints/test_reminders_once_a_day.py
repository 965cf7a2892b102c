"""`flask send-reminders` run twice in a day sends each reminder once; the next day, and
for whatever falls due in between, it sends again."""

from __future__ import annotations

from datetime import date, timedelta

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import SentReminder
from feedback_app.services import (
    comments,
    comments_safeguarding,
    complaint_points,
    notifications,
    reminders,
)


def _due_today(make_complaint, today: date) -> None:  # type: ignore[no-untyped-def]
    due_soon = make_complaint(received_on=today - timedelta(days=7))
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
    # A disclosure flagged yesterday that nobody has looked at.
    comment = comments.record_comment(
        source="survey", source_id=1, text="Dad hits him at home", received_on=today
    )
    assert comment is not None
    flag = comments_safeguarding.safeguarding_flag_of(comment)
    assert flag is not None
    flag.raised_at = flag.raised_at - timedelta(days=2)
    db.session.commit()


def test_a_second_run_the_same_day_sends_nothing_new(app, make_complaint):
    today = clock.today()
    _due_today(make_complaint, today)
    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    runner = app.test_cli_runner()

    first = runner.invoke(args=["send-reminders"])
    assert first.exit_code == 0, first.output
    assert first.output.startswith("Sent 3 reminders: 1 acknowledgements, 0 responses, 1 overdue")
    sent_first = [m.reference for m in sender.sent]
    assert len(sent_first) == 3

    second = runner.invoke(args=["send-reminders"])

    assert second.exit_code == 0, second.output
    assert second.output.startswith("Sent 0 reminders")
    assert "3 reminders were sent earlier today and not sent again" in second.output
    assert [m.reference for m in sender.sent] == sent_first


def test_something_due_since_is_sent_and_tomorrow_all_go_again(app, make_complaint):
    today = clock.today()
    _due_today(make_complaint, today)
    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    reminders.send_reminders(today)
    make_complaint(received_on=today - timedelta(days=8))  # logged late in the day

    later = reminders.send_reminders(today)

    assert (later.acknowledgements, later.actions, later.safeguarding_flags) == (1, 0, 0)
    assert later.already_sent == 3 and len(sender.sent) == 4
    tomorrow = reminders.send_reminders(today + timedelta(days=1))
    assert tomorrow.total == 4 and len(sender.sent) == 8
    # Each reminder sent is recorded by its reference: record, kind and day, no person.
    references = sorted(row.reference for row in db.session.query(SentReminder))
    assert references == sorted(m.reference for m in sender.sent)
    assert sum(r.endswith(today.isoformat()) for r in references) == 4


def test_old_records_of_reminders_are_deleted(app):
    today = clock.today()
    db.session.add(
        SentReminder(reference="complaint-1-response-old", sent_on=today - timedelta(days=60))
    )
    db.session.add(
        SentReminder(reference="complaint-1-response-new", sent_on=today - timedelta(days=2))
    )
    db.session.commit()
    reminders.send_reminders(today)
    assert [r.reference for r in db.session.query(SentReminder)] == ["complaint-1-response-new"]
