"""Operations commands: ``flask worker`` (the RQ worker) and ``flask check``."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from config import hide_password
from feedback_app.errors import first_line
from feedback_app.extensions import db
from feedback_app.services import health, jobs


@click.command("worker")
@with_appcontext
@click.option(
    "--queue",
    "queues",
    multiple=True,
    default=[jobs.DEFAULT_QUEUE],
    show_default=True,
    help="Queue to listen on (repeat for several).",
)
@click.option("--burst", is_flag=True, help="Run the jobs waiting now, then exit.")
def worker_command(queues: tuple[str, ...], burst: bool) -> None:
    """Run background jobs from the Redis queue at REDIS_URL (emails, retraining, re-analysis)."""
    from rq import Worker

    url = current_app.config.get("REDIS_URL", "")
    if not url:
        raise click.ClickException(
            "REDIS_URL is not set: without a queue, jobs run in the web process and no "
            "worker is needed."
        )
    problem = _redis_problem(url)
    if problem:
        # One line, as `check` says it, rather than RQ's traceback; exit status 1.
        raise click.ClickException(f"REDIS_URL ({hide_password(url)}): {problem}")
    # The worker forks a process per job; connections must not be shared with it.
    db.engine.dispose()
    queue_objects = [jobs.queue_for(url, name) for name in queues]
    worker = Worker(queue_objects, connection=queue_objects[0].connection)
    worker.work(burst=burst, with_scheduler=False)


@click.command("check")
@with_appcontext
def check_command() -> None:
    """Check the database (reachable, migrated, writable) and Redis; exit 1 on any problem."""
    problems = []
    result = health.check_database(log_problem=False)  # printed below, detail and all
    if result.ok:
        click.echo(f"database: ok ({db.engine.dialect.name}, {result.detail})")
    else:
        problems.append("database")
        # "database not migrated" -> "database: NOT MIGRATED (why, and what to do)"
        state = result.reason.removeprefix("database ").upper()
        click.echo(f"database: {state} ({result.detail})")
    for setting in ("REDIS_URL", "RATELIMIT_STORAGE_URI"):
        url = str(current_app.config.get(setting) or "")
        if not url.startswith(("redis://", "rediss://", "unix://")):
            # Never the password an address may hold (config.hide_password).
            click.echo(f"{setting}: not Redis ({hide_password(url) or 'unset'})")
            continue
        problem = _redis_problem(url)
        if problem:
            problems.append(setting)
            click.echo(f"{setting}: UNREACHABLE ({problem})")
        else:
            click.echo(f"{setting}: ok")
    if problems:
        raise SystemExit(1)


def _redis_problem(url: str) -> str:
    """Say why the Redis at ``url`` cannot be used ("" when it answers), in one line."""
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()
    except (RedisError, ValueError, OSError) as error:
        return hide_password(f"{type(error).__name__}: {first_line(error)}")
    return ""


COMMANDS = [worker_command, check_command]
