"""Rate limits, Redis addresses and GOV.UK Notify settings are checked when the app starts.

Found by an operations tester: ``RATELIMIT_SIGN_IN="2 a minute"`` started fine and let
every sign-in through (flask-limiter logged an error per request), a bogus
``RATELIMIT_STORAGE_URI`` gave a 35-line traceback on every command, a mistyped
``REDIS_URL`` passed ``flask check`` with its password printed, and Notify with only
``NOTIFY_API_KEY`` and ``NOTIFY_BASE_URL`` set started and then failed every email.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from config import hide_password
from feedback_app import ROOT

KEY = "live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0"
TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"
NOTIFY = {
    "NOTIFY_API_KEY": KEY,
    "NOTIFY_TEMPLATE_ID": TEMPLATE,
    "SAFEGUARDING_LEAD_EMAIL": "lead@example.gov.uk",
}


def start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Read the settings in a new Python with ``env``, as every process does at startup."""
    clean = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("RATELIMIT_", "NOTIFY_", "REDIS_URL", "DATABASE_URL"))
        and name not in {"FEEDBACK_ENV", "SAFEGUARDING_LEAD_EMAIL"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import config; config.load_config('testing')"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"RATELIMIT_SIGN_IN": "2 a minute"}, "RATELIMIT_SIGN_IN must be a rate limit"),
        ({"RATELIMIT_PUBLIC_POST": "60 per fortnight"}, "RATELIMIT_PUBLIC_POST must be a"),
        ({"RATELIMIT_SURVEY_START": "120"}, "RATELIMIT_SURVEY_START must be a rate limit"),
        ({"RATELIMIT_SURVEY_ANSWER": "lots"}, "RATELIMIT_SURVEY_ANSWER must be a rate limit"),
        ({"RATELIMIT_SIGNIN": "5 per minute"}, "RATELIMIT_SIGNIN is not a setting"),
        (
            {"RATELIMIT_STORAGE_URI": "bogus://u:S3cretPw@host"},
            "RATELIMIT_STORAGE_URI must start with redis://",
        ),
        (
            {"RATELIMIT_STORAGE_URI": "memcached://u:S3cretPw@host:11211"},
            "not memcached://",
        ),
        (
            {"RATELIMIT_STORAGE_URI": "redis://:S3cretPw@host:63x9/1"},
            "RATELIMIT_STORAGE_URI is not an address Redis can read",
        ),
        (
            {"REDIS_URL": "redis:/:S3cretPw@redis-host:6379/0"},
            "REDIS_URL must start with redis://, rediss:// or unix://",
        ),
        ({"REDIS_URL": "redis://:S3cretPw@redis-host:port/0"}, "REDIS_URL is not an address"),
        ({"REDIS_URL": "redis://:S3cretPw@redis-host:6379/zero"}, "REDIS_URL needs a host"),
        (
            {"NOTIFY_API_KEY": KEY, "NOTIFY_BASE_URL": "https://api.example"},
            "NOTIFY_TEMPLATE_ID must be set with NOTIFY_API_KEY",
        ),
        ({**NOTIFY, "NOTIFY_TEMPLATE_ID": "reminders"}, "NOTIFY_TEMPLATE_ID must be a Notify"),
        ({**NOTIFY, "NOTIFY_API_KEY": "S3cretPw"}, "NOTIFY_API_KEY is not a GOV.UK Notify API key"),
        ({**NOTIFY, "SAFEGUARDING_LEAD_EMAIL": ""}, "SAFEGUARDING_LEAD_EMAIL must be set"),
        ({**NOTIFY, "NOTIFY_BASE_URL": "api.example"}, "NOTIFY_BASE_URL must start with"),
        ({"NOTIFY_TEMPLATE_ID": TEMPLATE}, "NOTIFY_TEMPLATE_ID is set but NOTIFY_API_KEY is not"),
    ],
)
def test_a_wrong_setting_stops_startup_with_one_line(env: dict[str, str], says: str) -> None:
    result = start(env)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
    assert result.stderr.startswith("Configuration error: ")
    assert says in result.stderr
    assert "S3cretPw" not in result.stderr
    assert "3d844edf" not in result.stderr  # never a line of the Notify key


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"RATELIMIT_SIGN_IN": "5/minute;20/hour", "RATELIMIT_PUBLIC_POST": "100 per hour"},
        {"RATELIMIT_SURVEY_START": "200/minute", "RATELIMIT_SURVEY_ANSWER": "1000 per minute"},
        {"RATELIMIT_STORAGE_URI": "redis://:pw@redis-host:6379/1", "REDIS_URL": "redis://r"},
        {"REDIS_URL": "rediss://:pw@redis-host:6380", "RATELIMIT_STORAGE_URI": "memory://"},
        {"REDIS_URL": "unix:///run/redis/redis.sock?db=2"},
        NOTIFY,
        {**NOTIFY, "NOTIFY_BASE_URL": "http://127.0.0.1:5117"},
    ],
)
def test_settings_written_as_documented_start(env: dict[str, str]) -> None:
    result = start(env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("redis://:S3cretPw@redis-host:6379/0", "redis://:***@redis-host:6379/0"),
        ("redis:/:S3cretPw@redis-host:6379/0", "redis:/:***@redis-host:6379/0"),
        ("postgresql://feedback:pa:ss@db:5432/x", "postgresql://feedback:***@db:5432/x"),
        ("redis://redis-host:6379/0", "redis://redis-host:6379/0"),
        ("memory://", "memory://"),
    ],
)
def test_passwords_in_addresses_are_hidden(text: str, shown: str) -> None:
    assert hide_password(text) == shown
