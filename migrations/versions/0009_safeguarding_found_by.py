"""Record whether the disclosure rules or the learned model alone raised a safeguarding flag.

Flags raised before this have ``found_by`` empty: it was not recorded.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("safeguarding_flags") as batch:
        batch.add_column(sa.Column("found_by", sa.String(10), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("safeguarding_flags") as batch:
        batch.drop_column("found_by")
