"""Health checks, structured logs, SQLite settings, background jobs and the ops commands."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy.exc import OperationalError

from feedback_app.extensions import db
from feedback_app.logs import JsonFormatter
from feedback_app.services import database, jobs
from tests.conftest import PASSWORD, make_app

# --- /healthz ---------------------------------------------------------------------


def test_healthz_reports_a_reachable_database(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": True}


def test_healthz_reports_an_unreachable_database(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*args: object, **kwargs: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(db.session, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"] is False


# --- JSON logs ----------------------------------------------------------------------


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """Capture the request log as the JSON lines production writes."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("feedback_app.requests")
    old_level = logger.level
    # migrations/env.py's fileConfig() disables loggers that existed before it ran.
    logger.disabled = False
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(old_level)


SECRETS = {
    "email": "jo.bloggs@example.gov.uk",
    "password": PASSWORD,
    "resume": "RESUMECODE7QX2",
    "text": "My son Alfie waited 40 weeks for his plan",
}


def test_request_logs_are_json_with_request_ids_and_no_personal_data(
    client, make_user, json_log: io.StringIO
) -> None:  # type: ignore[no-untyped-def]
    make_user("analyst", email=SECRETS["email"])
    client.post("/sign-in", data={"email": SECRETS["email"], "password": "wrong password!"})
    signed_in = client.post("/sign-in", data={"email": SECRETS["email"], "password": PASSWORD})
    client.get(f"/surveys/new-ehcp/resume/{SECRETS['resume']}?code={SECRETS['resume']}")
    client.post(
        "/surveys/new-ehcp/questions/comment",
        data={"comment": SECRETS["text"], "email": SECRETS["email"]},
    )
    client.get("/healthz", headers={"X-Request-Id": "lb0123abcd"})

    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    assert len(lines) >= 5
    for line in lines:
        assert line["request_id"] and line["route"] and line["status"]
        assert set(line) >= {"time", "level", "message", "method", "ms"}
    assert lines[-1]["request_id"] == "lb0123abcd"  # a load balancer's id is kept
    assert signed_in.headers["X-Request-Id"] == lines[1]["request_id"]
    assert len({line["request_id"] for line in lines}) == len(lines)

    everything = json_log.getvalue()
    for name, secret in SECRETS.items():
        assert secret not in everything, f"the log holds the {name}"


def test_a_forged_request_id_is_replaced(client, json_log: io.StringIO) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/healthz", headers={"X-Request-Id": 'x" injected {"level":"x'})
    logged = json.loads(json_log.getvalue().splitlines()[-1])
    assert logged["request_id"] == response.headers["X-Request-Id"]
    assert "injected" not in logged["request_id"]


# --- SQLite under several workers ------------------------------------------------------


@pytest.mark.sqlite_only
def test_sqlite_connections_use_wal_a_busy_timeout_and_foreign_keys(database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite settings; this run is on PostgreSQL")
    app = make_app(database_url)
    database.configure_engine_events(app)
    database.configure_engine_events(app)  # idempotent
    with app.app_context():
        pragmas = database.sqlite_pragmas(db.engine)
        db.engine.dispose()
    assert pragmas == {"journal_mode": "wal", "busy_timeout": 5000, "foreign_keys": 1}


# --- background jobs --------------------------------------------------------------------

RAN: list[tuple[object, ...]] = []


def record_job(*args: object) -> str:
    """A job that notes it ran (module level, so a worker can import it)."""
    RAN.append(args)
    return "done"


def failing_job() -> None:
    """A job that fails."""
    raise RuntimeError("boom")


def test_jobs_run_in_process_without_redis(database_url: str) -> None:
    RAN.clear()
    app = make_app(database_url, REDIS_URL="")
    with app.app_context():
        handle = jobs.enqueue(record_job, 1, "two")
        db.engine.dispose()
    assert handle.status == "finished" and handle.result == "done"
    assert RAN == [(1, "two")]


def test_jobs_refuse_functions_a_worker_could_not_import(app: Flask) -> None:
    with pytest.raises(ValueError, match="module-level"):
        jobs.enqueue(lambda: None)

    def nested() -> None: ...

    with pytest.raises(ValueError):
        jobs.enqueue(nested)


def test_a_failing_in_process_job_is_logged_not_raised_in_service(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    logging.getLogger(jobs.__name__).disabled = False  # see json_log
    app = make_app(database_url, TESTING=False, REDIS_URL="")
    with app.app_context():
        handle = jobs.enqueue(failing_job)
        db.engine.dispose()
    assert handle.status == "failed"
    assert "failing_job" in caplog.text


def test_jobs_fall_back_to_in_process_when_redis_is_down(database_url: str) -> None:
    RAN.clear()
    app = make_app(database_url, REDIS_URL="redis://127.0.0.1:1/0")
    with app.app_context():
        handle = jobs.enqueue(record_job, "fallback")
        db.engine.dispose()
    assert handle.status == "finished"
    assert RAN == [("fallback",)]


# --- commands ---------------------------------------------------------------------------


def test_check_command_reports_the_database(database_url: str) -> None:
    app = make_app(database_url, REDIS_URL="", RATELIMIT_STORAGE_URI="memory://")
    result = app.test_cli_runner().invoke(args=["check"])
    with app.app_context():
        db.engine.dispose()
    assert result.exit_code == 0, result.output
    assert "database: ok" in result.output


def test_check_command_fails_when_redis_is_unreachable(database_url: str) -> None:
    app = make_app(database_url, REDIS_URL="redis://127.0.0.1:1/0")
    result = app.test_cli_runner().invoke(args=["check"])
    with app.app_context():
        db.engine.dispose()
    assert result.exit_code == 1
    assert "REDIS_URL: UNREACHABLE" in result.output


def test_worker_needs_redis(database_url: str) -> None:
    app = make_app(database_url, REDIS_URL="")
    result = app.test_cli_runner().invoke(args=["worker", "--burst"])
    with app.app_context():
        db.engine.dispose()
    assert result.exit_code != 0
    assert "REDIS_URL is not set" in result.output
