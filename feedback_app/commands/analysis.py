"""Text analysis commands: ``analyse``, ``analyse-eval``, ``agreement``, ``reanalyse`` and
``retrain``."""

from __future__ import annotations

import json
import sys
from typing import TextIO

import click

from feedback_app.analysis import evaluation
from feedback_app.services import agreement, analysis_admin
from feedback_app.services.comments import AnalysisContext
from feedback_app.services.periods import Period, PeriodError, parse_period


@click.command("analyse")
def analyse_command() -> None:
    """Read JSON lines {"id","text"} (and an optional "source") on stdin; write one analysis
    a line on stdout, in order."""
    context = AnalysisContext.load()
    stream_analyses(sys.stdin, sys.stdout, context)


def stream_analyses(source: TextIO, sink: TextIO, context: AnalysisContext) -> int:
    """Analyse each input line as it arrives; a bad line gets an error line, never a stop."""
    count = 0
    for line_number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as error:
            output = {"id": None, "error": f"Line {line_number}: {error}"}
        else:
            if isinstance(item, dict) and isinstance(item.get("text", ""), str):
                # An optional "source" ("complaint", "compliment") tips close calls on tone.
                origin = item.get("source") if isinstance(item.get("source"), str) else None
                result = context.analyse(item.get("text") or "", source=origin)
                output = result.to_json_dict(item.get("id"))
            else:
                # Keep the id where there is one, so a script can match the error to its row.
                known_id = item.get("id") if isinstance(item, dict) else None
                message = f"Line {line_number}: expected an object with a text string"
                output = {"id": known_id, "error": message}
        sink.write(json.dumps(output, ensure_ascii=False) + "\n")
        count += 1
        # Flush per line so a script reading our output as a stream sees it at once.
        sink.flush()
    return count


@click.command("analyse-eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def analyse_eval_command(file: str) -> None:
    """Measure the analyser on a labelled JSON-lines file (the dev.jsonl format)."""
    try:
        records = evaluation.read_jsonl(file)
    except (ValueError, KeyError) as error:
        raise click.ClickException(f"{file} is not a labelled JSON-lines file: {error}") from None
    context = AnalysisContext.load()
    report = evaluation.evaluate(records, context.analyse)
    baseline = evaluation.evaluate(records, evaluation.textblob_baseline)
    click.echo(evaluation.format_report(report, baseline))


@click.command("agreement")
@click.option(
    "--period",
    default="",
    help="Only comments first reviewed in this quarter (2024-25-Q1) or year (2024-25).",
)
def agreement_command(period: str) -> None:
    """Print how often analysts kept the analyser's suggestions: its first suggestion for each
    reviewed comment against the analysts' label now, as analyse-eval prints it."""
    chosen: Period | None = None
    if period.strip():
        try:
            chosen = parse_period(period.strip())
        except PeriodError as error:
            raise click.ClickException(str(error)) from None
    result = agreement.agreement(chosen)
    when = f" in {chosen.name}" if chosen else ""
    if not result.reviewed:
        click.echo(f"No reviewed comments to count{when}.")
        return
    click.echo(f"comments first reviewed{when}: {result.reviewed}")
    click.echo("(true: the analysts' label; predicted: the analyser's first suggestion)")
    click.echo("")
    click.echo(evaluation.format_labels(result.report))


@click.command("reanalyse")
def reanalyse_command() -> None:
    """Analyse every stored comment again with the current rules; analysts' labels stay."""
    count = analysis_admin.reanalyse_all()
    click.echo(f"Re-analysed {count} comments")


@click.command("retrain")
@click.option("--force", is_flag=True, help="Retrain even if nothing new has been decided.")
def retrain_command(force: bool) -> None:
    """Learn from analysts' corrections and safeguarding leads' decisions, then re-analyse
    every stored comment with the new model (people's labels and decisions stay)."""
    status = analysis_admin.learning_status()
    if not force and not (status.new_corrections or status.new_decisions):
        since = (
            f"the model of {status.trained_at:%-d %B %Y}"
            if status.trained_at
            else "the shipped model"
        )
        click.echo(
            f"Nothing to learn: no analyst correction or safeguarding decision since {since}. "
            "(--force retrains anyway, which takes a few minutes.)"
        )
        return
    model = analysis_admin.retrain()
    click.echo(f"Trained a model on {model.examples} examples ({model.notes})")
    count = analysis_admin.reanalyse_all()
    click.echo(f"Re-analysed {count} comments with it")


COMMANDS = [
    analyse_command,
    analyse_eval_command,
    agreement_command,
    reanalyse_command,
    retrain_command,
]
