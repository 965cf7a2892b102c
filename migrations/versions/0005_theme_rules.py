"""Load the analyser's default keyword rules into the taxonomy, where admins can edit them.

Only themes whose rules are still empty are filled, so rules an administrator has
already written are never overwritten.

Revision ID: 0005
Revises: 0001
"""

import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0001"
branch_labels = None
depends_on = None

RULES = Path(__file__).resolve().parent.parent / "data" / "default_theme_rules.json"


def upgrade():
    themes = sa.table("themes", sa.column("slug", sa.String), sa.column("keywords", sa.Text))
    bind = op.get_bind()
    for slug, keywords in json.loads(RULES.read_text()).items():
        bind.execute(
            themes.update()
            .where(
                themes.c.slug == slug, sa.or_(themes.c.keywords == "", themes.c.keywords.is_(None))
            )
            .values(keywords=keywords)
        )


def downgrade():
    pass
