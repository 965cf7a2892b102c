"""Stage clocks: the working-day timescales, a new stage's deadlines, and ``refresh``.

Clocks are in working days (``services.clocks``) from the settings of SPEC §7; after
any change ``refresh`` copies the current stage's next deadline onto the complaint so
that the triage queue can sort by it in SQL. What moves a clock (acknowledging,
responding, extending, escalating, closing) is in ``complaints_stages``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import current_app

from feedback_app.models import Complaint, ComplaintStage
from feedback_app.models.complaints import STAGES
from feedback_app.services.clocks import add_working_days
from feedback_app.services.complaints_common import ComplaintError


@dataclass(frozen=True)
class ClockSettings:
    """Working-day timescales for one stage."""

    acknowledge_days: int
    respond_days: int
    max_extension_days: int


def clock_settings(stage: str, config: Mapping[str, Any] | None = None) -> ClockSettings | None:
    """Return the timescales for stage ``1`` or ``2`` from settings; None for the ombudsman."""
    config = config if config is not None else current_app.config
    if stage not in ("1", "2"):
        return None
    return ClockSettings(
        acknowledge_days=int(config[f"STAGE{stage}_ACKNOWLEDGE_DAYS"]),
        respond_days=int(config[f"STAGE{stage}_RESPOND_DAYS"]),
        max_extension_days=int(config[f"STAGE{stage}_MAX_EXTENSION_DAYS"]),
    )


def new_stage(
    stage: str, started_on: date, config: Mapping[str, Any] | None = None
) -> ComplaintStage:
    """Make a stage record with its clock: acknowledge-by, and a provisional respond-by."""
    if stage not in STAGES:
        raise ComplaintError("Select stage 1, stage 2 or ombudsman")
    record = ComplaintStage(
        stage=stage, started_on=started_on, extension_days=0, extension_reason=""
    )
    settings = clock_settings(stage, config)
    if settings is not None:
        record.acknowledge_by = add_working_days(started_on, settings.acknowledge_days)
        set_respond_by(record, settings)
    return record


def set_respond_by(record: ComplaintStage, settings: ClockSettings) -> None:
    """Set a stage's respond-by date from its clock and the extensions it has."""
    record.respond_by = respond_by_date(record, settings, record.extension_days)


def respond_by_date(record: ComplaintStage, settings: ClockSettings, extension_days: int) -> date:
    """The date a stage's response is due with ``extension_days`` of extension."""
    # The response clock runs from acknowledgement (LGSCO code); until then, from the
    # latest day acknowledgement was due, so the queue never shows a deadline too late.
    base = record.acknowledged_on or record.acknowledge_by
    assert base is not None
    return add_working_days(base, settings.respond_days + extension_days)


def refresh(complaint: Complaint) -> None:
    """Copy the current stage's state and next deadline onto the complaint for the queue."""
    current = complaint.current_stage
    if complaint.closed_on is not None:
        complaint.state, complaint.due_on = "closed", None
    elif current is None:
        complaint.state, complaint.due_on = "awaiting_acknowledgement", None
    elif current.responded_on is not None:
        complaint.state, complaint.due_on = "responded", None
    elif current.acknowledge_by is not None and current.acknowledged_on is None:
        complaint.state, complaint.due_on = "awaiting_acknowledgement", current.acknowledge_by
    else:
        complaint.state, complaint.due_on = "awaiting_response", current.respond_by
    if current is not None:
        complaint.stage = current.stage
