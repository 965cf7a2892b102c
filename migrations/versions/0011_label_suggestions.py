"""Keep, with each analyst's label, what the analyser had suggested for the comment.

Labels given before this have no suggestion and are left out of the agreement counts.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("comment_labels") as batch:
        batch.add_column(sa.Column("suggested_themes", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("suggested_sentiment", sa.String(10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("comment_labels") as batch:
        batch.drop_column("suggested_sentiment")
        batch.drop_column("suggested_themes")
