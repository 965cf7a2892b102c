"""Saving staff edits when two people change the same record: a stale form never wins.

Complaints, their points, safeguarding flags and comments carry a ``version``
(``models.base.Versioned``) that SQLAlchemy raises by one in every UPDATE, whose WHERE
clause also asks for the version it read. An edit form carries the version its page
was shown with (``form_fields.VersionField``). ``saving`` refuses a change when the
record has moved on since the page was opened, and turns a race lost between two
flushes (``StaleDataError``: the row changed between this request's read and its
write) into the same refusal. Either way nothing is saved and the person is told why
(``EditConflict``), instead of the last save quietly undoing the one before it.

Additive changes that must all be kept, such as hiding words in a comment, use
``retrying`` instead: the change is made again on what the other save left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.orm.exc import StaleDataError

from feedback_app.extensions import db
from feedback_app.models.base import Versioned

T = TypeVar("T")

#: How many times an additive change is tried before giving up; each try follows another
#: save that committed in between, so more than two or three means something is wrong.
ATTEMPTS = 5


class EditConflict(Exception):
    """Someone else saved the record after this person's page was opened; nothing was saved.

    The message is for the page, in the error summary.
    """

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(
            f"Someone else changed this {what} after you opened this page. Your changes have "
            "not been saved. Check the details below, then make your changes again."
        )


@contextmanager
def saving(record: Versioned, version: int | None, what: str) -> Iterator[None]:
    """Make a change to ``record`` (the block commits) only if it is still at ``version``,
    the version the person's page showed; otherwise raise ``EditConflict``.

    ``version`` is None when the form sent none (or not a number): the page it came from
    is unknown, so it is treated as out of date. On conflict the session is rolled back,
    so the record then reads as it is saved now, for the page to show.
    """
    if version is None or version != record.version:
        db.session.rollback()
        raise EditConflict(what)
    try:
        yield
    except StaleDataError:
        # Another save committed between this request's read and its write.
        db.session.rollback()
        raise EditConflict(what) from None


def retrying(change: Callable[[], T], what: str) -> T:
    """Run ``change`` (which reads its records, changes them and commits) until it is not
    beaten by another save to the same row; each try reads what the other saves left.

    For changes that add to a record rather than replace what the person saw, so that two
    made at the same moment are both kept. Raises ``EditConflict`` after ``ATTEMPTS``.
    """
    for _attempt in range(ATTEMPTS):
        try:
            return change()
        except StaleDataError:
            # The rollback expires every loaded record: the next try reads them afresh.
            db.session.rollback()
    raise EditConflict(what)
