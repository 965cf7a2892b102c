"""The load test: 400 parents complete a survey, 40 at a time, against gunicorn.

Runs on SQLite (WAL) and on PostgreSQL + Redis, each on a freshly migrated
database, with locust headless and a bounded run time, at two paces: "parent"
(1–4 s on each page, a quick reader on a phone) and "rush" (0–1 s, a stress test
with a fifth of the thinking time). Afterwards it checks the database: exactly
JOURNEYS submitted responses, none without answers, and no response of 500 or more.
Prints throughput and p50/p95 per step, and writes the figures to
reports/load-<database>-<pace>.json.

    .venv/bin/python loadtest/run.py [--databases sqlite,postgres] [--paces parent,rush]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loadtest.servers import BIN, ROOT, app_env, count_responses, gunicorn, migrate  # noqa: E402
from tests.support.postgres import start_postgres  # noqa: E402
from tests.support.redis_server import start_redis  # noqa: E402

REPORTS = ROOT / "reports"
# Seconds a simulated parent spends on each page before answering: (least, most).
PACES = {"parent": (1.0, 4.0), "rush": (0.0, 1.0)}


def run_locust(
    base: str, workdir: Path, journeys: int, users: int, run_time: str, pace: str
) -> dict:
    """Run locust headless; return its per-step stats and the number of server errors."""
    prefix = workdir / "locust"
    least, most = PACES[pace]
    env = dict(os.environ, JOURNEYS=str(journeys), THINK_MIN=str(least), THINK_MAX=str(most))
    started = time.monotonic()
    cpu_before = _children_cpu_seconds()
    result = subprocess.run(  # noqa: S603
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "loadtest" / "locustfile.py"),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            run_time,
            "--stop-timeout",
            "10",
            "--host",
            base,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.monotonic() - started
    locust_cpu = _children_cpu_seconds() - cpu_before
    steps = []
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            steps.append(
                {
                    "name": row["Name"],
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "p50_ms": _number(row["50%"]),
                    "p95_ms": _number(row["95%"]),
                    "p99_ms": _number(row["99%"]),
                    "rps": round(float(row["Requests/s"]), 1),
                }
            )
    failures = []
    with open(f"{prefix}_failures.csv", newline="") as handle:
        failures = list(csv.DictReader(handle))
    journeys_line = [line for line in result.stdout.splitlines() if "journeys started" in line]
    return {
        "elapsed_s": round(elapsed, 1),
        "load_generator_cpu_s": round(locust_cpu, 1),
        "steps": steps,
        "failures": failures,
        "server_errors": sum(
            int(f["Occurrences"])
            for f in failures
            if any(f" 5{d}" in f["Error"] for d in "0123456789")
        ),
        "journeys": journeys_line[-1] if journeys_line else "",
        "exit_code": result.returncode,
        "stderr_tail": result.stderr[-2000:],
    }


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _number(value: str) -> float | None:
    return None if value in {"", "N/A"} else float(value)


def one_run(
    database: str, pace: str, workers: int, journeys: int, users: int, run_time: str
) -> dict:
    """Serve on a fresh database, run the parents, check what was stored."""
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="feedback-load-")))
        if database == "sqlite":
            env = app_env(f"sqlite:///{workdir / 'load.sqlite3'}")
        else:
            database_url = stack.enter_context(start_postgres())
            redis_url = stack.enter_context(start_redis())
            env = app_env(database_url, redis_url)
        migrate(env)
        base, _master = stack.enter_context(gunicorn(env, workers, workdir / "gunicorn.log"))
        stats = run_locust(base, workdir, journeys, users, run_time, pace)
        stored = count_responses(env)
        log_text = (workdir / "gunicorn.log").read_text(errors="replace")
    stats.update(
        database=database,
        pace=pace,
        think_s=PACES[pace],
        workers=workers,
        users=users,
        stored=stored,
        tracebacks=log_text.count("Traceback"),
    )
    total = next((s for s in stats["steps"] if s["name"] == "Aggregated"), None)
    stats["throughput_rps"] = total["requests"] / stats["elapsed_s"] if total else 0
    stats["journeys_per_s"] = stored.get("submitted", 0) / stats["elapsed_s"]
    return stats


def report(stats: dict, journeys: int) -> list[str]:
    """Print the figures; return the problems found."""
    print(
        f"\n== {stats['database']}, {stats['pace']} pace ({stats['think_s'][0]:g}–"
        f"{stats['think_s'][1]:g} s a page): {stats['workers']} gunicorn workers, "
        f"{stats['users']} parents at a time"
    )
    print(f"   {stats['journeys']}  in {stats['elapsed_s']} s")
    cores = os.cpu_count() or 1
    print(
        f"   the load generator used {stats['load_generator_cpu_s']} CPU-seconds of the"
        f" {cores * stats['elapsed_s']:.0f} the machine's {cores} cores had"
    )
    print(
        f"   throughput {stats['throughput_rps']:.1f} requests/s, "
        f"{stats['journeys_per_s']:.2f} completed surveys/s"
    )
    print(f"   {'step':<28}{'requests':>9}{'fail':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for step in stats["steps"]:
        print(
            f"   {step['name']:<28}{step['requests']:>9}{step['failures']:>6}"
            f"{step['p50_ms'] or 0:>9.0f}{step['p95_ms'] or 0:>9.0f}{step['p99_ms'] or 0:>9.0f}"
        )
    print(f"   stored: {stats['stored']}")
    problems = []
    run = f"{stats['database']} {stats['pace']}"
    if stats["stored"].get("submitted") != journeys:
        problems.append(f"{run}: {stats['stored'].get('submitted')} submitted, not {journeys}")
    if stats["stored"].get("submitted_without_answers"):
        problems.append(f"{run}: submitted responses without answers")
    if stats["failures"]:
        for failure in stats["failures"][:10]:
            print(
                f"   FAILURE {failure['Method']} {failure['Name']}: "
                f"{failure['Error']} x{failure['Occurrences']}"
            )
        problems.append(f"{run}: {len(stats['failures'])} kinds of failed request")
    if stats["server_errors"] or stats["tracebacks"]:
        problems.append(
            f"{run}: server errors ({stats['server_errors']}), tracebacks ({stats['tracebacks']})"
        )
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default=os.environ.get("DATABASES", "sqlite,postgres"))
    parser.add_argument("--paces", default=os.environ.get("PACES", "parent,rush"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "3")))
    parser.add_argument("--journeys", type=int, default=int(os.environ.get("JOURNEYS", "400")))
    parser.add_argument("--users", type=int, default=int(os.environ.get("USERS", "40")))
    parser.add_argument("--run-time", default=os.environ.get("RUN_TIME", "10m"))
    args = parser.parse_args()
    REPORTS.mkdir(exist_ok=True)
    problems: list[str] = []
    for database in args.databases.split(","):
        for pace in args.paces.split(","):
            stats = one_run(database, pace, args.workers, args.journeys, args.users, args.run_time)
            (REPORTS / f"load-{database}-{pace}.json").write_text(json.dumps(stats, indent=2))
            problems += report(stats, args.journeys)
    if problems:
        print("\nLOAD TEST FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("\nload test passed: every journey stored once, no server errors")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
