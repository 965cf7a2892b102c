"""Indexes that give the complaints triage queue its order, so a page is read, not sorted.

The queue sorts by ``(due_on IS NULL), due_on, received_on, id`` (complaints with a
deadline first, earliest first; see ``services/complaints_queue.py``). No index
matched that order, so PostgreSQL read and sorted every matching complaint (all
50,000 for the "all" view) to return 25. These expression indexes match it exactly:
one for the unfiltered views, one per state (e.g. "closed"). Both SQLite (3.9+) and
PostgreSQL use indexes on expressions for ORDER BY ... LIMIT.

The queue's state and deadline are already copied onto ``complaints`` by
``services.complaints.refresh`` (migration 0003 made those columns), so there is
no new column; the data step re-derives them from the stages for any row that an
earlier release, or a bulk load, left out of step, so the indexes order every
complaint correctly.

Revision ID: 0006
Revises: 0003
Create Date: 2026-11-26 12:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None

ORDER = [sa.text("(due_on IS NULL)"), "due_on", "received_on", "id"]


def upgrade():
    backfill(op.get_bind())
    op.create_index("ix_complaints_queue_order", "complaints", ORDER, unique=False)
    op.create_index("ix_complaints_state_order", "complaints", ["state", *ORDER], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        # Fresh statistics so the planner sees the new indexes and the points' themes.
        op.execute("ANALYZE complaints")
        op.execute("ANALYZE complaint_points")


def downgrade():
    op.drop_index("ix_complaints_state_order", table_name="complaints")
    op.drop_index("ix_complaints_queue_order", table_name="complaints")


def backfill(bind):
    """Re-derive each complaint's stage, state and next deadline from its latest stage.

    The same rules as ``services.complaints.refresh`` (kept here so the migration does
    not depend on application code that may change). Only rows out of step are
    written; returns how many.
    """
    complaints = sa.table(
        "complaints",
        sa.column("id", sa.Integer),
        sa.column("stage", sa.String),
        sa.column("state", sa.String),
        sa.column("due_on", sa.Date),
        sa.column("closed_on", sa.Date),
    )
    stages = sa.table(
        "complaint_stages",
        sa.column("id", sa.Integer),
        sa.column("complaint_id", sa.Integer),
        sa.column("stage", sa.String),
        sa.column("acknowledge_by", sa.Date),
        sa.column("respond_by", sa.Date),
        sa.column("acknowledged_on", sa.Date),
        sa.column("responded_on", sa.Date),
    )
    latest = (
        sa.select(stages.c.complaint_id, sa.func.max(stages.c.id).label("stage_id"))
        .group_by(stages.c.complaint_id)
        .subquery()
    )
    rows = bind.execute(
        sa.select(
            complaints.c.id,
            complaints.c.stage,
            complaints.c.state,
            complaints.c.due_on,
            complaints.c.closed_on,
            stages.c.stage.label("current_stage"),
            stages.c.acknowledge_by,
            stages.c.respond_by,
            stages.c.acknowledged_on,
            stages.c.responded_on,
            latest.c.stage_id,
        )
        .select_from(complaints)
        .outerjoin(latest, latest.c.complaint_id == complaints.c.id)
        .outerjoin(stages, stages.c.id == latest.c.stage_id)
    ).all()
    changes = []
    for row in rows:
        if row.closed_on is not None:
            state, due_on = "closed", None
        elif row.stage_id is None:
            state, due_on = "awaiting_acknowledgement", None
        elif row.responded_on is not None:
            state, due_on = "responded", None
        elif row.acknowledge_by is not None and row.acknowledged_on is None:
            state, due_on = "awaiting_acknowledgement", row.acknowledge_by
        else:
            state, due_on = "awaiting_response", row.respond_by
        stage = row.current_stage if row.stage_id is not None else row.stage
        if (stage, state, due_on) != (row.stage, row.state, row.due_on):
            changes.append({"b_id": row.id, "b_stage": stage, "b_state": state, "b_due_on": due_on})
    if changes:
        bind.execute(
            complaints.update()
            .where(complaints.c.id == sa.bindparam("b_id"))
            .values(
                stage=sa.bindparam("b_stage"),
                state=sa.bindparam("b_state"),
                due_on=sa.bindparam("b_due_on"),
            ),
            changes,
        )
    return len(changes)
