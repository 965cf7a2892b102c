"""Two analysts hide different words in the same comment at the same moment: both are
hidden (services.review.hide_personal_data retries on the comment's version)."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.models import Comment, SafeguardingFlag
from feedback_app.services import comments, comments_hiding, review, safeguarding
from feedback_app.services.edits import EditConflict

# A pet name and a street in lower case, with nothing to give them away: the redaction keeps
# both, and two analysts each hide one.
TEXT = "The new school is great and bramble loves the taxi from willow rise every morning"


def test_two_hides_at_the_same_moment_keep_both_phrases(app, monkeypatch):
    comment = comments.record_comment(
        source="survey", source_id=1, text=TEXT, received_on=date(2024, 5, 1)
    )
    db.session.commit()
    assert "bramble" in comment.redacted and "willow rise" in comment.redacted
    comment_id = comment.id

    # Both requests have read the comment before either writes: the moment the tester hit.
    both_read = threading.Barrier(2, timeout=10)
    waited = threading.local()
    shown = comments_hiding.phrase_shown

    def phrase_shown_after_both_read(text: str, phrase: str) -> bool:
        if not getattr(waited, "done", False):
            waited.done = True
            both_read.wait()
        return shown(text, phrase)

    monkeypatch.setattr(comments_hiding, "phrase_shown", phrase_shown_after_both_read)
    outcomes: dict[str, object] = {}

    def hide(phrase: str) -> None:
        # One request each: its own app context, session and database connection.
        with app.app_context():
            try:
                outcomes[phrase] = review.hide_personal_data(
                    db.session.get(Comment, comment_id), phrase, "name"
                )
            except Exception as error:  # noqa: BLE001  (reported by the assertion below)
                outcomes[phrase] = error

    threads = [threading.Thread(target=hide, args=(p,)) for p in ("bramble", "willow rise")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert outcomes == {
        "bramble": review.Hidden(comments=1, reopened_quotes=0),
        "willow rise": review.Hidden(comments=1, reopened_quotes=0),
    }
    db.session.expire_all()
    saved = db.session.get(Comment, comment_id)
    assert sorted(phrase for phrase, _kind in saved.hidden_phrases) == ["bramble", "willow rise"]
    assert "bramble" not in saved.redacted and "willow" not in saved.redacted


def test_a_hide_whose_read_went_stale_is_made_again_on_what_was_saved(app):
    """The same race without threads: another hide commits between this one's read and its
    write, so the write changes no row and the hide is made again on the saved comment."""
    comment = comments.record_comment(
        source="survey", source_id=3, text=TEXT, received_on=date(2024, 5, 1)
    )
    db.session.commit()
    read_at = comment.version  # read, as a request reads it before hiding
    table = Comment.__table__
    with db.engine.begin() as other:
        other.execute(
            table.update()
            .where(table.c.id == comment.id)
            .values(
                hidden_phrases=[["bramble", "name"]],
                redacted=comment.redacted.replace("bramble", "[name]"),
                version=table.c.version + 1,
            )
        )
    review.hide_personal_data(comment, "willow rise", "address")
    db.session.expire_all()
    saved = db.session.get(Comment, comment.id)
    assert saved.hidden_phrases == [["bramble", "name"], ["willow rise", "address"]]
    assert "bramble" not in saved.redacted and "willow" not in saved.redacted
    assert saved.version == read_at + 2  # the other hide, then this one


def test_a_flag_saved_between_reading_and_writing_is_not_overwritten(app, make_user):
    """Both saves passed the form's check; the one writing second changes no row."""
    comment = comments.record_comment(
        source="survey",
        source_id=2,
        text="Dad hits him when he gets angry and he is scared to go home",
        received_on=date(2024, 6, 3),
    )
    db.session.commit()
    flag = db.session.query(SafeguardingFlag).filter_by(comment_id=comment.id).one()
    lead = make_user("safeguarding_lead")
    read_at = flag.version
    table = SafeguardingFlag.__table__
    with db.engine.begin() as other:  # another lead's save commits after this one read
        other.execute(
            table.update()
            .where(table.c.id == flag.id)
            .values(status="closed", action_taken="Rang family", version=table.c.version + 1)
        )
    with pytest.raises(EditConflict):
        safeguarding.record_action(
            flag,
            status="in_progress",
            concern="undecided",
            action_taken="Stale words",
            user=lead,
            version=read_at,
        )
    db.session.expire_all()
    saved = db.session.get(SafeguardingFlag, flag.id)
    assert (saved.status, saved.action_taken) == ("closed", "Rang family")
