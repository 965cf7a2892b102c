"""``flask create-user``."""

from __future__ import annotations

import click

from feedback_app.services import users


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


COMMANDS = [create_user_command]
