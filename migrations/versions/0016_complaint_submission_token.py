"""The public form's one-time token on a complaint, so a form sent twice makes one complaint.

Revision ID: 0016
Revises: 0015

A plain ADD COLUMN and a unique index, not a batch alter: on SQLite a batch alter
copies the table, and the copy would lose the triage queue's expression indexes
(migration 0006), which SQLAlchemy cannot reflect.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("complaints", sa.Column("submission_token", sa.String(length=64), nullable=True))
    op.create_index(
        op.f("ix_complaints_submission_token"), "complaints", ["submission_token"], unique=True
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_complaints_submission_token"), table_name="complaints")
    # SQLite 3.35+ drops a column in place, keeping the other indexes.
    op.drop_column("complaints", "submission_token")
