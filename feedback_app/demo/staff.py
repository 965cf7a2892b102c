"""Demo staff users, one per role, whose sign-ins ``flask seed-demo`` prints."""

from __future__ import annotations

import random

from feedback_app.models import Role
from feedback_app.services import users

DEMO_PASSWORD = "demo-password-2024"  # noqa: S105 - printed for the demo on purpose

DEMO_STAFF = [
    ("admin@example.gov.uk", Role.ADMIN, "Alex Admin"),
    ("complaints@example.gov.uk", Role.COMPLAINTS_OFFICER, "Chris Complaints"),
    ("analyst@example.gov.uk", Role.ANALYST, "Asha Analyst"),
    ("safeguarding@example.gov.uk", Role.SAFEGUARDING_LEAD, "Sam Safeguarding"),
    ("forum@example.gov.uk", Role.FORUM_MEMBER, "Fran Forum"),
]


def seed(rng: random.Random) -> list[str]:
    """Create one demo user per role."""
    lines = [
        f"Demo staff sign-in at http://127.0.0.1:5000/sign-in (password for all: {DEMO_PASSWORD}):"
    ]
    for email, role, name in DEMO_STAFF:
        users.create_user(email=email, role=role.value, password=DEMO_PASSWORD, name=name)
        lines.append(f"  {role.value:<20} {email}")
    return lines
