"""Errors are logged as single JSON records with the request id, and without the data.

Found by an operations tester: with LOG_JSON on, a crash wrote a multi-line plain
traceback with no request id that held the query's parameters (a form token); a
missing table was logged as just "OperationalError"; and a form refused for a bad
CSRF token was logged with ``request_id: null`` and an empty ``X-Request-Id``.
"""

from __future__ import annotations

import io
import json
import logging
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import text

from feedback_app.extensions import db
from feedback_app.logs import JsonFormatter
from tests.conftest import make_app

SECRET = "TOKEN7QX2SECRET"


@pytest.fixture
def json_app(database_url: str) -> Iterator[tuple[Flask, io.StringIO]]:
    """An app as production runs it (JSON logs, friendly error pages); its log lines."""
    logger = logging.getLogger("feedback_app")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    for name in ("feedback_app", "feedback_app.errors", "feedback_app.requests"):
        logging.getLogger(name).disabled = False  # see test_operations.json_log
    app = make_app(database_url, LOG_JSON=True, FRIENDLY_ERRORS_IN_TESTS=True)
    handlers = [h for h in logger.handlers if isinstance(h.formatter, JsonFormatter)]
    assert len(handlers) == 1, "LOG_JSON puts one JSON handler on the app's loggers"
    stream = io.StringIO()
    handlers[0].setStream(stream)  # type: ignore[attr-defined]
    add_failing_routes(app)
    with app.app_context():
        yield app, stream
        db.session.remove()
        db.engine.dispose()
    logger.handlers[:] = saved[0]
    logger.setLevel(saved[1])
    logger.propagate = saved[2]


def add_failing_routes(app: Flask) -> None:
    def crash() -> str:
        raise ZeroDivisionError("division by zero")

    def missing_table() -> str:
        db.session.execute(text("SELECT * FROM no_such_table WHERE token = :t"), {"t": SECRET})
        return "unreachable"

    def duplicate_row() -> str:
        # Inserted twice: PostgreSQL's error then quotes the value in its DETAIL line.
        insert = text("INSERT INTO alembic_version (version_num) VALUES (:t)")
        db.session.execute(insert, {"t": SECRET})
        db.session.execute(insert, {"t": SECRET})
        return "unreachable"

    app.add_url_rule("/test-crash", view_func=crash)
    app.add_url_rule("/test-missing-table", view_func=missing_table)
    app.add_url_rule("/test-duplicate-row", view_func=duplicate_row)


def records(stream: io.StringIO) -> list[dict[str, object]]:
    """Every line must be one JSON record."""
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_crash_is_one_json_record_with_the_request_id_and_traceback(
    json_app: tuple[Flask, io.StringIO],
) -> None:
    app, stream = json_app
    response = app.test_client().get("/test-crash")
    assert response.status_code == 500
    request_id = response.headers["X-Request-Id"]
    logged = records(stream)
    error = next(r for r in logged if r["level"] == "ERROR")
    assert error["request_id"] == request_id
    assert error["exception"] == "ZeroDivisionError"
    assert "Traceback" in str(error["traceback"]) and "in crash" in str(error["traceback"])
    assert "ZeroDivisionError: division by zero" in str(error["traceback"])
    assert [r["request_id"] for r in logged] == [request_id, request_id]


def test_sql_errors_say_what_failed_without_the_values_sent(
    json_app: tuple[Flask, io.StringIO],
) -> None:
    app, stream = json_app
    client = app.test_client()
    assert client.get("/test-missing-table").status_code == 503
    assert client.get("/test-duplicate-row").status_code == 500
    everything = stream.getvalue()
    records(stream)
    assert "no_such_table" in everything  # the database's own message is kept
    assert "alembic_version" in everything
    assert SECRET not in everything


def test_the_missing_table_message_is_logged(json_app: tuple[Flask, io.StringIO]) -> None:
    app, stream = json_app
    status = app.test_client().get("/test-missing-table").status_code
    # A missing table means a database not migrated: SQLite reports it as an
    # OperationalError, PostgreSQL as a ProgrammingError; both give the "try again" page.
    assert status == 503
    warning = next(r for r in records(stream) if r["level"] == "WARNING")
    if db.engine.dialect.name == "sqlite":
        assert warning["message"] == (
            "database not migrated: OperationalError: no such table: no_such_table"
        )
    else:
        assert warning["message"] == (
            'database not migrated: ProgrammingError: relation "no_such_table" does not exist'
        )


@pytest.fixture
def request_log() -> Iterator[io.StringIO]:
    """The request log's JSON lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("feedback_app.requests")
    old_level = logger.level
    logger.disabled = False
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def test_a_form_refused_for_its_csrf_token_still_has_a_request_id(
    database_url: str, request_log: io.StringIO
) -> None:
    app = make_app(database_url, WTF_CSRF_ENABLED=True)
    response = app.test_client().post("/sign-in", data={"email": "a@example.gov.uk"})
    with app.app_context():
        db.engine.dispose()
    assert response.status_code == 400
    logged = json.loads(request_log.getvalue().splitlines()[-1])
    assert logged["status"] == 400
    assert response.headers["X-Request-Id"]
    assert logged["request_id"] == response.headers["X-Request-Id"]
    assert logged["ms"] > 0


def test_engines_hide_query_parameters(app: Flask) -> None:
    assert db.engine.hide_parameters


def test_backups_print_no_reflection_warnings(
    new_sqlite: Callable[[str], str], tmp_path: Path
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        app = make_app(new_sqlite("warnings"))
        result = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "b.jsonl.gz")])
        with app.app_context():
            db.engine.dispose()
    assert result.exit_code == 0, result.output
    assert not [w for w in caught if "expression-based index" in str(w.message)]
