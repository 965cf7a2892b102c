"""Families who asked to be contacted: one request per survey response that said yes.

Revision ID: 0026
Revises: 0025

Until now a family's "yes" to "Would you like us to contact you?" was kept on the
response and shown to nobody. ``contact_requests`` holds one row per such response,
with who contacted the family and when. Responses sent before now that still hold an
email or phone number get a request each, dated the day they were sent, so the families
who asked before this existed are on the complaints officer's list too (most of them
already past the 10 working days they were promised).
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

responses = sa.table(
    "responses",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("submitted_on", sa.Date),
    sa.column("submitted_at", sa.DateTime(timezone=True)),
    sa.column("contact_consent", sa.Boolean),
    sa.column("contact_email", sa.String),
    sa.column("contact_phone", sa.String),
)
contact_requests = sa.table(
    "contact_requests",
    sa.column("response_id", sa.Integer),
    sa.column("requested_on", sa.Date),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    op.create_table(
        "contact_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("contacted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("contacted_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contacted_by_id"],
            ["users.id"],
            name=op.f("fk_contact_requests_contacted_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["responses.id"],
            name=op.f("fk_contact_requests_response_id_responses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_requests")),
        sa.UniqueConstraint("response_id", name=op.f("uq_contact_requests_response_id")),
    )
    op.create_index(
        op.f("ix_contact_requests_requested_on"),
        "contact_requests",
        ["requested_on"],
        unique=False,
    )
    asked = sa.select(
        responses.c.id,
        responses.c.submitted_on,
        sa.func.coalesce(responses.c.submitted_at, sa.func.current_timestamp()),
    ).where(
        responses.c.status == "submitted",
        responses.c.submitted_on.is_not(None),
        responses.c.contact_consent == sa.true(),
        sa.or_(responses.c.contact_email.is_not(None), responses.c.contact_phone.is_not(None)),
    )
    op.get_bind().execute(
        contact_requests.insert().from_select(["response_id", "requested_on", "created_at"], asked)
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_contact_requests_requested_on"), table_name="contact_requests")
    op.drop_table("contact_requests")
