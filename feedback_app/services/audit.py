"""Writing to the append-only audit log.

Entries are only added, with one exception: when retention erases a record's
personal data, ``scrub`` erases the copies of it in that record's entries too,
keeping who did what and when, and which fields changed.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEntry


def record(action: str, entity_type: str, entity_id: object, **changes: Any) -> AuditEntry:
    """Add an audit entry for the current user (or the system) to the session.

    The caller commits, so the entry lands in the same transaction as the change.
    """
    user_id = None
    actor = "system"
    if has_request_context() and current_user.is_authenticated:
        user_id = current_user.id
        actor = current_user.email
    entry = AuditEntry(
        user_id=user_id,
        actor=actor,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        changes={key: _jsonable(value) for key, value in changes.items()},
    )
    db.session.add(entry)
    return entry


def entries_for(entity_type: str, entity_id: object) -> list[AuditEntry]:
    """Return the audit trail of one record, oldest first."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.entity_type == entity_type, AuditEntry.entity_id == str(entity_id))
        .order_by(AuditEntry.id)
    )
    return list(db.session.scalars(query))


def scrub(entity_type: str, entity_id: object, keys: Collection[str], replacement: str) -> int:
    """Replace the values of ``keys`` in a record's audit entries; return how many changed.

    The caller commits, as with ``record``.
    """
    count = 0
    for entry in entries_for(entity_type, entity_id):
        changes = dict(entry.changes or {})
        hits = [key for key in keys if key in changes and changes[key] != replacement]
        if hits:
            changes.update(dict.fromkeys(hits, replacement))
            entry.changes = changes  # a new dict: the JSON column does not track changes in place
            count += 1
    return count


#: Further than any audit log reaches; databases take offsets up to 2**63 - 1, and a page
#: number typed into the address bar can ask for more.
_FURTHEST = 2**53


def recent_entries(limit: int = 200, offset: int = 0) -> list[AuditEntry]:
    """Return the newest audit entries, for the admin's audit log page."""
    offset = min(max(offset, 0), _FURTHEST)
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit).offset(offset)
    return list(db.session.scalars(query))


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)
