"""The backup file: gzip JSON lines, with values in a form any database reads back.

A backup is one gzip file of JSON lines:

1. a header ``{"format": "feedback-backup", "version": 1, "alembic": [...], "tables": [...]}``
   naming the schema revision and the tables in dependency order (parents first);
2. one line per row, ``{"t": table, "r": {column: value}}``, tables in that order;
3. a trailer ``{"end": true, "counts": {table: rows}}``, so that a file cut short is
   noticed before anything is committed.

Values are written in a dialect-neutral form (ISO 8601 dates and times in UTC,
base64 for bytes, decimals as strings) and read back by the *target* column's
type, so a SQLite backup restores into PostgreSQL and the other way round.
Writing and restoring a whole database is in ``backup``.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table, types

FORMAT = "feedback-backup"
VERSION = 1


class BackupError(RuntimeError):
    """A backup could not be written or restored; the message says why, for the operator."""


# --- encoding -----------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A column value as JSON can hold it, the same from SQLite and PostgreSQL."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        # Stored as UTC throughout the application; written without an offset.
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def decode_row(table: Table, row: dict[str, Any], number: int) -> dict[str, Any]:
    """A row as written (line ``number`` of the file), read back by ``table``'s column types."""
    decoded: dict[str, Any] = {}
    for name, value in row.items():
        column = table.columns.get(name)
        if column is None:
            raise BackupError(f"Line {number}: table {table.name} has no column {name!r}")
        try:
            decoded[name] = _decode(column.type, value)
        except (TypeError, ValueError) as error:
            raise BackupError(f"Line {number}: bad value for {table.name}.{name}") from error
    return decoded


def _decode(column_type: types.TypeEngine[Any], value: Any) -> Any:
    if value is None or isinstance(column_type, types.JSON):
        return value
    if isinstance(column_type, types.DateTime):
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None and getattr(column_type, "timezone", False):
            moment = moment.replace(tzinfo=UTC)
        return moment
    if isinstance(column_type, types.Date):
        return date.fromisoformat(value)
    if isinstance(column_type, types.Time):
        return time.fromisoformat(value)
    if isinstance(column_type, types.Boolean):
        return bool(value)
    if isinstance(column_type, types.Numeric) and not isinstance(column_type, types.Float):
        return Decimal(str(value)) if column_type.asdecimal else value
    if isinstance(column_type, types.LargeBinary):
        return base64.b64decode(value)
    return value


# --- reading the file ---------------------------------------------------------------


def write_line(out: IO[str], record: dict[str, Any]) -> None:
    """Write one record as a line of JSON."""
    out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")


class open_lines:  # noqa: N801 - used as a context manager, like open()
    """Open a backup file and yield its lines, turning a corrupt gzip into a BackupError."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: IO[str] | None = None

    def __enter__(self) -> Iterator[str]:
        try:
            self.handle = gzip.open(self.path, "rt", encoding="utf-8")
        except OSError as error:
            raise BackupError(f"Cannot open {self.path}: {error}") from error
        return self._lines()

    def _lines(self) -> Iterator[str]:
        assert self.handle is not None
        try:
            yield from self.handle
        except (OSError, EOFError, UnicodeDecodeError) as error:
            raise BackupError(f"{self.path} is not a readable backup: {error}") from error

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()


def read_header(lines: Iterator[str]) -> dict[str, Any]:
    """Read and check the header line, which says the file is a backup and lists its tables."""
    first = next(lines, None)
    if first is None:
        raise BackupError("The backup file is empty.")
    header = parse_line(first, 1)
    if header.get("format") != FORMAT or header.get("version") != VERSION:
        raise BackupError("This is not a backup made by `flask backup`.")
    if not isinstance(header.get("tables"), list):
        raise BackupError("The backup's header lists no tables.")
    return header


def parse_line(line: str, number: int) -> dict[str, Any]:
    """Parse line ``number`` of the file, which must be a JSON object."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise BackupError(f"Line {number} of the backup is not valid JSON.") from error
    if not isinstance(record, dict):
        raise BackupError(f"Line {number} of the backup is not a JSON object.")
    return record
