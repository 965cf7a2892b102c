"""How far two labellers following docs/labelling.md agree: the ceiling for the model.

``benchmarks/data/second_reading.jsonl`` holds a second, independent reading of 1,200
comments from the corpus (100 from each of 12 writers picked at random): four readers
were given the guide and the comments' text and source, never the labels. This prints
the second reading scored against the corpus labels, as ``flask analyse-eval`` scores
the model, so the two figures can be set side by side.

    .venv/bin/python benchmarks/label_agreement.py
"""

from __future__ import annotations

from pathlib import Path

from feedback_app.analysis import Analysis
from feedback_app.analysis.evaluation import evaluate, read_jsonl
from feedback_app.analysis.learning import load_corpus

SECOND_READING = Path(__file__).resolve().parent / "data" / "second_reading.jsonl"


def main() -> None:
    second = {row["id"]: row for row in read_jsonl(str(SECOND_READING))}
    corpus = {record["id"]: record for record in load_corpus()}
    records = [corpus[comment_id] for comment_id in sorted(second)]
    # ``evaluate`` reads the records in order, once each; two writers may share a text.
    readings = iter([second[record["id"]] for record in records])

    def second_reader(text: str, *, source: str | None = None) -> Analysis:
        labels = next(readings)
        return Analysis(tuple(labels["themes"]), labels["sentiment"], 0.0, False, (), text)

    report = evaluate(records, second_reader)
    micro = report.theme_micro
    themes_each = sum(len(row["themes"]) for row in second.values()) / len(second)
    corpus_each = sum(len(record["themes"]) for record in records) / len(records)
    print(
        f"{len(records)} comments read twice; themes per comment: corpus {corpus_each:.2f}, "
        f"second reading {themes_each:.2f}"
    )
    print(
        f"themes micro-F1 {micro.f1:.3f} (second reading's precision {micro.precision:.3f}, "
        f"recall {micro.recall:.3f}); macro-F1 {report.theme_macro_f1:.3f}"
    )
    for slug, prf in report.themes.items():
        counts = f"both {prf.tp}, second only {prf.fp}, corpus only {prf.fn}"
        print(f"  {slug:15} F1 {prf.f1:.3f} ({counts})")
    print(
        f"sentiment macro-F1 {report.sentiment_macro_f1:.3f}, "
        f"accuracy {report.sentiment_accuracy:.3f}"
    )


if __name__ == "__main__":
    main()
