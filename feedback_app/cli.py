"""The flask commands of SPEC §6 (run as ``flask --app wsgi <command>``)."""

from __future__ import annotations

import click
from flask import Flask

from feedback_app.services import users


def register_commands(app: Flask) -> None:
    """Add every command to the app's CLI."""
    app.cli.add_command(create_user_command)


@click.command("create-user")
@click.option("--email", required=True, help="The user's email address, used to sign in.")
@click.option("--role", required=True, help="admin, complaints_officer, analyst, …")
@click.option("--password", required=True, help="At least 12 characters.")
@click.option("--name", default="", help="The user's name, shown to colleagues.")
def create_user_command(email: str, role: str, password: str, name: str) -> None:
    """Create a staff user."""
    try:
        user = users.create_user(email=email, role=role, password=password, name=name)
    except users.UserError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {user.role} {user.email}")
