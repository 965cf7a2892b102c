"""The demo gives the safeguarding lead something to see: one open flag, one decided."""

import random

from feedback_app.demo import safeguarding as demo_safeguarding
from feedback_app.demo import staff, surveys
from feedback_app.extensions import db
from feedback_app.models import Comment, SafeguardingFlag


def test_demo_safeguarding_adds_an_open_flag_and_one_decided_not_a_concern(app):
    rng = random.Random(2024)
    staff.seed(rng)
    surveys.seed(rng)
    lines = demo_safeguarding.seed(rng)
    assert lines == ["Safeguarding: 1 open flag for the lead, 1 decided not a concern"]
    flags = {flag.comment.text: flag for flag in db.session.query(SafeguardingFlag).join(Comment)}
    disclosure = flags[demo_safeguarding.DISCLOSURE]
    assert (disclosure.status, disclosure.concern) == ("open", "undecided")
    assert disclosure.comment.safeguarding
    cleared = flags[demo_safeguarding.FIGURE_OF_SPEECH]
    assert (cleared.status, cleared.concern) == ("closed", "no_concern")
    # Withheld comments are kept from the analysts' review queue.
    reviewable = {c.text for c in db.session.query(Comment).filter(~Comment.safeguarding)}
    assert demo_safeguarding.FIGURE_OF_SPEECH in reviewable
    assert demo_safeguarding.DISCLOSURE not in reviewable
