"""A name hidden in every comment is found however it is written, and stays hidden.

Found by probing (eleventh session): a comment that arrived after a name was listed showed
it again once the name was taken off the list; other comments with the name spaced
differently, or in capitals beyond ASCII on SQLite, were missed while the page reported
success; a name too long for the list gave a 500 on PostgreSQL.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Comment, RedactionName
from feedback_app.services import comments, comments_hiding, redaction_names

NAME = "zyx qwopp"


def _record(source_id: int, text: str) -> Comment:
    comment = comments.record_comment(
        source="survey", source_id=source_id, text=text, received_on=date(2024, 5, 1)
    )
    db.session.commit()
    assert comment is not None
    return comment


def test_a_name_listed_before_a_comment_arrived_stays_hidden_after_it_leaves_the_list(app):
    first = _record(1, f"the plan was written by {NAME} and it was late")
    assert NAME in first.redacted
    comments_hiding.hide_name_everywhere(first, NAME, None)
    db.session.commit()
    later = _record(2, f"{NAME} sorted the plan out, thank you {NAME}")
    assert later.redacted == "[name] sorted the plan out, thank you [name]"
    (row,) = db.session.scalars(select(RedactionName)).all()
    assert redaction_names.remove(row.id)
    comments.reanalyse_all()
    db.session.expire_all()
    assert db.session.get(Comment, later.id).redacted == (
        "[name] sorted the plan out, thank you [name]"
    )


def test_hiding_everywhere_finds_the_name_however_it_is_spaced_or_capitalised(app):
    first = _record(1, f"the plan was written by {NAME} and it was late")
    spaced = _record(2, "zyx  qwopp rang twice")
    broken = _record(3, "thanks to zyx\nqwopp for the visit")
    capitals = _record(4, "ZYX QWOPP never rang back")
    polish_first = _record(5, "the report from źdźbłowicz was thorough")
    polish_other = _record(6, "ŹDŹBŁOWICZ never came to the review")
    changed = comments_hiding.hide_name_everywhere(first, NAME, None)
    assert {c.id for c in changed} == {first.id, spaced.id, broken.id, capitals.id}
    assert "[name] rang twice" in spaced.redacted
    assert "[name] for the visit" in broken.redacted
    assert capitals.redacted.startswith("[name] never rang back")
    changed = comments_hiding.hide_name_everywhere(polish_first, "źdźbłowicz", None)
    assert {c.id for c in changed} == {polish_first.id, polish_other.id}
    assert polish_other.redacted.startswith("[name] never came")


def test_a_name_too_long_for_the_list_is_a_clear_message(app):
    comment = _record(1, "x" * 10 + " the plan " + "q" * 130)
    try:
        comments_hiding.hide_name_everywhere(comment, "q" * 130, None)
    except comments_hiding.CommentError as error:
        assert "120 characters or fewer" in str(error)
    else:
        raise AssertionError("a 130-character name was put on the list")
    assert db.session.scalars(select(RedactionName)).all() == []


def test_a_label_cannot_be_hidden_again(app):
    comment = _record(1, "Mrs Okafor never rang back")
    assert comment.redacted == "Mrs [name] never rang back"
    for phrase in ("[name]", "name"):
        try:
            comments_hiding.hide_personal_data(comment, phrase, "name")
        except comments_hiding.CommentError as error:
            assert "already hidden" in str(error)
        else:
            raise AssertionError(f"{phrase!r} was accepted though nothing changes")
    assert comment.hidden_phrases is None
