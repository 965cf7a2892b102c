"""Reading labelled comments (the dev.jsonl format) for evaluation, checking every line.

Pure functions: a file that cannot be scored raises ``LabelledFileError`` listing each
problem by line, so ``flask analyse-eval`` and the benchmarks say what to fix.
"""

from __future__ import annotations

import json
import math
from typing import Any

from feedback_app.analysis.evaluation import LABELS


class LabelledFileError(ValueError):
    """A labelled file that cannot be scored; ``problems`` says what is wrong, by line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text} is too large")
    return value


def loads_finite(line: str | bytes) -> Any:
    """Parse one line of JSON, refusing NaN, Infinity and numbers too large for a float,
    which Python's json would otherwise take (and then write back as invalid JSON)."""
    return json.loads(line, parse_constant=_refuse_constant, parse_float=_finite_float)


def _is_strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def record_problems(record: object) -> list[str]:
    """What keeps one parsed line from being a labelled comment (the dev.jsonl format):
    a "text" string and a "sentiment" label, with optional "themes" and "pii" lists of
    strings, a "safeguarding" true or false, a "source" string and an "id"."""
    if not isinstance(record, dict):
        return [f"expected an object, found {type(record).__name__}"]
    problems = []
    if not isinstance(record.get("text"), str):
        problems.append('"text" must be a string' if "text" in record else '"text" is missing')
    if "sentiment" not in record:
        problems.append('"sentiment" is missing')
    elif record["sentiment"] not in LABELS:
        problems.append(f'"sentiment" must be one of {", ".join(LABELS)}')
    for key, what in (("themes", "theme slugs"), ("pii", "strings")):
        if key in record and not _is_strings(record[key]):
            problems.append(f'"{key}" must be a list of {what}')
    if "safeguarding" in record and not isinstance(record["safeguarding"], bool):
        problems.append('"safeguarding" must be true or false')
    if record.get("source") is not None and not isinstance(record["source"], str):
        problems.append('"source" must be a string')
    if not isinstance(record.get("id", ""), str | int | None) or isinstance(record.get("id"), bool):
        problems.append('"id" must be a string or a whole number')
    return problems


def read_jsonl(path: str) -> list[dict[str, Any]]:
    """Read a JSON-lines file of labelled comments, blank lines skipped. Every line is
    checked before any is used: LabelledFileError lists each problem by line, and says so
    when the file holds no comments at all."""
    records: list[dict[str, Any]] = []
    problems: list[str] = []
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                problems.append(f"line {number}: not UTF-8 text (byte {error.start + 1})")
                continue
            if not line.strip():
                continue
            try:
                record = loads_finite(line)
            except RecursionError:
                problems.append(f"line {number}: nested too deeply to read")
                continue
            except ValueError as error:
                problems.append(f"line {number}: not JSON ({error})")
                continue
            found = record_problems(record)
            problems += [f"line {number}: {problem}" for problem in found]
            if not found:
                records.append(record)
    if problems:
        raise LabelledFileError(problems)
    if not records:
        raise LabelledFileError(["no labelled comments in the file"])
    return records
