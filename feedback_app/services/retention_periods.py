"""Retention periods, read from settings and checked before anything is erased.

A retention period is a number of whole days. One that is negative, zero or very short
would erase records still in use (``-1`` erased every closed complaint and every
draft a family had just started), and one that is not a number at all must stop the
purge with a message, not a traceback. The floors:

- complaints: 365 days after closing. The default is six years (the limitation period
  for a claim); a year is the least that lets a complainant go to the ombudsman, who
  takes complaints up to twelve months after the council's final response.
- survey contact details: 30 days after the response was sent, time enough for the
  council to get back in touch as the family asked.
- unfinished drafts: 1 day after their last change; a resume code lasts
  ``RESUME_HOURS`` (72 by default), so a period shorter than that ends drafts early.

The ceiling, 100 years, only keeps the arithmetic of dates in range.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import current_app

from config import RETENTION_FLOORS

#: setting -> (the least number of days it may be, the default, what is kept, for messages)
FLOORS: dict[str, tuple[int, int, str]] = {
    name: (RETENTION_FLOORS[name], default, what)
    for name, default, what in (
        ("COMPLAINT_RETENTION_DAYS", 6 * 365, "closed complaints"),
        ("SURVEY_CONTACT_RETENTION_DAYS", 365, "contact details in survey responses"),
        ("DRAFT_RETENTION_DAYS", 30, "unfinished survey drafts"),
    )
}
MAX_DAYS = 100 * 366
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


class RetentionSettingError(ValueError):
    """A retention setting is not a whole number of days within its limits; the message
    names the setting, the value and what is allowed, for the operator."""


@dataclass(frozen=True)
class RetentionPeriods:
    """The checked retention periods, in days."""

    complaints: int
    survey_contacts: int
    drafts: int


def days(name: str, config: Mapping[str, Any] | None = None) -> int:
    """Return the retention setting ``name`` as days, or raise ``RetentionSettingError``."""
    config = config if config is not None else current_app.config
    floor, default, what = FLOORS[name]
    value = config.get(name)
    text = str(value).strip() if value is not None else ""
    if isinstance(value, bool) or not _WHOLE_NUMBER.fullmatch(text):
        raise RetentionSettingError(
            f"{name} must be a whole number of days, such as {default}: it is {value!r}"
        )
    number = int(text)
    if not floor <= number <= MAX_DAYS:
        raise RetentionSettingError(
            f"{name} must be between {floor} and {MAX_DAYS} days (how long {what} are "
            f"kept): it is {number}"
        )
    return number


def periods(config: Mapping[str, Any] | None = None) -> RetentionPeriods:
    """Check every retention setting; raise ``RetentionSettingError`` naming each bad one."""
    problems: list[str] = []
    found: dict[str, int] = {}
    for name in FLOORS:
        try:
            found[name] = days(name, config)
        except RetentionSettingError as error:
            problems.append(str(error))
    if problems:
        raise RetentionSettingError("\n".join(problems))
    return RetentionPeriods(
        complaints=found["COMPLAINT_RETENTION_DAYS"],
        survey_contacts=found["SURVEY_CONTACT_RETENTION_DAYS"],
        drafts=found["DRAFT_RETENTION_DAYS"],
    )
