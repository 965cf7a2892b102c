"""``seed-demo`` prints demo sign-ins only when it made them, at an address it knows.

Found by an operations tester: ``seed-demo --if-empty`` on a database that already held
other data printed the demo staff's emails and password, though no such accounts
existed, and the sign-in address was always http://127.0.0.1:5000.
"""

from __future__ import annotations

import random

import pytest
from flask import Flask

from feedback_app.demo import staff
from feedback_app.demo.staff import DEMO_PASSWORD


def test_a_database_with_data_gets_no_demo_sign_ins(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("admin", "officer@council.gov.uk")
    result = app.test_cli_runner().invoke(args=["seed-demo", "--if-empty"])
    assert result.exit_code == 0
    assert result.output.strip() == (
        "The database already has data; no demo data or demo sign-ins were loaded."
    )
    assert DEMO_PASSWORD not in result.output
    assert "admin@example.gov.uk" not in result.output


def test_without_an_address_it_says_where_in_words(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("FLASK_RUN_HOST", "FLASK_RUN_PORT"):
        monkeypatch.delenv(name, raising=False)
    lines = staff.seed(random.Random(1))  # noqa: S311
    assert lines[0] == (
        "Demo staff sign in at /sign-in on the address the app runs on "
        f"(password for all: {DEMO_PASSWORD}):"
    )
    assert "5000" not in "\n".join(lines)
    assert any("admin@example.gov.uk" in line for line in lines)


@pytest.mark.parametrize(
    ("settings", "env", "address"),
    [
        ({}, {"FLASK_RUN_PORT": "5119"}, "http://127.0.0.1:5119/sign-in"),
        (
            {},
            {"FLASK_RUN_HOST": "0.0.0.0", "FLASK_RUN_PORT": "8080"},
            "http://0.0.0.0:8080/sign-in",
        ),  # noqa: S104
        ({"SERVER_NAME": "demo.example:8000"}, {}, "http://demo.example:8000/sign-in"),
        ({"PUBLIC_URL": "https://send.example.gov.uk"}, {}, "https://send.example.gov.uk/sign-in"),
    ],
)
def test_the_address_comes_from_the_server_settings(
    app: Flask,
    monkeypatch: pytest.MonkeyPatch,
    settings: dict[str, str],
    env: dict[str, str],
    address: str,
) -> None:
    for name in ("FLASK_RUN_HOST", "FLASK_RUN_PORT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setitem(app.config, "SERVER_NAME", settings.get("SERVER_NAME"))
    monkeypatch.setitem(app.config, "PUBLIC_URL", settings.get("PUBLIC_URL", ""))
    assert staff.sign_in_address() == address
