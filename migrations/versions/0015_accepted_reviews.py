"""Reviews that kept every suggestion were saved as "corrected" when the analyser listed the
themes in another order than the form: mark them "accepted", as they now are when saved.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

comments = sa.table(
    "comments",
    sa.column("id", sa.Integer),
    sa.column("review_status", sa.String),
)
labels = sa.table(
    "comment_labels",
    sa.column("id", sa.Integer),
    sa.column("comment_id", sa.Integer),
    sa.column("themes", sa.JSON),
    sa.column("sentiment", sa.String),
    sa.column("suggested_themes", sa.JSON),
    sa.column("suggested_sentiment", sa.String),
)


def upgrade() -> None:
    connection = op.get_bind()
    newest = (
        sa.select(sa.func.max(labels.c.id)).group_by(labels.c.comment_id).scalar_subquery()
    )
    rows = connection.execute(
        sa.select(
            labels.c.comment_id,
            labels.c.themes,
            labels.c.sentiment,
            labels.c.suggested_themes,
            labels.c.suggested_sentiment,
        )
        .join(comments, comments.c.id == labels.c.comment_id)
        .where(labels.c.id.in_(newest), comments.c.review_status == "corrected")
    )
    kept = [
        row.comment_id
        for row in rows
        if row.suggested_themes is not None
        and set(row.themes or []) == set(row.suggested_themes)
        and row.sentiment == row.suggested_sentiment
    ]
    for start in range(0, len(kept), 500):
        connection.execute(
            sa.update(comments)
            .where(comments.c.id.in_(kept[start : start + 500]))
            .values(review_status="accepted")
        )


def downgrade() -> None:
    # Which reviews were stored as "corrected" only because of the order is not kept.
    pass
