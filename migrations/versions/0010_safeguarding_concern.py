"""Record the safeguarding lead's decision on a flag: a safeguarding concern or not.

Flags from before are "undecided": the closed ones were closed for either reason.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("safeguarding_flags") as batch:
        batch.add_column(
            sa.Column("concern", sa.String(12), nullable=False, server_default="undecided")
        )


def downgrade() -> None:
    with op.batch_alter_table("safeguarding_flags") as batch:
        batch.drop_column("concern")
