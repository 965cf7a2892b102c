"""Findings releases, approved quotes, forum remarks and "you said, we did" entries.

Also an index so the findings aggregation can count answers by response without
reading the whole answers table: answers(response_id, question_key, value) covers
the GROUP BY, and responses(survey_id, status, submitted_on) already exists.

Revision ID: 0004
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "findings_releases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["survey_id"], ["surveys.id"], name=op.f("fk_findings_releases_survey_id_surveys")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_findings_releases_created_by_id_users")),
        sa.ForeignKeyConstraint(["published_by_id"], ["users.id"], name=op.f("fk_findings_releases_published_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings_releases")),
        sa.UniqueConstraint("survey_id", "period", "version", name=op.f("uq_findings_releases_survey_id")),
    )
    op.create_index("ix_findings_releases_public", "findings_releases", ["status", "survey_id", "period"])
    op.create_table(
        "findings_quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("proposed_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["release_id"], ["findings_releases.id"], name=op.f("fk_findings_quotes_release_id_findings_releases"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["comment_id"], ["comments.id"], name=op.f("fk_findings_quotes_comment_id_comments")),
        sa.ForeignKeyConstraint(["proposed_by_id"], ["users.id"], name=op.f("fk_findings_quotes_proposed_by_id_users")),
        sa.ForeignKeyConstraint(["approved_by_id"], ["users.id"], name=op.f("fk_findings_quotes_approved_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings_quotes")),
        sa.UniqueConstraint("release_id", "comment_id", name=op.f("uq_findings_quotes_release_id")),
    )
    op.create_table(
        "findings_remarks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(length=254), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["release_id"], ["findings_releases.id"], name=op.f("fk_findings_remarks_release_id_findings_releases"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_findings_remarks_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings_remarks")),
    )
    op.create_table(
        "improvements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("you_said", sa.Text(), nullable=False),
        sa.Column("we_did", sa.Text(), nullable=False),
        sa.Column("service", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("complaint_action_id", sa.Integer(), nullable=True),
        sa.Column("quote_id", sa.Integer(), nullable=True),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["quote_id"], ["findings_quotes.id"], name=op.f("fk_improvements_quote_id_findings_quotes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_improvements")),
        sa.UniqueConstraint("complaint_action_id", name=op.f("uq_improvements_complaint_action_id")),
    )
    op.create_index("ix_improvements_public", "improvements", ["published", "theme"])
    op.create_table(
        "improvement_milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("improvement_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["improvement_id"], ["improvements.id"], name=op.f("fk_improvement_milestones_improvement_id_improvements"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_improvement_milestones")),
    )
    # Covers the findings GROUP BY: join on response_id, group by key and value.
    op.create_index("ix_answers_response_key_value", "answers", ["response_id", "question_key", "value"])


def downgrade():
    op.drop_index("ix_answers_response_key_value", table_name="answers")
    op.drop_table("improvement_milestones")
    op.drop_index("ix_improvements_public", table_name="improvements")
    op.drop_table("improvements")
    op.drop_table("findings_remarks")
    op.drop_table("findings_quotes")
    op.drop_index("ix_findings_releases_public", table_name="findings_releases")
    op.drop_table("findings_releases")
