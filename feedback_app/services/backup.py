"""Portable backups: every table to gzip JSON lines, and back, on SQLite or PostgreSQL.

The file's format, and how values are written so that a SQLite backup restores into
PostgreSQL and the other way round, are in ``backup_file``. The tables are read from
the database itself, not from the models, so a table that some area added in its own
migration is never left out.

A restore runs in one transaction: it checks the schema revision, empties the
tables (reference rows the migrations load, such as the default surveys, are
replaced by the backup's), inserts every row, checks the trailer's counts and, on
PostgreSQL, moves each id sequence past the largest id restored.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, MetaData, Table, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from feedback_app.services.backup_file import (
    FORMAT,
    VERSION,
    BackupError,
    decode_row,
    encode,
    open_lines,
    parse_line,
    read_header,
    write_line,
)

BATCH_SIZE = 500

# Tables whose rows the migrations create: a database holding only these is empty.
REFERENCE_TABLES = frozenset({"themes", "surveys", "survey_versions", "questions"})
ALEMBIC_TABLE = "alembic_version"


@dataclass
class BackupSummary:
    """How many rows of each table were written or restored."""

    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def backup(engine: Engine, path: Path, *, overwrite: bool = False) -> BackupSummary:
    """Write every table of the database to ``path`` as gzip JSON lines, readable by its
    owner only (0600: it holds personal data). An existing file is replaced only when
    ``overwrite`` is given: a backup typed over last night's would lose it."""
    summary = BackupSummary()
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    if path.exists() and not overwrite:
        raise _exists(path)
    tmp = path.with_name(path.name + ".partial")
    with _snapshot(engine) as connection:
        metadata = _reflect(connection)
        tables = _data_tables(metadata)
        header = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": datetime.now(UTC).isoformat(),
            "dialect": connection.dialect.name,
            "alembic": _alembic_revisions(connection, metadata),
            "tables": [table.name for table in tables],
        }
        # Write beside the target and rename at the end, so a failed backup never
        # leaves a file that looks complete.
        with _private(tmp) as raw, gzip.open(raw, "wt", encoding="utf-8") as out:
            write_line(out, header)
            for table in tables:
                count = 0
                query = select(table).order_by(*_order(table))
                result = connection.execution_options(stream_results=True).execute(query)
                for row in result.mappings():
                    write_line(out, {"t": table.name, "r": {k: encode(v) for k, v in row.items()}})
                    count += 1
                summary.counts[table.name] = count
            write_line(out, {"end": True, "counts": summary.counts})
        connection.rollback()
    if overwrite:
        tmp.replace(path)
    else:
        _move_unless_there(tmp, path)
    return summary


def _exists(path: Path) -> BackupError:
    return BackupError(
        f"{path} already exists, so nothing was written. Choose another name, or use "
        "--force to replace it."
    )


@contextmanager
def _private(path: Path) -> Iterator[IO[bytes]]:
    """Open ``path`` for writing, readable and writable by its owner only, whatever the
    umask (a backup by hand is made with the shell's, usually 022: world-readable)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # a .partial left by an earlier run keeps its old mode otherwise
    with os.fdopen(fd, "wb") as raw:
        yield raw


def _move_unless_there(tmp: Path, path: Path) -> None:
    """Give the finished backup its name, unless a file took that name while it was
    written: a hard link fails rather than replace it."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        tmp.unlink()
        raise _exists(path) from None
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            tmp.unlink()
            raise _exists(path) from None
        tmp.replace(path)
        return
    tmp.unlink()


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection that reads every table from one snapshot, so the backup is consistent.

    PostgreSQL: a REPEATABLE READ transaction. SQLite: an explicit BEGIN, since the
    driver otherwise runs each SELECT on its own; in WAL mode writers carry on.
    """
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection:
            yield connection
        return
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN")
        yield connection


def database_has_data(engine: Engine) -> list[str]:
    """Return the tables, other than migration reference data, that hold rows."""
    with engine.connect() as connection:
        return _occupied(connection, _reflect(connection))


def _occupied(connection: Connection, metadata: MetaData) -> list[str]:
    return [
        table.name
        for table in _data_tables(metadata)
        if table.name not in REFERENCE_TABLES
        and connection.execute(select(func.count()).select_from(table)).scalar_one()
    ]


def restore(engine: Engine, path: Path, force: bool = False) -> BackupSummary:
    """Restore a backup into a migrated database; refuse a non-empty one unless ``force``."""
    with open_lines(path) as lines:
        header = read_header(lines)
        with engine.connect() as connection:
            metadata = _reflect(connection)
            _check_schema(connection, metadata, header)
            if not force:
                occupied = _occupied(connection, metadata)
                if occupied:
                    raise BackupError(
                        "The database already holds data (in "
                        + ", ".join(occupied[:5])
                        + (", …" if len(occupied) > 5 else "")
                        + "). Restore into an empty, migrated database, or use --force to "
                        "replace everything in it."
                    )
            tables = {table.name: table for table in _data_tables(metadata)}
            try:
                summary = _load(connection, tables, header, lines)
                if connection.dialect.name == "postgresql":
                    _reset_sequences(connection, list(tables.values()))
            except Exception:
                connection.rollback()
                raise
            connection.commit()
    return summary


def _load(
    connection: Connection, tables: dict[str, Table], header: dict[str, Any], lines: Iterator[str]
) -> BackupSummary:
    # Children first when emptying, parents first when filling.
    for table in reversed(list(tables.values())):
        connection.execute(table.delete())
    summary = BackupSummary(counts={name: 0 for name in header["tables"]})
    batch: list[dict[str, Any]] = []
    current: Table | None = None
    trailer: dict[str, Any] | None = None
    for number, line in enumerate(lines, start=2):
        record = parse_line(line, number)
        if record.get("end"):
            trailer = record
            break
        name = record.get("t")
        if name not in tables or not isinstance(record.get("r"), dict):
            raise BackupError(f"Line {number}: a row for an unknown table {name!r}")
        table = tables[name]
        if current is not None and table is not current:
            _flush(connection, current, batch)
        current = table
        batch.append(decode_row(table, record["r"], number))
        summary.counts[name] += 1
        if len(batch) >= BATCH_SIZE:
            _flush(connection, table, batch)
    if current is not None:
        _flush(connection, current, batch)
    if trailer is None:
        raise BackupError("The backup file is incomplete (no end marker): nothing was restored.")
    if trailer.get("counts") != summary.counts:
        raise BackupError(
            "The backup's row counts do not match its contents: nothing was restored."
        )
    return summary


def _flush(connection: Connection, table: Table, batch: list[dict[str, Any]]) -> None:
    if batch:
        try:
            connection.execute(table.insert(), batch)
        except DBAPIError as error:
            # The database's own message may quote the row (PostgreSQL's DETAIL line:
            # "Key (email)=(…) already exists"), which holds personal data: keep only
            # its first line, which names the rule broken, and drop the chained error.
            first_line = str(error.orig).splitlines()[0] if error.orig else type(error).__name__
            raise BackupError(
                f"Rows for the table {table.name} could not be restored ({first_line}): "
                "nothing was restored."
            ) from None
        batch.clear()


def _reflect(connection: Connection) -> MetaData:
    metadata = MetaData()
    metadata.reflect(bind=connection)
    return metadata


def _data_tables(metadata: MetaData) -> list[Table]:
    """Every table but Alembic's, parents before the tables that refer to them."""
    return [table for table in metadata.sorted_tables if table.name != ALEMBIC_TABLE]


def _order(table: Table) -> list[Any]:
    columns = list(table.primary_key.columns) or list(table.columns)
    return columns


def _alembic_revisions(connection: Connection, metadata: MetaData) -> list[str]:
    if ALEMBIC_TABLE not in metadata.tables:
        return []
    rows = connection.execute(text(f"SELECT version_num FROM {ALEMBIC_TABLE}"))  # noqa: S608
    return sorted(str(row[0]) for row in rows)


def _check_schema(connection: Connection, metadata: MetaData, header: dict[str, Any]) -> None:
    target = _alembic_revisions(connection, metadata)
    if not target:
        raise BackupError("The database has not been migrated: run `flask db upgrade heads` first.")
    if sorted(header.get("alembic", [])) != target:
        raise BackupError(
            f"The backup is of schema revision {', '.join(header.get('alembic', [])) or '?'} but "
            f"the database is at {', '.join(target)}. Migrate an empty database to the backup's "
            "revision (`flask db upgrade REVISION`), restore, then `flask db upgrade heads`."
        )
    missing = [name for name in header["tables"] if name not in metadata.tables]
    if missing:
        raise BackupError(f"The database has no table {', '.join(missing)}.")


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """Move each PostgreSQL id sequence past the largest id restored."""
    for table in tables:
        for column in table.primary_key.columns:
            sequence = connection.execute(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            ).scalar()
            if sequence is None:
                continue
            largest = connection.execute(select(func.max(column))).scalar()
            # setval(seq, n, false) makes n the next value handed out.
            connection.execute(
                text("SELECT setval(:sequence, :value, :called)"),
                {"sequence": sequence, "value": largest or 1, "called": largest is not None},
            )
