"""One-time form tokens on milestones and forum comments on a draft, so that a form sent
twice adds one (as 0020 did for points, actions and "you said, we did" entries).

Revision ID: 0023
Revises: 0022

Plain ADD COLUMNs and unique indexes, not batch alters, for the reason 0016 gives: on
SQLite a batch alter copies the table and loses indexes SQLAlchemy cannot reflect. The
columns start empty, so no existing row can break the unique indexes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

TABLES = ("improvement_milestones", "findings_remarks")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("submission_token", sa.String(length=64), nullable=True))
        op.create_index(
            op.f(f"ix_{table}_submission_token"), table, ["submission_token"], unique=True
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(op.f(f"ix_{table}_submission_token"), table_name=table)
        # SQLite 3.35+ drops a column in place, keeping the other indexes.
        op.drop_column(table, "submission_token")
