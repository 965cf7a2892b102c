"""Health checks for load balancers (``/healthz``), monitoring and ``flask check``.

Reaching the database is not enough: a database the code cannot use must fail the
check too, or the load balancer sends parents to a host whose every form fails. So
the check also asks whether the schema is at the migration head this release
expects (a mistyped SQLite path gives a new, empty database; a forgotten
``flask db upgrade`` an old schema) and, on PostgreSQL, whether it accepts writes
(a standby, or ``default_transaction_read_only``).

The load balancer calls this every few seconds, so it costs one query on SQLite and
two on PostgreSQL; the migration heads are read from the migrations folder once per
process (gunicorn's master reads them before forking: ``feedback_app/warmup.py``).

A database *newer* than the code is healthy: during an upgrade the new release's
migrations run while the old release still serves (docs/operations.md, Upgrades).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from feedback_app.extensions import db
from feedback_app.services import database

log = logging.getLogger(__name__)

# Reasons short and bland enough for anyone who can reach /healthz to read.
UNREACHABLE = "database unreachable"
NOT_MIGRATED = "database not migrated"
READ_ONLY = "database read-only"


@dataclass(frozen=True)
class DatabaseHealth:
    """Whether the app can use its database; ``reason`` is public, ``detail`` for operators."""

    ok: bool
    reason: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Migrations:
    """The revisions this release's migrations folder holds, and which of them are heads."""

    heads: frozenset[str]
    known: frozenset[str]


@functools.cache
def expected_migrations(directory: str) -> Migrations:
    """Read the migration heads from ``directory``, once per process."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(directory)
    return Migrations(
        heads=frozenset(script.get_heads()),
        known=frozenset(revision.revision for revision in script.walk_revisions()),
    )


def migrations_directory() -> str:
    """Return the migrations folder Flask-Migrate was given."""
    return str(current_app.extensions["migrate"].directory)


def database_ok() -> bool:
    """Say whether the database is reachable, migrated and writable."""
    return check_database().ok


def check_database(log_problem: bool = True) -> DatabaseHealth:
    """Check the database is reachable, at this release's migration head and writable."""
    result = _check()
    if not result.ok and log_problem:
        log.warning("health check: %s: %s", result.reason, result.detail)
    return result


def _check() -> DatabaseHealth:
    expected = expected_migrations(migrations_directory())
    missing_file = database.missing_sqlite_file(db.engine.url)
    if missing_file:
        # Connecting would create it, empty, in development; say so without leaving one.
        return DatabaseHealth(False, NOT_MIGRATED, database.no_database_file(missing_file))
    try:
        rows = db.session.execute(text("SELECT version_num FROM alembic_version"))
        revisions = frozenset(str(row[0]) for row in rows)
        read_only = _read_only()
    except SQLAlchemyError as error:
        db.session.rollback()
        if not _reachable():
            return DatabaseHealth(False, UNREACHABLE, _describe(error))
        return DatabaseHealth(False, NOT_MIGRATED, f"no alembic_version table ({_describe(error)})")
    if _older(revisions, expected):
        return DatabaseHealth(
            False,
            NOT_MIGRATED,
            f"the database is at revision {_names(revisions)} but this release needs "
            f"{_names(expected.heads)}: run `flask db upgrade heads`",
        )
    if read_only:
        return DatabaseHealth(
            False,
            READ_ONLY,
            "PostgreSQL says transaction_read_only is on (a standby server, or "
            "default_transaction_read_only set for this database or user)",
        )
    return DatabaseHealth(True, detail=f"revision {_names(revisions)}")


def _older(revisions: frozenset[str], expected: Migrations) -> bool:
    """Say whether the database lacks some migration this release has."""
    if not revisions:
        return True
    if revisions & (expected.known - expected.heads):
        return True  # a revision this release has moved past
    # A head missing is a branch not upgraded, unless a newer release's revision
    # (one this release has never heard of) has taken its place.
    return bool(expected.heads - revisions) and revisions <= expected.known


def _read_only() -> bool:
    if db.engine.dialect.name != "postgresql":
        return False
    return db.session.execute(text("SHOW transaction_read_only")).scalar() == "on"


def _reachable() -> bool:
    try:
        db.session.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        db.session.rollback()
        return False


def _describe(error: SQLAlchemyError) -> str:
    """Name the error and its first line (engines hide query parameters: config.py)."""
    message = str(getattr(error, "orig", None) or error).strip().splitlines()
    return f"{type(error).__name__}: {message[0] if message else ''}"


def _names(revisions: frozenset[str]) -> str:
    return ", ".join(sorted(revisions)) or "none"
