"""Pages that promise small numbers are never shown say the threshold the area set."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient


def test_the_promise_follows_the_setting(app: Flask, client: FlaskClient) -> None:
    app.config["SUPPRESSION_THRESHOLD"] = 10
    for url in ("/surveys/new-ehcp", "/surveys/new-ehcp/young-people", "/privacy"):
        body = client.get(url).get_data(as_text=True)
        assert "fewer than 10" in body, url
        assert "fewer than 5 " not in body, url
