"""Read a form from a page as a browser would send it, for tests that post stale pages."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import PASSWORD, parse_html


def form_data(body: str, action: str | None = None) -> dict[str, list[str]]:
    """What submitting the page's form (the one posting to ``action``, else the first POST
    form in the main content) sends unchanged: inputs, ticked boxes, chosen options and
    text areas."""
    main = parse_html(body).find("main")
    forms = [f for f in main.find_all("form") if f.get("method", "").lower() == "post"]
    form = next(f for f in forms if action is None or f.get("action") == action)
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        kind = field.get("type", "text")
        if not name or kind in ("submit", "button"):
            continue
        if kind in ("radio", "checkbox") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            value = field.get_text().removeprefix("\n")  # as browsers read it
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            value = chosen.get("value", "") if chosen else ""
        else:
            value = field.get("value", "")
        data.setdefault(name, []).append(value)
    return data


def signed_in_client(app: Flask, make_user, role: str, email: str) -> FlaskClient:  # type: ignore[no-untyped-def]
    """Another browser: a client of its own, signed in as a new user with ``role``."""
    user = make_user(role, email=email)
    client = app.test_client()
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client
