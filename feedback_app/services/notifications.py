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


def send(to: str, subject: str, body: str, reference: str = "") -> None:
    """Send a message through the configured sender; a failure is logged, never raised."""
    try:
        get_sender().send(Message(to=to, subject=subject, body=body, reference=reference))
    except Exception:  # noqa: BLE001 - a reminder must never break the request that sent it
        log.exception("notification failed: %s", reference)
