"""``flask import-complaints``, ``complaints-report``, ``send-reminders`` and ``purge-expired``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from feedback_app import clock
from feedback_app.services import (
    complaints_import,
    complaints_report,
    complaints_retention,
    reminders,
    retention_periods,
    survey_retention,
)
from feedback_app.services.periods import PeriodError, parse_quarter, quarter_of


@click.command("import-complaints")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_complaints_command(file: Path) -> None:
    """Import complaints and compliments from a CSV file (all or nothing)."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise click.ClickException("The file must be saved as UTF-8 CSV") from error
    try:
        result = complaints_import.import_text(text)
    except complaints_import.ImportRejected as rejected:
        for problem in rejected.problems:
            click.echo(problem, err=True)
        click.echo(f"Nothing was imported: {len(rejected.problems)} problems.", err=True)
        sys.exit(1)
    click.echo(result.message)


@click.command("complaints-report")
@click.option(
    "--quarter", "quarter_label", default="", help="e.g. 2023-24-Q1 (default: last quarter)"
)
@click.option("--format", "output", type=click.Choice(["json", "csv"]), default="json")
def complaints_report_command(quarter_label: str, output: str) -> None:
    """Print the quarterly complaints report as JSON or CSV."""
    try:
        quarter = (
            parse_quarter(quarter_label) if quarter_label else quarter_of(clock.today()).previous()
        )
    except PeriodError as error:
        raise click.BadParameter(str(error), param_hint="--quarter") from error
    report = complaints_report.build_report(quarter)
    if output == "csv":
        click.echo(complaints_report.report_csv(report), nl=False)
    else:
        click.echo(json.dumps(report, indent=2))


@click.command("send-reminders")
def send_reminders_command() -> None:
    """Remind officers and action owners of deadlines due soon or passed, and the
    safeguarding lead of flags nobody has started on. Each reminder goes once a day: run
    again the same day, it sends only what has fallen due since, and any that could not be
    sent (exit status 1)."""
    counts = reminders.send_reminders(clock.today())
    click.echo(
        f"Sent {counts.total} reminders: {counts.acknowledgements} acknowledgements, "
        f"{counts.responses} responses, {counts.actions} overdue actions, "
        f"{counts.safeguarding_flags} open safeguarding flags"
    )
    if counts.already_sent:
        click.echo(f"{counts.already_sent} reminders were sent earlier today and not sent again")
    if counts.failed:
        # Exit status 1, so the timer's failure shows; the log has each one's reason.
        raise click.ClickException(
            f"{counts.failed} reminders could not be sent (the log says why); "
            "run send-reminders again to send them"
        )


@click.command("purge-expired")
@click.option(
    "--dry-run", is_flag=True, help="Say what would be erased and deleted, changing nothing."
)
def purge_expired_command(dry_run: bool) -> None:
    """Erase personal data past its retention period: complaints, survey contacts, drafts.

    The retention settings are checked first: a period that is not a whole number of
    days, or is shorter than its floor (docs/operations.md), stops the command with
    nothing erased.
    """
    try:
        retention_periods.periods()
    except retention_periods.RetentionSettingError as error:
        raise click.ClickException(f"{error}\nNothing was erased.") from None
    if dry_run:
        count = complaints_retention.count_expired()
        surveys = survey_retention.count_expired()
        click.echo("Dry run: nothing was erased or deleted.")
        click.echo(f"Would erase personal data from {count} complaints")
        click.echo(
            f"Would erase contact details from {surveys.contacts_erased} survey responses and "
            f"delete {surveys.drafts_deleted} unfinished drafts"
        )
        return
    count = complaints_retention.purge_expired()
    click.echo(f"Erased personal data from {count} complaints")
    surveys = survey_retention.purge_expired()
    click.echo(
        f"Erased contact details from {surveys.contacts_erased} survey responses and "
        f"deleted {surveys.drafts_deleted} unfinished drafts"
    )


COMMANDS = [
    import_complaints_command,
    complaints_report_command,
    send_reminders_command,
    purge_expired_command,
]
