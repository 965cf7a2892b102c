"""Production refuses to start without the settings that keep it safe."""

from __future__ import annotations

import pytest

from config import ConfigError, ProductionConfig, load_config


def test_production_needs_an_https_public_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    monkeypatch.delenv("PUBLIC_URL", raising=False)
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        load_config("production")
    monkeypatch.setenv("PUBLIC_URL", "http://send-feedback.example.gov.uk")
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        load_config("production")
    monkeypatch.setenv("PUBLIC_URL", "https://send-feedback.example.gov.uk")
    assert load_config("production") is ProductionConfig


def test_production_needs_a_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("PUBLIC_URL", "https://send-feedback.example.gov.uk")
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config("production")
