"""The demo's "you said, we did" quotes the figures the demo's published findings show."""

import random
import re

from sqlalchemy import select

from feedback_app.demo import complaints, findings, staff, surveys
from feedback_app.extensions import db
from feedback_app.models import Release, Survey
from feedback_app.services import improvements
from feedback_app.services.suppression import whole_percent


def test_you_said_percentages_match_the_published_release(app):
    rng = random.Random(2024)
    for area in (staff, surveys, complaints, findings):
        area.seed(rng)
    release = db.session.scalars(
        select(Release).join(Survey).where(Survey.slug == "new_ehcp", Release.period == "2023-24")
    ).one()
    rows = {row["id"]: row for row in release.snapshot["questions"]}
    said = {entry.theme: entry.you_said for entry in improvements.all_entries()}
    for theme, statement in (("communication", "contact"), ("joint_working", "joint_working")):
        row = rows[statement]
        if row["negative"] is None:
            # Not shown in the release (joint working: 3 answered "does not apply").
            assert said[theme].startswith("A large share of families said"), said[theme]
            continue
        figure = re.match(r"(\d+)% ", said[theme])
        assert figure, said[theme]
        assert int(figure.group(1)) == whole_percent(row["negative"], row["base"])
