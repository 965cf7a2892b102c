"""/healthz and ``flask check`` fail when the database is there but the app cannot use it.

Found by an operations tester: a mistyped SQLite path, a database migrated to an
older revision than the code, and a read-only PostgreSQL all passed the health
check while every page or form failed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, event, text

from feedback_app.extensions import db
from tests.conftest import make_app

Make = Callable[[str], str]
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(params=["sqlite", "postgresql"])
def spare_database(request: pytest.FixtureRequest) -> str:
    """A freshly migrated database of its own, on SQLite and on PostgreSQL."""
    fixture = "new_sqlite" if request.param == "sqlite" else "new_postgres"
    make: Make = request.getfixturevalue(fixture)
    return make("health")


def run_sql(url: str, *statements: str) -> None:
    """Change the database behind the app's back, as an operator's mistake would."""
    engine = create_engine(url)
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


@contextmanager
def app_on(url: str) -> Iterator[Flask]:
    app = make_app(url, REDIS_URL="", RATELIMIT_STORAGE_URI="memory://")
    yield app
    with app.app_context():
        db.engine.dispose()


def health_and_check(url: str) -> tuple[int, dict[str, object], int, str]:
    """GET /healthz and run ``flask check`` on a new app for the database."""
    with app_on(url) as app:
        response = app.test_client().get("/healthz")
        result = app.test_cli_runner().invoke(args=["check"])
    return response.status_code, response.get_json(), result.exit_code, result.output


def test_a_migrated_database_is_healthy(spare_database: str) -> None:
    status, body, exit_code, output = health_and_check(spare_database)
    assert (status, body) == (200, {"status": "ok", "database": True})
    assert exit_code == 0, output
    assert "database: ok" in output


def test_a_database_at_an_older_revision_is_not_migrated(spare_database: str) -> None:
    run_sql(spare_database, "UPDATE alembic_version SET version_num = '0019'")
    status, body, exit_code, output = health_and_check(spare_database)
    assert status == 503
    assert body == {"status": "unavailable", "database": False, "reason": "database not migrated"}
    assert exit_code == 1
    newest = sorted(path.name[:4] for path in (ROOT / "migrations" / "versions").glob("0*.py"))[-1]
    assert "database: NOT MIGRATED" in output and "0019" in output and newest in output


def test_a_database_never_migrated_is_not_migrated(spare_database: str) -> None:
    run_sql(spare_database, "DROP TABLE alembic_version")
    status, body, exit_code, output = health_and_check(spare_database)
    assert (status, body["reason"]) == (503, "database not migrated")
    assert exit_code == 1 and "NOT MIGRATED" in output


def test_a_database_a_newer_release_migrated_is_healthy(spare_database: str) -> None:
    # During an upgrade the new release migrates while the old one still serves:
    # failing the old hosts' checks then would take every host out of service.
    run_sql(spare_database, "UPDATE alembic_version SET version_num = '0099_from_the_future'")
    status, _, exit_code, output = health_and_check(spare_database)
    assert status == 200
    assert exit_code == 0, output


def test_a_mistyped_sqlite_path_is_not_migrated_and_no_file_is_made(tmp_path: Path) -> None:
    path = tmp_path / "feedbak.sqlite3"  # the real one is feedback.sqlite3
    status, body, exit_code, output = health_and_check(f"sqlite:///{path}")
    assert (status, body["reason"]) == (503, "database not migrated")
    assert exit_code == 1 and "NOT MIGRATED" in output and str(path) in output
    assert not path.exists()


def test_a_read_only_postgresql_is_reported(new_postgres: Make) -> None:
    url = new_postgres("health_read_only")
    name = url.rsplit("/", 1)[1]
    run_sql(url, f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    status, body, exit_code, output = health_and_check(url)
    assert status == 503
    assert body == {"status": "unavailable", "database": False, "reason": "database read-only"}
    assert exit_code == 1 and "database: READ-ONLY" in output


def test_the_health_check_costs_at_most_two_small_queries(spare_database: str) -> None:
    with app_on(spare_database) as app:
        client = app.test_client()
        client.get("/healthz")  # the migration heads are read once, on first use
        with app.app_context():
            statements: list[str] = []
            event.listen(db.engine, "before_cursor_execute", _record(statements))
        assert client.get("/healthz").status_code == 200
    assert len([s for s in statements if not s.startswith("PRAGMA")]) <= 2, statements


def _record(statements: list[str]) -> Callable[..., None]:
    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    return record


def test_the_reason_never_carries_server_details(new_postgres: Make) -> None:
    url = new_postgres("health_details")
    run_sql(url, "DROP TABLE alembic_version")
    with app_on(url) as app:
        body = app.test_client().get("/healthz").get_data(as_text=True)
    assert "alembic" not in body and "relation" not in body
