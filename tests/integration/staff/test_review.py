"""Analysts accept or correct themes and sentiment; labels survive re-analysis."""

from datetime import date

from feedback_app.extensions import db
from feedback_app.models import Comment, CommentLabel, CommentTheme
from feedback_app.services import comments
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
        data={f"c{comment.id}-themes": ["communication"], f"c{comment.id}-sentiment": "positive"},
        headers={"HX-Request": "true"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in body
    assert f'id="comment-{comment.id}"' in body
    assert "Saved." in body


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
