"""``flask create-user`` and the commands that change, lock out, disable or re-enable a user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from feedback_app.services import users


@contextmanager
def _user_errors() -> Iterator[None]:
    """A refused change is the command's message (exit 1), not a traceback."""
    try:
        yield
    except users.UserError as error:
        raise click.ClickException(str(error)) from error


@click.command("create-user")
@click.option("--email", required=True, help="The user's email address, used to sign in.")
@click.option("--role", required=True, help="admin, complaints_officer, analyst, …")
@click.option("--password", required=True, help="At least 12 characters.")
@click.option("--name", default="", help="The user's name, shown to colleagues.")
def create_user_command(email: str, role: str, password: str, name: str) -> None:
    """Create a staff user."""
    with _user_errors():
        user = users.create_user(email=email, role=role, password=password, name=name)
    click.echo(f"Created {user.role} {user.email}")


@click.command("deactivate-user")
@click.option("--email", required=True, help="The user's email address.")
def deactivate_user_command(email: str) -> None:
    """Disable a user's account and end their open sessions."""
    with _user_errors():
        user = users.deactivate_user(email)
    click.echo(f"Deactivated {user.email}; their open sessions have ended")


@click.command("reactivate-user")
@click.option("--email", required=True, help="The user's email address.")
def reactivate_user_command(email: str) -> None:
    """Turn a deactivated account back on; it cannot sign in until its password is reset."""
    with _user_errors():
        user = users.reactivate_user(email)
    click.echo(
        f"Reactivated {user.email}. Their old password no longer works: set a new one with "
        "flask reset-password, or they can use the 'Forgotten your password?' link on the "
        "sign-in page."
    )


@click.command("set-role")
@click.option("--email", required=True, help="The user's email address.")
@click.option("--role", required=True, help="admin, complaints_officer, analyst, …")
def set_role_command(email: str, role: str) -> None:
    """Change a user's role and end their open sessions."""
    with _user_errors():
        user = users.set_role(email, role)
    click.echo(f"{user.email} is now {user.role}; their open sessions have ended")


@click.command("reset-password")
@click.option("--email", required=True, help="The user's email address.")
@click.option("--password", required=True, help="At least 12 characters.")
def reset_password_command(email: str, password: str) -> None:
    """Set a new password, lift any lockout and end the user's open sessions."""
    with _user_errors():
        user = users.reset_password(email, password)
    click.echo(f"Password reset for {user.email}; their open sessions have ended")


@click.command("unlock-user")
@click.option("--email", required=True, help="The user's email address.")
def unlock_user_command(email: str) -> None:
    """Lift a lockout after too many failed sign-ins."""
    with _user_errors():
        user = users.unlock_user(email)
    click.echo(f"Unlocked {user.email}")


COMMANDS = [
    create_user_command,
    deactivate_user_command,
    reactivate_user_command,
    set_role_command,
    reset_password_command,
    unlock_user_command,
]
