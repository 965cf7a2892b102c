"""Behind nginx, rate limits count each client's own address, not the proxy's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask, request

from feedback_app.extensions import db, limiter
from tests.conftest import make_app

NGINX = {"REMOTE_ADDR": "127.0.0.1"}


def limited_app(database_url: str, proxies: int) -> Iterator[Flask]:
    app = make_app(
        database_url,
        RATELIMIT_ENABLED=True,
        RATELIMIT_SIGN_IN="3 per minute",
        TRUSTED_PROXIES=proxies,
    )

    @app.get("/test-remote-addr")
    def remote_addr() -> str:
        return request.remote_addr or ""

    with app.app_context():
        limiter.reset()
        yield app
        limiter.reset()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def behind_nginx(database_url: str) -> Iterator[Flask]:
    yield from limited_app(database_url, proxies=1)


@pytest.fixture
def no_proxy(database_url: str) -> Iterator[Flask]:
    yield from limited_app(database_url, proxies=0)


def sign_in_statuses(app: Flask, client_address: str, attempts: int) -> list[int]:
    client = app.test_client()
    return [
        client.post(
            "/sign-in",
            data={"email": "nobody@example.gov.uk", "password": "wrong password"},
            headers={"X-Forwarded-For": client_address},
            environ_base=NGINX,
        ).status_code
        for _ in range(attempts)
    ]


def test_the_forwarded_address_is_used_when_one_proxy_is_trusted(behind_nginx: Flask) -> None:
    client = behind_nginx.test_client()
    response = client.get(
        "/test-remote-addr",
        headers={"X-Forwarded-For": "203.0.113.9, 198.51.100.7"},
        environ_base=NGINX,
    )
    # nginx appends the address it saw to the right; only that one is trusted.
    assert response.get_data(as_text=True) == "198.51.100.7"


def test_the_forwarded_address_is_ignored_by_default(no_proxy: Flask) -> None:
    client = no_proxy.test_client()
    response = client.get(
        "/test-remote-addr", headers={"X-Forwarded-For": "203.0.113.9"}, environ_base=NGINX
    )
    assert response.get_data(as_text=True) == "127.0.0.1"


def test_one_client_hitting_the_sign_in_limit_does_not_stop_another(behind_nginx: Flask) -> None:
    assert sign_in_statuses(behind_nginx, "203.0.113.9", 4) == [200, 200, 200, 429]
    assert sign_in_statuses(behind_nginx, "198.51.100.7", 1) == [200]


def test_without_trusted_proxies_a_forged_header_does_not_escape_the_limit(
    no_proxy: Flask,
) -> None:
    assert sign_in_statuses(no_proxy, "203.0.113.9", 3) == [200, 200, 200]
    assert sign_in_statuses(no_proxy, "198.51.100.7", 1) == [429]


def test_production_trusts_the_one_documented_nginx() -> None:
    from config import Config, ProductionConfig

    assert Config.TRUSTED_PROXIES == 0
    assert ProductionConfig.TRUSTED_PROXIES == 1
