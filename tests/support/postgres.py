"""Start a throwaway PostgreSQL server for the tests.

Each call makes a new cluster in a temporary directory, on a free loopback
port, with durability switched off (the data is thrown away, so fsync only
costs time). Nothing is shared between calls, so every pytest-xdist worker can
start its own without clashing.

Usage, once per test session::

    with start_postgres() as url:
        ...  # url is "postgresql+psycopg://postgres@127.0.0.1:PORT/feedback_test"

``find_postgres_bin()`` returns None when the server binaries are not
installed, so a fixture can skip outside CI and fail under CI.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

DATABASE_NAME = "feedback_test"
SUPERUSER = "postgres"

# Debian installs server binaries per major version here, off PATH. We test
# against 15 (Debian 12's version), so prefer it when several are installed.
_DEBIAN_ROOT = Path("/usr/lib/postgresql")
_PREFERRED_MAJOR = "15"


class PostgresNotAvailable(RuntimeError):
    """The PostgreSQL server binaries are not installed."""


class PostgresStartError(RuntimeError):
    """The server was found but would not start; the message holds its log."""


def find_postgres_bin() -> Path | None:
    """Return the directory holding initdb and pg_ctl, or None if not installed.

    ``PG_BINDIR`` in the environment wins, then Debian's per-version
    directories (15 first), then whatever ``initdb`` is on PATH.
    """
    candidates: list[Path] = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(Path(os.environ["PG_BINDIR"]))
    if _DEBIAN_ROOT.is_dir():
        versions = sorted(
            (p for p in _DEBIAN_ROOT.iterdir() if (p / "bin").is_dir()),
            key=lambda p: (p.name != _PREFERRED_MAJOR, -_major(p.name)),
        )
        candidates.extend(p / "bin" for p in versions)
    on_path = shutil.which("initdb")
    if on_path:
        # Resolve symlinks such as /usr/local/bin/initdb -> the real bin dir,
        # where pg_ctl and postgres sit beside it.
        candidates.append(Path(on_path).resolve().parent)

    for bindir in candidates:
        if all(os.access(bindir / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return bindir
    return None


def _major(name: str) -> int:
    return int(name) if name.isdigit() else 0


def _free_port() -> int:
    # The port is free now; another process could take it before the server
    # binds, which is why start_postgres retries with a new port.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_root() -> bool:
    return os.geteuid() == 0


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL tool, as the postgres user when we are root.

    initdb, pg_ctl and postgres all refuse to run as root, and CI runs as root.
    """
    if _as_root():
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, check=True, capture_output=True, text=True)


def _make_cluster_dir(base_dir: Path | None) -> Path:
    """Make an empty directory for the cluster that the server may use.

    As root the server runs as the postgres user, which must be able to reach
    the directory through every parent. pytest's tmp_path directories are
    private (0700) to root, so in that case we use the system temp dir instead
    of failing.
    """
    parent = Path(base_dir) if base_dir is not None else None
    if parent is not None and _as_root() and not _others_can_traverse(parent):
        parent = None
    workdir = Path(tempfile.mkdtemp(prefix="feedback-pg-", dir=parent))
    workdir.chmod(0o755)
    if _as_root():
        shutil.chown(workdir, user="postgres", group="postgres")
    return workdir


def _others_can_traverse(path: Path) -> bool:
    path = path.resolve()
    return all(part.stat().st_mode & 0o001 for part in (path, *path.parents))


@contextmanager
def start_postgres(base_dir: Path | None = None) -> Iterator[str]:
    """Start a private PostgreSQL server and yield a SQLAlchemy URL for a new database.

    The server listens on 127.0.0.1 only, on a port chosen at random, and is
    stopped and its files deleted when the block exits.
    Raises PostgresNotAvailable when the binaries are not installed.
    """
    bindir = find_postgres_bin()
    if bindir is None:
        raise PostgresNotAvailable(
            "PostgreSQL server binaries not found; run `make install-test-deps`"
        )

    workdir = _make_cluster_dir(base_dir)
    datadir = workdir / "data"
    logfile = workdir / "server.log"
    pg_ctl = str(bindir / "pg_ctl")
    started = False
    try:
        # trust auth: the server only listens on loopback and lives for one
        # test session. --no-sync: the data is thrown away anyway.
        _run(
            [
                str(bindir / "initdb"),
                "-D",
                str(datadir),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
                "--no-instructions",
            ]
        )

        port = 0
        for _attempt in range(5):
            port = _free_port()
            # The socket goes in workdir rather than /var/run/postgresql, which
            # may not exist and is shared with any system cluster.
            options = (
                f"-c listen_addresses=127.0.0.1 -p {port} -k {workdir}"
                " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            try:
                _run([pg_ctl, "-D", str(datadir), "-l", str(logfile), "-o", options, "-w", "start"])
            except subprocess.CalledProcessError:
                continue  # most likely the port was taken meanwhile; try another
            started = True
            break
        if not started:
            raise PostgresStartError(f"PostgreSQL would not start:\n{_read(logfile)}")

        _create_database(port)
        yield f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/{DATABASE_NAME}"
    finally:
        if started:
            # immediate: no checkpoint, since nothing here needs to survive.
            # If it is already gone, removing the files is all that is left.
            with suppress(subprocess.CalledProcessError):
                _run([pg_ctl, "-D", str(datadir), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(workdir, ignore_errors=True)


def _create_database(port: int) -> None:
    import psycopg  # imported here so this module loads where psycopg is absent

    with psycopg.connect(
        host="127.0.0.1", port=port, user=SUPERUSER, dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return "(no server log)"
