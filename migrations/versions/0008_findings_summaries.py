"""Running totals for the findings, and entries that follow their complaint action's status.

``response_counts``, ``answer_counts`` and ``comment_theme_counts`` hold per survey
and day what the findings count, so building a release reads a few thousand summary
rows instead of every response (feedback_app/services/summaries.py keeps them up to
date). They are filled here from the existing rows, with the same statements as
``flask rebuild-summaries``; they are keyed survey first, then day, and on SQLite are
WITHOUT ROWID tables, so a period is one range read of the primary key.

``improvements.status_set_by_hand`` records that staff chose an entry's status
themselves, so it no longer follows its complaint action.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BACKFILL = (
    """
    INSERT INTO response_counts (survey_id, submitted_on, count)
    SELECT survey_id, submitted_on, COUNT(*)
    FROM responses
    WHERE status = 'submitted' AND submitted_on IS NOT NULL
    GROUP BY survey_id, submitted_on
    """,
    """
    INSERT INTO answer_counts (survey_id, submitted_on, question_key, value, count)
    SELECT r.survey_id, r.submitted_on, a.question_key, a.value, COUNT(*)
    FROM responses r JOIN answers a ON a.response_id = r.id
    WHERE r.status = 'submitted' AND r.submitted_on IS NOT NULL AND a.value IS NOT NULL
    GROUP BY r.survey_id, r.submitted_on, a.question_key, a.value
    """,
    """
    INSERT INTO comment_theme_counts (survey_id, received_on, theme, sentiment, count)
    SELECT c.survey_id, c.received_on, t.theme, COALESCE(NULLIF(t.sentiment, ''), 'unknown'),
           COUNT(*)
    FROM comments c JOIN comment_themes t ON t.comment_id = c.id
    WHERE c.source = 'survey' AND c.survey_id IS NOT NULL
    GROUP BY c.survey_id, c.received_on, t.theme, COALESCE(NULLIF(t.sentiment, ''), 'unknown')
    """,
)


def upgrade():
    op.create_table(
        "response_counts",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_response_counts_survey_id_surveys")
        ),
        sa.PrimaryKeyConstraint("survey_id", "submitted_on", name=op.f("pk_response_counts")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "answer_counts",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("question_key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_answer_counts_survey_id_surveys")
        ),
        sa.PrimaryKeyConstraint(
            "survey_id", "submitted_on", "question_key", "value", name=op.f("pk_answer_counts")
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "comment_theme_counts",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column("sentiment", sa.String(length=10), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_comment_theme_counts_survey_id_surveys")
        ),
        sa.PrimaryKeyConstraint(
            "survey_id", "received_on", "theme", "sentiment", name=op.f("pk_comment_theme_counts")
        ),
        sqlite_with_rowid=False,
    )
    op.add_column(
        "improvements",
        sa.Column("status_set_by_hand", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    for statement in BACKFILL:
        op.execute(statement)


def downgrade():
    with op.batch_alter_table("improvements") as batch:
        batch.drop_column("status_set_by_hand")
    op.drop_table("comment_theme_counts")
    op.drop_table("answer_counts")
    op.drop_table("response_counts")
