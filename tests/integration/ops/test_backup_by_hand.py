"""`flask backup` run by hand: the file is readable by its owner only, and an existing file
is never replaced without --force."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from feedback_app.extensions import db
from feedback_app.services import backup as backups

# SQLite cannot reflect the queue's expression indexes; the backup does not need them.
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


@pytest.fixture
def shell_umask():  # type: ignore[no-untyped-def]
    """The umask of an operator's shell (022): files it makes are world-readable."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_is_readable_by_its_owner_only(app, tmp_path: Path, shell_umask) -> None:
    target = tmp_path / "by-hand.jsonl.gz"

    result = app.test_cli_runner().invoke(args=["backup", str(target)])

    assert result.exit_code == 0, result.output
    assert _mode(target) == 0o600
    assert not (tmp_path / "by-hand.jsonl.gz.partial").exists()


def test_a_left_over_partial_file_does_not_lend_its_mode(app, tmp_path: Path, shell_umask) -> None:
    target = tmp_path / "by-hand.jsonl.gz"
    partial = tmp_path / "by-hand.jsonl.gz.partial"
    partial.write_text("from a backup that failed")
    partial.chmod(0o644)

    assert app.test_cli_runner().invoke(args=["backup", str(target)]).exit_code == 0

    assert _mode(target) == 0o600


def test_an_existing_file_is_kept_unless_forced(app, tmp_path: Path, shell_umask) -> None:
    target = tmp_path / "last-night.jsonl.gz"
    target.write_bytes(b"last night's backup")
    runner = app.test_cli_runner()

    refused = runner.invoke(args=["backup", str(target)])

    assert refused.exit_code == 1
    assert f"{target} already exists, so nothing was written" in refused.output
    assert "--force" in refused.output
    assert target.read_bytes() == b"last night's backup"
    assert not (tmp_path / "last-night.jsonl.gz.partial").exists()

    forced = runner.invoke(args=["backup", "--force", str(target)])

    assert forced.exit_code == 0, forced.output
    assert target.read_bytes()[:2] == b"\x1f\x8b"  # a gzip file now: the new backup
    assert _mode(target) == 0o600
    with pytest.raises(backups.BackupError, match="already exists"):
        backups.backup(db.engine, target)
