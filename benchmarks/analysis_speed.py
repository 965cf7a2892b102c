"""Print how many comments a second ``analyse`` handles on one core.

Run from the project root: ``python benchmarks/analysis_speed.py [FILE.jsonl ...]``.
Texts from each file are repeated to about 5,000 comments so the figure is stable.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from feedback_app.analysis import analyse
from feedback_app.analysis.learning import load_examples

TARGET = 5_000
DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"


def measure(label: str, texts: list[str]) -> float:
    """Analyse ``texts`` repeated to ~TARGET comments; print and return comments/second."""
    if not texts:
        print(f"{label}: no texts")
        return 0.0
    batch = (texts * (TARGET // len(texts) + 1))[:TARGET]
    analyse(batch[0])  # warm the caches (compiled rules, TextBlob lexicon) outside the timing
    # Best of three runs: a shared machine adds noise, never speed.
    elapsed = cpu = float("inf")
    for _run in range(3):
        start, cpu_start = time.perf_counter(), time.process_time()
        for text in batch:
            analyse(text)
        elapsed = min(elapsed, time.perf_counter() - start)
        # CPU time is what one core spends; wall time also counts waiting on a busy machine.
        cpu = min(cpu, time.process_time() - cpu_start)
    words = sum(len(t.split()) for t in batch) / len(batch)
    rate = len(batch) / cpu
    print(
        f"{label}: {rate:,.0f} comments/second of CPU time, {len(batch) / elapsed:,.0f} by the "
        f"wall clock ({len(batch)} comments, {words:.0f} words avg)"
    )
    return rate


def forty_word_comments(texts: list[str]) -> list[str]:
    """The same words cut into 40-word comments, the average the target is set for."""
    words = " ".join(texts).split()
    return [" ".join(words[i : i + 40]) for i in range(0, len(words) - 40, 40)]


def main(paths: list[str]) -> None:
    """Measure on the given files, or on dev.jsonl and our own examples by default."""
    if not paths and DEV.exists():
        paths = [str(DEV)]
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle if line.strip()]
        measure(path, texts)
        measure(f"{path} as 40-word comments", forty_word_comments(texts))
    own = load_examples("training.jsonl") + load_examples("heldout.jsonl")
    measure("own examples", [record["text"] for record in own])


if __name__ == "__main__":
    main(sys.argv[1:])
