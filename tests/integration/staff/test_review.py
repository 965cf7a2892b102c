"""Analysts accept or correct themes and sentiment; labels survive re-analysis."""

from datetime import date

from feedback_app.extensions import db
from feedback_app.models import Comment, CommentLabel, CommentTheme, SafeguardingFlag
from feedback_app.services import comments, notifications, safeguarding
from tests.conftest import parse_html


def _comment(text: str) -> Comment:
    comment = comments.record_comment(
        source="survey", source_id=1, text=text, received_on=date(2024, 5, 1)
    )
    db.session.commit()
    assert comment is not None
    return comment


def test_queue_lists_unreviewed_comments_with_redacted_text(sign_in):
    comment = _comment("Nobody from the SEND team returned my calls. Ring me on 07700 900123.")
    client = sign_in("analyst")
    body = client.get("/staff/review/").get_data(as_text=True)
    parse_html(body)
    assert f"comment-{comment.id}" in body
    assert "07700 900123" not in body
    assert "[phone]" in body


def test_correction_is_kept_as_a_label_and_survives_reanalysis(sign_in):
    comment = _comment("The taxi driver was late every single day this term")
    client = sign_in("analyst")
    response = client.post(
        f"/staff/review/comments/{comment.id}",
        data={
            f"c{comment.id}-themes": ["transport", "timeliness"],
            f"c{comment.id}-sentiment": "negative",
            f"c{comment.id}-version": comment.version,
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    stored = db.session.get(Comment, comment.id)
    assert sorted(stored.label_themes) == ["timeliness", "transport"]
    assert stored.review_status in {"accepted", "corrected"}
    assert db.session.query(CommentLabel).filter_by(comment_id=comment.id).count() == 1

    comments.reanalyse_all()
    db.session.expire_all()
    stored = db.session.get(Comment, comment.id)
    assert sorted(stored.effective_themes) == ["timeliness", "transport"]
    linked = sorted(
        t.theme for t in db.session.query(CommentTheme).filter_by(comment_id=comment.id)
    )
    assert linked == ["timeliness", "transport"]


def test_htmx_review_returns_just_the_card(sign_in):
    comment = _comment("The caseworker was kind and rang back the same day")
    client = sign_in("analyst")
    response = client.post(
        f"/staff/review/comments/{comment.id}",
        data={
            f"c{comment.id}-themes": ["communication"],
            f"c{comment.id}-sentiment": "positive",
            f"c{comment.id}-version": comment.version,
        },
        headers={"HX-Request": "true"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in body
    assert f'id="comment-{comment.id}"' in body
    assert f"Review saved for comment {comment.id}." in body


def test_missing_sentiment_is_a_clear_error_not_a_500(sign_in):
    comment = _comment("ok i guess")
    client = sign_in("analyst")
    response = client.post(f"/staff/review/comments/{comment.id}", data={})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Select the sentiment of the comment" in body
    assert "<title>Error: " in body


def test_unknown_theme_is_refused(sign_in):
    comment = _comment("fine")
    client = sign_in("analyst")
    response = client.post(
        f"/staff/review/comments/{comment.id}",
        data={f"c{comment.id}-themes": ["not_a_theme"], f"c{comment.id}-sentiment": "neutral"},
    )
    assert response.status_code == 200
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).label_themes is None


def test_safeguarding_comments_are_not_in_the_analyst_queue(sign_in):
    comment = _comment("My son said he wants to kill himself and has been cutting his arms")
    assert comment.safeguarding
    client = sign_in("analyst")
    body = client.get("/staff/review/").get_data(as_text=True)
    assert f"comment-{comment.id}" not in body
    assert client.post(f"/staff/review/comments/{comment.id}", data={}).status_code == 404


def test_other_roles_cannot_review(sign_in, client):
    assert client.get("/staff/review/").status_code == 302
    sign_in("forum_member")
    assert client.get("/staff/review/").status_code == 403


def test_an_analyst_raises_a_missed_disclosure_with_the_lead(sign_in, app):
    sender = notifications.LogSender()
    app.extensions["notification_sender"] = sender
    # Worrying, but in words no rule or model flags.
    comment = _comment("He comes back from weekends at his uncle quiet and will not say why")
    assert not comment.safeguarding
    client = sign_in("analyst")
    card = parse_html(client.get("/staff/review/").get_data(as_text=True)).find(
        id=f"comment-{comment.id}"
    )
    (raise_it,) = [d for d in card.find_all("details") if "risk of harm" in d.summary.get_text()]
    assert "Raise with the safeguarding lead" in raise_it.get_text()
    response = client.post(
        f"/staff/review/comments/{comment.id}/safeguarding", headers={"HX-Request": "true"}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert "raised with the safeguarding lead" in body
    db.session.expire_all()
    stored = db.session.get(Comment, comment.id)
    assert stored.safeguarding
    flag = db.session.query(SafeguardingFlag).filter_by(comment_id=comment.id).one()
    assert (flag.status, flag.concern, flag.found_by) == ("open", "undecided", "analyst")
    assert len(sender.sent) == 1 and "uncle" not in sender.sent[0].body
    # It has left the analyst's queue, and the lead sees who raised it.
    assert f"comment-{comment.id}" not in client.get("/staff/review/").get_data(as_text=True)
    client.post("/sign-out")
    lead = sign_in("safeguarding_lead")
    page = lead.get(f"/staff/safeguarding/flags/{flag.id}").get_data(as_text=True)
    assert "An analyst reading the comment" in page
    assert "No words picked out" in page


def test_an_analyst_can_reopen_a_flag_the_lead_cleared(sign_in, make_user):
    comment = _comment("This process is killing me, he says he wants to die of boredom")
    flag = db.session.query(SafeguardingFlag).filter_by(comment_id=comment.id).one()
    safeguarding.record_action(
        flag,
        status="closed",
        concern="no_concern",
        action_taken="A figure of speech",
        user=make_user("safeguarding_lead"),
        version=flag.version,
    )
    client = sign_in("analyst")
    # Without JavaScript: a redirect back to the queue with a message.
    response = client.post(
        f"/staff/review/comments/{comment.id}/safeguarding",
        data={"return_to": "/staff/review/?status=unreviewed"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/staff/review/?status=unreviewed")
    db.session.expire_all()
    flag = db.session.get(SafeguardingFlag, flag.id)
    assert (flag.status, flag.concern, flag.found_by) == ("open", "undecided", "analyst")
    assert db.session.get(Comment, comment.id).safeguarding
    # Pressed again (or raised by someone else meanwhile): it is with the lead already, and
    # the analyst is told so rather than shown a missing page.
    again = client.post(f"/staff/review/comments/{comment.id}/safeguarding", follow_redirects=True)
    assert again.status_code == 200
    assert f"Comment {comment.id} is already with the safeguarding lead" in again.get_data(
        as_text=True
    )
    with_htmx = client.post(
        f"/staff/review/comments/{comment.id}/safeguarding", headers={"HX-Request": "true"}
    )
    assert f"Comment {comment.id} was raised with the safeguarding lead" in with_htmx.get_data(
        as_text=True
    )
    assert "killing" not in with_htmx.get_data(as_text=True)
    assert client.post("/staff/review/comments/999999/safeguarding").status_code == 404


def test_each_card_says_why_the_analyser_suggested_its_themes_without_personal_data(sign_in):
    comment = _comment(
        "Our caseworker Dave Smith never returned my calls for weeks. Ring me on 07700 900123."
    )
    assert "communication" in comment.machine_themes
    client = sign_in("analyst")
    card = parse_html(client.get("/staff/review/").get_data(as_text=True)).find(
        id=f"comment-{comment.id}"
    )
    (why,) = [d for d in card.find_all("details") if "Why the analyser" in d.summary.get_text()]
    text = why.get_text(" ", strip=True)
    assert "Communication" in text and "calls" in text
    assert "Dave" not in text and "Smith" not in text and "07700" not in text
