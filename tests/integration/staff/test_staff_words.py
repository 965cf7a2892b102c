"""Staff pages in review, administration and safeguarding speak in words, not in slugs,
commands or Python values, and their banners say what happened."""

from __future__ import annotations

from datetime import date

from feedback_app.extensions import db
from feedback_app.models import SafeguardingFlag, User
from feedback_app.services import audit, comments, safeguarding
from tests.conftest import parse_html
from tests.support.forms import form_data

DISCLOSURE = "Dad hits him when he gets angry and he is scared to go home"


def _text(body: str) -> str:
    return " ".join(parse_html(body).find("main").get_text(" ").split())


def _banner(body: str) -> str:
    banner = parse_html(body).select_one(".govuk-notification-banner--success")
    assert banner is not None, "no success banner"
    return " ".join(banner.get_text(" ").split())


def test_the_review_page_names_the_tone_and_no_command(sign_in):
    comment = comments.record_comment(
        source="survey",
        source_id=1,
        text="Nobody returned my calls for weeks, it was awful",
        received_on=date(2024, 5, 1),
    )
    db.session.commit()
    assert comment.machine_sentiment == "negative" and comment.polarity < 0
    client = sign_in("analyst")
    text = _text(client.get("/staff/review/").get_data(as_text=True))
    assert "flask" not in text and "retrain" not in text.replace("retrained", "")
    score = f"{comment.polarity:.2f}".replace("-", "−")
    assert f"Negative (tone score {score}, from −1, most negative, to 1, most positive)" in text
    assert f"negative ({comment.polarity:.2f})" not in text


def test_the_admin_home_keeps_the_command_for_operators(app, sign_in):
    app.config["REDIS_URL"] = ""
    comment = comments.record_comment(
        source="survey", source_id=2, text="Lovely caseworker", received_on=date.today()
    )
    comments.label_comment(comment, themes=["staff_attitude"], sentiment="positive", user=None)
    db.session.commit()
    client = sign_in("admin")
    main = parse_html(client.get("/staff/admin/").get_data(as_text=True)).find("main")
    details = main.find("details")
    assert "flask --app wsgi retrain" in details.get_text()
    details.extract()
    words = " ".join(main.get_text(" ").split())
    assert "flask" not in words and "REDIS_URL" not in words
    assert "Ask the team that runs this service" in words


def test_the_audit_log_shows_changes_in_words(sign_in):
    flag = _flag()
    admin = sign_in("admin")
    safeguarding.record_action(
        flag,
        status="closed",
        concern="no_concern",
        action_taken="Rang the school",
        user=db.session.query(User).one(),
        version=flag.version,
    )
    # As ``improvements.follow_action`` records a date that was empty before.
    audit.record(
        "improvement.followed_action",
        "improvement",
        4,
        completed_on={"old": None, "new": "2024-05-01"},
    )
    db.session.commit()
    text = _text(admin.get("/staff/admin/audit").get_data(as_text=True))
    assert "Status: open → closed" in text
    assert "Concern: not decided → not a concern" in text
    assert "Completed on: (none) → 2024-05-01" in text
    assert "Safeguarding flag updated" in text and f"Safeguarding flag {flag.id}" in text
    assert "['open', 'closed']" not in text and "'old'" not in text and "None" not in text
    assert "safeguarding.updated" not in text


def test_adding_a_user_names_them(sign_in):
    client = sign_in("admin")
    response = client.post(
        "/staff/admin/users",
        data={
            "email": "new.analyst@example.gov.uk",
            "role": "analyst",
            "password": "a long enough secret",
        },
        follow_redirects=True,
    )
    assert _banner(response.get_data(as_text=True)).endswith(
        "User added: new.analyst@example.gov.uk, with the role analyst. They can sign in now."
    )


def _flag() -> SafeguardingFlag:
    comment = comments.record_comment(
        source="survey", source_id=7, text=DISCLOSURE, received_on=date(2024, 6, 3)
    )
    db.session.commit()
    return db.session.query(SafeguardingFlag).filter_by(comment_id=comment.id).one()


def _record(client, flag: SafeguardingFlag, **answers: str):  # type: ignore[no-untyped-def]
    url = f"/staff/safeguarding/flags/{flag.id}"
    data = form_data(client.get(url).get_data(as_text=True))
    data.update({k: [v] for k, v in answers.items()})
    data["action_taken"] = ["Rang the school's designated lead"]
    return client.post(url, data=data, follow_redirects=True)


def test_saving_a_flag_says_whether_it_is_closed_or_still_open(sign_in):
    flag = _flag()
    client = sign_in("safeguarding_lead")
    still_open = _record(client, flag, status="in_progress", concern="undecided")
    assert _banner(still_open.get_data(as_text=True)).endswith(
        f"What was done about flag {flag.id} is saved. The flag is still open (in progress), "
        "and the comment stays withheld from review and quotes."
    )
    closed = _record(client, flag, status="closed", concern="no_concern")
    assert _banner(closed.get_data(as_text=True)).endswith(
        f"What was done about flag {flag.id} is saved. The flag is closed, and the comment is "
        "no longer withheld: analysts can review it."
    )
