"""Realistic demo data for ``flask seed-demo``: staff, surveys answered, complaints, findings.

Each area has a module with ``seed(rng) -> list[str]`` (lines to print). They run in
the order of ``AREAS`` because later areas build on earlier ones (findings quote
survey comments; "you said, we did" reads complaint actions).
"""

from __future__ import annotations

import importlib
import random

AREAS = (
    "staff",
    "surveys",
    "complaints",
    "findings",
    "safeguarding",
    "reviews",
    "contact_requests",
)


def seed_all(seed: int = 2024) -> list[str]:
    """Run every area's demo seed with one random generator; return what to print."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    lines: list[str] = []
    for area in AREAS:
        module = importlib.import_module(f"feedback_app.demo.{area}")
        lines.extend(module.seed(rng))
    return lines
