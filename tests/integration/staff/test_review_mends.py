"""Small things in the review queue found by probing (eleventh session), each once wrong."""

from __future__ import annotations

from datetime import date

from feedback_app.extensions import db
from feedback_app.models import Comment
from feedback_app.services import comments


def _record(source_id: int, text: str) -> Comment:
    comment = comments.record_comment(
        source="survey", source_id=source_id, text=text, received_on=date(2024, 5, 1)
    )
    db.session.commit()
    assert comment is not None
    return comment


def test_the_review_search_finds_words_split_by_a_line_break(sign_in):
    from feedback_app.services.review import ReviewFilters, review_queue

    comment = _record(1, "The caseworker rang\nlate and never apologised")
    found = review_queue(ReviewFilters(status="", words="rang late"))
    assert comment.id in {c.id for c in found.comments}


def test_after_an_error_the_card_still_returns_to_the_queue_page_it_came_from(sign_in):
    comment = _record(1, "The caseworker never rang back about the plan")
    client = sign_in("analyst")
    came_from = "/staff/review/?status=unreviewed&page=3"
    page = client.post(
        f"/staff/review/comments/{comment.id}/hide",
        data={
            f"h{comment.id}-phrase": "words not there",
            f"h{comment.id}-kind": "name",
            "return_to": came_from,
        },
    ).get_data(as_text=True)
    assert "not in the comment as shown" in page
    assert f'name="return_to" value="{came_from.replace("&", "&amp;")}"' in page


def test_a_review_sent_back_for_a_missing_sentiment_shows_none_ticked(sign_in):
    comment = _record(1, "The caseworker never rang back about the plan")
    assert comment.machine_sentiment == "negative"
    client = sign_in("analyst")
    page = client.post(
        f"/staff/review/comments/{comment.id}",
        data={f"c{comment.id}-themes": "communication"},
    ).get_data(as_text=True)
    assert "Select the sentiment" in page
    assert 'value="negative" checked' not in page


def test_saving_a_review_keeps_a_theme_retired_since(sign_in, restore_themes):
    from feedback_app.models import Theme

    comment = _record(1, "The plan took 40 weeks and speech therapy never happened")
    comments.label_comment(
        comment, themes=["health", "timeliness"], sentiment="negative", user=None
    )
    db.session.query(Theme).filter_by(slug="timeliness").one().retired = True
    db.session.commit()
    client = sign_in("analyst")
    page = client.get(f"/staff/review/comments/{comment.id}").get_data(as_text=True)
    assert "(retired)" in page
    client.post(
        f"/staff/review/comments/{comment.id}",
        data={
            f"c{comment.id}-themes": ["health", "timeliness"],
            f"c{comment.id}-sentiment": "neutral",
            f"c{comment.id}-version": comment.version,
        },
    )
    db.session.expire_all()
    saved = db.session.get(Comment, comment.id)
    assert set(saved.label_themes) == {"health", "timeliness"}
    assert saved.label_sentiment == "neutral"


def test_each_page_of_a_list_has_its_own_title(sign_in):
    for number in range(25):  # more than a page of 20
        _record(100 + number, f"The caseworker never rang back, week {number}")
    client = sign_in("analyst")
    first = client.get("/staff/review/").get_data(as_text=True)
    second = client.get("/staff/review/?page=2").get_data(as_text=True)
    assert "<title>Review comments (page 1 of 2) – " in first
    assert "<title>Review comments (page 2 of 2) – " in second
