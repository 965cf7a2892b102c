"""Time the triage queue and quarterly report with 50,000 complaints (200,000 points).

    .venv/bin/python benchmarks/complaints_scale.py                   # scratch SQLite
    .venv/bin/python benchmarks/complaints_scale.py --postgres        # throwaway PostgreSQL
    .venv/bin/python benchmarks/complaints_scale.py --database-url postgresql+psycopg://…

Rows go in with bulk inserts (Core ``insert`` with lists of dicts), then each page is
requested 20 times through the test client as a signed-in officer; the median and
95th percentile server times are printed. Target: under 200 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from feedback_app import ROOT, create_app  # noqa: E402
from feedback_app.extensions import db  # noqa: E402
from feedback_app.models import (
    Complaint,
    ComplaintAction,
    ComplaintPoint,
    ComplaintStage,
    Compliment,
)  # noqa: E402
from feedback_app.services import users  # noqa: E402
from feedback_app.services.clocks import add_working_days  # noqa: E402

THEMES = (
    ["communication"] * 6
    + ["timeliness"] * 3
    + ["decisions"] * 2
    + [
        "placement",
        "school_support",
        "health",
        "involvement",
        "plan_quality",
        "information",
        "joint_working",
        "staff_attitude",
        "transport",
        "social_care",
        "adulthood",
        "child_voice",
    ]
)
OUTCOMES = ["upheld", "partially_upheld", "not_upheld", "pending"]


def generate(complaints: int, rng: random.Random) -> None:
    """Bulk-insert complaints (4 points each), stages, actions and compliments."""
    start = date(2021, 4, 1)
    today = date.today()
    span = (today - start).days
    batch = 5000
    ack_cache: dict[date, tuple[date, date]] = {}
    for first in range(1, complaints + 1, batch):
        rows, stages, points, actions = [], [], [], []
        for cid in range(first, min(first + batch, complaints + 1)):
            received = start + timedelta(days=rng.randrange(span))
            if received not in ack_cache:
                ack = add_working_days(received, 5)
                ack_cache[received] = (ack, add_working_days(ack, 10))
            ack_by, respond_by = ack_cache[received]
            open_ = received > today - timedelta(days=60) and rng.random() < 0.5
            state = (
                rng.choice(["awaiting_acknowledgement", "awaiting_response"]) if open_ else "closed"
            )
            rows.append(
                {
                    "id": cid,
                    "reference": f"CMP-{cid:06d}",
                    "received_on": received,
                    "channel": "email",
                    "stage": "1",
                    "state": state,
                    "due_on": (ack_by if state == "awaiting_acknowledgement" else respond_by)
                    if open_
                    else None,
                    "complainant_name": "Bench",
                    "contact_email": "",
                    "contact_phone": "",
                    "contact_address": "",
                    "relationship_to_child": "parent_carer",
                    "child_reference": "",
                    "summary": "Benchmark complaint",
                    "ehcp_stage": "",
                    "officer_id": None,
                    "closed_on": None if open_ else received + timedelta(days=20),
                    "created_at": today,
                }
            )
            stages.append(
                {
                    "complaint_id": cid,
                    "stage": "1",
                    "started_on": received,
                    "acknowledge_by": ack_by,
                    "respond_by": respond_by,
                    "acknowledged_on": None
                    if open_
                    else received + timedelta(days=rng.randint(1, 9)),
                    "responded_on": None
                    if open_
                    else received + timedelta(days=rng.randint(10, 25)),
                    "extension_days": 0,
                    "extension_reason": "",
                    "reference": "",
                }
            )
            for position in range(1, 5):
                pid = (cid - 1) * 4 + position
                outcome = "pending" if open_ else rng.choice(OUTCOMES[:3])
                points.append(
                    {
                        "id": pid,
                        "complaint_id": cid,
                        "position": position,
                        "theme": rng.choice(THEMES),
                        "summary": "",
                        "outcome": outcome,
                        "stage": "1",
                        "created_at": today,
                    }
                )
                if outcome == "upheld" and rng.random() < 0.3:
                    done = rng.random() < 0.8
                    actions.append(
                        {
                            "point_id": pid,
                            "description": "Benchmark action",
                            "team": "SEND",
                            "owner": "Owner",
                            "owner_email": "",
                            "due_on": received + timedelta(days=60),
                            "notes": "",
                            "evidence": "",
                            "status": "done" if done else "open",
                            "completed_on": None,
                            "you_said_we_did": False,
                            "created_at": today,
                        }
                    )
        db.session.execute(insert(Complaint), rows)
        db.session.execute(insert(ComplaintStage), stages)
        db.session.execute(insert(ComplaintPoint), points)
        if actions:
            db.session.execute(insert(ComplaintAction), actions)
    db.session.execute(
        insert(Compliment),
        [
            {
                "reference": f"CPL-{i}",
                "received_on": start + timedelta(days=rng.randrange(span)),
                "theme": rng.choice(THEMES),
                "team": "SEND",
                "person_praised": "",
                "summary": "",
                "created_at": today,
            }
            for i in range(5000)
        ],
    )
    db.session.commit()
    # Outside a transaction: an ANALYZE inside one that is then rolled back (as leaving
    # ``engine.connect()`` does) leaves PostgreSQL with no statistics at all. VACUUM sets
    # the visibility map, as autovacuum does on a live database, for index-only scans.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if db.engine.dialect.name == "postgresql":
            connection.exec_driver_sql("VACUUM ANALYZE")
        else:
            connection.exec_driver_sql("ANALYZE")


def time_page(client, url: str, runs: int = 20) -> tuple[float, float]:
    """Median and p95 milliseconds of ``runs`` requests (after one warm-up)."""
    assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def run(database_url: str, complaints: int) -> None:
    app = create_app(
        "testing", {"SQLALCHEMY_DATABASE_URI": database_url, "WTF_CSRF_ENABLED": False}
    )
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"), revision="heads")
        began = time.perf_counter()
        generate(complaints, random.Random(1))
        print(
            f"{db.engine.dialect.name}: generated {complaints:,} complaints "
            f"({complaints * 4:,} points) "
            f"in {time.perf_counter() - began:.1f} s"
        )
        users.create_user(
            email="bench@example.gov.uk", role="complaints_officer", password="bench-password-123"
        )
        client = app.test_client()
        client.post(
            "/sign-in", data={"email": "bench@example.gov.uk", "password": "bench-password-123"}
        )
        for label, url in [
            ("queue (open, page 1)", "/staff/complaints/"),
            ("queue (all, page 40)", "/staff/complaints/?status=&page=40"),
            ("queue (theme filter, all)", "/staff/complaints/?theme=transport&status="),
            ("queue (closed, page 40)", "/staff/complaints/?status=closed&page=40"),
            ("queue (stage 1, all, page 2)", "/staff/complaints/?stage=1&status=&page=2"),
            ("quarterly report", "/staff/complaints/report?quarter=2023-24-Q1"),
            ("quarterly report CSV", "/staff/complaints/report.csv?quarter=2023-24-Q1"),
        ]:
            median, p95 = time_page(client, url)
            flag = "ok" if p95 < 200 else "SLOW"
            print(f"  {label:<30} median {median:7.1f} ms   p95 {p95:7.1f} ms   {flag}")
        db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=50_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--postgres", action="store_true", help="start a throwaway PostgreSQL")
    args = parser.parse_args()
    if args.database_url:
        run(args.database_url, args.complaints)
    elif args.postgres:
        from tests.support.postgres import start_postgres

        with start_postgres() as url:
            run(url, args.complaints)
    else:
        with tempfile.TemporaryDirectory() as scratch, contextlib.suppress(KeyboardInterrupt):
            run(f"sqlite:///{Path(scratch) / 'bench.sqlite3'}", args.complaints)


if __name__ == "__main__":
    main()
