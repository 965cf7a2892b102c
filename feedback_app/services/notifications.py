"""A pluggable sender for reminders and alerts.

The log sender is the default for the embedded set-up; a GOV.UK Notify sender is
used when NOTIFY_API_KEY is set. Messages never carry personal data in the log:
only the recipient's role-address and a reference.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from flask import current_app

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """One notification: to whom, what about, and a reference to the record."""

    to: str
    subject: str
    body: str
    reference: str = ""


class Sender(Protocol):
    """Anything that can deliver a message."""

    def send(self, message: Message) -> None: ...


@dataclass
class LogSender:
    """Writes a line per message to the log; also keeps them, for tests and the demo."""

    sent: list[Message] = field(default_factory=list)

    def send(self, message: Message) -> None:
        self.sent.append(message)
        log.info("notification %s: %s", message.reference or "-", message.subject)


_log_sender = LogSender()


def get_sender() -> Sender:
    """Return the sender configured for this app (Notify when a key is set)."""
    override = current_app.extensions.get("notification_sender")
    if override is not None:
        return override  # type: ignore[no-any-return]
    if current_app.config.get("NOTIFY_API_KEY"):
        from feedback_app.services.notify_sender import NotifySender

        return NotifySender.from_config(current_app.config)
    return _log_sender


def send(to: str, subject: str, body: str, reference: str = "") -> bool:
    """Send a message through the configured sender; return whether it went.

    A failure is logged, never raised: one record with the reference and, from Notify,
    its status and error messages as fields (one JSON line when LOG_JSON is on), never
    the address or the words. A caller records that a message was sent only when this
    returns True.

    Call it outside any database transaction that writes (``jobs.enqueue_after_commit``):
    a mail server that takes seconds to answer would otherwise hold SQLite's write lock,
    and every other family's form would wait for it.
    """
    try:
        get_sender().send(Message(to=to, subject=subject, body=body, reference=reference))
    except Exception as error:  # noqa: BLE001 - a reminder must never break the request
        log.exception(
            "notification failed: %s",
            reference or "-",
            extra={"fields": {"reference": reference, **failure_fields(error)}},
        )
        return False
    return True


def failure_fields(error: Exception) -> dict[str, object]:
    """The status and error messages Notify answered with (its client's HTTPError), if any."""
    fields: dict[str, object] = {}
    status = getattr(error, "status_code", None)
    if isinstance(status, int):
        fields["notify_status"] = status
    messages = getattr(error, "message", None)
    if isinstance(messages, list):
        fields["notify_errors"] = [
            str(item.get("message", item))[:200] if isinstance(item, dict) else str(item)[:200]
            for item in messages
        ]
    elif isinstance(messages, str) and status is not None:
        fields["notify_errors"] = [messages[:200]]
    return fields
