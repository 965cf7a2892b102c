"""Safeguarding on comments written to test it, which nothing is ever trained on.

``benchmarks/data/safeguarding_test_*.jsonl`` hold 900 comments from three independent
writers: about a third are disclosures (often indirect, in text-speak or second-language
English), a third near misses (idioms, past harm dealt with, "risk" about funding) and a
third ordinary comments. Sets 1 and 2 were used to choose the learned model's threshold;
set 3 was measured only after that. Keep all three out of ``analysis/data/corpus``.

    .venv/bin/python benchmarks/safeguarding_recall.py
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from feedback_app.analysis import RULES_ONLY, Analysis, LearnedModel, analyse
from feedback_app.analysis.evaluation import PRF, evaluate
from feedback_app.analysis.evaluation_files import read_jsonl

DATA = Path(__file__).resolve().parent / "data"


def _safeguarding(records: list[dict[str, Any]], learned: LearnedModel | None) -> PRF:
    def analyser(text: str, *, source: str | None = None) -> Analysis:
        return analyse(text, learned=learned, source=source)

    return evaluate(records, analyser).safeguarding


def main() -> None:
    for path in sorted(DATA.glob("safeguarding_test_*.jsonl")):
        records = read_jsonl(str(path))
        for setting, learned in (("rules only", RULES_ONLY), ("rules + learned", None)):
            found = _safeguarding(records, learned)
            print(
                f"{path.name} ({len(records)}) {setting:15} recall {found.recall:.3f} "
                f"precision {found.precision:.3f} (flagged right {found.tp}, wrongly {found.fp}, "
                f"missed {found.fn})"
            )


if __name__ == "__main__":
    main()
