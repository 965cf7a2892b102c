"""A mistyped setting stops the app at startup with one line saying what is wrong.

Found by an operations tester: ``FEEDBACK_ENV=prodution`` ran development settings,
``RATELIMIT_ENABLED=maybe`` turned rate limiting off, ``SUPPRESSION_THRESHOLD=0``
switched off small-number suppression, ``abc`` crashed with a traceback, and a
``mysql://`` DATABASE_URL gave "No such command 'check'".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import config
from config import ConfigError
from feedback_app import ROOT


def read_settings(env: dict[str, str], code: str = "import config") -> subprocess.CompletedProcess:
    """Import the settings in a new Python with the given environment, as startup does."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "FEEDBACK_ENV"}}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"RATELIMIT_ENABLED": "maybe"}, "RATELIMIT_ENABLED must be one of true/false"),
        ({"LOG_JSON": "ture"}, "LOG_JSON must be one of"),
        ({"SUPPRESSION_THRESHOLD": "0"}, "SUPPRESSION_THRESHOLD must be at least 2, not 0"),
        ({"SUPPRESSION_THRESHOLD": "-3"}, "SUPPRESSION_THRESHOLD must be at least 2, not -3"),
        ({"SUPPRESSION_THRESHOLD": "abc"}, "SUPPRESSION_THRESHOLD must be a whole number"),
        ({"RESUME_HOURS": "2"}, "RESUME_HOURS must be at least 20"),
        ({"TRUSTED_PROXIES": "-1"}, "TRUSTED_PROXIES must be at least 0"),
        ({"SIGN_IN_MAX_FAILURES": "0"}, "SIGN_IN_MAX_FAILURES must be at least 1"),
        ({"DATABASE_URL": "mysql://feedback:hunter2@db/feedback"}, "mysql:// is not supported"),
        ({"DATABASE_URL": "sqlite:////no/such/folder/feedback.sqlite3"}, "does not exist"),
    ],
)
def test_a_bad_setting_stops_startup_with_one_line(env: dict[str, str], says: str) -> None:
    result = read_settings(env)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
    assert result.stderr.startswith("Configuration error: ")
    assert says in result.stderr
    assert "hunter2" not in result.stderr


def test_an_unknown_environment_name_lists_the_valid_ones() -> None:
    result = read_settings({"FEEDBACK_ENV": "prodution"}, "import config; config.load_config()")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Configuration error: FEEDBACK_ENV must be one of development, testing, production, "
        "not 'prodution'"
    )


def test_flask_names_an_unsupported_database_instead_of_a_missing_command(
    tmp_path: Path,
) -> None:
    flask = Path(sys.executable).with_name("flask")
    result = subprocess.run(
        [str(flask), "--app", "wsgi", "check"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": "mysql://feedback:hunter2@db/feedback"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "No such command" not in result.stderr
    assert result.stderr.strip().startswith("Configuration error: DATABASE_URL must start with")
    assert "hunter2" not in result.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("TRUE", True),
        (" Yes ", True),
        ("on", True),
        ("0", False),
        ("False", False),
        ("NO", False),
        ("off", False),
        ("", True),
    ],
)
def test_clear_yes_and_no_words_are_accepted(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: bool
) -> None:
    monkeypatch.setenv("SOME_FLAG", value)
    assert config._flag("SOME_FLAG", True) is expected


def test_whole_numbers_at_or_above_the_floor_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_NUMBER", " 2 ")
    assert config._int("SOME_NUMBER", 5, 2) == 2
    monkeypatch.setenv("SOME_NUMBER", "1")
    with pytest.raises(ConfigError, match="SOME_NUMBER must be at least 2, not 1"):
        config._int("SOME_NUMBER", 5, 2)
    monkeypatch.delenv("SOME_NUMBER")
    assert config._int("SOME_NUMBER", 5, 2) == 5


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("postgresql+psycopg://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
    ],
)
def test_postgresql_urls_get_the_psycopg_driver(
    monkeypatch: pytest.MonkeyPatch, url: str, expected: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    assert config._database_url() == expected
