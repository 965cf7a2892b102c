"""Start what the load and fault tests run against: gunicorn on a migrated database.

Everything listens on 127.0.0.1 only, on free ports, and is stopped afterwards.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def app_env(database_url: str, redis_url: str = "", **extra: str) -> dict[str, str]:
    """The environment of the app under test.

    Development settings (plain-HTTP cookies on 127.0.0.1) with a fixed secret and
    JSON logs. Rate limits stay on, with a ceiling no test reaches, because every
    simulated parent comes from 127.0.0.1; with Redis they are counted there.
    """
    env = dict(os.environ)
    env.update(
        FEEDBACK_ENV="development",
        SECRET_KEY="load-test-secret-not-for-production",  # noqa: S106
        DATABASE_URL=database_url,
        LOG_JSON="true",
        RATELIMIT_ENABLED="true",
        RATELIMIT_PUBLIC_POST="1000000 per minute",
        RATELIMIT_STORAGE_URI=redis_url or "memory://",
        REDIS_URL=redis_url,
    )
    env.update(extra)
    return env


def migrate(env: dict[str, str]) -> None:
    """Bring the database to the latest migrations, as a deployment would."""
    subprocess.run(  # noqa: S603
        [str(BIN / "flask"), "--app", "wsgi", "db", "upgrade", "heads"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


@contextmanager
def gunicorn(
    env: dict[str, str], workers: int, log_path: Path
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Serve the app with gunicorn on a free loopback port; yield (base URL, master)."""
    port = free_port()
    log = log_path.open("ab")
    master = subprocess.Popen(  # noqa: S603
        [
            str(BIN / "gunicorn"),
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--no-control-socket",
            "loadtest.wsgi_load:app",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, master)
        yield base, master
    finally:
        if master.poll() is None:
            master.send_signal(signal.SIGTERM)
            try:
                master.wait(timeout=30)
            except subprocess.TimeoutExpired:
                master.kill()
                master.wait()
        log.close()


def wait_healthy(
    base: str, master: subprocess.Popen[bytes] | None = None, timeout: float = 60
) -> None:
    """Wait until /healthz answers 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if master is not None and master.poll() is not None:
            raise RuntimeError("gunicorn exited while starting")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{base}/healthz did not answer in {timeout:.0f}s")


def worker_pids(master: subprocess.Popen[bytes]) -> list[int]:
    """The pids of gunicorn's workers (the master's children)."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    return [int(pid) for pid in children.read_text().split()]


def count_responses(env: dict[str, str]) -> dict[str, int]:
    """Count responses by status, answers, and submitted responses without answers."""
    from sqlalchemy import create_engine, text

    url = env["DATABASE_URL"]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT status, COUNT(*) FROM responses GROUP BY status"))
        counts = {str(status): int(n) for status, n in rows}
        counts["answers"] = int(
            connection.execute(text("SELECT COUNT(*) FROM answers")).scalar_one()
        )
        counts["submitted_without_answers"] = int(
            connection.execute(
                text(
                    "SELECT COUNT(*) FROM responses r WHERE r.status = 'submitted' AND NOT EXISTS "
                    "(SELECT 1 FROM answers a WHERE a.response_id = r.id)"
                )
            ).scalar_one()
        )
        counts["drafts_with_answers"] = int(
            connection.execute(
                text(
                    "SELECT COUNT(*) FROM responses r WHERE r.status = 'draft' AND EXISTS "
                    "(SELECT 1 FROM answers a WHERE a.response_id = r.id)"
                )
            ).scalar_one()
        )
    engine.dispose()
    return counts
