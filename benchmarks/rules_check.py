"""Server time of checking a theme's new rules before saving them (admin theme page).

The check runs the newest CHECKED_COMMENTS reviewed comments and the newest
CHECKED_COMMENTS comments with the rules in use and with the proposed ones, so its cost
stops growing once an area has that many. Prints the median and 95th percentile over
RUNS checks on the demo data, then with enough comments (texts from the shipped corpus,
half of them reviewed, added to the demo's) for the check to run its full number.

    .venv/bin/python benchmarks/rules_check.py [--runs 10]

Runs on a fresh, migrated SQLite database in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import review_page  # noqa: E402 - a script here: its folder is on sys.path
from flask.testing import FlaskClient  # noqa: E402

from feedback_app.demo.staff import DEMO_PASSWORD  # noqa: E402
from feedback_app.extensions import db  # noqa: E402
from feedback_app.models import Comment  # noqa: E402
from feedback_app.services import comments, taxonomy  # noqa: E402
from feedback_app.services.rules_check import CHECKED_COMMENTS  # noqa: E402

THEME = "communication"


def add_comments(count: int) -> None:
    """Store ``count`` corpus comments, labelling every other one."""
    corpus = resources.files("feedback_app.analysis").joinpath("data/corpus")
    records = (
        json.loads(line)
        for entry in sorted(corpus.iterdir(), key=lambda item: item.name)
        for line in entry.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    context = comments.AnalysisContext.load()
    for number, record in enumerate(records, start=1):
        if number > count:
            break
        comment = comments.record_comment(
            source="survey",
            source_id=900_000 + number,
            text=record["text"],
            received_on=date(2024, 5, 1),
            context=context,
        )
        if comment is not None and number % 2:
            db.session.flush()
            comments.label_comment(
                comment, themes=record["themes"], sentiment=record["sentiment"], user=None
            )
    db.session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        app = review_page.build_app(Path(folder))
        with app.app_context():
            client: FlaskClient = app.test_client()
            client.post(
                "/sign-in", data={"email": "admin@example.gov.uk", "password": DEMO_PASSWORD}
            )
            theme = taxonomy.get_theme(THEME)
            assert theme is not None
            form = {"name": theme.name, "keywords": theme.keywords + "\nemail*", "check": "Check"}
            url = f"/staff/admin/themes/{THEME}"

            def check() -> int:
                return client.post(url, data=form).status_code

            for added in (0, 2 * CHECKED_COMMENTS + 100):
                add_comments(added)
                stored = db.session.query(Comment).count()
                reviewed = (
                    db.session.query(Comment).filter(Comment.review_status != "unreviewed").count()
                )
                label = f"{stored} comments, {reviewed} reviewed"
                rows.append((label, review_page.timed(check, runs)))
            db.engine.dispose()
    print(f"checking new rules for one theme, over {runs} checks (median / p95, ms)")
    for label, (median, p95) in rows:
        print(f"  {label:<36} {median:7.1f} / {p95:7.1f}")


if __name__ == "__main__":
    main()
