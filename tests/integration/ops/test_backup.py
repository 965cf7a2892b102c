"""``flask backup`` / ``flask restore``: every table round-trips, on SQLite and PostgreSQL.

The source database gets at least one row in every table that exists in it,
whichever area's migration made the table: a few through the services, the rest
from a generic filler that reads the schema, so a table added later is covered
without changing this test.
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import MetaData, func, insert, select, types

from feedback_app.extensions import db
from feedback_app.services import backup as backups
from tests.conftest import PASSWORD, make_app

pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


def fill_every_table(app: Flask) -> dict[str, int]:
    """Put at least one row in every table; return the row counts."""
    from feedback_app.services import users

    with app.app_context():
        users.create_user(email="admin@example.gov.uk", role="admin", password=PASSWORD)
        metadata = MetaData()
        metadata.reflect(bind=db.engine)
        with db.engine.begin() as connection:
            for table in metadata.sorted_tables:
                if table.name == "alembic_version":
                    continue
                if connection.execute(select(func.count()).select_from(table)).scalar_one():
                    continue
                row = {}
                for column in table.columns:
                    # A lone integer key numbers itself; parts of a composite key do not.
                    lone_key = len(table.primary_key.columns) == 1
                    if column.primary_key and lone_key and isinstance(column.type, types.Integer):
                        continue
                    row[column.name] = _value_for(connection, column)
                connection.execute(insert(table).values(**row))
            counts = {
                table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in metadata.sorted_tables
            }
        db.engine.dispose()
    return counts


def _value_for(connection: Any, column: Any) -> Any:
    for foreign_key in column.foreign_keys:
        target = foreign_key.column
        return connection.execute(select(target).limit(1)).scalar_one()
    kind = column.type
    if isinstance(kind, types.Enum) and kind.enums:
        return kind.enums[0]
    if isinstance(kind, types.Boolean):
        return True
    if isinstance(kind, types.DateTime):
        return datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)
    if isinstance(kind, types.Date):
        return date(2024, 5, 6)
    if isinstance(kind, types.Float):
        return 0.25
    if isinstance(kind, types.Numeric):
        return Decimal("1.50")
    if isinstance(kind, types.Integer):
        return 3
    if isinstance(kind, types.JSON):
        return {"themes": ["communication"], "note": "ü ✓"}
    if isinstance(kind, types.LargeBinary):
        return b"\x00\x01\xff"
    if isinstance(kind, types.String):
        length = getattr(kind, "length", None) or 200
        return "Café ✓ — 'quoted' \"text\""[:length]
    return "x"


def rows_of(path: Path) -> list[dict[str, Any]]:
    """The row lines of a backup file (the header's time and dialect differ by design)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = [json.loads(line) for line in handle]
    assert lines[0]["format"] == "feedback-backup"
    assert lines[-1]["end"] is True
    return lines[1:]


def run(app: Flask, *args: str) -> Any:
    result = app.test_cli_runner().invoke(args=list(args))
    with app.app_context():
        db.engine.dispose()
    return result


def round_trip(source_url: str, target_url: str, tmp_path: Path) -> None:
    source = make_app(source_url)
    counts = fill_every_table(source)
    assert all(counts[name] >= 1 for name in counts if name != "alembic_version"), counts

    first = tmp_path / "first.jsonl.gz"
    result = run(source, "backup", str(first))
    assert result.exit_code == 0, result.output
    assert "Backed up" in result.output

    target = make_app(target_url)
    result = run(target, "restore", str(first))
    assert result.exit_code == 0, result.output

    second = tmp_path / "second.jsonl.gz"
    assert run(target, "backup", str(second)).exit_code == 0
    assert rows_of(second) == rows_of(first)
    restored_tables = {line["t"] for line in rows_of(second) if "t" in line}
    assert restored_tables == {name for name in counts if name != "alembic_version"}

    # New rows after a restore get fresh ids (PostgreSQL sequences were reset).
    from feedback_app.services import users

    with target.app_context():
        user = users.create_user(email="after@example.gov.uk", role="analyst", password=PASSWORD)
        assert user.id > 1
        db.session.remove()
        db.engine.dispose()


def test_round_trip_every_table_on_sqlite(new_sqlite, tmp_path: Path) -> None:
    round_trip(new_sqlite("source"), new_sqlite("target"), tmp_path)


@pytest.mark.postgres
def test_round_trip_every_table_on_postgres(new_postgres, tmp_path: Path) -> None:
    round_trip(new_postgres("source"), new_postgres("target"), tmp_path)


@pytest.mark.postgres
def test_backup_moves_between_sqlite_and_postgres(new_sqlite, new_postgres, tmp_path: Path) -> None:
    # The embedded install grows into the production shape: SQLite → PostgreSQL.
    (tmp_path / "up").mkdir()
    (tmp_path / "down").mkdir()
    round_trip(new_sqlite("embedded"), new_postgres("production"), tmp_path / "up")
    postgres_source = new_postgres("production")  # recreated, then filled again
    round_trip(postgres_source, new_sqlite("back"), tmp_path / "down")


@pytest.fixture
def backup_file(new_sqlite, tmp_path: Path) -> Path:
    source = make_app(new_sqlite("source"))
    fill_every_table(source)
    path = tmp_path / "backup.jsonl.gz"
    assert run(source, "backup", str(path)).exit_code == 0
    return path


def test_restore_refuses_a_database_with_data_unless_forced(new_sqlite, backup_file: Path) -> None:
    target = make_app(new_sqlite("busy"))
    from feedback_app.services import users

    with target.app_context():
        users.create_user(email="someone@example.gov.uk", role="analyst", password=PASSWORD)
        db.engine.dispose()

    refused = run(target, "restore", str(backup_file))
    assert refused.exit_code != 0
    assert "already holds data" in refused.output and "--force" in refused.output
    assert "Traceback" not in refused.output
    with target.app_context():
        assert "users" in backups.database_has_data(db.engine)

    forced = run(target, "restore", "--force", str(backup_file))
    assert forced.exit_code == 0, forced.output
    with target.app_context():
        from feedback_app.models import User

        emails = set(db.session.scalars(select(User.email)))
        assert "admin@example.gov.uk" in emails  # from the backup
        assert "someone@example.gov.uk" not in emails  # replaced
        db.session.remove()
        db.engine.dispose()


def test_a_truncated_backup_restores_nothing(new_sqlite, backup_file: Path, tmp_path: Path) -> None:
    with gzip.open(backup_file, "rt", encoding="utf-8") as handle:
        lines = handle.readlines()
    cut = tmp_path / "cut.jsonl.gz"
    with gzip.open(cut, "wt", encoding="utf-8") as handle:
        handle.writelines(lines[: len(lines) // 2])

    target = make_app(new_sqlite("target"))
    result = run(target, "restore", str(cut))
    assert result.exit_code != 0
    assert "incomplete" in result.output
    with target.app_context():
        assert backups.database_has_data(db.engine) == []
        # The reference rows of the fresh migration are still there.
        from feedback_app.models import Survey

        assert db.session.scalar(select(func.count(Survey.id)))
        db.session.remove()
        db.engine.dispose()


def test_restore_explains_files_that_are_not_backups(new_sqlite, tmp_path: Path) -> None:
    target = make_app(new_sqlite("target"))
    not_gzip = tmp_path / "notes.txt"
    not_gzip.write_text("hello")
    wrong_header = tmp_path / "wrong.jsonl.gz"
    with gzip.open(wrong_header, "wt") as handle:
        handle.write('{"format": "something-else"}\n')
    for path in (not_gzip, wrong_header):
        result = run(target, "restore", str(path))
        assert result.exit_code != 0
        assert "Traceback" not in result.output
        assert "backup" in result.output


def test_restore_refuses_another_schema_revision(
    new_sqlite, backup_file: Path, tmp_path: Path
) -> None:
    with gzip.open(backup_file, "rt", encoding="utf-8") as handle:
        lines = handle.readlines()
    header = json.loads(lines[0])
    header["alembic"] = ["9999_from_the_future"]
    lines[0] = json.dumps(header) + "\n"
    other = tmp_path / "future.jsonl.gz"
    with gzip.open(other, "wt", encoding="utf-8") as handle:
        handle.writelines(lines)
    result = run(make_app(new_sqlite("target")), "restore", str(other))
    assert result.exit_code != 0
    assert "schema revision" in result.output


def _with_a_duplicate_user(backup_file: Path, tmp_path: Path) -> tuple[Path, str]:
    """The backup with one user's row repeated under a new id: the email clashes."""
    with gzip.open(backup_file, "rt", encoding="utf-8") as handle:
        lines = [json.loads(line) for line in handle]
    user = next(line for line in lines if line.get("t") == "users")
    twin = {**user, "r": {**user["r"], "id": 99999}}
    lines.insert(lines.index(user) + 1, twin)
    lines[-1]["counts"]["users"] += 1
    bad = tmp_path / "duplicate.jsonl.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(line) + "\n" for line in lines)
    return bad, str(user["r"]["email"])


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_a_row_the_database_refuses_is_reported_without_its_values(
    kind: str, request: pytest.FixtureRequest, backup_file: Path, tmp_path: Path
) -> None:
    bad, email = _with_a_duplicate_user(backup_file, tmp_path)
    make = request.getfixturevalue("new_sqlite" if kind == "sqlite" else "new_postgres")
    target = make_app(make("refused"))
    result = run(target, "restore", str(bad))
    assert result.exit_code != 0
    assert "could not be restored" in result.output and "nothing was restored" in result.output
    assert email not in result.output and "Traceback" not in result.output
    with target.app_context():
        assert backups.database_has_data(db.engine) == []
        db.session.remove()
        db.engine.dispose()
