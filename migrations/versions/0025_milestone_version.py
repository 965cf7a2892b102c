"""A version counter on "you said, we did" milestones, so a stale change or removal form
cannot overwrite or remove a milestone someone else changed since (as 0019 did for
complaints, points, flags and comments).

Revision ID: 0025
Revises: 0024

A plain ADD COLUMN with a server default, not a batch alter, for the reason 0019 gives;
milestones already there start at 1.
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "improvement_milestones",
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place, keeping the other indexes.
    op.drop_column("improvement_milestones", "version")
