"""``flask backup FILE [--force]`` and ``flask restore FILE [--force]``."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from feedback_app.extensions import db
from feedback_app.services import backup as backups


@click.command("backup")
@with_appcontext
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option("--force", is_flag=True, help="Replace FILE if it already exists.")
def backup_command(file: Path, force: bool) -> None:
    """Write every table to FILE (gzip JSON lines), readable by `flask restore`.

    FILE is readable by its owner only (it holds personal data); an existing FILE is
    replaced only with --force."""
    try:
        summary = backups.backup(db.engine, file, overwrite=force)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up {summary.total} rows from {len(summary.counts)} tables to {file}")


@click.command("restore")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Replace everything in a database that already holds data.",
)
def restore_command(file: Path, force: bool) -> None:
    """Restore FILE into this migrated database (SQLite or PostgreSQL), all or nothing."""
    try:
        summary = backups.restore(db.engine, file, force=force)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from error
    finally:
        db.engine.dispose()
    click.echo(f"Restored {summary.total} rows into {len(summary.counts)} tables from {file}")


COMMANDS = [backup_command, restore_command]
