"""A database that was never migrated gives the "Sorry, please try again" page, not a 500.

Found by a tester: pointed at an empty PostgreSQL database, the home page, findings and
"you said, we did" gave the server error page, because PostgreSQL reports a missing
table as a ProgrammingError where SQLite reports an OperationalError. Both now give the
503 page, with one log line saying the database is not migrated.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from feedback_app.extensions import db
from tests.conftest import make_app

PAGES = ("/", "/findings", "/you-said-we-did")


class Lines(logging.Handler):
    """Keep the error handler's log lines as the operator reads them."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def log_lines() -> Iterator[list[str]]:
    handler = Lines()
    logger = logging.getLogger("feedback_app.errors")
    logger.disabled = False  # migrations/env.py's fileConfig() may have disabled it
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


@pytest.fixture
def empty_postgres(postgres_server: str) -> Iterator[str]:
    """An empty PostgreSQL database (no tables at all) on the module's server."""
    admin = postgres_server.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)[0]
    name = "never_migrated"
    with psycopg.connect(admin + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    yield postgres_server.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def empty_sqlite(tmp_path: Path) -> str:
    """An SQLite file that exists but holds no tables."""
    path = tmp_path / "never_migrated.sqlite3"
    path.touch()
    return f"sqlite:///{path}"


def _pages_on(url: str, log_lines: list[str]) -> None:
    # Friendly pages, as production serves them: a fault here would be the 500 page.
    app = make_app(
        url, REDIS_URL="", RATELIMIT_STORAGE_URI="memory://", FRIENDLY_ERRORS_IN_TESTS=True
    )
    client = app.test_client()
    try:
        for page in PAGES:
            log_lines.clear()
            response = client.get(page)
            body = response.get_data(as_text=True)
            assert response.status_code == 503, (page, response.status_code)
            assert "Sorry, please try again" in body, page
            assert "relation" not in body and "no such table" not in body, page
            # One line, saying why, and naming what is missing for the operator.
            assert len(log_lines) == 1, log_lines
            assert log_lines[0].startswith("database not migrated: "), log_lines
            assert "\n" not in log_lines[0]
    finally:
        with app.app_context():
            db.engine.dispose()


def test_a_never_migrated_postgresql_gives_the_try_again_page(
    empty_postgres: str, log_lines: list[str]
) -> None:
    _pages_on(empty_postgres, log_lines)


def test_a_never_migrated_sqlite_gives_the_try_again_page(
    empty_sqlite: str, log_lines: list[str]
) -> None:
    _pages_on(empty_sqlite, log_lines)


def test_other_faults_in_sql_are_still_server_errors(
    empty_postgres: str, log_lines: list[str]
) -> None:
    """Only a missing table or column reads as "not migrated": a mistake in a query is a bug."""
    app = make_app(
        empty_postgres,
        REDIS_URL="",
        RATELIMIT_STORAGE_URI="memory://",
        FRIENDLY_ERRORS_IN_TESTS=True,
    )

    def bad_query() -> str:
        db.session.execute(text("SELEC 1"))
        return "unreachable"

    app.add_url_rule("/test-bad-query", view_func=bad_query)
    try:
        response = app.test_client().get("/test-bad-query")
        assert response.status_code == 500
        assert not any(line.startswith("database not migrated") for line in log_lines)
    finally:
        with app.app_context():
            db.engine.dispose()
