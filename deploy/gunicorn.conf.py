"""gunicorn settings for production: ``gunicorn -c deploy/gunicorn.conf.py wsgi:app``.

Every value can be overridden from the environment, so one file serves every host.
Sizing: a worker per core plus one holds p95 under 300 ms for 40 parents at once on
a 2-core host (docs/performance.md); add hosts behind the load balancer for more.
"""

from __future__ import annotations

import multiprocessing
import os


def _whole_number(name: str, default: int, minimum: int) -> int:
    """A whole-number setting of at least ``minimum``, or one clear line and exit 1."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdecimal() or int(value) < minimum:
        raise SystemExit(
            f"Configuration error: {name} must be a whole number of at least {minimum}, "
            f"not {value[:40]!r}"
        )
    return int(value)


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")  # nginx in front; never 0.0.0.0
workers = _whole_number("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1, 1)
worker_class = "sync"
# A parent's submission is a few small queries; anything slower than this is stuck.
timeout = _whole_number("GUNICORN_TIMEOUT", 30, 1)
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so slow leaks never matter; jitter avoids all at once.
max_requests = 2000
max_requests_jitter = 200
# gunicorn 25+ opens a control socket in $XDG_RUNTIME_DIR or ~/.gunicorn; two
# instances on one host (a blue/green switch, the load tests) would fight over it,
# and nothing here uses gunicornc. Same as --no-control-socket.
control_socket_disable = True
# Trust X-Forwarded-* only from the local nginx.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The app writes its own JSON request log (LOG_JSON); gunicorn's access log would
# repeat it with the full path, which can hold a resume code.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Build the app once in the master and fork workers from it: a worker that starts, or
# restarts after max_requests, is serving at once instead of spending ~3 s of CPU on
# imports while parents wait. create_app opens no database connection, and post_fork
# below empties each worker's copy of the pools, so no connection crosses a fork.
preload_app = True


def when_ready(server):  # type: ignore[no-untyped-def]  # noqa: ANN001
    """In the master, before any worker starts: configure the ORM, compile templates."""
    from feedback_app.warmup import warm_up

    done = warm_up(server.app.wsgi())
    server.log.info("warmed up before forking workers: %s", done)


def post_fork(server, worker):  # type: ignore[no-untyped-def]  # noqa: ANN001, ARG001
    """Give the new worker fresh connection pools (SQLAlchemy's advice for forking)."""
    app = worker.app.wsgi()
    with app.app_context():
        from feedback_app.extensions import db

        for engine in db.engines.values():
            engine.dispose(close=False)
