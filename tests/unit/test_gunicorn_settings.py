"""deploy/gunicorn.conf.py reads its numbers from the environment, or stops with one line."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

CONF = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"


def test_numbers_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("GUNICORN_TIMEOUT", "45")
    settings = runpy.run_path(str(CONF))
    assert (settings["workers"], settings["timeout"]) == (3, 45)


@pytest.mark.parametrize("value", ["abc", "0", "-2", "2.5"])
def test_a_bad_number_stops_with_a_clear_line(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("GUNICORN_WORKERS", value)
    with pytest.raises(SystemExit, match="GUNICORN_WORKERS must be a whole number of at least 1"):
        runpy.run_path(str(CONF))
