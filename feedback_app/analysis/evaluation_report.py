"""The evaluation report as plain text, and the command that prints it for files.

Pure functions, so ``flask analyse-eval`` and ``python -m feedback_app.analysis.evaluation
FILE.jsonl`` print the same report, with 95% intervals from ``evaluation.interval``.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence

from feedback_app.analysis.evaluation import (
    LABELS,
    LEAK_KINDS,
    EvaluationReport,
    Interval,
    evaluate,
    interval,
    textblob_baseline,
)
from feedback_app.analysis.evaluation_files import LabelledFileError, read_jsonl
from feedback_app.analysis.pipeline import analyse


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def format_report(report: EvaluationReport, baseline: EvaluationReport | None = None) -> str:
    """Render the report as plain text; with ``baseline``, print its figures beside."""
    lines = [f"comments: {report.records}", "", format_labels(report, baseline)]
    sg = report.safeguarding
    lines += [
        "",
        "safeguarding",
        f"  recall {_fmt(sg.recall)}  precision {_fmt(sg.precision)}  "
        f"(flagged right {sg.tp}, wrongly {sg.fp}, missed {sg.fn})",
    ]
    if report.missed_safeguarding:
        lines.append("  missed: " + ", ".join(report.missed_safeguarding))
    lines += ["", "redaction leaks (pii strings surviving / total)"]
    for kind in LEAK_KINDS:
        if report.pii_total[kind]:
            lines.append(f"  {kind:<11} {report.leaks[kind]} / {report.pii_total[kind]}")
    return "\n".join(lines)


def format_labels(report: EvaluationReport, baseline: EvaluationReport | None = None) -> str:
    """The themes and sentiment part of the report, as plain text."""
    lines = ["themes           precision recall  f1     n"]
    for slug, prf in report.themes.items():
        lines.append(
            f"  {slug:<15} {_fmt(prf.precision)}     {_fmt(prf.recall)}  {_fmt(prf.f1)}  "
            f"{prf.tp + prf.fn}"
        )
    micro = report.theme_micro
    lines += [
        f"  micro           {_fmt(micro.precision)}     {_fmt(micro.recall)}  {_fmt(micro.f1)}",
        f"  macro F1        {_fmt(report.theme_macro_f1)}",
        _interval_line("micro F1", interval(report, lambda r: r.theme_micro.f1)),
        "",
    ]

    def beside(ours: float, theirs: Callable[[EvaluationReport], float]) -> str:
        return f"{_fmt(ours)}" + (
            f"   (TextBlob alone {_fmt(theirs(baseline))})" if baseline else ""
        )

    lines += [
        "sentiment",
        f"  accuracy  {beside(report.sentiment_accuracy, lambda r: r.sentiment_accuracy)}",
        f"  macro F1  {beside(report.sentiment_macro_f1, lambda r: r.sentiment_macro_f1)}",
    ]
    for label in LABELS:
        prf = report.sentiment_prf(label)
        lines.append(
            f"  {label:<9} precision {_fmt(prf.precision)} recall {_fmt(prf.recall)} "
            f"f1 {_fmt(prf.f1)}"
        )
    lines.append(_interval_line("macro F1", interval(report, lambda r: r.sentiment_macro_f1)))
    lines.append("  confusion (rows true, columns predicted): " + " ".join(LABELS))
    for true in LABELS:
        row = report.confusion.get(true, Counter())
        lines.append(f"    {true:<9} " + " ".join(f"{row[p]:>8}" for p in LABELS))
    return "\n".join(lines)


def _interval_line(name: str, found: Interval) -> str:
    return (
        f"  {name} 95% interval {_fmt(found.low)} to {_fmt(found.high)}"
        f" ({found.resamples:,} resamples of the comments)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report for each file given, with the TextBlob baseline beside."""
    paths = list(sys.argv[1:] if argv is None else argv)
    if not paths:
        print("usage: python -m feedback_app.analysis.evaluation FILE.jsonl [...]")
        return 2
    for path in paths:
        try:
            records = read_jsonl(path)
        except LabelledFileError as error:
            print(f"{path} is not a labelled JSON-lines file:\n{error}", file=sys.stderr)
            return 1
        report = evaluate(records, analyse)
        baseline = evaluate(records, textblob_baseline)
        print(f"== {path}")
        print(format_report(report, baseline))
    return 0
