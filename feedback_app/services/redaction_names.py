"""Names hidden in every comment: the list analysts add to when the redaction misses a name.

Beside the staff names the system knows, these are given to the redaction as known names
(``comments.AnalysisContext``), so every comment analysed from now on has them hidden.
Administrators see the list and can take a name off it; comments where it was already
hidden stay hidden.
"""

from __future__ import annotations

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import RedactionName, User
from feedback_app.services import audit


def names() -> list[str]:
    """Every name on the list, oldest first, for the redaction."""
    return list(db.session.scalars(select(RedactionName.name).order_by(RedactionName.id)))


def staff_names() -> list[str]:
    """Every staff member's name: the redaction hides them too."""
    return [name for name in db.session.scalars(select(User.name)) if name]


def known_names() -> list[str]:
    """Every name the redaction is told about: staff names and the names on the list."""
    return staff_names() + names()


def listed() -> list[RedactionName]:
    """The list as the admin page shows it, in alphabetical order."""
    return list(db.session.scalars(select(RedactionName).order_by(func.lower(RedactionName.name))))


def add(name: str, user: User | None) -> None:
    """Put a name on the list unless it is there already (in any case). Caller commits."""
    known = select(RedactionName.id).where(func.lower(RedactionName.name) == name.lower())
    if db.session.scalar(known) is None:
        db.session.add(RedactionName(name=name, added_by_id=user.id if user else None))


def remove(name_id: int) -> bool:
    """Take a name off the list and commit; False if it was not on it."""
    row = db.session.get(RedactionName, name_id)
    if row is None:
        return False
    db.session.delete(row)
    # The id, never the name: the audit log is read more widely than the list.
    audit.record("redaction.name_removed", "redaction_name", name_id)
    db.session.commit()
    return True
