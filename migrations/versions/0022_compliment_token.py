"""A one-time form token on compliments, so a compliment form sent twice logs one
compliment (as 0020 did for points, actions and "you said, we did" entries).

Revision ID: 0022
Revises: 0021

A plain ADD COLUMN and a unique index, not a batch alter, for the reason 0016 gives.
The column starts empty, so no existing row can break the index.
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("compliments", sa.Column("submission_token", sa.String(length=64), nullable=True))
    op.create_index(
        op.f("ix_compliments_submission_token"), "compliments", ["submission_token"], unique=True
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_compliments_submission_token"), table_name="compliments")
    op.drop_column("compliments", "submission_token")
