"""Demo staff users, one per role, whose sign-ins ``flask seed-demo`` prints."""

from __future__ import annotations

import os
import random

from flask import current_app

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


def sign_in_address() -> str:
    """The address of the sign-in page, when this process can know it; else "".

    From ``PUBLIC_URL``, else Flask's ``SERVER_NAME``, else the host and port ``flask run``
    is given through ``FLASK_RUN_HOST`` and ``FLASK_RUN_PORT`` (``make run`` sets them).
    A command cannot know where a server it did not start listens.
    """
    config = current_app.config
    if config.get("PUBLIC_URL"):
        base = str(config["PUBLIC_URL"]).rstrip("/")
    elif config.get("SERVER_NAME"):
        base = f"{config.get('PREFERRED_URL_SCHEME') or 'http'}://{config['SERVER_NAME']}"
    elif os.environ.get("FLASK_RUN_HOST") or os.environ.get("FLASK_RUN_PORT"):
        # flask run's own defaults stand in for whichever is not set.
        host = os.environ.get("FLASK_RUN_HOST") or "127.0.0.1"
        base = f"http://{host}:{os.environ.get('FLASK_RUN_PORT') or 5000}"
    else:
        return ""
    return f"{base}/sign-in"


def seed(rng: random.Random) -> list[str]:
    """Create one demo user per role; say where and how they sign in."""
    where = sign_in_address() or "/sign-in on the address the app runs on"
    lines = [f"Demo staff sign in at {where} (password for all: {DEMO_PASSWORD}):"]
    for email, role, name in DEMO_STAFF:
        users.create_user(email=email, role=role.value, password=DEMO_PASSWORD, name=name)
        lines.append(f"  {role.value:<20} {email}")
    return lines
