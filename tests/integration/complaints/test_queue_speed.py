"""The triage queue's order, its indexes, its query count, and migration 0006's backfill."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from types import ModuleType

import pytest
from sqlalchemy import event, text, update

from feedback_app import ROOT
from feedback_app.extensions import db
from feedback_app.models import Complaint
from feedback_app.services import complaint_points, complaints, complaints_queue
from feedback_app.services.complaints_queue import QueueFilters


def _migration() -> ModuleType:
    path = ROOT / "migrations" / "versions" / "0006_complaints_queue_speed.py"
    spec = importlib.util.spec_from_file_location("migration_0006", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def _counting_statements() -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _mixed_complaints(make_complaint):  # type: ignore[no-untyped-def]
    today = date.today()
    made = {
        "overdue": make_complaint(received_on=today - timedelta(days=40)),
        "fresh": make_complaint(received_on=today),
        "acknowledged": make_complaint(received_on=today - timedelta(days=3)),
        "responded": make_complaint(received_on=today - timedelta(days=20)),
        "closed": make_complaint(received_on=today - timedelta(days=90)),
        "escalated": make_complaint(received_on=today - timedelta(days=60)),
        "ombudsman": make_complaint(received_on=today - timedelta(days=80)),
    }
    complaints.acknowledge(made["acknowledged"], today - timedelta(days=2))
    complaints.respond(made["responded"], today - timedelta(days=1))
    complaints.respond(made["closed"], today - timedelta(days=70))
    complaints.close(made["closed"], today - timedelta(days=70))
    complaints.respond(made["escalated"], today - timedelta(days=45))
    complaints.escalate(made["escalated"], today - timedelta(days=10))
    complaints.respond(made["ombudsman"], today - timedelta(days=70))
    complaints.escalate(made["ombudsman"], today - timedelta(days=60))
    complaints.respond(made["ombudsman"], today - timedelta(days=40))
    complaints.escalate(made["ombudsman"], today - timedelta(days=30), reference="LGSCO-1")
    return made


def test_queue_order_is_deadline_first_then_received_then_id(app, make_complaint):
    made = _mixed_complaints(make_complaint)
    for _ in range(2):  # same date received: the id breaks the tie
        made[f"twin{_}"] = make_complaint(received_on=date.today() - timedelta(days=20))
        complaints.respond(made[f"twin{_}"], date.today())
    today = date.today()
    everything = complaints_queue.queue(QueueFilters(status=""), today)
    shown = [row.complaint for row in everything.rows]
    expected = sorted(
        made.values(),
        key=lambda c: (c.due_on is None, c.due_on or date.min, c.received_on, c.id),
    )
    assert [c.id for c in shown] == [c.id for c in expected]
    assert everything.total == len(made)
    open_only = complaints_queue.queue(QueueFilters(status="open"), today)
    assert [r.complaint.id for r in open_only.rows] == [
        c.id for c in expected if c.state != "closed"
    ]
    closed = complaints_queue.queue(QueueFilters(status="closed"), today)
    assert [r.complaint.id for r in closed.rows] == [made["closed"].id]


def test_theme_filter_counts_each_complaint_once(app, make_complaint):
    today = date.today()
    twice = make_complaint()
    once = make_complaint(received_on=date(2023, 4, 4))
    neither = make_complaint()
    complaint_points.add_point(twice, theme="transport", summary="Late bus", outcome="pending")
    complaint_points.add_point(twice, theme="transport", summary="No bus", outcome="pending")
    complaint_points.add_point(once, theme="transport", summary="Late taxi", outcome="pending")
    complaint_points.add_point(
        neither, theme="communication", summary="No reply", outcome="pending"
    )
    page = complaints_queue.queue(QueueFilters(status="", theme="transport"), today)
    assert page.total == 2 and page.pages == 1
    assert [(r.complaint.id, r.points) for r in page.rows] == [(twice.id, 2), (once.id, 1)]


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "filters",
    [
        QueueFilters(status="", page=40),
        QueueFilters(status="closed", page=40),
        QueueFilters(status="responded", theme="transport"),
    ],
    ids=["all", "one state", "state and theme"],
)
def test_queue_pages_are_read_in_index_order_not_sorted(app, filters):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("plans on an empty PostgreSQL table say nothing; see the benchmark")
    statement = complaints_queue.page_query(filters, date.today(), filters.page)
    sql = str(statement.compile(db.engine, compile_kwargs={"literal_binds": True}))
    plan = " | ".join(
        row[3] for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {sql}")).tuples()
    )
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
    assert "ix_complaints_queue_order" in plan or "ix_complaints_state_order" in plan, plan


def _overdue_actions(make_complaint, count: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(count):
        complaint = make_complaint(received_on=date(2023, 4, 3))
        point = complaint_points.add_point(
            complaint, theme="transport", summary="Late bus", outcome="upheld"
        )
        complaint_points.add_action(
            point, {"description": "Fix the rota", "due_on": date(2023, 6, 1)}
        )


def test_dashboard_queries_do_not_grow_with_the_rows_shown(officer_client, make_complaint):
    _overdue_actions(make_complaint, 2)
    officer_client.get("/staff/complaints/")
    with _counting_statements() as few:
        body = officer_client.get("/staff/complaints/").get_data(as_text=True)
    assert "CMP-" in body
    _overdue_actions(make_complaint, 8)
    officer_client.get("/staff/complaints/")
    with _counting_statements() as many:
        body = officer_client.get("/staff/complaints/").get_data(as_text=True)
    assert body.count("Fix the rota") == 10
    assert len(many) == len(few), many


def test_migration_backfill_rederives_stage_state_and_deadline(app, make_complaint):
    made = _mixed_complaints(make_complaint)
    expected = {c.id: (c.stage, c.state, c.due_on) for c in made.values()}
    backfill = _migration().backfill
    assert backfill(db.session.connection()) == 0  # the service kept them in step
    db.session.execute(update(Complaint).values(stage="1", state="closed", due_on=None))
    db.session.execute(
        update(Complaint)
        .where(Complaint.id == made["closed"].id)
        .values(state="awaiting_response", due_on=date(2020, 1, 1))
    )
    assert backfill(db.session.connection()) == len(made)
    db.session.commit()
    db.session.expire_all()
    actual = {
        c.id: (c.stage, c.state, c.due_on)
        for c in (db.session.get(Complaint, complaint_id) for complaint_id in expected)
        if c is not None
    }
    assert actual == expected
    assert expected[made["ombudsman"].id] == ("ombudsman", "awaiting_response", None)
    assert expected[made["escalated"].id][:2] == ("2", "awaiting_acknowledgement")
