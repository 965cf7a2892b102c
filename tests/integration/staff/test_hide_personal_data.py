"""Analysts hide personal data the redaction missed; it stays hidden after re-analysis."""

from datetime import date

from bs4 import BeautifulSoup
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Comment
from feedback_app.services import comments
from tests.conftest import parse_html

# A pet name in lower case, with no title or context to give it away: the redaction keeps it.
TEXT = "The new school is great and bramble loves the taxi, it is always on time"


def _comment() -> Comment:
    comment = comments.record_comment(
        source="survey", source_id=1, text=TEXT, received_on=date(2024, 5, 1)
    )
    db.session.commit()
    assert comment is not None and "bramble" in comment.redacted
    return comment


def _hide(client, comment: Comment, phrase: str, kind: str = "name", **headers):  # type: ignore[no-untyped-def]
    return client.post(
        f"/staff/review/comments/{comment.id}/hide",
        data={f"h{comment.id}-phrase": phrase, f"h{comment.id}-kind": kind},
        headers=headers,
    )


def test_hidden_words_are_replaced_and_stay_hidden_after_reanalysis(sign_in):
    comment = _comment()
    client = sign_in("analyst")
    response = _hide(client, comment, "  Bramble ")
    assert response.status_code == 302
    db.session.expire_all()
    stored = db.session.get(Comment, comment.id)
    assert (
        stored.redacted == "The new school is great and [name] loves the taxi, it is always on time"
    )
    assert stored.hidden_phrases == [["Bramble", "name"]]
    assert stored.text == TEXT  # the family's words are kept as written
    comments.reanalyse_all()
    db.session.expire_all()
    assert "[name] loves" in db.session.get(Comment, comment.id).redacted
    # The audit log says what kind of data was hidden, never the words themselves.
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "comment.personal_data_hidden")
    ).one()
    assert entry.changes == {"kind": "name"}
    queue = client.get("/staff/review/").get_data(as_text=True)
    assert "bramble" not in queue.lower()


def test_words_not_in_the_comment_are_a_clear_error_and_change_nothing(sign_in):
    comment = _comment()
    client = sign_in("analyst")
    response = _hide(client, comment, "Jupiter")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    soup = parse_html(body)
    assert soup.title.get_text().startswith("Error: ")
    summary = soup.select_one(".govuk-error-summary").get_text(" ", strip=True)
    assert "Those words are not in the comment as shown" in summary
    assert soup.select_one(f"#h{comment.id}-phrase")["value"] == "Jupiter"  # kept to correct
    db.session.expire_all()
    stored = db.session.get(Comment, comment.id)
    assert stored.hidden_phrases is None and "bramble" in stored.redacted
    empty = parse_html(_hide(client, comment, "   ").get_data(as_text=True))
    assert "Enter the words to hide" in empty.select_one(".govuk-error-summary").get_text()


def test_with_htmx_the_card_is_swapped_with_a_message(sign_in):
    comment = _comment()
    client = sign_in("analyst")
    response = _hide(client, comment, "bramble", "name", **{"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    card = BeautifulSoup(body, "html.parser").find(id=f"comment-{comment.id}")
    assert "The words are hidden in comment" in card.find(attrs={"role": "status"}).get_text()
    assert "bramble" not in card.get_text()
    assert "[name] loves the taxi" in card.blockquote.get_text()


def test_other_roles_cannot_hide_words(sign_in):
    comment = _comment()
    assert _hide(sign_in("forum_member"), comment, "bramble").status_code == 403
