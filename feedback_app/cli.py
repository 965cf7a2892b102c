"""The flask commands of SPEC §6 (run as ``flask --app wsgi <command>``).

Each area keeps its commands in ``feedback_app/commands/<area>.py`` as a list
named ``COMMANDS``; this module only gathers them, and makes every command, Flask-Migrate's
``db`` included, say a database outage in one line (``feedback_app.commands``).
"""

from __future__ import annotations

import importlib
import pkgutil

from flask import Flask

import feedback_app.commands


def register_commands(app: Flask) -> None:
    """Add every area's commands to the app's CLI."""
    for module_info in pkgutil.iter_modules(feedback_app.commands.__path__):
        module = importlib.import_module(f"feedback_app.commands.{module_info.name}")
        for command in getattr(module, "COMMANDS", []):
            app.cli.add_command(command)
    for command in app.cli.commands.values():
        feedback_app.commands.say_database_errors_in_one_line(command)
