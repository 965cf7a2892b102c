"""Erase personal data from the audit entries of complaints already erased by retention.

Revision ID: 0017
Revises: 0016

Until now the audit log kept complainants' details and words (``complaint.created``,
``complaint.updated`` old → new, ``point_added``) after retention had erased them from
the complaint. Erasure now scrubs them (``audit.scrub``); this does the same for the
complaints erased before. The keys are copied here, not imported, so the migration
keeps meaning what it meant when it was written.
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

ERASED = "[erased]"
PERSONAL_AUDIT_KEYS = (
    "complainant_name",
    "contact_email",
    "contact_phone",
    "contact_address",
    "child_reference",
    "summary",
    "notes",
)

complaints = sa.table("complaints", sa.column("id", sa.Integer), sa.column("erased_at"))
audit_entries = sa.table(
    "audit_entries",
    sa.column("id", sa.Integer),
    sa.column("entity_type", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("changes", sa.JSON),
)


def upgrade() -> None:
    connection = op.get_bind()
    erased = [
        str(row.id)
        for row in connection.execute(
            sa.select(complaints.c.id).where(complaints.c.erased_at.is_not(None))
        )
    ]
    for start in range(0, len(erased), 500):
        rows = connection.execute(
            sa.select(audit_entries.c.id, audit_entries.c.changes).where(
                audit_entries.c.entity_type == "complaint",
                audit_entries.c.entity_id.in_(erased[start : start + 500]),
            )
        ).all()
        for row in rows:
            changes = dict(row.changes or {})
            hits = [k for k in PERSONAL_AUDIT_KEYS if k in changes and changes[k] != ERASED]
            if hits:
                changes.update(dict.fromkeys(hits, ERASED))
                connection.execute(
                    audit_entries.update()
                    .where(audit_entries.c.id == row.id)
                    .values(changes=changes)
                )


def downgrade() -> None:
    # Erased data cannot come back; nothing to undo.
    pass
