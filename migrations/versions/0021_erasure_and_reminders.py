"""Reminders sent once a day; complaints and models erased before hold no personal data.

Revision ID: 0021
Revises: 0020

``sent_reminders`` records each reminder ``flask send-reminders`` sends, by its
reference (record, kind and day), so that a second run the same day sends nothing new.

Complaints erased by retention before now kept their actions' descriptions and
evidence, their stages' extension reasons and, in their audit entries, the actions'
descriptions: erasure now blanks them all, and this does the same for the complaints
erased before. Keys and markers are copied here, not imported, so the migration keeps
meaning what it meant when it was written.

Learned models stored before now were trained on comments' raw text, so they hold
families' names and phone numbers as word pairs. They are deleted: the analyser uses
the shipped model until ``flask retrain`` learns again, from redacted text.
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
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
    "description",
    "notes",
    "reason",
    "evidence",
    "person_praised",
)

complaints = sa.table("complaints", sa.column("id", sa.Integer), sa.column("erased_at"))
points = sa.table(
    "complaint_points", sa.column("id", sa.Integer), sa.column("complaint_id", sa.Integer)
)
actions = sa.table(
    "complaint_actions",
    sa.column("point_id", sa.Integer),
    sa.column("description", sa.Text),
    sa.column("notes", sa.Text),
    sa.column("evidence", sa.Text),
)
stages = sa.table(
    "complaint_stages",
    sa.column("complaint_id", sa.Integer),
    sa.column("extension_reason", sa.Text),
)
audit_entries = sa.table(
    "audit_entries",
    sa.column("id", sa.Integer),
    sa.column("action", sa.String),
    sa.column("entity_type", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("changes", sa.JSON),
)
analysis_models = sa.table("analysis_models", sa.column("id", sa.Integer))


def upgrade() -> None:
    op.create_table(
        "sent_reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sent_reminders")),
        sa.UniqueConstraint("reference", name=op.f("uq_sent_reminders_reference")),
    )
    op.create_index(
        op.f("ix_sent_reminders_sent_on"), "sent_reminders", ["sent_on"], unique=False
    )
    _erase_what_erasure_left()
    op.get_bind().execute(analysis_models.delete())


def _erase_what_erasure_left() -> None:
    connection = op.get_bind()
    erased = sa.select(complaints.c.id).where(complaints.c.erased_at.is_not(None))
    erased_points = sa.select(points.c.id).where(points.c.complaint_id.in_(erased))
    connection.execute(
        actions.update()
        .where(actions.c.point_id.in_(erased_points))
        .values(description=ERASED)
    )
    for column in (actions.c.notes, actions.c.evidence):
        connection.execute(
            actions.update()
            .where(actions.c.point_id.in_(erased_points), column != "", column != ERASED)
            .values({column.name: ERASED})
        )
    connection.execute(
        stages.update()
        .where(
            stages.c.complaint_id.in_(erased),
            stages.c.extension_reason != "",
            stages.c.extension_reason != ERASED,
        )
        .values(extension_reason=ERASED)
    )
    ids = [str(row.id) for row in connection.execute(erased)]
    for start in range(0, len(ids), 500):
        rows = connection.execute(
            sa.select(audit_entries.c.id, audit_entries.c.action, audit_entries.c.changes).where(
                audit_entries.c.entity_type == "complaint",
                audit_entries.c.entity_id.in_(ids[start : start + 500]),
            )
        ).all()
        for row in rows:
            if row.action == "complaint.erased":
                continue  # its "reason" is the retention period's, not an officer's words
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
    # Erased data and deleted models cannot come back; only the table goes.
    op.drop_index(op.f("ix_sent_reminders_sent_on"), table_name="sent_reminders")
    op.drop_table("sent_reminders")
