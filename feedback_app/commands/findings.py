"""``flask import-responses`` and ``flask findings`` (SPEC §6)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from feedback_app.services import summaries
from feedback_app.services.findings import FindingsError, compute_findings
from feedback_app.services.open_data import download_csv
from feedback_app.services.periods import PeriodError, parse_quarter, parse_year
from feedback_app.services.responses_import import ImportError_, import_responses


@click.command("import-responses")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_responses_command(file: Path) -> None:
    """Import survey responses from a CSV file (all or nothing)."""
    try:
        count = import_responses(file.read_text(encoding="utf-8"))
    except ImportError_ as error:
        for problem in error.problems:
            click.echo(problem, err=True)
        raise click.ClickException(
            f"Nothing was imported: {len(error.problems)} problem(s) in {file.name}"
        ) from error
    except UnicodeDecodeError as error:
        raise click.ClickException("The file must be saved as UTF-8 CSV") from error
    click.echo(f"Imported {count} responses")


@click.command("findings")
@click.option("--survey", "survey_slug", required=True, help="Survey id, e.g. new_ehcp.")
@click.option("--period", required=True, help="Financial year, e.g. 2023-24.")
@click.option("--quarter", default=None, help="A quarter of that year, e.g. 2023-24-Q1.")
@click.option("--format", "output", type=click.Choice(["json", "csv"]), default="json")
def findings_command(survey_slug: str, period: str, quarter: str | None, output: str) -> None:
    """Print the survey findings for a period, with small numbers suppressed."""
    try:
        year = parse_year(period)
        label = year.label
        if quarter:
            chosen = parse_quarter(quarter)
            if chosen.year != year:
                raise click.BadParameter(f"{quarter} is not in {period}", param_hint="--quarter")
            label = chosen.label
        payload = compute_findings(survey_slug, label)
    except (PeriodError, FindingsError) as error:
        raise click.ClickException(str(error)) from error
    if output == "json":
        click.echo(json.dumps(payload, indent=2))
    else:
        payload["version"] = "draft"
        click.echo(download_csv(payload), nl=False)


@click.command("rebuild-summaries")
def rebuild_summaries_command() -> None:
    """Recount the findings' running totals from the responses and comments (idempotent)."""
    rows = summaries.rebuild()
    for table, count in rows.items():
        click.echo(f"{table}: {count:,} rows")


COMMANDS = [import_responses_command, findings_command, rebuild_summaries_command]
