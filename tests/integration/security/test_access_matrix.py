"""Every route × every role × anonymous: who gets in, who is sent to sign in, who is refused.

Public endpoints are those of the blueprints families and the public use; every
other endpoint must carry ``required_roles`` (set by ``roles_required``), send an
anonymous visitor to /sign-in and refuse a signed-in user without the role.
Routes are read from ``app.url_map``, so a route added tomorrow is checked too.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import AnyConverter, Rule
from werkzeug.routing.converters import NumberConverter

from feedback_app.models import Role

PUBLIC_BLUEPRINTS = {"pages", "auth", "surveys", "findings", "complaints_public"}
PUBLIC_ENDPOINTS = {"static", "govuk_assets"}
# Sample values for URL parameters, by converter; ids that match nothing give 404.


def is_public(endpoint: str) -> bool:
    return endpoint in PUBLIC_ENDPOINTS or endpoint.split(".", 1)[0] in PUBLIC_BLUEPRINTS


def staff_rules(app: Flask) -> list[Rule]:
    return [rule for rule in app.url_map.iter_rules() if not is_public(rule.endpoint)]


def url_for_rule(rule: Rule) -> str:
    # Sample values for URL parameters: ids that match nothing, so a page is 404 at worst.
    values: dict[str, object] = {}
    for name, converter in rule._converters.items():  # noqa: SLF001 - no public API for this
        if isinstance(converter, NumberConverter):
            values[name] = 999999
        elif isinstance(converter, AnyConverter):
            values[name] = next(iter(converter.items))  # type: ignore[attr-defined]
        else:
            values[name] = "sample"
    _, path = rule.build(values, append_unknown=False)  # type: ignore[misc]
    return path


def methods_of(rule: Rule) -> list[str]:
    return sorted(m for m in (rule.methods or set()) if m in {"GET", "POST"})


def request(client: FlaskClient, method: str, url: str):  # type: ignore[no-untyped-def]
    return client.get(url) if method == "GET" else client.post(url, data={})


def test_every_non_public_view_carries_required_roles(app: Flask) -> None:
    unguarded = [
        rule.endpoint
        for rule in staff_rules(app)
        if not getattr(app.view_functions[rule.endpoint], "required_roles", None)
    ]
    assert not unguarded, f"staff routes without roles_required: {unguarded}"
    assert staff_rules(app), "expected some staff routes"


def test_anonymous_is_sent_to_sign_in_from_every_staff_route(
    client: FlaskClient, app: Flask
) -> None:
    problems = []
    for rule in staff_rules(app):
        for method in methods_of(rule):
            response = request(client, method, url_for_rule(rule))
            location = urlsplit(response.headers.get("Location", "")).path
            if response.status_code != 302 or location != "/sign-in":
                problems.append(f"{method} {rule.rule}: {response.status_code} {location}")
    assert not problems, "\n".join(problems)


def test_anonymous_reaches_every_public_page(client: FlaskClient, app: Flask) -> None:
    problems = []
    for rule in app.url_map.iter_rules():
        if not is_public(rule.endpoint) or "GET" not in (rule.methods or set()):
            continue
        if rule.endpoint in {"static", "govuk_assets"}:
            continue
        response = client.get(url_for_rule(rule))
        location = urlsplit(response.headers.get("Location", "")).path
        if (
            response.status_code in {401, 403}
            or location == "/sign-in"
            or response.status_code >= 500
        ):
            problems.append(f"GET {rule.rule}: {response.status_code} {location}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_each_role_gets_exactly_the_routes_it_is_given(role: str, app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    client = sign_in(role)
    problems = []
    for rule in staff_rules(app):
        allowed = {str(r) for r in app.view_functions[rule.endpoint].required_roles}
        admitted = role == Role.ADMIN.value or role in allowed
        # GET only for the admitted (a POST would change data); POST too for the refused.
        for method in (
            methods_of(rule) if not admitted else [m for m in methods_of(rule) if m == "GET"]
        ):
            response = request(client, method, url_for_rule(rule))
            status = response.status_code
            if admitted and (status in {401, 403} or status >= 500):
                problems.append(f"{role} refused or error at {method} {rule.rule}: {status}")
            if not admitted and status != 403:
                problems.append(f"{role} not refused at {method} {rule.rule}: {status}")
    assert not problems, "\n".join(problems)
