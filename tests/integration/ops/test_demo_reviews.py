"""The demo analyst has reviewed one comment of each demo text, so the agreement page
has figures to show."""

import random

from sqlalchemy import select

from feedback_app.demo import reviews as demo_reviews
from feedback_app.demo import staff, surveys
from feedback_app.extensions import db
from feedback_app.models import Comment, CommentLabel, User
from feedback_app.services.agreement import agreement


def test_every_demo_text_has_a_label_with_known_themes():
    labels = demo_reviews.labelled_texts()
    assert len(labels) == 30
    assert all(sentiment in {"negative", "neutral", "positive"} for _, sentiment in labels.values())


def test_the_demo_analyst_reviews_one_comment_of_each_text(app):
    rng = random.Random(2024)
    staff.seed(rng)
    surveys.seed(rng)
    lines = demo_reviews.seed(rng)
    texts = set(db.session.scalars(select(Comment.text).where(~Comment.safeguarding)))
    labelled = texts & set(demo_reviews.labelled_texts())
    assert len(labelled) > 20  # the demo draws most of its 30 texts
    assert lines == [f"Reviews: the analyst has reviewed {len(labelled)} comments"]
    analyst = db.session.scalars(select(User).where(User.role == "analyst")).one()
    rows = db.session.scalars(select(CommentLabel)).all()
    assert len(rows) == len(labelled)
    assert {row.user_id for row in rows} == {analyst.id}
    assert all(row.suggested_sentiment for row in rows)
    assert agreement().reviewed == len(labelled)
