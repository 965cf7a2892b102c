"""The public pages a UK public-sector service must have."""

import pytest

from tests.conftest import parse_html


@pytest.mark.parametrize("url", ["/", "/accessibility", "/privacy", "/cookies", "/sign-in"])
def test_public_page_renders_valid_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = parse_html(response.get_data(as_text=True))
    assert soup.find("h1")
    assert soup.find("main", id="main-content")


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_home_lists_default_surveys(client):
    body = client.get("/").get_data(as_text=True)
    assert "/surveys/new-ehcp" in body
    assert "/surveys/annual-review" in body


def test_healthz_checks_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": True}


def test_sign_in_form_carries_csrf_token_when_protection_is_on(csrf_app):
    body = csrf_app.test_client().get("/sign-in").get_data(as_text=True)
    soup = parse_html(body)
    assert soup.find("input", attrs={"name": "csrf_token"})
