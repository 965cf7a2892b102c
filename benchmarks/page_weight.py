"""Page weight and server time of the survey journey, measured with the test client.

Prints, for the start page and a question page on a first visit (empty cache),
the compressed bytes of the HTML and of every CSS, JS (including ES module
imports) and favicon file it references, and the server time per journey step
(median and 95th percentile over RUNS runs). Target: a question page under 60 KB.

    .venv/bin/python benchmarks/page_weight.py [--runs 50] [--encoding br]

Runs on a fresh, migrated SQLite database in a temporary folder.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bs4 import BeautifulSoup  # noqa: E402
from flask import Flask  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from feedback_app import create_app  # noqa: E402
from feedback_app.analysis import Analysis  # noqa: E402
from feedback_app.extensions import db  # noqa: E402
from feedback_app.services import comments  # noqa: E402

TARGET_QUESTION_BYTES = 60 * 1024
# ES module imports in our JS, e.g. import { initAll } from "./govuk-frontend.min.js?v=…"
IMPORT = re.compile(r"""(?:import|from)\s*["']([^"']+\.js(?:\?[^"']*)?)["']""")


def build_app(folder: Path) -> Flask:
    """A production-like app (CSRF on, limits off) on a fresh database."""
    app = create_app(
        "testing",
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "TESTING": False,
        },
    )
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"), revision="heads")
        db.engine.dispose()
    return app


def fetch(client: FlaskClient, url: str, encoding: str) -> tuple[int, bytes]:
    """GET a URL as a browser would; return its compressed size and decoded body."""
    response = client.get(url, headers={"Accept-Encoding": encoding})
    raw = response.get_data()
    body = raw
    used = response.headers.get("Content-Encoding", "")
    if used == "gzip":
        import gzip

        body = gzip.decompress(raw)
    elif used == "br":
        import brotli  # type: ignore[import-not-found]

        body = brotli.decompress(raw)
    return len(raw), body


def page_weight(client: FlaskClient, url: str, encoding: str) -> list[tuple[str, int]]:
    """Bytes for a page and every asset it pulls in on a first visit."""
    size, body = fetch(client, url, encoding)
    rows = [(url, size)]
    soup = BeautifulSoup(body, "html.parser")
    queue = [tag["href"] for tag in soup.find_all("link", href=True) if tag.get("rel")]
    queue += [tag["src"] for tag in soup.find_all("script", src=True)]
    seen: set[str] = set()
    while queue:
        asset = queue.pop(0)
        path = urlsplit(asset).path
        if path in seen:
            continue
        seen.add(path)
        asset_size, asset_body = fetch(client, asset, encoding)
        rows.append((path, asset_size))
        if path.endswith(".js"):
            for imported in IMPORT.findall(asset_body.decode("utf-8", "replace")):
                queue.append(urljoin(asset, imported))
    return rows


def timed(step: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and 95th percentile of a step's time in milliseconds."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--encoding", default="br, gzip")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = build_app(Path(folder))
        with app.app_context():
            client = app.test_client()
            print(f"Page weight on a first visit (Accept-Encoding: {args.encoding})")
            client.post("/surveys/new-ehcp")
            for label, url in (
                ("start page", "/surveys/new-ehcp"),
                ("question page", "/surveys/new-ehcp/questions/involved"),
            ):
                rows = page_weight(client, url, args.encoding)
                total = sum(size for _, size in rows)
                print(f"  {label}: {total / 1024:.1f} KB in {len(rows)} requests")
                for path, size in rows:
                    print(f"    {size / 1024:7.1f} KB  {path}")
                if label == "question page":
                    verdict = "meets" if total <= TARGET_QUESTION_BYTES else "MISSES"
                    print(f"  question page {verdict} the 60 KB target")

            print(f"Server time per step, {args.runs} runs (median / p95, ms)")
            steps: list[tuple[str, Callable[[], object]]] = [
                ("GET start page", lambda: client.get("/surveys/new-ehcp")),
                ("POST start (new draft)", lambda: client.post("/surveys/new-ehcp")),
                ("GET question", lambda: client.get("/surveys/new-ehcp/questions/involved")),
                (
                    "POST answer",
                    lambda: client.post(
                        "/surveys/new-ehcp/questions/involved", data={"answer": "agree"}
                    ),
                ),
                (
                    "POST comment",
                    lambda: client.post(
                        "/surveys/new-ehcp/questions/comment",
                        data={"answer": "The caseworker never called back."},
                    ),
                ),
                ("GET check answers", lambda: client.get("/surveys/new-ehcp/check-answers")),
            ]
            for key in ("aspirational", "contact", "joint_working"):
                client.post(f"/surveys/new-ehcp/questions/{key}", data={"answer": "agree"})
            for name, step in steps:
                median, p95 = timed(step, args.runs)
                print(f"  {name:<26} {median:7.2f} / {p95:7.2f}")

            def submit_new() -> None:
                client.post("/surveys/new-ehcp")
                for key in ("involved", "aspirational", "contact", "joint_working"):
                    client.post(f"/surveys/new-ehcp/questions/{key}", data={"answer": "agree"})
                client.post(
                    "/surveys/new-ehcp/questions/comment",
                    data={"answer": "Waited 30 weeks for the plan."},
                )
                draft = client.get("/surveys/new-ehcp/check-answers").get_data(as_text=True)
                draft_id = re.search(r'name="draft_id"[^>]*value="(\d+)"', draft)
                started = time.perf_counter()
                client.post(
                    "/surveys/new-ehcp/check-answers",
                    data={"draft_id": draft_id.group(1) if draft_id else ""},
                )
                submit_times.append((time.perf_counter() - started) * 1000)

            submit_times: list[float] = []
            submit_new()  # warm-up: loads the analyser's model once per process
            for label in ("with analysis", "analysis off"):
                if label == "analysis off":
                    # The same submission with the analyser stubbed out, to show its cost.
                    comments.AnalysisContext.analyse = _no_analysis  # type: ignore[method-assign]
                submit_times = []
                for _ in range(max(20, args.runs)):
                    submit_new()
                submit_times.sort()
                p95 = submit_times[min(len(submit_times) - 1, int(len(submit_times) * 0.95))]
                print(
                    f"  {'POST submit (' + label + ')':<26} "
                    f"{statistics.median(submit_times):7.2f} / {p95:7.2f}"
                    f"  ({len(submit_times)} runs)"
                )


def _no_analysis(self: object, text: str, question: str | None = None) -> Analysis:
    return Analysis((), "neutral", 0.0, False, (), text)


if __name__ == "__main__":
    main()
