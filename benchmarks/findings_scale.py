"""Time findings at scale: building a release (aggregation) and serving /findings.

Run from the project root::

    .venv/bin/python benchmarks/findings_scale.py                      # SQLite, 1,000,000 responses
    .venv/bin/python benchmarks/findings_scale.py --responses 50000    # a quick run
    .venv/bin/python benchmarks/findings_scale.py --database-url postgresql+psycopg://...
    .venv/bin/python benchmarks/findings_scale.py --postgres           # start a throwaway server

Responses (four statement answers each) are spread over six financial years,
2019-20 to 2024-25; comments (with one or two themes) likewise. Rows are bulk
loaded with executemany on SQLite and COPY on PostgreSQL. The page is served
from the frozen snapshot of the published release, so its time should not
depend on the number of rows; the release build runs the GROUP BY queries.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import event, text  # noqa: E402

from feedback_app import ROOT, create_app  # noqa: E402
from feedback_app.extensions import db  # noqa: E402

SCALE = ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree", "not_applicable"]
WEIGHTS = [25, 30, 12, 15, 10, 8]
KEYS = ["involved", "aspirational", "contact", "joint_working"]
THEMES = ["communication", "timeliness", "involvement", "plan_quality", "joint_working", "health"]
SENTIMENTS = ["negative", "neutral", "positive"]
FIRST_DAY = date(2019, 4, 1)
DAYS = (date(2025, 3, 31) - FIRST_DAY).days + 1
CHUNK = 50_000


def _days(rng: random.Random, n: int) -> list[str]:
    return [(FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat() for _ in range(n)]


def response_rows(n: int, survey_id: int, version_id: int, rng: random.Random) -> Iterator[tuple]:
    stamp = "2024-01-01 12:00:00"
    for i, day in enumerate(_days(rng, n), start=1):
        yield (i, survey_id, version_id, "submitted", stamp, stamp, day, "import", False, False)


def answer_rows(n: int, rng: random.Random) -> Iterator[tuple]:
    ident = 0
    for response_id in range(1, n + 1):
        values = rng.choices(SCALE, WEIGHTS, k=len(KEYS))
        for key, value in zip(KEYS, values, strict=True):
            ident += 1
            yield (ident, response_id, key, value)


def comment_rows(n: int, survey_id: int, rng: random.Random) -> Iterator[tuple]:
    for i, day in enumerate(_days(rng, n), start=1):
        words = "The caseworker did not ring back and the plan was late."
        yield (
            i,
            "survey",
            i,
            "comment",
            survey_id,
            day,
            words,
            i % 3 == 0,
            words,
            "[]",
            0.0,
            i % 997 == 0,
            "[]",
            "unreviewed",
        )


def theme_rows(n: int, rng: random.Random) -> Iterator[tuple]:
    ident = 0
    for comment_id in range(1, n + 1):
        sentiment = rng.choice(SENTIMENTS)
        for theme in rng.sample(THEMES, k=rng.choice((1, 2))):
            ident += 1
            yield (ident, comment_id, theme, sentiment)


TABLES = {
    "responses": "id, survey_id, version_id, status, created_at, updated_at, submitted_on, "
    "channel, contact_consent, quote_consent",
    "answers": "id, response_id, question_key, value",
    "comments": "id, source, source_id, field, survey_id, received_on, text, quote_consent, "
    "redacted, machine_themes, polarity, safeguarding, safeguarding_phrases, review_status",
    "comment_themes": "id, comment_id, theme, sentiment",
}


def load(table: str, rows: Iterator[tuple], postgres: bool) -> int:
    """Bulk-insert rows: COPY on PostgreSQL, executemany in chunks on SQLite."""
    columns = TABLES[table]
    count = 0
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if postgres:
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row(row)
                    count += 1
        else:
            marks = ", ".join("?" for _ in columns.split(","))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
            chunk: list[tuple] = []
            for row in rows:
                chunk.append(row)
                if len(chunk) >= CHUNK:
                    cursor.executemany(sql, chunk)
                    count += len(chunk)
                    chunk = []
            cursor.executemany(sql, chunk)
            count += len(chunk)
        raw.commit()
    finally:
        raw.close()
    return count


def timed(label: str, func, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
    print(f"  {label}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms ({runs} runs)")
    return times


def _answer_for(question) -> str:  # type: ignore[no-untyped-def]
    if question.kind == "text":
        return "The caseworker did not ring back and the plan was late."
    values = question.option_values
    return "agree" if "agree" in values else values[0]


def ready_to_submit(app, path: str = "new-ehcp"):  # type: ignore[no-untyped-def]
    """Walk a fresh browser through the survey to "check your answers"; return it, the draft id."""
    from feedback_app.models import Question, Survey, SurveyVersion

    questions = {
        q.key: q
        for q in db.session.scalars(
            db.select(Question)
            .join(SurveyVersion)
            .join(Survey)
            .where(
                Survey.path == path, SurveyVersion.audience == "parent", SurveyVersion.is_current
            )
        )
    }
    client = app.test_client()
    url = client.post(f"/surveys/{path}", data={}).location
    while "/questions/" in url:
        key = url.rsplit("/", 1)[-1].split("?")[0]
        url = client.post(
            url, data={"action": "continue", "answer": _answer_for(questions[key])}
        ).location
    client.post(
        f"/surveys/{path}/your-words", data={"quote_consent": "yes", "contact_consent": "no"}
    )
    page = client.get(f"/surveys/{path}/check-answers").get_data(as_text=True)
    draft_id = page.split('name="draft_id"')[0].rsplit('value="', 1)[-1].split('"')[0]
    if not draft_id.isdigit():
        draft_id = page.split('name="draft_id"')[1].split('value="', 1)[1].split('"')[0]
    return client, draft_id


def time_submits(app, runs: int) -> None:  # type: ignore[no-untyped-def]
    """Time the final POST of a survey (the submit and everything done in its transaction)."""
    ready = [ready_to_submit(app) for _ in range(runs)]
    times = []
    for client, draft_id in ready:
        start = time.perf_counter()
        result = client.post("/surveys/new-ehcp/check-answers", data={"draft_id": draft_id})
        times.append((time.perf_counter() - start) * 1000)
        assert result.status_code == 302 and "confirmation" in result.location, result.location
    times.sort()
    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
    print(
        f"  submit a survey (POST check-answers): median {statistics.median(times):.1f} ms, "
        f"p95 {p95:.1f} ms ({runs} runs)"
    )


def explain(postgres: bool) -> None:
    """Print the plan of the period's answer query, which reads the running totals."""
    from feedback_app.services.findings import get_survey, raw_counts
    from feedback_app.services.periods import parse_period

    captured: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "answer_counts" in statement:
            captured.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    raw_counts(get_survey("new_ehcp"), parse_period("2023-24"), KEYS)
    event.remove(db.engine, "before_cursor_execute", capture)
    statement, parameters = captured[0]
    prefix = "EXPLAIN ANALYZE " if postgres else "EXPLAIN QUERY PLAN "
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(prefix + statement, parameters)
        plan = [" ".join(str(part) for part in row) for row in cursor.fetchall()]
    finally:
        raw.close()
    print("  plan of the answers query:\n    " + "\n    ".join(plan))


def run(database_url: str, responses: int, comments: int) -> None:
    postgres = database_url.startswith("postgresql")
    app = create_app(
        "testing", {"SQLALCHEMY_DATABASE_URI": database_url, "WTF_CSRF_ENABLED": False}
    )
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"), revision="heads")
        survey_id, version_id = db.session.execute(
            text(
                "SELECT s.id, v.id FROM surveys s JOIN survey_versions v ON v.survey_id = s.id "
                "WHERE s.slug = 'new_ehcp' AND v.audience = 'parent'"
            )
        ).one()
        db.session.commit()
        rng = random.Random(5)
        start = time.perf_counter()
        load("responses", response_rows(responses, survey_id, version_id, rng), postgres)
        answers = load("answers", answer_rows(responses, rng), postgres)
        load("comments", comment_rows(comments, survey_id, rng), postgres)
        links = load("comment_themes", theme_rows(comments, rng), postgres)
        if postgres:
            with db.engine.begin() as connection:
                # COPY gave explicit ids: move the sequences on so new rows (submits) fit.
                for table in TABLES:
                    connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT max(id) FROM {table}))"
                        )
                    )
                connection.execute(text("ANALYZE"))
        else:
            with db.engine.begin() as connection:
                connection.execute(text("ANALYZE"))
        print(
            f"{'PostgreSQL' if postgres else 'SQLite'}: loaded {responses:,} responses, "
            f"{answers:,} answers, {comments:,} comments, {links:,} comment themes "
            f"in {time.perf_counter() - start:.1f} s"
        )

        from feedback_app.services import findings, releases, summaries

        start = time.perf_counter()
        rows = summaries.rebuild()
        print(
            f"  flask rebuild-summaries (the migration's backfill) after the bulk load: "
            f"{time.perf_counter() - start:.1f} s; "
            + ", ".join(f"{name} {count:,} rows" for name, count in rows.items())
        )
        explain(postgres)

        timed(
            "aggregate 2023-24 findings (compute_findings)",
            lambda: findings.compute_findings("new_ehcp", "2023-24"),
            5,
        )
        runner = app.test_cli_runner()

        def cli() -> None:
            result = runner.invoke(
                args=["findings", "--survey", "new_ehcp", "--period", "2023-24", "--format", "json"]
            )
            assert result.exit_code == 0, result.output

        timed("flask findings --survey new_ehcp --period 2023-24 --format json", cli, 5)
        release = releases.create_draft("new_ehcp", "2023-24", None)
        start = time.perf_counter()
        releases.publish(release, None)
        print(f"  build and publish the release: {(time.perf_counter() - start) * 1000:.1f} ms")
        print(f"  2023-24 responses in the release: {release.snapshot['responses']:,}")
        client = app.test_client()
        assert client.get("/findings").status_code == 200
        timed("GET /findings", lambda: client.get("/findings"), 20)
        timed(
            "GET /findings/new_ehcp/2023-24.json",
            lambda: client.get("/findings/new_ehcp/2023-24.json"),
            20,
        )
        time_submits(app, 30)

        from feedback_app.services.review import ReviewFilters, review_queue

        # Analysts' search reads every comment's redacted text: the one filter with no index.
        for words in ("ring back", "tribunal"):
            timed(
                f"review queue, {comments:,} comments, words {words!r}",
                lambda words=words: review_queue(ReviewFilters(status="all", words=words)),
                5,
            )
        db.session.remove()
        db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--comments", type=int, default=None, help="default: 30%% of responses")
    parser.add_argument("--database-url", default=None, help="an empty PostgreSQL database")
    parser.add_argument("--postgres", action="store_true", help="start a throwaway PostgreSQL")
    args = parser.parse_args()
    comments = args.comments if args.comments is not None else args.responses * 3 // 10
    with ExitStack() as stack:
        if args.postgres:
            from tests.support.postgres import start_postgres

            run(stack.enter_context(start_postgres()), args.responses, comments)
        elif args.database_url:
            run(args.database_url, args.responses, comments)
        else:
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            run(f"sqlite:///{folder}/findings_scale.sqlite3", args.responses, comments)


if __name__ == "__main__":
    main()
