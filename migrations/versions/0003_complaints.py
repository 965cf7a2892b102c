"""Complaints, complaint stages, points, actions and compliments.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-26 10:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=30), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("complainant_name", sa.String(length=200), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=False),
        sa.Column("contact_phone", sa.String(length=40), nullable=False),
        sa.Column("contact_address", sa.Text(), nullable=False),
        sa.Column("relationship_to_child", sa.String(length=20), nullable=False),
        sa.Column("child_reference", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("ehcp_stage", sa.String(length=20), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["users.id"], name=op.f("fk_complaints_officer_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
        sa.UniqueConstraint("reference", name=op.f("uq_complaints_reference")),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index("ix_complaints_closed_on", ["closed_on"], unique=False)
        batch_op.create_index(
            "ix_complaints_officer_due", ["officer_id", "due_on"], unique=False
        )
        batch_op.create_index("ix_complaints_queue", ["state", "due_on", "id"], unique=False)
        batch_op.create_index("ix_complaints_stage_due", ["stage", "due_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_complaints_received_on"), ["received_on"], unique=False
        )

    op.create_table(
        "complaint_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("acknowledge_by", sa.Date(), nullable=True),
        sa.Column("respond_by", sa.Date(), nullable=True),
        sa.Column("acknowledged_on", sa.Date(), nullable=True),
        sa.Column("responded_on", sa.Date(), nullable=True),
        sa.Column("extension_days", sa.Integer(), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_stages_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_stages")),
    )
    with op.batch_alter_table("complaint_stages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_complaint_stages_acknowledged", ["acknowledged_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_complaint_stages_complaint_id"), ["complaint_id"], unique=False
        )
        batch_op.create_index("ix_complaint_stages_responded", ["responded_on"], unique=False)

    op.create_table(
        "complaint_points",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_points_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme"], ["themes.slug"], name=op.f("fk_complaint_points_theme_themes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_points")),
    )
    with op.batch_alter_table("complaint_points", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_points_complaint_id"), ["complaint_id"], unique=False
        )
        batch_op.create_index(
            "ix_complaint_points_theme_outcome", ["theme", "outcome"], unique=False
        )
        batch_op.create_index(
            "ix_complaint_points_theme_complaint", ["theme", "complaint_id"], unique=False
        )

    op.create_table(
        "complaint_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("point_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("team", sa.String(length=120), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("owner_email", sa.String(length=254), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("you_said_we_did", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["point_id"],
            ["complaint_points.id"],
            name=op.f("fk_complaint_actions_point_id_complaint_points"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_actions")),
    )
    with op.batch_alter_table("complaint_actions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_actions_point_id"), ["point_id"], unique=False
        )
        batch_op.create_index(
            "ix_complaint_actions_status_due", ["status", "due_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_complaint_actions_you_said_we_did"), ["you_said_we_did"], unique=False
        )

    op.create_table(
        "compliments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column("team", sa.String(length=120), nullable=False),
        sa.Column("person_praised", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["theme"], ["themes.slug"], name=op.f("fk_compliments_theme_themes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compliments")),
    )
    with op.batch_alter_table("compliments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_compliments_received_theme", ["received_on", "theme"], unique=False
        )


def downgrade():
    op.drop_table("compliments")
    op.drop_table("complaint_actions")
    op.drop_table("complaint_points")
    op.drop_table("complaint_stages")
    op.drop_table("complaints")
