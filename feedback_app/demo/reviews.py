"""Demo reviews: the demo analyst has reviewed one comment of each kind the demo has.

The labels are a reading of each demo comment by docs/labelling.md, so the analysts'
agreement page (/staff/review/agreement) shows what the shipped analyser gets right and
wrong on them. Runs after the other areas and draws nothing from ``rng``, so their demo
data stay as they are.
"""

from __future__ import annotations

import random

from sqlalchemy import func, select

from feedback_app.demo.surveys import PARENT_COMMENTS, YOUNG_PEOPLE_COMMENTS
from feedback_app.extensions import db
from feedback_app.models import Comment, Role, User
from feedback_app.services import comments

Label = tuple[list[str], str]

# In the order of PARENT_COMMENTS and YOUNG_PEOPLE_COMMENTS (zipped strictly).
PARENT_LABELS: dict[str, list[Label]] = {
    "new_ehcp": [
        (["timeliness", "communication"], "negative"),
        (["communication"], "negative"),
        (["child_voice", "staff_attitude"], "positive"),
        (["communication", "timeliness"], "negative"),
        (["plan_quality"], "negative"),
        (["joint_working", "plan_quality"], "negative"),
        (["plan_quality"], "negative"),
        (["staff_attitude", "communication"], "positive"),
        (["decisions", "information"], "negative"),
        (["placement"], "negative"),
        (["plan_quality"], "positive"),
        (["health", "timeliness", "plan_quality"], "negative"),
        (["information"], "negative"),
    ],
    "annual_review": [
        (["information"], "negative"),
        (["joint_working", "timeliness"], "negative"),
        (["timeliness"], "positive"),
        (["adulthood", "plan_quality"], "negative"),
        (["joint_working", "plan_quality"], "negative"),
        (["involvement", "child_voice"], "positive"),
        (["transport", "communication", "health"], "negative"),
        (["communication", "timeliness", "placement"], "negative"),
        (["school_support"], "negative"),
        (["joint_working", "social_care"], "positive"),
        (["plan_quality"], "negative"),
    ],
}
YOUNG_PEOPLE_LABELS: list[Label] = [
    (["child_voice", "adulthood"], "positive"),
    (["child_voice"], "negative"),
    (["school_support"], "positive"),
    (["adulthood", "child_voice"], "negative"),
    (["plan_quality"], "negative"),
    (["child_voice"], "negative"),
]


def labelled_texts() -> dict[str, Label]:
    """Each demo comment's text with the analyst's themes and sentiment."""
    pairs = [
        *(
            pair
            for slug, texts in PARENT_COMMENTS.items()
            for pair in zip(texts, PARENT_LABELS[slug], strict=True)
        ),
        *zip(YOUNG_PEOPLE_COMMENTS, YOUNG_PEOPLE_LABELS, strict=True),
    ]
    return dict(pairs)


def seed(rng: random.Random) -> list[str]:
    """Label the oldest reviewable comment of each demo text; return a line to print."""
    analyst = db.session.scalars(select(User).where(User.role == Role.ANALYST.value)).first()
    if analyst is None:
        return []
    labels = labelled_texts()
    oldest = (
        select(func.min(Comment.id))
        .where(Comment.text.in_(list(labels)), ~Comment.safeguarding)
        .group_by(Comment.text)
    )
    reviewed = list(db.session.scalars(select(Comment).where(Comment.id.in_(oldest))))
    for comment in reviewed:
        themes, sentiment = labels[comment.text]
        comments.label_comment(comment, themes=themes, sentiment=sentiment, user=analyst)
    db.session.commit()
    return [f"Reviews: the analyst has reviewed {len(reviewed)} comments"]
