"""A complaint's audit trail in words, for the administrator's audit page.

The log keeps what the services recorded: field names, slugs, ISO dates and
``{"old", "new"}`` pairs (some older entries hold ``[old, new]`` lists). This module
turns each entry into labels and values an officer reads, with the same words as the
complaint's pages and forms. What each action did is worded by ``audit_words``, as on
the admin's audit log, so both name an event alike; this page adds the point or action
an entry is about among its changes. It only reads: the log itself never changes here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Complaint, ComplaintAction, ComplaintPoint, User
from feedback_app.models.complaints import (
    CHANNELS,
    EHCP_STAGES,
    ERASED,
    OUTCOME_LABELS,
    RELATIONSHIPS,
    STAGE_LABELS,
    STATE_LABELS,
)
from feedback_app.services.audit_words import action_words, code_words
from feedback_app.services.findings import theme_names
from feedback_app.templating import format_date

LABELS = {
    "received_on": "Date received",
    "channel": "How it was received",
    "complainant_name": "Complainant's name",
    "contact_email": "Email address",
    "contact_phone": "Phone number",
    "contact_address": "Postal address",
    "relationship_to_child": "Relationship to the child",
    "child_reference": "Child's case reference",
    "summary": "What it is about",
    "ehcp_stage": "EHCP stage",
    "officer_id": "Complaints officer",
    "source": "Sent from",
    "page": "Page",
    "stage": "Stage",
    "point_id": "Point",
    "action_id": "Action",
    "theme": "Theme",
    "outcome": "Outcome",
    "acknowledged_on": "Date acknowledged",
    "acknowledge_by": "Acknowledge by",
    "respond_by": "Respond by",
    "responded_on": "Date of response",
    "days": "Working days added",
    "reason": "Reason",
    "started_on": "Stage started",
    "first_stage_clock": "First stage's clock",
    "closed_on": "Date closed",
    "description": "What will be done",
    "team": "Team or service",
    "owner": "Owner",
    "owner_email": "Owner's email address",
    "due_on": "Agreed due date",
    "notes": "Notes",
    "you_said_we_did": "A candidate for \u201cyou said, we did\u201d",
    "status": "Status",
    "completed_on": "Date completed",
    "evidence": "Evidence",
    "reference": "Reference",
    "points": "Points",
}
#: Pages of the complaint, by the endpoint recorded with each view.
PAGES = {
    "complaints.show_complaint": "The complaint",
    "complaints.edit_complaint": "Change complaint details",
    "complaints.add_point": "Add a point",
    "complaints.edit_point": "Change a point",
    "complaints.record_step": "Record a date",
    "complaints.extend_deadline": "Extend the response deadline",
    "complaints.add_action": "Add an action",
    "complaints.edit_action": "Change an action",
    "complaints.complete_action": "Mark an action as done",
    "complaints.audit_trail": "Audit trail",
}
SOURCES = {"staff": "Staff form", "public": "Online complaint form", "import": "Import"}
#: What ``services.complaints.audit_safe`` writes in place of personal data.
MARKERS = {"given": "Given", "blank": "Blank", "changed": "Changed", ERASED: "Erased"}
STATUSES = {"open": "Open", "done": "Done", **STATE_LABELS}
NOT_SET = "Not set"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class AuditLine:
    """One audit entry as the page shows it."""

    at: datetime
    actor: str
    what: str
    changes: list[tuple[str, str]]


def describe_trail(complaint: Complaint, entries: list[AuditEntry]) -> list[AuditLine]:
    """Return a complaint's audit entries in words, oldest first as given."""
    words = _Words.load(complaint)
    return [
        AuditLine(
            at=entry.at,
            actor=entry.actor,
            what=action_words(entry.action),
            changes=[
                (LABELS.get(key, code_words(key)), words.value(key, value))
                for key, value in (entry.changes or {}).items()
            ],
        )
        for entry in entries
    ]


@dataclass
class _Words:
    """Names for the slugs and ids a complaint's entries hold, read once per page."""

    themes: dict[str, str]
    officers: dict[int, str]
    points: dict[int, str]
    actions: dict[int, str]

    @classmethod
    def load(cls, complaint: Complaint) -> _Words:
        points = {
            point_id: f"Point {position}"
            for point_id, position in db.session.execute(
                select(ComplaintPoint.id, ComplaintPoint.position).where(
                    ComplaintPoint.complaint_id == complaint.id
                )
            ).tuples()
        }
        actions = {
            action_id: f"An action for point {position}"
            for action_id, position in db.session.execute(
                select(ComplaintAction.id, ComplaintPoint.position)
                .join(ComplaintPoint, ComplaintPoint.id == ComplaintAction.point_id)
                .where(ComplaintPoint.complaint_id == complaint.id)
            ).tuples()
        }
        return cls(
            themes=theme_names(),
            officers={user.id: user.display_name for user in db.session.scalars(select(User))},
            points=points,
            actions=actions,
        )

    def value(self, key: str, value: Any) -> str:
        """One recorded value, or an old → new change, in words."""
        if isinstance(value, Mapping) and ("old" in value or "new" in value):
            return self._change(key, value.get("old"), value.get("new"))
        if isinstance(value, list | tuple) and len(value) == 2:
            return self._change(key, value[0], value[1])
        if isinstance(value, list | tuple):
            return ", ".join(self.one(key, item) for item in value) or NOT_SET
        if isinstance(value, Mapping):
            return "; ".join(
                f"{LABELS.get(str(k), code_words(str(k)))}: {self.value(str(k), v)}"
                for k, v in value.items()
            )
        return self.one(key, value)

    def _change(self, key: str, old: Any, new: Any) -> str:
        return f"{self.one(key, old)} \u2192 {self.one(key, new)}"

    def one(self, key: str, value: Any) -> str:
        """A single value in words."""
        if value is None or value == "":
            return NOT_SET
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, str) and value in MARKERS:
            return MARKERS[value]
        lookup = self._lookups().get(key)
        if lookup is not None:
            return lookup(value)
        if isinstance(value, date):
            return format_date(value)
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                return format_date(date.fromisoformat(value))
            except ValueError:
                return value
        return str(value)

    def _lookups(self) -> dict[str, Callable[[Any], str]]:
        def table(names: Mapping[Any, str]) -> Callable[[Any], str]:
            return lambda value: names.get(value, str(value))

        def by_id(names: Mapping[int, str], noun: str) -> Callable[[Any], str]:
            def name(value: Any) -> str:
                try:
                    return names.get(int(value), f"{noun} no longer held")
                except (TypeError, ValueError):
                    return str(value)

            return name

        return {
            "stage": table(STAGE_LABELS),
            "outcome": table(OUTCOME_LABELS),
            "theme": table(self.themes),
            "channel": table(CHANNELS),
            "relationship_to_child": table(RELATIONSHIPS),
            "ehcp_stage": table(EHCP_STAGES),
            "status": table(STATUSES),
            "page": table(PAGES),
            "source": table(SOURCES),
            "officer_id": by_id(self.officers, "A user"),
            "point_id": by_id(self.points, "A point"),
            "action_id": by_id(self.actions, "An action"),
        }
