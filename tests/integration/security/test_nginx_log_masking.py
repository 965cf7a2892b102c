"""The nginx example's access log never holds a secret carried in an address.

Found by an operations tester: the example masked resume codes but wrote live password
reset links (``/reset-password/<token>``) to the access log, where anyone who can read
the log could use one to choose a staff member's password. Each route argument is
declared secret or not here, so a new address with a secret in it fails until the nginx
example masks it.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask

from feedback_app import ROOT

NGINX = ROOT / "deploy" / "nginx.conf.example"

#: Route arguments that are secrets: whoever has the address gets in.
SECRET_ARGUMENTS = {"code", "token"}
#: Route arguments that name a record or a page; staff routes need a signed-in user.
PLAIN_ARGUMENTS = {
    "action_id",
    "comment_id",
    "complaint_id",
    "entry_id",
    "filename",
    "flag_id",
    "key",
    "milestone_id",
    "name_id",
    "path",
    "period",
    "point_id",
    "request_id",
    "quote_id",
    "release_id",
    "slug",
    "step",
    "survey",
    "user_id",
}
SECRET = "Zq7S3cretValue-4xY"


def logged_uri_map() -> list[tuple[re.Pattern[str], str]]:
    """The regex lines of the example's ``map $uri $logged_uri``, in order (nginx tries
    regexes in the order written and takes the first that matches)."""
    text = NGINX.read_text()
    block = re.search(r"map \$uri \$logged_uri \{(.*?)\n\}", text, re.DOTALL)
    assert block, "the nginx example maps $uri to $logged_uri"
    lines: list[tuple[re.Pattern[str], str]] = []
    for line in block.group(1).splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].startswith("~"):
            flags = re.IGNORECASE if parts[0].startswith("~*") else 0
            lines.append((re.compile(parts[0].lstrip("~*"), flags), parts[1].rstrip(";")))
    return lines


def logged(uri: str) -> str:
    """What the access log writes for a request to ``uri``."""
    for pattern, replacement in logged_uri_map():
        if pattern.search(uri):
            return replacement
    return uri


def test_the_log_format_writes_the_masked_path_and_no_query_string() -> None:
    text = NGINX.read_text()
    log_format = re.search(r"log_format no_codes (.*?);", text, re.DOTALL)
    assert log_format
    assert "$logged_uri" in log_format.group(1)
    for leak in ("$request_uri", "$request ", "$uri", "$args", "$query_string"):
        assert leak not in log_format.group(1) + " "
    assert re.search(r"access_log \S+ no_codes;", text)


def test_every_route_argument_is_declared_secret_or_not(app: Flask) -> None:
    arguments = {name for rule in app.url_map.iter_rules() for name in rule.arguments}
    assert arguments - SECRET_ARGUMENTS - PLAIN_ARGUMENTS == set(), (
        "a new route argument: add it to SECRET_ARGUMENTS (and mask it in "
        "deploy/nginx.conf.example) or to PLAIN_ARGUMENTS"
    )


def secret_addresses(app: Flask) -> list[str]:
    adapter = app.url_map.bind("send.example.gov.uk")
    addresses = []
    for rule in app.url_map.iter_rules():
        if rule.arguments & SECRET_ARGUMENTS:
            values = {name: SECRET if name in SECRET_ARGUMENTS else 1 for name in rule.arguments}
            addresses.append(adapter.build(rule.endpoint, values))
    return addresses


def test_the_secret_addresses_are_the_resume_and_reset_links(app: Flask) -> None:
    assert sorted(secret_addresses(app)) == [
        f"/reset-password/{SECRET}",
        f"/surveys/resume/{SECRET}",
    ]


@pytest.mark.parametrize("case", [str, str.upper])
def test_no_secret_from_an_address_reaches_the_access_log(app: Flask, case) -> None:  # type: ignore[no-untyped-def]
    for address in secret_addresses(app):
        written = logged(case(address))
        assert SECRET.lower() not in written.lower(), address
    assert logged(f"/reset-password/{SECRET}") == "/reset-password/[token]"
    assert logged(f"/surveys/resume/{SECRET}") == "/surveys/resume/[code]"


def test_other_addresses_are_logged_as_they_are() -> None:
    for address in ("/surveys/new-ehcp/questions/contact", "/staff/complaints/12", "/findings"):
        assert logged(address) == address
