"""One-time form tokens on points, actions and "you said, we did" entries, so that a
form sent twice makes one record (as migration 0016 did for complaints).

Revision ID: 0020
Revises: 0019

Plain ADD COLUMNs and unique indexes, not batch alters, for the reason 0016 gives: on
SQLite a batch alter copies the table and loses indexes SQLAlchemy cannot reflect. The
columns start empty, so no existing row can break the unique indexes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

TABLES = ("complaint_points", "complaint_actions", "improvements")


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
