"""Complaint casework: logging complaints and their stage clocks (points: complaint_points).

This module gathers the public names of the complaint services, so that callers write
``complaints.escalate(...)`` and need not know which module holds what. The code lives in:

- ``complaints_common``: the errors an officer is shown (``ComplaintError``,
  ``AlreadyDoneError``, ``ErasedError``), ``check_not_erased``, which keeps an erased
  complaint read-only, the fields that are personal data and ``audit_safe``, which keeps
  them out of the audit log, ``today`` and ``apply_changes``;
- ``complaints_clocks``: each stage's working-day timescales (``clock_settings``), a new
  stage's deadlines (``new_stage``) and ``refresh``, which copies the next deadline onto
  the complaint for the queue;
- ``complaints_records``: logging a complaint once per form, changing its details, and
  loading it for a page (a view is audited);
- ``complaints_stages``: acknowledging, responding, extending, escalating and closing,
  and the work still to do before closing (``unfinished_work``).

Points and their actions are in ``complaint_points``; the queue, report, import, audit
trail and retention in the other ``complaints_*`` modules.
"""

from __future__ import annotations

from feedback_app.services.complaints_clocks import (
    ClockSettings,
    clock_settings,
    new_stage,
    refresh,
)
from feedback_app.services.complaints_common import (
    AUDITED_FIELDS,
    PERSONAL_AUDIT_KEYS,
    PERSONAL_FIELDS,
    WRITER_FIELDS,
    AlreadyDoneError,
    ComplaintError,
    ErasedError,
    apply_changes,
    audit_safe,
    check_not_erased,
    complainant,
    erased_words,
    today,
)
from feedback_app.services.complaints_records import (
    create_complaint,
    create_public_complaint,
    get_complaint,
    log_complaint,
    update_complaint,
    view_complaint,
)
from feedback_app.services.complaints_stages import (
    CONFIRM_UNFINISHED,
    STALE_FORM,
    UnfinishedWorkError,
    acknowledge,
    close,
    describe_extension,
    escalate,
    extend,
    respond,
    unfinished_work,
)

__all__ = [
    "AUDITED_FIELDS",
    "CONFIRM_UNFINISHED",
    "PERSONAL_AUDIT_KEYS",
    "PERSONAL_FIELDS",
    "STALE_FORM",
    "WRITER_FIELDS",
    "AlreadyDoneError",
    "ClockSettings",
    "ComplaintError",
    "ErasedError",
    "UnfinishedWorkError",
    "acknowledge",
    "apply_changes",
    "audit_safe",
    "check_not_erased",
    "clock_settings",
    "close",
    "complainant",
    "create_complaint",
    "create_public_complaint",
    "describe_extension",
    "erased_words",
    "escalate",
    "extend",
    "get_complaint",
    "log_complaint",
    "new_stage",
    "refresh",
    "respond",
    "today",
    "unfinished_work",
    "update_complaint",
    "view_complaint",
]
