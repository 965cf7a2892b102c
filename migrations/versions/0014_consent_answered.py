"""When a family answered the consent page, so a resumed draft is never sent unasked.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("responses") as batch:
        batch.add_column(sa.Column("consent_answered_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    with op.batch_alter_table("responses") as batch:
        batch.drop_column("consent_answered_at")
