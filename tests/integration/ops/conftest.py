"""Fixtures for the operations tests: spare migrated databases, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from tests.conftest import migrate_database, require_or_skip
from tests.support.postgres import find_postgres_bin, start_postgres


@pytest.fixture
def new_sqlite(migrated_sqlite: Path, tmp_path: Path) -> Callable[[str], str]:
    """Make a freshly migrated SQLite database and return its URL."""

    def _make(name: str) -> str:
        path = tmp_path / f"{name}.sqlite3"
        shutil.copy(migrated_sqlite, path)
        return f"sqlite:///{path}"

    return _make


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[str]:
    """A private PostgreSQL server for this module (CI must have one: never skipped there)."""
    require_or_skip(find_postgres_bin() is not None, "PostgreSQL server binaries not installed")
    with start_postgres() as url:
        # Migrated once; each test database is a cheap copy of it.
        migrate_database(url)
        yield url


@pytest.fixture
def new_postgres(postgres_server: str) -> Iterator[Callable[[str], str]]:
    """Make a freshly migrated PostgreSQL database on the module's server; return its URL."""
    made: list[str] = []
    template = postgres_server.rsplit("/", 1)[1]
    admin = postgres_server.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)[0]
    admin += "/postgres"

    def _make(name: str) -> str:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        made.append(name)
        return postgres_server.rsplit("/", 1)[0] + f"/{name}"

    yield _make
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in made:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
