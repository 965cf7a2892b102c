"""Start a throwaway Redis server on a loopback port, for tests and the load scripts.

Usage::

    with start_redis() as url:
        ...  # url is "redis://127.0.0.1:PORT/0"

``find_redis_server()`` returns None when Debian's redis-server is not installed
(``apt-get install redis-server``), so a fixture can skip outside CI and fail in it.
Nothing is written to disk: persistence is off, the data dies with the server.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager


class RedisNotAvailable(RuntimeError):
    """The redis-server binary is not installed."""


def find_redis_server() -> str | None:
    """Return the path of redis-server, or None."""
    return shutil.which("redis-server") or shutil.which("redis-server", path="/usr/bin:/usr/sbin")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def start_redis() -> Iterator[str]:
    """Start a private redis-server on 127.0.0.1 and yield its URL; stop it afterwards."""
    binary = find_redis_server()
    if binary is None:
        raise RedisNotAvailable("redis-server not found; apt-get install redis-server")
    for _attempt in range(5):
        port = _free_port()
        process = subprocess.Popen(  # noqa: S603 - fixed arguments, our own binary
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None and not _ping(port):
            time.sleep(0.05)
        if process.poll() is None and _ping(port):
            break
        process.kill()
        process.wait()
    else:
        raise RuntimeError("redis-server would not start")
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
