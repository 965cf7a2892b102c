"""The demo gives the complaints officers families to contact, and the safeguarding lead a
way to reach the family behind the demo disclosure."""

import random

from sqlalchemy import select

from feedback_app.demo import contact_requests as demo_contact_requests
from feedback_app.demo import safeguarding as demo_safeguarding
from feedback_app.demo import staff, surveys
from feedback_app.extensions import db
from feedback_app.models import Comment, ContactRequest, SafeguardingFlag
from feedback_app.services import safeguarding_contact


def test_demo_contact_requests_include_the_family_behind_the_disclosure(app):
    rng = random.Random(2024)
    staff.seed(rng)
    surveys.seed(rng)
    demo_safeguarding.seed(rng)
    lines = demo_contact_requests.seed(rng)
    assert lines == ["Contact requests: 2 families waiting to be contacted, 1 contacted"]
    requests = list(db.session.scalars(select(ContactRequest)))
    assert len(requests) == 3
    assert sum(request.contacted_at is not None for request in requests) == 1
    flag = db.session.scalars(
        select(SafeguardingFlag)
        .join(Comment, SafeguardingFlag.comment_id == Comment.id)
        .where(Comment.text == demo_safeguarding.DISCLOSURE)
    ).one()
    contact = safeguarding_contact.how_to_reach(flag)
    name, email, phone = demo_contact_requests.FAMILIES[0]
    assert ("Name", name) in contact.details and ("Email", email) in contact.details
    assert ("Phone", phone) in contact.details
