"""Survey drafts: the hashed draft secret and when a resume code expires.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 10:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("responses") as batch_op:
        batch_op.add_column(sa.Column("draft_secret_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("resume_expires_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade():
    with op.batch_alter_table("responses") as batch_op:
        batch_op.drop_column("resume_expires_at")
        batch_op.drop_column("draft_secret_hash")
