"""Background jobs: an RQ queue on Redis in production, or run at once in-process.

``enqueue(func, *args)`` is all a caller needs. With ``REDIS_URL`` set the job goes
on an RQ queue and ``flask worker`` runs it; without it (the embedded, one-machine
default) the job runs straight away in the calling process. Either way the job
function must be importable by its dotted name (a module-level function), so a job
that works in development also works on a worker; lambdas and nested functions are
refused in both modes.

Jobs run inside an application context with a fresh database session. Call
``enqueue`` after committing: the job may run in another process before the
caller's transaction would otherwise be visible. A service that does not commit itself
(its caller does) uses ``enqueue_after_commit``: the job waits until the transaction
commits, and is dropped if it rolls back. That is how emails are sent: never inside a
transaction that writes, where a slow mail server would hold SQLite's write lock and make
every other family's form wait (and fail after five seconds).

Under test (``app.testing``, or ``JOBS_SYNC`` set) a Redis-backed job still goes
through RQ, so its arguments are serialised and its function looked up by name as
on a worker, but RQ runs it at once in the same process: tests stay deterministic
without a worker, and a failing job fails the test.

If Redis cannot be reached, the job runs in-process instead of failing the
request that asked for it (a parent's submission must never fail because the
queue is down); a warning is logged.
"""

from __future__ import annotations

import importlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

log = logging.getLogger(__name__)

DEFAULT_QUEUE = "default"
JOB_TIMEOUT_SECONDS = 600
#: For ``enqueue_for_worker``: retraining the analyser takes about 4.5 minutes here.
LONG_JOB_TIMEOUT_SECONDS = 1800


@dataclass(frozen=True)
class JobHandle:
    """What became of an enqueued job: its id, and where it ran (``queued`` or ``ran``)."""

    id: str
    status: str  # queued | finished | failed
    result: Any = None


def has_queue() -> bool:
    """Whether jobs go on a queue for a worker (REDIS_URL is set) rather than run at once."""
    return bool(current_app.config.get("REDIS_URL", "")) if has_app_context() else False


class QueueUnavailable(RuntimeError):
    """A job that must run on a worker could not be queued (no queue, or Redis is down)."""


def enqueue(func: Callable[..., Any], *args: Any, **kwargs: Any) -> JobHandle:
    """Run ``func(*args, **kwargs)`` in the background: on the RQ queue, or now in-process."""
    name = dotted_name(func)
    url = current_app.config.get("REDIS_URL", "") if has_app_context() else ""
    if url:
        try:
            return _enqueue_on(url, name, args, kwargs)
        except QueueUnavailable as error:
            log.warning("%s; running %s in-process", error, name)
    return _run_in_process(name, args, kwargs)


#: Where a session keeps the jobs waiting for its transaction to commit.
_AFTER_COMMIT = "jobs_after_commit"


def enqueue_after_commit(func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Enqueue ``func(*args, **kwargs)`` once the session's transaction commits.

    A job asked for in a transaction that rolls back is forgotten. Without a
    transaction in progress it is enqueued at once. The job runs after the commit has
    ended the transaction (``register_after_commit_jobs``): run in-process, it must use
    a connection of its own (``db.engine``), not ``db.session``, which cannot run
    queries at that moment.
    """
    from feedback_app.extensions import db

    dotted_name(func)  # refuse a lambda here, where the caller can see why
    session = db.session()
    if not session.in_transaction():
        enqueue(func, *args, **kwargs)
        return
    session.info.setdefault(_AFTER_COMMIT, []).append((func, args, kwargs))


def register_after_commit_jobs() -> None:
    """Listen for commits on the app's sessions, to enqueue the jobs waiting for them."""
    from feedback_app.extensions import db

    for name, listener in (
        ("after_commit", _enqueue_waiting_jobs),
        ("after_transaction_end", _forget_waiting_jobs),
    ):
        if not event.contains(db.session, name, listener):
            event.listen(db.session, name, listener)


def _enqueue_waiting_jobs(session: Session) -> None:
    if session.get_nested_transaction() is not None:
        return  # a savepoint was released; the transaction itself goes on
    for func, args, kwargs in session.info.pop(_AFTER_COMMIT, []):
        enqueue(func, *args, **kwargs)


def _forget_waiting_jobs(session: Session, transaction: SessionTransaction) -> None:
    # The outermost transaction ended without a commit (which took its jobs): a rollback.
    if transaction.parent is None:
        session.info.pop(_AFTER_COMMIT, None)


def enqueue_for_worker(func: Callable[..., Any], *args: Any, **kwargs: Any) -> JobHandle:
    """Queue a job too long to run inside a web request (minutes, not seconds).

    Unlike ``enqueue`` it never falls back to running in-process: without a queue, or
    with Redis unreachable, it raises ``QueueUnavailable`` for the caller to report.
    """
    name = dotted_name(func)
    if not has_queue():
        raise QueueUnavailable("no job queue is configured (REDIS_URL)")
    return _enqueue_on(
        current_app.config["REDIS_URL"], name, args, kwargs, LONG_JOB_TIMEOUT_SECONDS
    )


def _enqueue_on(
    url: str,
    name: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    timeout: int = JOB_TIMEOUT_SECONDS,
) -> JobHandle:
    """Put a job on the RQ queue at ``url`` (run at once through RQ under test)."""
    synchronous = bool(current_app.config.get("JOBS_SYNC", current_app.testing))
    try:
        queue = _queue(url, is_async=not synchronous)
        job = queue.enqueue(
            run_job,
            name,
            args,
            kwargs,
            not synchronous,
            job_timeout=timeout,
            result_ttl=3600,
            # The worker logs each job's description: the function's name, never its
            # arguments (an email address, the words of a message, a reset link).
            description=name,
        )
    except Exception as error:  # noqa: BLE001 - any Redis failure means no queue
        raise QueueUnavailable(f"job queue unavailable ({type(error).__name__})") from error
    if not synchronous:
        return JobHandle(id=str(job.id), status="queued")
    if job.get_status() == "failed":
        latest = job.latest_result()
        raise RuntimeError(f"job {name} failed:\n{latest.exc_string if latest else ''}")
    return JobHandle(id=str(job.id), status="finished", result=job.return_value())


def dotted_name(func: Callable[..., Any]) -> str:
    """Return ``module:qualname`` for a module-level function, or raise ValueError."""
    module = getattr(func, "__module__", None)
    qualname = getattr(func, "__qualname__", "")
    if not module or not qualname or "<" in qualname or "." in qualname:
        raise ValueError(f"{func!r} is not a module-level function, so a worker cannot import it")
    if _resolve(f"{module}:{qualname}") is not func:
        raise ValueError(f"{module}:{qualname} does not name {func!r}")
    return f"{module}:{qualname}"


def run_job(
    name: str, args: tuple[Any, ...], kwargs: dict[str, Any], own_session: bool = True
) -> Any:
    """Run a job by dotted name inside an app context; what the RQ worker calls.

    ``own_session`` is false when RQ runs the job synchronously inside the caller's
    request (under test), whose database session must be left alone.
    """
    func = _resolve(name)
    if has_app_context():
        if not own_session:
            return func(*args, **kwargs)
        return _call_with_session(func, args, kwargs)
    with _worker_app().app_context():
        return _call_with_session(func, args, kwargs)


def _call_with_session(
    func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Any:
    from feedback_app.extensions import db

    try:
        return func(*args, **kwargs)
    except Exception:
        db.session.rollback()
        raise
    finally:
        db.session.remove()


def _run_in_process(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> JobHandle:
    job_id = uuid.uuid4().hex
    try:
        result = _resolve(name)(*args, **kwargs)
    except Exception:
        # Under test a failing job should fail the test; in service it must not
        # break the request that asked for it (a queued job would not either).
        if has_app_context() and current_app.testing:
            raise
        log.exception("job %s (%s) failed", job_id, name)
        return JobHandle(id=job_id, status="failed")
    return JobHandle(id=job_id, status="finished", result=result)


def _resolve(name: str) -> Callable[..., Any]:
    module_name, _, attribute = name.partition(":")
    func = getattr(importlib.import_module(module_name), attribute, None)
    if not callable(func):
        raise ValueError(f"no job function {name}")
    return func  # type: ignore[no-any-return]


_app: Flask | None = None


def _worker_app() -> Flask:
    """The app a bare ``rq worker`` process (not ``flask worker``) runs jobs in."""
    global _app
    if _app is None:
        from feedback_app import create_app

        _app = create_app()
    return _app


def _queue(url: str, name: str = DEFAULT_QUEUE, is_async: bool = True) -> Any:
    from redis import Redis
    from rq import Queue

    # Short timeouts: a dead Redis must not hold a parent's request for long.
    connection = Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
    return Queue(name, connection=connection, is_async=is_async)


def queue_for(url: str, name: str = DEFAULT_QUEUE) -> Any:
    """Return the RQ queue ``name`` on the Redis at ``url`` (for ``flask worker`` and tests)."""
    return _queue(url, name)
