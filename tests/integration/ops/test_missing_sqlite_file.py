"""Outside development, a SQLite database file that is not there is never made, empty.

Found by an operations tester: on production settings, the first page asked for
against a mistyped or not-yet-made SQLite path made an empty database file, and
pages then failed on it while only /healthz and ``flask check`` said "database not
migrated". Now startup says in one line that the file is missing and how to make it,
pages give the "Sorry, please try again" page (a 503) without making the file, and
``flask db upgrade`` alone makes it. Development and tests still make it, as before.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import text

import config
from feedback_app import create_app
from feedback_app.extensions import db

HOST = "https://send-feedback.example.gov.uk"
UPGRADE = "flask --app wsgi db upgrade heads"


class Lines(logging.Handler):
    """Keep the app's log lines as the operator reads them."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def log_lines() -> Iterator[list[str]]:
    handler = Lines()
    names = ("feedback_app.services.database", "feedback_app.errors")
    for name in names:
        logger = logging.getLogger(name)
        logger.disabled = False  # migrations/env.py's fileConfig() may have disabled it
        logger.addHandler(handler)
    yield handler.lines
    for name in names:
        logging.getLogger(name).removeHandler(handler)


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Flask]]:
    """Production settings (the secret and address they insist on); apps made are closed."""
    monkeypatch.setenv("SECRET_KEY", "s" * 64)
    monkeypatch.setenv("PUBLIC_URL", HOST)
    made: list[Flask] = []
    yield made
    for app in made:
        with app.app_context():
            db.engine.dispose()


def production_app(made: list[Flask], path: Path) -> Flask:
    app = create_app(
        "production",
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "SECRET_KEY": "s" * 64,  # read from the environment when config.py was imported
            "LOG_JSON": False,
            "REDIS_URL": "",
        },
    )
    made.append(app)
    return app


def test_a_page_on_production_settings_makes_no_database_file(
    tmp_path: Path, production: list[Flask], log_lines: list[str]
) -> None:
    path = tmp_path / "feedbak.sqlite3"  # mistyped: the real one is feedback.sqlite3
    app = production_app(production, path)

    # Startup says so, in one line that names the file and the fix.
    said = [line for line in log_lines if "database missing" in line]
    assert len(said) == 1 and "\n" not in said[0], log_lines
    assert str(path) in said[0] and UPGRADE in said[0]

    client = app.test_client()
    for page in ("/", "/findings", "/you-said-we-did"):
        response = client.get(page, base_url=HOST)
        assert response.status_code == 503, page
        assert "Sorry, please try again" in response.get_data(as_text=True)
        assert str(path) not in response.get_data(as_text=True)
    assert client.get("/healthz", base_url=HOST).get_json()["reason"] == "database not migrated"

    assert not path.exists()
    refused = [line for line in log_lines if line.startswith("database unavailable")]
    assert refused and all("database missing" in line and UPGRADE in line for line in refused)


def test_flask_db_upgrade_makes_the_file_and_other_commands_do_not(
    tmp_path: Path, production: list[Flask]
) -> None:
    path = tmp_path / "feedback.sqlite3"
    app = production_app(production, path)
    runner = app.test_cli_runner()

    for command in (["db", "current"], ["check"]):
        result = runner.invoke(args=command)
        assert result.exit_code != 0, (command, result.output)
        assert not path.exists(), command

    result = runner.invoke(args=["db", "upgrade", "heads"])
    assert result.exit_code == 0, result.output
    assert path.exists()
    assert runner.invoke(args=["check"]).exit_code == 0
    assert app.test_client().get("/", base_url=HOST).status_code == 200


@pytest.mark.parametrize("environment", ["development", "testing"])
def test_development_and_tests_still_make_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environment: str
) -> None:
    # A development secret would otherwise be written to instance/.
    monkeypatch.setattr(config.DevelopmentConfig, "SECRET_KEY", "d" * 64)
    path = tmp_path / "new.sqlite3"
    app = create_app(environment, {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        assert db.session.execute(text("SELECT 1")).scalar() == 1
        db.session.remove()
        db.engine.dispose()
    assert path.exists()
