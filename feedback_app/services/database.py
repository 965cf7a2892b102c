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
"""

from __future__ import annotations

import logging
import warnings
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SAWarning, SQLAlchemyError

from feedback_app.extensions import db

log = logging.getLogger(__name__)

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA foreign_keys=ON",
)


def configure_engine_events(app: Flask) -> None:
    """Set the SQLite pragmas on new connections; survive a database restart at teardown."""
    if not app.extensions.get("feedback_session_teardown"):
        # Registered after Flask-SQLAlchemy's, so it runs first (teardowns run in reverse).
        app.teardown_appcontext(_end_session_safely)
        app.extensions["feedback_session_teardown"] = True
    with app.app_context():
        engines = list(db.engines.values())
    for engine in engines:
        if engine.dialect.name == "sqlite" and not event.contains(
            engine, "connect", _set_sqlite_pragmas
        ):
            event.listen(engine, "connect", _set_sqlite_pragmas)


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
