"""Shared fixtures: an app on a freshly migrated database, clients, and signed-in staff.

The database is migrated once per test session with ``flask db upgrade`` (the same
path production takes) and copied for each test, so every test starts from the
state a new installation has: the default taxonomy and surveys, nothing else.
Set TEST_DATABASE_URL to run the suite against PostgreSQL instead; then each test
empties the tables it may have written to.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import html5lib
import pytest
from bs4 import BeautifulSoup
from flask import Flask, current_app, has_app_context
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import text

from feedback_app import ROOT, create_app
from feedback_app.extensions import db

# Rows a migration creates; every other table is emptied between PostgreSQL tests.
REFERENCE_TABLES = {"alembic_version", "themes", "surveys", "survey_versions", "questions"}
IN_CI = os.environ.get("CI", "").lower() == "true"
PASSWORD = "correct horse battery staple"  # noqa: S105


def make_app(database_url: str, **overrides: object) -> Flask:
    """Create a test app on the given database."""
    settings = {"SQLALCHEMY_DATABASE_URI": database_url, "WTF_CSRF_ENABLED": False}
    settings.update(overrides)
    return create_app("testing", settings)


def migrate_database(database_url: str) -> None:
    """Apply every migration to the database, as ``flask db upgrade`` would."""
    app = make_app(database_url)
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"), revision="heads")
        db.engine.dispose()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per session, copied by each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    migrate_database(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def shared_database_url() -> str | None:
    """The PostgreSQL URL the whole suite runs on, when TEST_DATABASE_URL asks for one."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        url = _database_for_this_worker(url)
        migrate_database(url)
    return url


def _database_for_this_worker(url: str) -> str:
    """Give each pytest-xdist worker its own database on the server, so they run side by side."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    import psycopg

    server, _, name = url.rpartition("/")
    worker_db = f"{name}_{worker}"
    admin = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{worker_db}"')
        connection.execute(f'CREATE DATABASE "{worker_db}"')
    return f"{server}/{worker_db}"


@pytest.fixture
def database_url(
    shared_database_url: str | None, migrated_sqlite: Path, tmp_path: Path
) -> Iterator[str]:
    """A migrated database for one test."""
    if shared_database_url:
        yield shared_database_url
        _empty_tables(shared_database_url)
        return
    path = tmp_path / "test.sqlite3"
    shutil.copy(migrated_sqlite, path)
    yield f"sqlite:///{path}"


def _empty_tables(url: str) -> None:
    app = make_app(url)
    with app.app_context():
        tables = [t.name for t in db.metadata.sorted_tables if t.name not in REFERENCE_TABLES]
        with db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        db.engine.dispose()


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """The application with CSRF off, for tests of behaviour behind the forms."""
    app = make_app(database_url)
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def csrf_app(database_url: str) -> Iterator[Flask]:
    """The application with CSRF protection on, as in production."""
    app = make_app(database_url, WTF_CSRF_ENABLED=True)
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client for the CSRF-free app."""
    return app.test_client()


@pytest.fixture
def make_user(app: Flask):  # type: ignore[no-untyped-def]
    """Create a staff user with a role; returns the user."""
    from feedback_app.services import users

    def _make(role: str, email: str | None = None) -> object:
        return users.create_user(
            email=email or f"{role}@example.gov.uk", role=role, password=PASSWORD
        )

    return _make


@pytest.fixture
def sign_in(client: FlaskClient, make_user):  # type: ignore[no-untyped-def]
    """Sign the test client in as a new user with the given role."""

    def _sign_in(role: str) -> FlaskClient:
        user = make_user(role)
        response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return _sign_in


def parse_html(body: str) -> BeautifulSoup:
    """Parse a page strictly: fail on HTML parse errors and duplicate ids."""
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(body)
    problems = [
        error for error in parser.errors if error[1] not in {"unexpected-end-tag-before-html"}
    ]
    assert not problems, f"HTML errors: {problems[:5]}"
    soup = BeautifulSoup(body, "html.parser")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {duplicates}"
    csrf_on = has_app_context() and current_app.config.get("WTF_CSRF_ENABLED", True)
    for form in soup.find_all("form") if csrf_on else []:
        assert form.get("method", "get").lower() == "get" or form.find(
            "input", attrs={"name": "csrf_token"}
        ), "a POST form without a CSRF token"
    return soup


def require_or_skip(condition: bool, reason: str) -> None:
    """Skip outside CI when a tool is missing; under CI the same gap fails the run."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI must run this test)")
    pytest.skip(reason)
