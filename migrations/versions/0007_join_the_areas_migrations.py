"""Join the areas' migrations (surveys, complaints, findings, theme rules) into one head.

The areas were built side by side, each migrating from the initial schema; from
here on there is one line of migrations again, so ``flask db upgrade`` needs no
"heads".

Revision ID: 0007
Revises: 0002, 0004, 0005, 0006
"""

revision = "0007"
down_revision = ("0002", "0004", "0005", "0006")
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
