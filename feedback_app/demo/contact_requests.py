"""Demo contact requests: families who asked to be contacted about their survey answers.

Three parent responses get contact details (made-up names, example.com addresses and
Ofcom's drama phone numbers) and a request each: the family behind the demo safeguarding
disclosure, so the lead's flag page shows how to reach them; another still waiting; and
one a complaints officer has contacted. The demo's responses are from past years, so the
waiting ones are overdue. Runs last and draws nothing from ``rng``.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from sqlalchemy import select

from feedback_app.demo.safeguarding import DISCLOSURE
from feedback_app.extensions import db
from feedback_app.models import Comment, ContactRequest, Response, SurveyVersion, User
from feedback_app.services import contact_requests

FAMILIES = (
    ("Rhiannon Okafor", "rhiannon.okafor@example.com", "07700 900461"),
    ("Tomasz Nowak", "t.nowak@example.com", ""),
    ("Grace Adeyemi", "", "07700 900733"),
)


def seed(rng: random.Random) -> list[str]:
    """Give three responses contact details and a request; return a line to print."""
    chosen = _responses(len(FAMILIES))
    if len(chosen) < len(FAMILIES):
        return []
    requests = []
    for response, (name, email, phone) in zip(chosen, FAMILIES, strict=True):
        response.contact_consent = True
        response.contact_name, response.contact_email = name, email or None
        response.contact_phone = phone or None
        assert response.submitted_on is not None  # only submitted responses are chosen
        request = contact_requests.record_request(response, requested_on=response.submitted_on)
        assert request is not None  # each family left an email or a phone number
        requests.append(request)
    officer = db.session.scalars(select(User).where(User.role == "complaints_officer")).first()
    if officer is not None:
        requests[-1].contacted_by_id = officer.id
        requests[-1].contacted_at = datetime.now(UTC)
    db.session.commit()
    return ["Contact requests: 2 families waiting to be contacted, 1 contacted"]


def _responses(count: int) -> list[Response]:
    """The response behind the demo disclosure, then the newest other parent responses."""
    disclosed = db.session.scalars(
        select(Response)
        .join(Comment, (Comment.source == "survey") & (Comment.source_id == Response.id))
        .where(Comment.text == DISCLOSURE)
    ).first()
    others = db.session.scalars(
        select(Response)
        .join(SurveyVersion, Response.version_id == SurveyVersion.id)
        .where(
            Response.status == "submitted",
            SurveyVersion.audience == "parent",
            Response.id != (disclosed.id if disclosed else 0),
            Response.id.not_in(select(ContactRequest.response_id)),
        )
        .order_by(Response.submitted_on.desc(), Response.id.desc())
        .limit(count)
    )
    return ([disclosed] if disclosed else []) + list(others)[: count - bool(disclosed)]
