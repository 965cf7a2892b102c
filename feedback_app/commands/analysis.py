"""Text analysis commands: ``analyse``, ``analyse-eval``, ``agreement``, ``reanalyse`` and
``retrain``."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO, TextIO

import click

from feedback_app.analysis import evaluation, evaluation_files, evaluation_report
from feedback_app.services import agreement, analysis_admin
from feedback_app.services.comments import AnalysisContext
from feedback_app.services.periods import Period, PeriodError, parse_period


@click.command("analyse")
def analyse_command() -> None:
    """Read JSON lines {"id","text"} (and an optional "source") on stdin; write one analysis
    a line on stdout, in order."""
    context = AnalysisContext.load()
    # Bytes both ways: a line that is not UTF-8 becomes an error line, whatever the locale,
    # and what is written is always UTF-8.
    sys.stdout.flush()
    stream_analyses(
        getattr(sys.stdin, "buffer", sys.stdin), getattr(sys.stdout, "buffer", sys.stdout), context
    )


_BOM = "\ufeff"


class _LineError(ValueError):
    """Why one input line cannot be analysed; the id is kept when the line has a usable one."""

    def __init__(self, message: str, known_id: Any = None) -> None:
        super().__init__(message)
        self.known_id = known_id


_LINE_END = re.compile(rb"\r\n?|\n")


def _read_lines(read1: Callable[[int], bytes]) -> Iterator[bytes]:
    """Split a byte stream into lines as the bytes arrive, each line yielded as soon as its
    end is read. A CR that ends one read and an LF that starts the next are one CRLF."""
    parts: list[bytes] = []
    after_cr = False
    while data := read1(65536):
        if after_cr and data.startswith(b"\n"):
            data = data[1:]
        after_cr = False
        start = 0
        for end in _LINE_END.finditer(data):
            parts.append(data[start : end.start()])
            yield b"".join(parts)
            parts = []
            start = end.end()
            after_cr = end.group() == b"\r" and start == len(data)
        if start < len(data):
            parts.append(data[start:])
    if parts:
        yield b"".join(parts)


def _split_lines(source: Iterable[bytes] | Iterable[str]) -> Iterator[bytes | str]:
    """Lines from anything iterated line by line (split at LF): split again at a bare CR."""
    for chunk in source:
        pieces: list[bytes] | list[str]
        if isinstance(chunk, bytes):
            pieces = chunk.removesuffix(b"\n").split(b"\r")
        else:
            pieces = chunk.removesuffix("\n").split("\r")
        if len(pieces) > 1 and not pieces[-1]:
            pieces.pop()  # the CR of a CRLF, or a CR that ends the stream
        yield from pieces


def _lines(source: Iterable[bytes] | Iterable[str]) -> Iterator[bytes | str]:
    """The input's lines, without their ends, as they arrive: a line ends at LF, CRLF or a
    bare CR (never at the other Unicode line breaks, which text may hold), and a BOM at the
    start of the stream is dropped."""
    read1 = getattr(source, "read1", None)
    lines = _read_lines(read1) if read1 is not None else _split_lines(source)
    for number, line in enumerate(lines):
        if number == 0 and isinstance(line, bytes):
            line = line.removeprefix(_BOM.encode())
        elif number == 0 and isinstance(line, str):
            line = line.removeprefix(_BOM)
        yield line


def _check_writable(value: Any, what: str, known_id: Any = None) -> None:
    """Refuse a parsed value that cannot be written as UTF-8 JSON: a lone surrogate (from an
    escape like \\ud800, or a byte a text stream could not decode) is not text."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise _LineError(f"{what} holds a lone surrogate, which is not text", known_id) from None
    except RecursionError:
        raise _LineError(f"{what} is nested too deeply to write", known_id) from None


def _parse(raw: bytes | str) -> dict[str, Any]:
    """One input line as a record with a text string, or a _LineError saying why not."""
    if isinstance(raw, bytes):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _LineError(
                f"not UTF-8 text (byte 0x{raw[error.start]:02x} at {error.start})"
            ) from None
    else:
        line = raw
        _check_writable(line, "the line")
    if not line.strip():
        raise _LineError("blank line: expected an object with a text string")
    try:
        item = evaluation_files.loads_finite(line)
    except RecursionError:
        raise _LineError("nested too deeply to read") from None
    except ValueError as error:
        raise _LineError(str(error)) from None
    if not isinstance(item, dict):
        raise _LineError("expected an object with a text string")
    # Keep the id where there is one, so a script can match the error to its row.
    known_id = item.get("id")
    _check_writable(known_id, "the id")
    if not isinstance(item.get("text"), str):
        raise _LineError("expected an object with a text string", known_id)
    _check_writable(item["text"], "the text", known_id)
    return item


def stream_analyses(
    source: Iterable[bytes] | Iterable[str], sink: BinaryIO | TextIO, context: AnalysisContext
) -> int:
    """Analyse each input line as it arrives, one output line for each, in order; a bad line
    gets an error line, never a stop. Takes bytes or text, writes UTF-8 (or text)."""
    count = 0
    for line_number, raw in enumerate(_lines(source), start=1):
        try:
            item = _parse(raw)
        except _LineError as error:
            output = {"id": error.known_id, "error": f"Line {line_number}: {error}"}
        else:
            # An optional "source" ("complaint", "compliment") tips close calls on tone.
            origin = item.get("source") if isinstance(item.get("source"), str) else None
            result = context.analyse(item["text"], source=origin)
            output = result.to_json_dict(item.get("id"))
        try:
            encoded = json.dumps(output, ensure_ascii=False, allow_nan=False)
            encoded.encode("utf-8")
        except (ValueError, RecursionError):
            # Cannot happen for what _parse lets through; a line is still owed.
            encoded = json.dumps({"id": None, "error": f"Line {line_number}: cannot be written"})
        if isinstance(sink, io.TextIOBase):
            sink.write(encoded + "\n")
        else:
            sink.write((encoded + "\n").encode("utf-8"))  # type: ignore[arg-type]
        count += 1
        # Flush per line so a script reading our output as a stream sees it at once.
        sink.flush()
    return count


@click.command("analyse-eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def analyse_eval_command(file: str) -> None:
    """Measure the analyser on a labelled JSON-lines file (the dev.jsonl format)."""
    try:
        records = evaluation_files.read_jsonl(file)
    except evaluation_files.LabelledFileError as error:
        problems = "\n".join(f"  {problem}" for problem in error.problems)
        raise click.ClickException(
            f"{file} is not a labelled JSON-lines file:\n{problems}"
        ) from None
    except OSError as error:
        raise click.ClickException(f"{file} cannot be read: {error.strerror}") from None
    context = AnalysisContext.load()
    report = evaluation.evaluate(records, context.analyse)
    baseline = evaluation.evaluate(records, evaluation.textblob_baseline)
    click.echo(evaluation_report.format_report(report, baseline))


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
    click.echo(evaluation_report.format_labels(result.report))


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
