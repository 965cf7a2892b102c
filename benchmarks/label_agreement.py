"""How far labellers agree, and how the model compares: the ceiling for the model.

Two independent readings of the same 1,200 corpus comments (100 from each of 12 writers
picked at random) are kept in ``benchmarks/data/``. Each reader saw only the comments'
text and source, never the labels:

- ``second_reading.jsonl``: four readers given docs/labelling.md (fifth session);
- ``spec_reading.jsonl``: six readers given only the taxonomy table and the sentence on
  sentiment from SPEC §3, nothing of our guide (eleventh session). It shows where our
  guide reads the taxonomy more widely than its one-line descriptions do.

This prints each reading scored against the corpus labels, and the two readings against
each other, as ``flask analyse-eval`` scores the model. With ``--model`` it also trains
the learned layer without the 12 writers (about four minutes) and scores it against the
corpus labels and each reading, so the model and a second reader can be set side by side.

    .venv/bin/python benchmarks/label_agreement.py [--model]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from feedback_app.analysis import Analysis, analyse
from feedback_app.analysis.evaluation import EvaluationReport, evaluate
from feedback_app.analysis.evaluation_files import read_jsonl
from feedback_app.analysis.learning import (
    as_examples,
    load_corpus,
    load_examples,
    source_priors,
    train,
)

DATA = Path(__file__).resolve().parent / "data"
READINGS = {
    "guide reading": DATA / "second_reading.jsonl",
    "SPEC reading": DATA / "spec_reading.jsonl",
}
Labels = dict[str, dict[str, Any]]


def _writer(comment_id: str) -> str:
    """Corpus ids are the writer's letters and a number: "po0449" is writer_po's."""
    return comment_id.rstrip("0123456789")


def _labeller(labels: Labels, records: list[dict[str, Any]]) -> Callable[..., Analysis]:
    """An analyser that answers with ``labels``, in the order ``evaluate`` reads ``records``.

    Records are read once each, in order; two writers may share a text, so answers go by
    position, not by text.
    """
    answers = iter([labels[record["id"]] for record in records])

    def read(text: str, *, source: str | None = None) -> Analysis:
        answer = next(answers)
        return Analysis(tuple(answer["themes"]), answer["sentiment"], 0.0, False, (), text)

    return read


def _as_reference(records: Iterable[dict[str, Any]], labels: Labels) -> list[dict[str, Any]]:
    """The records with ``labels`` in place of the corpus labels, to score others against."""
    return [{**record, **labels[record["id"]]} for record in records]


def _print(tag: str, report: EvaluationReport, *, per_theme: bool) -> None:
    micro = report.theme_micro
    print(
        f"{tag}: themes micro-F1 {micro.f1:.3f} (precision {micro.precision:.3f}, "
        f"recall {micro.recall:.3f}), macro-F1 {report.theme_macro_f1:.3f}; sentiment "
        f"macro-F1 {report.sentiment_macro_f1:.3f}, accuracy {report.sentiment_accuracy:.3f}"
    )
    if per_theme:
        for slug, prf in report.themes.items():
            counts = f"both {prf.tp}, first only {prf.fp}, second only {prf.fn}"
            print(f"    {slug:15} F1 {prf.f1:.3f} ({counts})")


def _model_labels(records: list[dict[str, Any]]) -> Labels:
    """What the analyser says of each record, trained without the records' writers."""
    left_out = {_writer(record["id"]) for record in records}
    rest = [record for record in load_corpus() if _writer(record["id"]) not in left_out]
    examples = load_examples("training.jsonl") + rest
    model = train(as_examples(examples))
    model.source_priors = source_priors(examples)
    labels = {}
    for record in records:
        analysis = analyse(record["text"], learned=model, source=record.get("source"))
        labels[record["id"]] = {"themes": list(analysis.themes), "sentiment": analysis.sentiment}
    return labels


def main(with_model: bool) -> None:
    readings = {
        name: {row["id"]: row for row in read_jsonl(str(path))} for name, path in READINGS.items()
    }
    corpus = {record["id"]: record for record in load_corpus()}
    ids = sorted(readings["guide reading"])
    assert all(sorted(labels) == ids for labels in readings.values()), "readings differ"
    records = [corpus[comment_id] for comment_id in ids]
    labellers: dict[str, Labels] = dict(readings)
    if with_model:
        labellers["model without these writers"] = _model_labels(records)
    references: dict[str, list[dict[str, Any]]] = {"corpus": records}
    references.update((name, _as_reference(records, readings[name])) for name in readings)

    each = {
        name: sum(len(r["themes"]) for r in labels.values()) / len(ids)
        for name, labels in labellers.items()
    }
    corpus_each = sum(len(record["themes"]) for record in records) / len(records)
    print(f"{len(ids)} comments; themes per comment: corpus {corpus_each:.2f}", end="")
    print("".join(f", {name} {count:.2f}" for name, count in each.items()))
    print("Per theme, 'first' is the labeller named first and 'second' the reference.")
    for name, labels in labellers.items():
        for reference, reference_records in references.items():
            if reference == name or (name, reference) == ("guide reading", "SPEC reading"):
                continue
            report = evaluate(reference_records, _labeller(labels, reference_records))
            _print(f"{name} against {reference}", report, per_theme=True)


if __name__ == "__main__":
    main(with_model="--model" in sys.argv[1:])
