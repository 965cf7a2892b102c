"""The lead looks again when a comment they decided on changes, or is raised again.

Found by probing (eleventh session): a complaint's summary edited to add a new disclosure
after the lead had cleared the first left the flag closed, the comment in the analysts'
queue and the lead untold; a comment raised again looked as old as its first flag.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, SafeguardingFlag, User
from feedback_app.services import (
    comments,
    comments_safeguarding,
    notifications,
    safeguarding,
    users,
)

FIRST = "The council never replied. My partner hit my son again last week."
EDITED = FIRST + " My son told me his uncle touches him and he is scared to go home."


def _record(text: str):
    comment = comments.record_comment(
        source="complaint", source_id=41, text=text, received_on=date(2024, 6, 3)
    )
    db.session.commit()
    return comment


def _lead() -> User:
    return users.create_user("lead@example.gov.uk", "safeguarding_lead", "a-long-enough-password")


def _cleared_weeks_ago(comment) -> SafeguardingFlag:
    flag = comments_safeguarding.safeguarding_flag_of(comment)
    assert flag is not None
    flag.raised_at = datetime.now(UTC) - timedelta(days=40)
    safeguarding.record_action(
        flag,
        status="closed",
        concern="no_concern",
        action_taken="Spoke to school",
        user=_lead(),
        version=flag.version,
    )
    assert comment.safeguarding is False  # cleared: analysts review it like any other
    return flag


def test_new_words_that_still_disclose_reopen_a_cleared_flag(app):
    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    comment = _record(FIRST)
    flag = _cleared_weeks_ago(comment)
    before = len(sender.sent)
    _record(EDITED)
    db.session.refresh(flag)
    assert (flag.status, flag.concern) == ("open", "undecided")
    assert comment.safeguarding is True  # withheld again
    assert datetime.now(UTC) - flag.raised_at.replace(tzinfo=UTC) < timedelta(minutes=1)
    assert len(sender.sent) == before + 1
    assert "uncle" not in sender.sent[-1].body
    assert set(flag.phrases) == {"hit my son", "uncle touches him", "scared to go home"}
    assert db.session.query(AuditEntry).filter_by(action="safeguarding.flag_reopened").count()


def test_reanalysing_unchanged_words_never_reopens_a_decision(app):
    comment = _record(FIRST)
    flag = _cleared_weeks_ago(comment)
    comments.reanalyse_all()
    _record(FIRST)  # saved again, the same words
    db.session.refresh(flag)
    assert (flag.status, flag.concern) == ("closed", "no_concern")
    assert comment.safeguarding is False


def test_new_words_on_an_open_flag_tell_the_lead_and_keep_its_wait(app):
    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    comment = _record(FIRST)
    flag = comments_safeguarding.safeguarding_flag_of(comment)
    first_raised = datetime.now(UTC) - timedelta(days=3)
    flag.raised_at = first_raised
    db.session.commit()
    before = len(sender.sent)
    _record(EDITED)
    db.session.refresh(flag)
    assert flag.status == "open" and len(sender.sent) == before + 1
    assert abs(flag.raised_at.replace(tzinfo=UTC) - first_raised) < timedelta(seconds=1)


def test_a_cleared_comment_raised_again_waits_from_now(app):
    comment = _record(FIRST)
    flag = _cleared_weeks_ago(comment)
    comments_safeguarding.refer_to_safeguarding_lead(comment)
    db.session.commit()
    db.session.refresh(flag)
    assert (flag.status, flag.concern, flag.found_by) == ("open", "undecided", "analyst")
    assert safeguarding.waiting_for(flag) != "40 days"
    assert datetime.now(UTC) - flag.raised_at.replace(tzinfo=UTC) < timedelta(minutes=1)


def test_keeping_every_suggestion_in_another_order_is_accepted(app):
    comment = _record("The plan took 40 weeks and speech therapy never happened")
    suggested = list(comment.machine_themes)
    assert len(suggested) >= 2, suggested
    comments.label_comment(
        comment,
        themes=list(reversed(suggested)),
        sentiment=comment.machine_sentiment,
        user=None,
    )
    assert comment.review_status == "accepted"
    comments.label_comment(
        comment, themes=suggested[:1], sentiment=comment.machine_sentiment, user=None
    )
    assert comment.review_status == "corrected"


def test_the_audit_log_keeps_how_many_phrases_not_the_words(app):
    comment = _record(FIRST)
    entry = db.session.query(AuditEntry).filter_by(action="safeguarding.flag_raised").one()
    assert entry.changes == {"phrases": 1}
    assert "hit" not in repr(entry.changes) and comment.safeguarding
