"""The references this service gives complaints (CMP-000123) and compliments (CPL-000123).

A new record's reference comes from its id. An imported record keeps the reference its
spreadsheet gave it, and one such as ``CMP-000668`` would be the reference of complaint
668, not yet made: when the ids reached it, every new complaint would fail to save. So
imports refuse references in this form (``looks_generated``), and a new reference skips
any that is taken already (by data imported before that check), so that a family's
complaint is always saved.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from feedback_app.extensions import db

COMPLAINT_PREFIX = "CMP"
COMPLIMENT_PREFIX = "CPL"
#: What imports are told a generated reference looks like.
GENERATED_FORM = f"{COMPLAINT_PREFIX}- or {COMPLIMENT_PREFIX}- then 6 or more digits"
_GENERATED = re.compile(
    rf"(?:{COMPLAINT_PREFIX}|{COMPLIMENT_PREFIX})-[0-9]{{6,}}", re.IGNORECASE | re.ASCII
)


class Referenced(Protocol):
    """A saved record with an id and a reference (a complaint or a compliment)."""

    id: int
    reference: str


def looks_generated(reference: str) -> bool:
    """Say whether ``reference`` is in the form this service gives new records."""
    return _GENERATED.fullmatch(reference.strip()) is not None


def assign(record: Referenced, prefix: str) -> str:
    """Give a flushed record the reference ``PREFIX-<id>``, or the first free one after it
    when that is taken; return it. The caller commits.

    Each try is saved in a savepoint, so two requests that pick the same free reference at
    the same moment meet at the unique index and the second moves on to the next number.
    """
    model = type(record)
    number = record.id
    while True:
        reference = f"{prefix}-{number:06d}"
        number += 1
        if _taken(model, reference):
            continue
        try:
            with db.session.begin_nested():
                record.reference = reference
        except IntegrityError:
            continue  # another request took it between the check and the save
        return reference


def _taken(model: Any, reference: str) -> bool:
    found = db.session.scalar(select(model.id).where(model.reference == reference).limit(1))
    return found is not None
