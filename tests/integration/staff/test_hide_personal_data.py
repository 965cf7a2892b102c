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


def _hide_everywhere(client, comment: Comment, phrase: str, kind: str = "name"):  # type: ignore[no-untyped-def]
    return client.post(
        f"/staff/review/comments/{comment.id}/hide",
        data={
            f"h{comment.id}-phrase": phrase,
            f"h{comment.id}-kind": kind,
            f"h{comment.id}-everywhere": "y",
        },
        follow_redirects=True,
    )


def test_a_name_hidden_everywhere_is_hidden_in_other_comments_and_new_ones(sign_in):
    first = _comment()
    other = comments.record_comment(
        source="complaint",
        source_id=7,
        text="the school lost the tablet bramble uses",
        received_on=date.today(),
    )
    db.session.commit()
    assert other is not None and "bramble" in other.redacted
    client = sign_in("analyst")
    body = _hide_everywhere(client, first, "bramble").get_data(as_text=True)
    assert "The name is hidden in 2 comments" in body
    db.session.expire_all()
    assert "[name] loves the taxi" in db.session.get(Comment, first.id).redacted
    assert db.session.get(Comment, other.id).redacted == "the school lost the tablet [name] uses"
    later = comments.record_comment(
        source="survey", source_id=8, text="we took bramble to the review", received_on=date.today()
    )
    db.session.commit()
    assert later is not None and later.redacted == "we took [name] to the review"
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "redaction.name_added")
    ).one()
    assert entry.changes == {"comments": 2}  # how many, never the name


def test_a_name_that_is_an_everyday_word_can_only_be_hidden_in_one_comment(sign_in):
    comment = comments.record_comment(
        source="survey",
        source_id=2,
        text="We hope the plan is finished soon and bramble agrees",
        received_on=date.today(),
    )
    db.session.commit()
    client = sign_in("analyst")
    body = _hide_everywhere(client, comment, "hope").get_data(as_text=True)
    assert "“hope” is also an everyday word" in body
    wrong_kind = _hide_everywhere(client, comment, "bramble", kind="phone").get_data(as_text=True)
    assert "Only a name can be hidden in every comment" in wrong_kind
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).hidden_phrases is None


def test_admins_see_the_names_and_can_take_one_off_the_list(sign_in):
    from feedback_app.models import RedactionName
    from feedback_app.services import review

    comment = _comment()
    review.hide_personal_data(comment, "bramble", "name", everywhere=True)
    client = sign_in("admin")
    page = parse_html(client.get("/staff/admin/names").get_data(as_text=True))
    assert "bramble" in page.select_one("tbody").get_text()
    (row,) = db.session.scalars(select(RedactionName)).all()
    response = client.post(f"/staff/admin/names/{row.id}/remove", follow_redirects=True)
    assert "taken off the list" in response.get_data(as_text=True)
    assert db.session.query(RedactionName).count() == 0
    db.session.expire_all()
    assert "[name]" in db.session.get(Comment, comment.id).redacted  # stays hidden there
    again = client.post(f"/staff/admin/names/{row.id}/remove", follow_redirects=True)
    assert "no longer on the list" in again.get_data(as_text=True)


def test_the_queue_links_each_card_to_its_page_where_the_hiding_form_is(sign_in):
    comment = _comment()
    client = sign_in("analyst")
    queue = parse_html(client.get("/staff/review/").get_data(as_text=True))
    card = queue.find(id=f"comment-{comment.id}")
    assert card.find(id=f"h{comment.id}-phrase") is None  # not rendered in the queue
    (link,) = [a for a in card.find_all("a") if "Hide personal data" in a.get_text()]
    assert link["href"] == f"/staff/review/comments/{comment.id}"
    page = parse_html(client.get(link["href"]).get_data(as_text=True))
    assert page.find(id=f"h{comment.id}-phrase") is not None
    assert client.get("/staff/review/comments/999999").status_code == 404
