"""``flask seed-demo``: load realistic demo data into an empty database."""

from __future__ import annotations

import click
from sqlalchemy import func, select

from feedback_app.demo import seed_all
from feedback_app.extensions import db
from feedback_app.models import Response, User


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing (and say so) if data is present.")
@click.option("--seed", default=2024, show_default=True, help="Random seed, for repeatable data.")
def seed_demo_command(if_empty: bool, seed: int) -> None:
    """Load demo data: staff users, answered surveys, complaints and a findings release."""
    has_data = (db.session.scalar(select(func.count(User.id))) or 0) > 0 or (
        db.session.scalar(select(func.count(Response.id))) or 0
    ) > 0
    if has_data:
        # No sign-ins are printed: the accounts in this database are not the demo's.
        message = "The database already has data; no demo data or demo sign-ins were loaded."
        if if_empty:
            click.echo(message)
            return
        raise click.ClickException(message + " seed-demo needs an empty database.")
    for line in seed_all(seed):  # the demo staff's sign-ins first (demo/staff.py)
        click.echo(line)


COMMANDS = [seed_demo_command]
