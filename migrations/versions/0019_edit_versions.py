"""A version counter on the rows staff edit in forms, so a stale form cannot overwrite.

Revision ID: 0019
Revises: 0018

Complaints, complaint points, safeguarding flags and comments (which hold an analyst's
review) get ``version`` (``models.base.Versioned``), raised by one in every update;
rows already there start at 1. A plain ADD COLUMN with a server default, not a batch
alter: on SQLite a batch alter copies the table, and the copy of ``complaints`` would
lose the triage queue's expression indexes (migration 0006).
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

TABLES = ("complaints", "complaint_points", "safeguarding_flags", "comments")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table, sa.Column("version", sa.Integer(), nullable=False, server_default="1")
        )


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place, keeping the other indexes.
    for table in reversed(TABLES):
        op.drop_column(table, "version")
