"""Checking a draft release before it is published, and publishing it as checked.

Publishing cannot be undone (a mistake needs a correction, published as a new
version), so the analyst first sees what will be published: the figures' period,
the approved quotes, and the quotes that will not be published because nobody
approved them or because they were raised for safeguarding since. What they saw is
summed up in ``PublishCheck.checked``; if the quotes change before they confirm
(another analyst approves or removes one), publishing is refused and the check is
shown again, so nobody publishes a release they did not check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from feedback_app.models import Release, ReleaseQuote, User
from feedback_app.services import releases


class ReleaseChangedError(releases.ReleaseError):
    """The release's quotes changed between the check and the confirmation."""


CHANGED = (
    "The quotes in this release changed since you checked it. Check it again before you publish."
)


@dataclass(frozen=True)
class PublishCheck:
    """What publishing a draft would publish now, and what it would leave out."""

    release: Release
    survey_name: str
    period_name: str
    dates: str
    responses: int | None  # None: fewer than ``threshold``, or ``responses_withheld``
    responses_withheld: bool
    threshold: int
    #: The approved quotes that will be published, with their words as they will show.
    approved: list[dict[str, Any]] = field(default_factory=list)
    #: Quotes only proposed: not approved, so they will not be published.
    proposed: list[ReleaseQuote] = field(default_factory=list)
    #: Approved quotes whose comment was raised for safeguarding since: left out.
    withheld: list[ReleaseQuote] = field(default_factory=list)
    remarks: int = 0
    checked: str = ""


def _fingerprint(release: Release) -> str:
    """The quotes as they stand, by id and status: "approved 3, 5; proposed 9"."""
    parts = []
    for status in ("approved", "proposed"):
        ids = sorted(q.id for q in release.quotes if q.status == status)
        parts.append(f"{status} {', '.join(map(str, ids)) or 'none'}")
    return "; ".join(parts)


def check(release: Release) -> PublishCheck:
    """What publishing the draft now would publish."""
    payload = releases.draft_payload(release)
    approved = payload["quotes"]
    published_ids = {quote["id"] for quote in approved}
    return PublishCheck(
        release=release,
        survey_name=payload["survey_name"],
        period_name=payload["period_name"],
        dates=payload["dates"],
        responses=payload["responses"],
        responses_withheld=bool(payload.get("responses_withheld")),
        threshold=payload["threshold"],
        approved=approved,
        proposed=[q for q in release.quotes if q.status == "proposed"],
        withheld=[
            q for q in release.quotes if q.status == "approved" and q.id not in published_ids
        ],
        remarks=len(release.remarks),
        checked=_fingerprint(release),
    )


def publish_as_checked(release: Release, checked: str, user: User | None) -> None:
    """Publish the draft if its quotes are as they were when ``checked`` was made
    (``PublishCheck.checked``); ``ReleaseChangedError`` otherwise, and nothing changes.
    Commits."""
    if release.is_draft and checked != _fingerprint(release):
        raise ReleaseChangedError(CHANGED)
    releases.publish(release, user)
