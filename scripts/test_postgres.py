"""Run the test suite in the production configuration: PostgreSQL + Redis.

Starts a private PostgreSQL 15 (tests/support/postgres.py) and a private
redis-server, both on loopback ports, then runs pytest with TEST_DATABASE_URL,
REDIS_URL and RATELIMIT_STORAGE_URI pointing at them. The browser tier is left
out (it tests the pages, not the database, and is the slowest tier). Extra
arguments go to pytest. Both servers are stopped and deleted afterwards.

    .venv/bin/python scripts/test_postgres.py [pytest args...]
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.postgres import start_postgres  # noqa: E402
from tests.support.redis_server import start_redis  # noqa: E402


def main(argv: list[str]) -> int:
    """Start the servers, run pytest against them, return pytest's exit code."""
    with start_postgres() as database_url, start_redis() as redis_url:
        env = dict(os.environ)
        env.update(
            TEST_DATABASE_URL=database_url,
            REDIS_URL=redis_url,
            RATELIMIT_STORAGE_URI=redis_url,
        )
        print(f"test-postgres: PostgreSQL at {database_url}, Redis at {redis_url}", flush=True)
        # Two workers, each with its own database on the server (tests/conftest.py).
        command = [
            str(ROOT / ".venv" / "bin" / "pytest"),
            "-n",
            "2",
            "-p",
            "no:cacheprovider",
            "-m",
            "not browser and not sqlite_only",
            "--ignore=tests/browser",
            *argv,
        ]
        return subprocess.call(command, cwd=ROOT, env=env)  # noqa: S603


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
