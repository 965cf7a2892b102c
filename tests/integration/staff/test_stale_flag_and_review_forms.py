"""Two people on the same flag or comment: a page opened before the other saved never
undoes what they saved, with or without JavaScript (services.edits)."""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup

from feedback_app.extensions import db
from feedback_app.models import Comment, CommentLabel, SafeguardingFlag
from feedback_app.services import comments
from tests.conftest import parse_html
from tests.support.forms import form_data, signed_in_client

DISCLOSURE = "Dad hits him when he gets angry and he is scared to go home"


def _flag() -> SafeguardingFlag:
    comment = comments.record_comment(
        source="survey", source_id=7, text=DISCLOSURE, received_on=date(2024, 6, 3)
    )
    db.session.commit()
    return db.session.query(SafeguardingFlag).filter_by(comment_id=comment.id).one()


def test_a_stale_flag_page_does_not_undo_what_another_lead_recorded(app, make_user):
    flag = _flag()
    url = f"/staff/safeguarding/flags/{flag.id}"
    lead_a = signed_in_client(app, make_user, "safeguarding_lead", "lead-a@example.gov.uk")
    lead_b = signed_in_client(app, make_user, "safeguarding_lead", "lead-b@example.gov.uk")
    page_a = form_data(lead_a.get(url).get_data(as_text=True))
    page_b = form_data(lead_b.get(url).get_data(as_text=True))

    closed = lead_a.post(
        url,
        data={
            **page_a,
            "status": ["closed"],
            "concern": ["concern"],
            "action_taken": ["Rang family, referred to MASH"],
        },
    )
    assert closed.status_code == 302
    stale = lead_b.post(
        url,
        data={**page_b, "status": ["in_progress"], "action_taken": ["Left a voicemail"]},
    )

    assert stale.status_code == 409
    body = stale.get_data(as_text=True)
    assert "Saved what was done" not in body
    page = parse_html(body)
    summary = page.find(class_="govuk-error-summary").get_text()
    assert "Someone else changed this flag after you opened this page." in summary
    assert "Your changes have not been saved." in summary
    # The form shows what lead A saved; lead B's words are beside it, to copy if still wanted.
    assert page.find("input", {"name": "status", "value": "closed"}).has_attr("checked")
    assert "Rang family, referred to MASH" in page.find("textarea").get_text()
    unsaved = page.find(id="unsaved-answers").get_text()
    assert "Left a voicemail" in unsaved and "In progress" in unsaved
    db.session.expire_all()
    saved = db.session.get(SafeguardingFlag, flag.id)
    assert (saved.status, saved.action_taken) == ("closed", "Rang family, referred to MASH")
    assert f"Flag {flag.id}" not in lead_a.get("/staff/safeguarding/").get_data(as_text=True)


def test_a_flag_form_without_a_version_is_refused(sign_in):
    flag = _flag()
    client = sign_in("safeguarding_lead")
    response = client.post(
        f"/staff/safeguarding/flags/{flag.id}",
        data={"status": "in_progress", "concern": "undecided", "action_taken": "Called"},
    )
    assert response.status_code == 409
    db.session.expire_all()
    assert db.session.get(SafeguardingFlag, flag.id).status == "open"


def _comment() -> Comment:
    comment = comments.record_comment(
        source="survey",
        source_id=1,
        text="The taxi driver was late every single day this term",
        received_on=date(2024, 5, 1),
    )
    db.session.commit()
    assert comment is not None
    return comment


def test_a_stale_review_card_does_not_wipe_another_analysts_correction(app, make_user):
    comment = _comment()
    url = f"/staff/review/comments/{comment.id}"
    analyst_a = signed_in_client(app, make_user, "analyst", "analyst-a@example.gov.uk")
    analyst_b = signed_in_client(app, make_user, "analyst", "analyst-b@example.gov.uk")
    card_a = form_data(analyst_a.get(url).get_data(as_text=True), action=url)
    card_b = form_data(analyst_b.get(url).get_data(as_text=True), action=url)
    assert card_b[f"c{comment.id}-version"] == [str(comment.version)]

    corrected = {
        **card_a,
        f"c{comment.id}-themes": ["health"],
        f"c{comment.id}-sentiment": ["positive"],
    }
    assert analyst_a.post(url, data=corrected).status_code == 302
    stale = analyst_b.post(url, data=card_b)  # the suggested themes, saved from the old page

    assert stale.status_code == 409
    body = stale.get_data(as_text=True)
    assert "Review saved." not in body
    page = parse_html(body)
    summary = page.find(class_="govuk-error-summary")
    assert "Someone else changed this comment after you opened this page." in summary.get_text()
    assert summary.find("a")["href"] == f"#c{comment.id}-themes"
    saved_now = page.find(id=f"saved-review-{comment.id}").get_text(" ", strip=True)
    assert "Saved now: Health services; positive (corrected)" in saved_now
    db.session.expire_all()
    saved = db.session.get(Comment, comment.id)
    assert (saved.label_themes, saved.label_sentiment) == (["health"], "positive")
    assert db.session.query(CommentLabel).filter_by(comment_id=comment.id).count() == 1

    # Analyst B's ticks are still in the card, now with the version saved: saving again is
    # a choice made with A's review in view, and it is accepted.
    again = form_data(body, action=url)
    assert again[f"c{comment.id}-themes"] == card_b[f"c{comment.id}-themes"]
    assert again[f"c{comment.id}-version"] == [str(saved.version)]
    assert analyst_b.post(url, data=again).status_code == 302


def test_the_queue_cards_htmx_form_reports_a_stale_review_in_the_card(app, make_user):
    comment = _comment()
    url = f"/staff/review/comments/{comment.id}"
    analyst_a = signed_in_client(app, make_user, "analyst", "analyst-a@example.gov.uk")
    analyst_b = signed_in_client(app, make_user, "analyst", "analyst-b@example.gov.uk")
    queue = analyst_b.get("/staff/review/").get_data(as_text=True)
    card_b = form_data(queue, action=url)
    assert card_b[f"c{comment.id}-version"] == [str(comment.version)]

    card_a = form_data(analyst_a.get("/staff/review/").get_data(as_text=True), action=url)
    corrected = {
        **card_a,
        f"c{comment.id}-themes": ["health"],
        f"c{comment.id}-sentiment": ["positive"],
    }
    assert analyst_a.post(url, data=corrected, headers={"HX-Request": "true"}).status_code == 200
    stale = analyst_b.post(url, data=card_b, headers={"HX-Request": "true"})

    assert stale.status_code == 200  # htmx 2 swaps only successful responses
    body = stale.get_data(as_text=True)
    assert "<html" not in body and f'id="comment-{comment.id}"' in body
    assert "Saved." not in body
    card = BeautifulSoup(body, "html.parser")
    assert (
        "Someone else changed this comment after you opened this page."
        in card.find(class_="govuk-error-summary").get_text()
    )
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).label_themes == ["health"]
