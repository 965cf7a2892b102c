"""Hiding personal data the redaction missed: words in one comment, or a name in all.

Hidden words are kept with the comment (``Comment.hidden_phrases``) and hidden again by
every re-analysis; a name hidden everywhere also joins ``redaction_names``, so comments
analysed from now on have it hidden too. The audit log records the kind or the count,
never the words. Quotes that showed the old words go back for approval
(``releases_shown.reopen_quotes_of``, which the caller runs).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, func, select

from feedback_app.analysis.redaction import (
    HIDDEN_KINDS,
    everyday_word_in,
    hide_phrases,
    phrase_pattern,
    phrase_shown,
)
from feedback_app.extensions import db
from feedback_app.models import Comment, RedactionName, User
from feedback_app.services import audit, redaction_names


class CommentError(ValueError):
    """A change to a comment that cannot be made; the message says why, for the page."""


#: The longest phrase an analyst may mark as personal data in one go.
MAX_HIDDEN_PHRASE = 200
#: The longest name that can be hidden in every comment (the list's column).
MAX_LISTED_NAME = RedactionName.__table__.c.name.type.length


def hide_personal_data(comment: Comment, phrase: str, kind: str) -> None:
    """Hide words the redaction missed wherever they occur in the comment's redacted text,
    now and after every re-analysis. The audit log records the kind, never the words.
    Caller commits (and reopens quotes that showed the old words)."""
    phrase = " ".join(phrase.split())
    if not phrase:
        raise CommentError("Enter the words to hide")
    if len(phrase) > MAX_HIDDEN_PHRASE:
        raise CommentError(f"Enter {MAX_HIDDEN_PHRASE} characters or fewer")
    if kind not in HIDDEN_KINDS:
        raise CommentError("Select what kind of personal data the words are")
    if not phrase_shown(comment.redacted or "", phrase):
        if any(ch.isalnum() for ch in phrase) and phrase_pattern(phrase).search(
            comment.redacted or ""
        ):
            raise CommentError("Those words are already hidden: they are a label, such as [name]")
        raise CommentError(
            "Those words are not in the comment as shown: copy them exactly from its text"
        )
    _keep_hidden(comment, phrase, kind)
    audit.record("comment.personal_data_hidden", "comment", comment.id, kind=kind)


def _keep_hidden(comment: Comment, phrase: str, kind: str) -> None:
    """Hide the phrase in the comment's redacted text, and remember it for re-analysis."""
    comment.hidden_phrases = [*(comment.hidden_phrases or []), [phrase, kind]]
    comment.redacted = hide_phrases(comment.redacted, [[phrase, kind]])


def hide_name_everywhere(comment: Comment, name: str, user: User | None) -> list[Comment]:
    """Hide a name the redaction missed in this comment and every other that has it, and
    in every comment analysed from now on; return the comments changed. Caller commits.

    Refused for a name with an everyday word in it ("Hope"): every "hope" would go.
    """
    name = " ".join(name.split())
    if len(name) > MAX_LISTED_NAME:
        raise CommentError(
            f"A name to hide in every comment must be {MAX_LISTED_NAME} characters or fewer. "
            "Hide longer words in this comment only"
        )
    word = everyday_word_in(name)
    if word is not None:
        raise CommentError(
            f"“{word}” is also an everyday word, so it cannot be hidden in every comment. "
            "Hide it in this comment only"
        )
    hide_personal_data(comment, name, "name")
    redaction_names.add(name, user)
    changed = [comment]
    others = select(Comment).where(Comment.id != comment.id, _text_may_hold(name))
    for other in db.session.scalars(others):
        if phrase_shown(other.redacted or "", name):
            _keep_hidden(other, name, "name")
            changed.append(other)
    # The count, never the name: the audit log is read more widely than the comments.
    audit.record("redaction.name_added", "comment", comment.id, comments=len(changed))
    return changed


def _text_may_hold(phrase: str) -> ColumnElement[bool]:
    """Comments whose text may hold ``phrase`` in any case and however it is spaced: every
    word is in it. Letters beyond ASCII match any one character, because SQLite's lower()
    folds only ASCII ("ŹDŹBŁOWICZ" must be found for "źdźbłowicz"). A broad net: the
    caller keeps only the comments ``phrase_pattern`` finds."""
    words = []
    for word in phrase.lower().split():
        like = "".join("\\" + ch if ch in "%_\\" else ch if ch.isascii() else "_" for ch in word)
        words.append(func.lower(Comment.text).like(f"%{like}%", escape="\\"))
    return and_(*words)
