"""Sending notifications through GOV.UK Notify (used when NOTIFY_API_KEY is set).

Notify sends from templates: the council sets up one email template whose body is
``((body))`` and subject ``((subject))``, and gives its id as NOTIFY_TEMPLATE_ID.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from feedback_app.services.notifications import Message

DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk"


class NotifyClient(Protocol):
    """The part of notifications-python-client's client we use."""

    def send_email_notification(
        self, email_address: str, template_id: str, **kwargs: Any
    ) -> Any: ...


@dataclass
class NotifySender:
    """Delivers messages as Notify emails from one generic template."""

    client: Any  # a NotificationsAPIClient, or a fake in tests (see NotifyClient)
    template_id: str

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> NotifySender:
        """Build a sender from NOTIFY_API_KEY, NOTIFY_BASE_URL and NOTIFY_TEMPLATE_ID."""
        from notifications_python_client.notifications import NotificationsAPIClient

        client = NotificationsAPIClient(
            config["NOTIFY_API_KEY"], base_url=config.get("NOTIFY_BASE_URL") or DEFAULT_BASE_URL
        )
        template_id = config.get("NOTIFY_TEMPLATE_ID") or os.environ.get("NOTIFY_TEMPLATE_ID", "")
        return cls(client=client, template_id=template_id)

    def send(self, message: Message) -> None:
        """Send one email; Notify's errors propagate to ``notifications.send``, which logs them."""
        self.client.send_email_notification(
            email_address=message.to,
            template_id=self.template_id,
            personalisation={"subject": message.subject, "body": message.body},
            reference=message.reference or None,
        )
