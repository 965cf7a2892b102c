"""Two requests at the same moment, as a double click or two colleagues send them.

Each request runs in its own thread with its own test client (and so its own database
session and connection). They are held at a chosen function (``pause_at``) until all
have reached it, so each has read the database before any goes on to write: the
interleaving that loses an update or makes a duplicate. A request that cannot reach it
(it is waiting for the other's lock, which is what a fix does) stops the wait after a
moment, and the others carry on.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from feedback_app.extensions import db

WAIT_SECONDS = 1.5


def clients_like(app: Flask, client: FlaskClient, count: int = 2) -> list[FlaskClient]:
    """Test clients carrying ``client``'s session cookie (the same browser, or signed-in user)."""
    cookie = client.get_cookie("session")
    made = []
    for _ in range(count):
        other = app.test_client()
        if cookie is not None:
            other.set_cookie("session", cookie.value)
        made.append(other)
    return made


def at_once(
    monkeypatch: pytest.MonkeyPatch,
    pause_at: tuple[Any, str],
    requests: list[Callable[[], Any]],
) -> list[Any]:
    """Run ``requests`` side by side, held at ``pause_at`` (module, name) the first time
    each reaches it; return each one's result, or the exception it raised."""
    barrier = threading.Barrier(len(requests))
    target, name = pause_at
    real = getattr(target, name)
    waited: set[int] = set()

    def held(*args: Any, **kwargs: Any) -> Any:
        if threading.get_ident() not in waited:
            waited.add(threading.get_ident())
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=WAIT_SECONDS)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, held)
    results: list[Any] = [None] * len(requests)

    def run(index: int) -> None:
        try:
            results[index] = requests[index]()
        except Exception as error:  # noqa: BLE001  (reported to the test, which fails on it)
            results[index] = error

    # The test's own session lets go of its connection, so SQLite's lock is free.
    db.session.remove()
    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    monkeypatch.setattr(target, name, real)
    db.session.expire_all()
    return results
