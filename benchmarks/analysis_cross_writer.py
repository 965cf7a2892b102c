"""How well the analyser does on wording it has never seen: leave writers out.

The shipped corpus (feedback_app/analysis/data/corpus/) holds comments written
independently by many writers (one file each) with different angles. The writers are
dealt into ``FOLDS`` groups; for each group, train the learned layer on every other writer
and measure on each writer of the group, with the rules alone and with rules plus model.
Prints one line per writer and setting, then the mean over writers (the figure to
compare changes by). Training once per group, not per writer, keeps a run to about
twenty minutes on one core.

    .venv/bin/python benchmarks/analysis_cross_writer.py
"""

from __future__ import annotations

import json
from importlib import resources

from feedback_app.analysis import RULES_ONLY, analyse
from feedback_app.analysis.evaluation import EvaluationReport, evaluate
from feedback_app.analysis.learning import as_examples, load_examples, source_priors, train


def _writers() -> dict[str, list[dict[str, object]]]:
    corpus = resources.files("feedback_app.analysis").joinpath("data/corpus")
    found = {}
    for entry in sorted(corpus.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".jsonl"):
            lines = entry.read_text(encoding="utf-8").splitlines()
            found[entry.name.removesuffix(".jsonl")] = [json.loads(x) for x in lines if x.strip()]
    return found


def _line(tag: str, report: EvaluationReport) -> str:
    micro = report.theme_micro
    return (
        f"{tag:34} themes micro-F1 {micro.f1:.3f} (P {micro.precision:.3f} R {micro.recall:.3f})"
        f" macro-F1 {report.theme_macro_f1:.3f} | sentiment accuracy "
        f"{report.sentiment_accuracy:.3f} macro-F1 {report.sentiment_macro_f1:.3f}"
    )


FOLDS = 5


def main() -> None:
    writers = _writers()
    base = load_examples("training.jsonl")
    means: dict[str, list[tuple[float, float]]] = {"rules only": [], "rules + model": []}
    names = list(writers)
    for fold in range(FOLDS):
        held_out = names[fold::FOLDS]
        rest = [r for name, rs in writers.items() if name not in held_out for r in rs]
        model = train(as_examples(base + rest))
        model.source_priors = source_priors(base + rest)
        for name in held_out:
            records = writers[name]
            rules = evaluate(
                records, lambda text, *, source=None: analyse(text, learned=RULES_ONLY)
            )
            learned = evaluate(
                records,
                lambda text, *, source=None, model=model: analyse(
                    text, learned=model, source=source
                ),
            )
            print(_line(f"{name} ({len(records)}) rules only", rules), flush=True)
            print(_line(f"{name} ({len(records)}) rules + model", learned), flush=True)
            means["rules only"].append((rules.theme_micro.f1, rules.sentiment_macro_f1))
            means["rules + model"].append((learned.theme_micro.f1, learned.sentiment_macro_f1))
    for tag, pairs in means.items():
        if pairs:
            themes = sum(p[0] for p in pairs) / len(pairs)
            sentiment = sum(p[1] for p in pairs) / len(pairs)
            print(
                f"mean of {len(pairs)} writers, {tag:14} themes micro-F1 {themes:.3f} | "
                f"sentiment macro-F1 {sentiment:.3f}"
            )


if __name__ == "__main__":
    main()
