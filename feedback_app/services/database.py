"""Database engine settings that SQLAlchemy cannot take from a URL.

SQLite is the embedded default. Several gunicorn workers write to the same file,
so each connection turns on write-ahead logging (readers no longer block the
writer), waits up to five seconds for a lock instead of failing at once, and
enforces foreign keys, which SQLite leaves off unless asked.

For every database: when the server goes away between a request's last query
and its end (a PostgreSQL restart or failover), ending the request's transaction
fails. That error would escape Flask and reach the parent as gunicorn's bare
"Internal Server Error" after their page had been built; instead the dead
connection is dropped and the pool opens a new one for the next request.

Outside development (``CREATE_MISSING_SQLITE_FILE`` off), a connection never creates a
missing SQLite file, as SQLite would: a mistyped path, or a database not yet made,
otherwise became a new, empty file, and every page failed on it while it looked like a
database. Startup logs one line saying the file is missing and how to make it; every
connection refuses with the same line, which pages turn into the "Sorry, please try
again" page (a 503). Only the migrations (``flask db upgrade``) make the file.
"""

from __future__ import annotations

import logging
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import SAWarning, SQLAlchemyError

from feedback_app.extensions import db

log = logging.getLogger(__name__)

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA foreign_keys=ON",
)

#: Whether connections made now may create a missing SQLite file (``creating_sqlite_file``).
_CREATING: ContextVar[bool] = ContextVar("creating_sqlite_file", default=False)


def configure_engine_events(app: Flask) -> None:
    """Set the SQLite pragmas on new connections; survive a database restart at teardown."""
    if not app.extensions.get("feedback_session_teardown"):
        # Registered after Flask-SQLAlchemy's, so it runs first (teardowns run in reverse).
        app.teardown_appcontext(_end_session_safely)
        app.extensions["feedback_session_teardown"] = True
    with app.app_context():
        engines = list(db.engines.values())
    for engine in engines:
        if engine.dialect.name != "sqlite":
            continue
        if not event.contains(engine, "connect", _set_sqlite_pragmas):
            event.listen(engine, "connect", _set_sqlite_pragmas)
        if app.config.get("CREATE_MISSING_SQLITE_FILE", False):
            continue
        if not event.contains(engine, "do_connect", _refuse_to_create_sqlite_file):
            event.listen(engine, "do_connect", _refuse_to_create_sqlite_file)
        missing = missing_sqlite_file(engine.url)
        if missing:
            log.warning("database missing: %s", no_database_file(missing))


def missing_sqlite_file(url: URL) -> str:
    """Return the path of a SQLite database file that does not exist, or "" (other
    databases, in-memory SQLite, ``file:`` URIs and files that exist)."""
    if url.get_backend_name() != "sqlite":
        return ""
    return _missing(str(url.database or ""))


def no_database_file(path: str) -> str:
    """Say, in one line for operators, that a SQLite file is missing and how to make it."""
    return (
        f"no SQLite database at {path}: run `flask --app wsgi db upgrade heads` to make it, "
        "or correct DATABASE_URL if the path is wrong"
    )


@contextmanager
def creating_sqlite_file() -> Iterator[None]:
    """Let connections opened inside make a missing SQLite file (``flask db upgrade``)."""
    token = _CREATING.set(True)
    try:
        yield
    finally:
        _CREATING.reset(token)


def _missing(database: str) -> str:
    if database in {"", ":memory:"} or database.startswith("file:"):
        return ""
    return "" if Path(database).exists() else database


def _refuse_to_create_sqlite_file(
    dialect: Any, connection_record: Any, cargs: list[Any], cparams: dict[str, Any]
) -> None:
    """Refuse to open a SQLite file that is not there, where SQLite would create it empty.

    Raised as the driver's own OperationalError, which SQLAlchemy wraps like any failed
    connection, so a page gives the "try again" page rather than a server error.
    """
    if _CREATING.get() or cparams.get("uri"):
        return
    database = str(cargs[0]) if cargs else str(cparams.get("database") or "")
    missing = _missing(database)
    if missing:
        raise sqlite3.OperationalError(f"database missing: {no_database_file(missing)}")


def quiet_reflection_warnings() -> None:
    """Silence SQLite's "Skipped unsupported reflection of expression-based index" warning.

    Backups and restores read the tables from the database (``metadata.reflect``), and
    SQLAlchemy cannot reflect SQLite's expression indexes (complaints' two triage-queue
    indexes sort on ``due_on IS NULL``), so it warned on every backup and restore about
    indexes a backup has no use for: rows are copied into tables the migrations made,
    indexes and all.
    """
    warnings.filterwarnings(
        "ignore",
        message=r"Skipped unsupported reflection of expression-based index",
        category=SAWarning,
    )


def _end_session_safely(error: BaseException | None) -> None:
    session = db.session()
    try:
        session.close()
    except SQLAlchemyError:
        # The connection died with the server: forget it rather than roll it back.
        log.warning("database connection lost at the end of a request; discarded")
        session.invalidate()
    db.session.remove()


def _set_sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def sqlite_pragmas(engine: Engine) -> dict[str, object]:
    """Read back the pragmas on a connection, for tests and ``flask check``."""
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        return {
            name: raw.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "busy_timeout", "foreign_keys")
        }
