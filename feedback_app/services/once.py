"""Doing a thing once when its form is sent twice (a double click, Back then Send, or two
people pressing the same button at the same moment).

Two tools, both settled by the database rather than by a check in Python, because the
two requests of a double click run side by side and each can pass any check before the
other has written anything:

- ``make_once``: a create form carries a one-time token (``form_fields.SubmissionTokenField``)
  that is stored, under a unique index, with the record the form makes. The form sent
  again finds that record; two sendings that race past the lookup meet at the index, and
  the loser gets the winner's record.
- ``claim``: a change of state (open → done, draft → published, stage 1 → stage 2) is
  one UPDATE whose WHERE says what the row must still hold. PostgreSQL makes the second
  of two such UPDATEs wait for the first's row lock and then test the row again; SQLite
  lets one writer at a time. Either way only one request sees its row change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from feedback_app.extensions import db

T = TypeVar("T")


@dataclass(frozen=True)
class Made(Generic[T]):
    """The record a form made, and whether this sending made it (``False``: a repeat)."""

    record: T
    new: bool


def made_with(model: type[T], token: str) -> T | None:
    """Return the record of ``model`` a form with this token made, if any."""
    column = getattr(model, "submission_token")  # noqa: B009  (every model given has one)
    return db.session.scalar(select(model).where(column == token))


def make_once(model: type[T], token: str | None, make: Callable[[], T]) -> Made[T]:
    """Return the record a form with ``token`` made before, or make it with ``make``.

    ``make`` must store ``token`` on the record it creates, and commit. Without a token
    (a page from before forms carried one) the record is simply made.
    """
    if token:
        earlier = made_with(model, token)
        if earlier is not None:
            return Made(earlier, new=False)
    try:
        return Made(make(), new=True)
    except IntegrityError:
        db.session.rollback()
        earlier = made_with(model, token) if token else None
        if earlier is None:
            raise
        return Made(earlier, new=False)


def claim(model: Any, row_id: int, expected: Mapping[str, Any], values: Mapping[str, Any]) -> bool:
    """Set ``values`` on one row only while it still holds ``expected``; say whether it did.

    Call it before the transaction's other writes, so that a request waiting here for
    another's row lock holds no locks of its own; roll back when it returns False. The
    loaded object is brought up to date with the values it set.
    """
    conditions = [getattr(model, name) == value for name, value in expected.items()]
    result = db.session.execute(
        update(model)
        .where(model.id == row_id, *conditions)
        .values(**values)
        .execution_options(synchronize_session="evaluate")
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]
