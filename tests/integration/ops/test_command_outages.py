"""Every flask command says a database or Redis outage in one line and exits 1.

Found by an operations tester: the timer commands (``purge-expired``, ``backup``,
``send-reminders``, ``import-responses``) printed 129 to 143 lines of traceback when the
SQLite file was missing in production or PostgreSQL was down; ``flask worker`` gave 48
lines for a mistyped REDIS_URL and 73 with Redis down, and ``flask check`` passed a
mistyped REDIS_URL and printed its password.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from feedback_app import ROOT
from feedback_app.extensions import db
from tests.conftest import make_app

PG_DOWN = "postgresql+psycopg://feedback:S3cretPw@127.0.0.1:1/feedback"
CSV = "survey,submitted_on,involved,aspirational,contact,joint_working,comment\n"


def commands(tmp_path: Path) -> list[list[str]]:
    upload = tmp_path / "responses.csv"
    upload.write_text(CSV + "new_ehcp,2024-05-01,agree,agree,agree,agree,\n")
    return [
        ["purge-expired"],
        ["purge-expired", "--dry-run"],
        ["backup", str(tmp_path / "nightly.jsonl.gz")],
        ["send-reminders"],
        ["import-responses", str(upload)],
        ["seed-demo", "--if-empty"],
        ["db", "current"],
    ]


@pytest.fixture(params=["missing SQLite file", "PostgreSQL down"])
def unusable(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """An app whose database is a SQLite file not made yet (as in production) or down."""
    if request.param == "PostgreSQL down":
        app = make_app(PG_DOWN)
    else:
        app = make_app(
            f"sqlite:///{tmp_path / 'not-made-yet.sqlite3'}", CREATE_MISSING_SQLITE_FILE=False
        )
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def test_every_timer_command_says_the_database_is_unavailable_in_one_line(
    unusable: Flask, tmp_path: Path
) -> None:
    for args in commands(tmp_path):
        result = unusable.test_cli_runner().invoke(args=args)
        assert result.exit_code == 1, (args, result.output)
        # Ended on purpose, not by the database error escaping with its traceback.
        assert isinstance(result.exception, SystemExit), (args, result.exception)
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("database unavailable: OperationalError: "), (args, line)
        assert "S3cretPw" not in result.output
    assert not (tmp_path / "not-made-yet.sqlite3").exists()
    assert not (tmp_path / "nightly.jsonl.gz").exists()


def flask(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``flask --app wsgi ARGS`` as a timer or an operator does."""
    clean = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("RATELIMIT_", "NOTIFY_", "REDIS_URL", "DATABASE_URL"))
    }
    return subprocess.run(
        [str(Path(sys.executable).with_name("flask")), "--app", "wsgi", *args],
        cwd=ROOT,
        env={**clean, "FEEDBACK_ENV": "testing", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_timer_with_postgresql_down_writes_one_line() -> None:
    result = flask("send-reminders", DATABASE_URL=PG_DOWN)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "database unavailable: OperationalError: connection failed: connection to server at "
        '"127.0.0.1", port 1 failed: Connection refused'
    ]


def test_check_refuses_a_mistyped_redis_address_without_printing_its_password(
    tmp_path: Path,
) -> None:
    result = flask(
        "check",
        REDIS_URL="redis:/:S3cretPw@redis-host:6379/0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'feedback.sqlite3'}",
    )
    assert result.returncode == 1
    assert "S3cretPw" not in result.stdout + result.stderr
    assert result.stderr.strip().splitlines() == [
        "Configuration error: REDIS_URL must start with redis://, rediss:// or unix://, "
        "like redis://:PASSWORD@redis-host:6379/0"
    ]


def test_the_worker_says_redis_is_down_in_one_line(database_url: str) -> None:
    app = make_app(database_url, REDIS_URL="redis://:S3cretPw@127.0.0.1:1/0")
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["worker", "--burst"])
        db.engine.dispose()
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: REDIS_URL (redis://:***@127.0.0.1:1/0): ConnectionError: ")
    assert "S3cretPw" not in result.output


def test_check_never_prints_a_password_of_another_storage(database_url: str) -> None:
    app = make_app(database_url, RATELIMIT_STORAGE_URI="redis+sentinel://u:S3cretPw@h:26379/m")
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["check"])
        db.engine.dispose()
    assert "RATELIMIT_STORAGE_URI: not Redis (redis+sentinel://u:***@h:26379/m)" in result.output
    assert "S3cretPw" not in result.output
