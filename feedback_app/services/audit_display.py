"""The audit log in words for staff: what was done, by whom, and what changed.

Entries are stored with short codes (``release.quote_proposed``) and JSON changes
(``{"status": ["open", "closed"]}``), which suit scripts and exports. Pages show them
as sentences and "open → closed" instead. What each action code did is worded once, in
``audit_words``, which a complaint's own audit trail reads too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, User
from feedback_app.services.audit_words import action_words, code_words
from feedback_app.services.findings import theme_names

#: Names of the kinds of record the log is about.
RECORDS: dict[str, str] = {
    "analysis_model": "Analyser",
    "comment": "Comment",
    "complaint": "Complaint",
    "compliment": "Compliment",
    "contact_request": "Request to be contacted",
    "contact_requests": "Requests to be contacted",
    "import": "Import of complaints",
    "improvement": "“You said, we did” entry",
    "redaction_name": "Hidden name",
    "release": "Release",
    "responses": "Survey responses",
    "safeguarding_flag": "Safeguarding flag",
    "theme": "Theme",
    "user": "User",
}

NONE = "(none)"
SYSTEM = "the system"


@dataclass(frozen=True)
class EntryView:
    """One audit entry as a page shows it."""

    at: datetime
    action: str  # "Quote proposed"
    actor: str  # "Asha Analyst", or "the system"
    record: str  # "Release 3"
    changes: list[str]  # ["Status: open → closed", "Comment: 12"]


#: The id recorded for an entry about many records at once (a retention purge).
_MANY = "-"


def record_words(entity_type: str, entity_id: str, themes: Mapping[str, str] | None = None) -> str:
    """The record an entry is about: "Safeguarding flag 3", or a theme by its name."""
    name = RECORDS.get(entity_type) or code_words(entity_type)
    if entity_type == "theme" and themes and entity_id in themes:
        return f"{name} “{themes[entity_id]}”"
    if entity_id == _MANY:
        return name
    return f"{name} {entity_id}".strip()


#: Actions whose changes are recorded as [before, after] pairs, and which keys (None: all);
#: other lists, such as a comment's themes, are lists of values.
_PAIRED: dict[str, frozenset[str] | None] = {
    "safeguarding.updated": frozenset({"status", "concern"}),
    "user.role_changed": frozenset({"role"}),
    "theme.updated": None,
}

#: A safeguarding lead's decision (``models.comments.SAFEGUARDING_CONCERNS``), briefly.
_CONCERNS = {"concern": "a concern", "no_concern": "not a concern", "undecided": "not decided"}

#: Keys whose values are codes with words of their own.
_CODED = frozenset({"status", "concern", "role", "outcome", "stage", "kind", "source"})


@dataclass(frozen=True)
class _Names:
    """Words for the codes values are stored as."""

    themes: Mapping[str, str]

    def value(self, key: str, value: Any) -> str:
        """A stored value in words: nothing is "(none)", true is "yes", a list is joined."""
        if value is None or value == "" or value == []:
            return NONE
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list | tuple):
            return ", ".join(self.value(key, item) for item in value)
        if isinstance(value, Mapping):
            return "; ".join(
                f"{code_words(str(k))}: {self.value(str(k), v)}" for k, v in value.items()
            )
        if isinstance(value, str) and key in ("theme", "themes"):
            return self.themes.get(value, value)
        if isinstance(value, str) and key == "concern" and value in _CONCERNS:
            return _CONCERNS[value]
        if isinstance(value, str) and key in _CODED:
            return value.replace("_", " ")
        return str(value)

    def change(self, action: str, key: str, value: Any) -> str:
        """One change in words. ``{"old": a, "new": b}``, and a pair ``[a, b]`` in an action
        that records pairs, are a change from a to b ("Status: open → closed"); anything
        else is the value as it was set."""
        name = code_words(key)
        if isinstance(value, Mapping) and set(value) == {"old", "new"}:
            return f"{name}: {self.value(key, value['old'])} → {self.value(key, value['new'])}"
        paired = action in _PAIRED and (_PAIRED[action] is None or key in (_PAIRED[action] or ()))
        if paired and isinstance(value, list | tuple) and len(value) == 2:
            return f"{name}: {self.value(key, value[0])} → {self.value(key, value[1])}"
        return f"{name}: {self.value(key, value)}"


def actor_names(entries: Iterable[AuditEntry]) -> dict[int, str]:
    """The names of the users who made the entries, by id (those without a name, none)."""
    ids = {entry.user_id for entry in entries if entry.user_id is not None}
    if not ids:
        return {}
    rows = db.session.execute(select(User.id, User.name).where(User.id.in_(ids)))
    return {user_id: name for user_id, name in rows if name}


def describe(entries: Sequence[AuditEntry]) -> list[EntryView]:
    """The entries in words, in the order given."""
    names = actor_names(entries)
    words = _Names(themes=theme_names())
    return [
        EntryView(
            at=entry.at,
            action=action_words(entry.action),
            actor=(names.get(entry.user_id) if entry.user_id is not None else None)
            or (SYSTEM if entry.actor == "system" else entry.actor),
            record=record_words(entry.entity_type, entry.entity_id, words.themes),
            changes=[
                words.change(entry.action, key, value)
                for key, value in (entry.changes or {}).items()
            ],
        )
        for entry in entries
    ]
