"""A disclosure is flagged at once, reaches the lead, and what was done is recorded."""

from datetime import date

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Comment, SafeguardingFlag
from feedback_app.services import comments, comments_safeguarding, notifications, review
from feedback_app.templating import format_date
from tests.conftest import parse_html

DISCLOSURE = "Dad hits him when he gets angry and he is scared to go home"


def _flagged():
    comment = comments.record_comment(
        source="survey", source_id=7, text=DISCLOSURE, received_on=date(2024, 6, 3)
    )
    db.session.commit()
    return comment


def test_disclosure_raises_one_flag_and_notifies_the_lead(app):
    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    comment = _flagged()
    flags = db.session.query(SafeguardingFlag).filter_by(comment_id=comment.id).all()
    assert len(flags) == 1
    assert flags[0].status == "open"
    assert flags[0].phrases
    assert len(sender.sent) == 1
    # The notification carries no words from the comment.
    assert "hits" not in sender.sent[0].body
    comments.reanalyse_all()
    assert db.session.query(SafeguardingFlag).filter_by(comment_id=comment.id).count() == 1


def test_lead_sees_queue_and_records_action(sign_in):
    comment = _flagged()
    flag = db.session.query(SafeguardingFlag).filter_by(comment_id=comment.id).one()
    client = sign_in("safeguarding_lead")
    queue = client.get("/staff/safeguarding/").get_data(as_text=True)
    parse_html(queue)
    assert f"Flag {flag.id}" in queue
    page = client.get(f"/staff/safeguarding/flags/{flag.id}").get_data(as_text=True)
    assert DISCLOSURE in page
    form = parse_html(page).find("form", novalidate=True)
    legends = [legend.get_text(strip=True) for legend in form.find_all("legend")]
    assert "Is this a safeguarding concern?" in legends
    assert form.find("input", {"name": "concern", "value": "undecided"}).has_attr("checked")
    response = client.post(
        f"/staff/safeguarding/flags/{flag.id}",
        data={
            "status": "closed",
            "concern": "concern",
            "action_taken": "Referred to the Family Front Door",
            # The version the page was shown with, as a browser sends it back.
            "version": form.find("input", {"name": "version"})["value"],
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    flag = db.session.get(SafeguardingFlag, flag.id)
    assert flag.status == "closed"
    assert flag.concern == "concern"
    assert flag.action_taken == "Referred to the Family Front Door"
    assert flag.comment.safeguarding  # a concern stays withheld after closing
    actions = [e.action for e in db.session.query(AuditEntry).filter_by(entity_id=str(flag.id))]
    assert "safeguarding.viewed" in actions and "safeguarding.updated" in actions
    # The closed flag leaves the queue; shown with closed flags, it says when it was closed.
    assert f"Flag {flag.id}" not in client.get("/staff/safeguarding/").get_data(as_text=True)
    closed = parse_html(client.get("/staff/safeguarding/?show=all").get_data(as_text=True))
    (row,) = [
        tr for tr in closed.find("tbody").find_all("tr") if f"Flag {flag.id} " in tr.get_text()
    ]
    assert f"Closed {format_date(flag.handled_at)}" in row.get_text()


def test_the_lead_sees_whether_the_rules_or_the_learned_model_raised_a_flag(sign_in):
    ruled = db.session.query(SafeguardingFlag).filter_by(comment_id=_flagged().id).one()
    assert ruled.found_by == "rules"
    ordinary = comments.record_comment(
        source="survey", source_id=8, text="The lodger helps at bathtime", received_on=date.today()
    )
    learned = comments_safeguarding.raise_safeguarding_flag(
        ordinary, ["lodger", "bathtime"], "model"
    )
    db.session.commit()
    client = sign_in("safeguarding_lead")
    queue = parse_html(client.get("/staff/safeguarding/").get_data(as_text=True))
    rows = {row.find("a").get_text(" ", strip=True): row for row in queue.select("tbody tr")}
    assert "learned model alone" in rows[f"Flag {learned.id} (survey)"].get_text()
    assert "learned model alone" not in rows[f"Flag {ruled.id} (survey)"].get_text()
    page = client.get(f"/staff/safeguarding/flags/{ruled.id}").get_data(as_text=True)
    assert "The disclosure rules" in page
    # Rules that find the disclosure later (after a rule change) make it a rules flag.
    comments_safeguarding.raise_safeguarding_flag(ordinary, ["lodger"], "rules")
    assert learned.found_by == "rules"


def test_empty_action_is_a_clear_error(sign_in):
    comment = _flagged()
    flag = db.session.query(SafeguardingFlag).filter_by(comment_id=comment.id).one()
    client = sign_in("safeguarding_lead")
    response = client.post(f"/staff/safeguarding/flags/{flag.id}", data={"status": "closed"})
    assert response.status_code == 200
    assert "Enter what was done" in response.get_data(as_text=True)


def test_analyst_cannot_open_safeguarding_queue(sign_in):
    client = sign_in("analyst")
    assert client.get("/staff/safeguarding/").status_code == 403


def test_closing_a_flag_needs_the_leads_decision(sign_in):
    flag = db.session.query(SafeguardingFlag).filter_by(comment_id=_flagged().id).one()
    client = sign_in("safeguarding_lead")
    response = client.post(
        f"/staff/safeguarding/flags/{flag.id}",
        data={
            "status": "closed",
            "concern": "undecided",
            "action_taken": "Spoke to school",
            "version": flag.version,
        },
    )
    assert response.status_code == 200
    page = parse_html(response.get_data(as_text=True))
    assert "Select whether this is a safeguarding concern before closing it" in page.get_text()
    # Nothing was saved, and the lead's words are still in the form.
    assert "Spoke to school" in page.get_text()
    db.session.expire_all()
    assert db.session.get(SafeguardingFlag, flag.id).status == "open"
    # Still looking into it: a flag in progress may be undecided.
    response = client.post(
        f"/staff/safeguarding/flags/{flag.id}",
        data={
            "status": "in_progress",
            "concern": "undecided",
            "action_taken": "Called school",
            "version": flag.version,
        },
    )
    assert response.status_code == 302


def test_no_concern_returns_the_comment_to_review_and_stays_so(sign_in):
    false_alarm = comments.record_comment(
        source="survey",
        source_id=9,
        text="This process is killing me, he says he wants to die of boredom in maths",
        received_on=date(2024, 6, 3),
    )
    db.session.commit()
    flag = db.session.query(SafeguardingFlag).filter_by(comment_id=false_alarm.id).one()
    assert false_alarm.id not in [c.id for c in review.review_queue().comments]
    client = sign_in("safeguarding_lead")
    response = client.post(
        f"/staff/safeguarding/flags/{flag.id}",
        data={
            "status": "closed",
            "concern": "no_concern",
            "action_taken": "A figure of speech",
            "version": flag.version,
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert not db.session.get(Comment, false_alarm.id).safeguarding
    assert false_alarm.id in [c.id for c in review.review_queue().comments]
    queue = parse_html(client.get("/staff/safeguarding/?show=all").get_data(as_text=True))
    assert "Not a safeguarding concern" in queue.get_text()
    # Re-analysis still finds the words, but the lead's decision stands.
    comments.reanalyse_all()
    db.session.expire_all()
    assert not db.session.get(Comment, false_alarm.id).safeguarding
    # Changing the decision withholds the comment again.
    client.post(
        f"/staff/safeguarding/flags/{flag.id}",
        data={
            "status": "closed",
            "concern": "concern",
            "action_taken": "Spoke to the family",
            "version": db.session.get(SafeguardingFlag, flag.id).version,
        },
    )
    db.session.expire_all()
    assert db.session.get(Comment, false_alarm.id).safeguarding


def test_the_queue_pages_closed_flags_and_reads_each_page_in_a_few_queries(sign_in):
    from sqlalchemy import event

    from feedback_app.services.safeguarding import PAGE_SIZE

    for number in range(PAGE_SIZE + 2):
        comments.record_comment(
            source="survey", source_id=500 + number, text=DISCLOSURE, received_on=date(2024, 6, 3)
        )
        db.session.flush()
    db.session.commit()
    waiting = db.session.query(SafeguardingFlag).order_by(SafeguardingFlag.id).all()
    for flag in waiting[1:]:
        flag.status = "closed"
    db.session.commit()
    client = sign_in("safeguarding_lead")

    needing_attention = parse_html(client.get("/staff/safeguarding/").get_data(as_text=True))
    assert "1 flag" in needing_attention.get_text()
    assert needing_attention.find("nav", class_="govuk-pagination") is None

    statements: list[str] = []

    def listener(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        first = parse_html(client.get("/staff/safeguarding/?show=all").get_data(as_text=True))
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    flag_queries = [s for s in statements if "safeguarding_flags" in s or "comments" in s]
    assert len(flag_queries) <= 3, flag_queries  # a count and one joined page, not one a row
    rows = first.find("tbody").find_all("tr")
    assert len(rows) == PAGE_SIZE
    assert f"Flag {waiting[0].id}" in rows[0].get_text()  # the open flag comes first
    assert f"{PAGE_SIZE + 2} flags" in first.get_text()
    assert "Page 1 of 2" in first.get_text()
    next_link = first.find("a", rel="next")["href"]
    assert "show=all" in next_link and "page=2" in next_link

    assert "Closed " not in rows[0].get_text()  # the open flag says how long it has waited
    second = parse_html(client.get(next_link).get_data(as_text=True))
    assert len(second.find("tbody").find_all("tr")) == 2
    assert "show=all" in second.find("a", rel="prev")["href"]


def test_the_daily_reminders_tell_the_lead_of_flags_nobody_has_started_on(app):
    from datetime import UTC, datetime, timedelta

    from feedback_app.services import reminders

    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    texts = [DISCLOSURE, "My stepdad hits me and I am scared", "He locks me in my room at night"]
    flags = []
    for number, text in enumerate(texts):
        comments.record_comment(
            source="survey", source_id=900 + number, text=text, received_on=date(2024, 6, 3)
        )
        db.session.flush()
        flags.append(
            db.session.query(SafeguardingFlag).order_by(SafeguardingFlag.id.desc()).first()
        )
    db.session.commit()
    now = datetime.now(UTC)
    flags[0].raised_at = now - timedelta(days=3)  # open for days
    flags[1].raised_at = now - timedelta(days=2)
    flags[1].status = "in_progress"  # the lead has started on it
    db.session.commit()  # flags[2] was raised today: its own alert went a moment ago
    sender.sent.clear()

    counts = reminders.send_reminders(now.date())

    assert counts.safeguarding_flags == 1
    (message,) = [m for m in sender.sent if "safeguarding" in m.subject]
    assert message.subject == "1 safeguarding flag has not been looked at"
    assert "The oldest has waited 3 days." in message.body
    assert "hits" not in message.body and "scared" not in message.body
    assert message.reference == f"safeguarding-open-{now.date().isoformat()}"

    flags[0].status = "closed"
    db.session.commit()
    sender.sent.clear()
    assert reminders.send_reminders(now.date()).safeguarding_flags == 0
    assert not [m for m in sender.sent if "safeguarding" in m.subject]
