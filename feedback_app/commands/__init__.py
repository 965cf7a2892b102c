"""Flask commands, one module per area, each exporting ``COMMANDS``.

Every command on the app's CLI (ours and Flask-Migrate's ``db``) goes through
``say_database_errors_in_one_line`` (``cli.register_commands``): a database that is missing,
down or refusing connections ends the command with one line, ``database unavailable: …``,
and exit status 1, as ``flask check`` reports it, rather than a traceback of a hundred lines
in a timer's log.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InterfaceError, OperationalError

from config import hide_password
from feedback_app.errors import first_line

#: Marks a command callback already wrapped (commands are module globals, shared by every
#: app a process creates, as the tests do).
_GUARDED = "_says_database_errors_in_one_line"


def say_database_errors_in_one_line(command: click.Command) -> None:
    """Make ``command`` (and, for a group, each of its commands) end with one line and exit
    status 1 when the database cannot be used."""
    callback = command.callback
    if callback is not None and not getattr(callback, _GUARDED, False):
        command.callback = _guarded(callback)
    if isinstance(command, click.Group):
        for subcommand in command.commands.values():
            say_database_errors_in_one_line(subcommand)


def _guarded(callback: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except (OperationalError, InterfaceError) as error:
            click.echo(f"database unavailable: {describe_database_error(error)}", err=True)
            raise SystemExit(1) from None

    setattr(run, _GUARDED, True)
    return run


def describe_database_error(error: OperationalError | InterfaceError) -> str:
    """Name the error and the first line of the driver's message, with no password in it.

    Drivers name the host and port, not the password, but a message that quotes a
    connection string is masked all the same, and so is the configured password itself.
    """
    message = hide_password(f"{type(error).__name__}: {first_line(error)}")
    password = _database_password()
    return message.replace(password, "***") if password else message


def _database_password() -> str:
    from flask import current_app, has_app_context

    if not has_app_context():
        return ""
    try:
        url = make_url(str(current_app.config.get("SQLALCHEMY_DATABASE_URI") or ""))
    except Exception:  # noqa: BLE001 - a URL that cannot be read holds nothing to hide
        return ""
    return str(url.password or "")
