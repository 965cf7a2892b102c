"""Server time of the analysts' review queue and agreement pages, on the demo data.

Prints the median and 95th percentile over RUNS requests of a review queue page (20
cards, each with its review form and why the analyser suggested what it did; the form
for hiding personal data is on each comment's own page), the same page with the
explanations left out, and the agreement page.

    .venv/bin/python benchmarks/review_page.py [--runs 40]

Runs on a fresh, migrated SQLite database in a temporary folder, filled by
``flask seed-demo``'s areas.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import page_weight  # noqa: E402 - a script here: its folder is on sys.path
from flask import Flask  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402

from feedback_app.demo import seed_all  # noqa: E402
from feedback_app.demo.staff import DEMO_PASSWORD  # noqa: E402
from feedback_app.extensions import db  # noqa: E402
from feedback_app.services import review  # noqa: E402


def build_app(folder: Path) -> Flask:
    """The survey benchmark's production-like app, filled with the demo data."""
    app = page_weight.build_app(folder)
    with app.app_context():
        seed_all()
        db.engine.dispose()
    return app


def timed(get: Callable[[], int], runs: int) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds, after two warm-up requests."""
    for _ in range(2):
        get()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        status = get()
        times.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise SystemExit(f"unexpected status {status}")
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * runs) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        app = build_app(Path(folder))
        with app.app_context():
            client: FlaskClient = app.test_client()
            client.post(
                "/sign-in", data={"email": "analyst@example.gov.uk", "password": DEMO_PASSWORD}
            )

            def page(url: str) -> Callable[[], int]:
                return lambda: client.get(url).status_code

            queue = page("/staff/review/?status=all")
            rows = [("review queue, 20 cards", timed(queue, runs))]
            explain = review.explain_suggestions
            review.explain_suggestions = lambda shown: {c.id: None for c in shown}  # type: ignore[assignment]
            try:
                rows.append(("  the same, explanations left out", timed(queue, runs)))
            finally:
                review.explain_suggestions = explain  # type: ignore[assignment]
            rows.append(("agreement page", timed(page("/staff/review/agreement"), runs)))
            db.engine.dispose()
    print(f"server time over {runs} requests (median / p95, ms)")
    for label, (median, p95) in rows:
        print(f"  {label:<36} {median:7.1f} / {p95:7.1f}")


if __name__ == "__main__":
    main()
