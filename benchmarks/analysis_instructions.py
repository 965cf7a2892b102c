"""Count the instructions ``analyse`` takes for a 40-word comment: a figure noise cannot move.

CPU time on a shared machine varies by a third from one minute to the next
(docs/performance.md), more than most speed changes make. Valgrind's callgrind counts the
instructions the processor runs instead, and the same code on the same text gives the same
count. This runs Python under callgrind twice, each time warming up on 50 comments, then
analysing none the first time and COUNT the second, and prints the difference per comment.
The comments are dev.jsonl's words cut into 40-word comments (our own examples' words when
dev.jsonl is missing), as in ``analysis_speed.py``. Slow: about two minutes a run.

    .venv/bin/python benchmarks/analysis_instructions.py [COUNT]
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

# Run as a script, benchmarks/ is on the path: the comments are analysis_speed.py's.
from analysis_speed import DEV, forty_word_comments

from feedback_app.analysis.evaluation_files import read_jsonl
from feedback_app.analysis.learning import load_examples

WARM_UP = 50


def _comments(count: int) -> list[str]:
    """``count`` 40-word comments cut from dev.jsonl's words, or from our own examples'."""
    if DEV.exists():
        texts = [record["text"] for record in read_jsonl(str(DEV))]
    else:
        texts = [record["text"] for record in load_examples("heldout.jsonl")]
    comments = forty_word_comments(texts)
    return (comments * (count // len(comments) + 1))[:count]


def _analyse(count: int) -> None:
    """What runs under callgrind: warm up (load the model, compile rules), then analyse."""
    from feedback_app.analysis import analyse

    for text in _comments(WARM_UP):
        analyse(text)
    for text in _comments(count):
        analyse(text)


def _instructions(count: int) -> int:
    """Instructions run by a process that warms up, then analyses ``count`` comments."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--inside",
        str(count),
    ]
    # A fixed hash seed: the order of sets, and so a little of the work, depends on it.
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=True)
    found = re.search(r"Collected\s*:\s*([\d,]+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(arguments: list[str]) -> None:
    """Print instructions per 40-word comment (the difference of two callgrind runs)."""
    if arguments[:1] == ["--inside"]:
        _analyse(int(arguments[1]))
        return
    if shutil.which("valgrind") is None:
        print("analysis_instructions: valgrind is not installed (apt-get install valgrind)")
        return
    count = int(arguments[0]) if arguments else 200
    before = _instructions(0)
    after = _instructions(count)
    per_comment = (after - before) / count
    print(
        f"analyse: {per_comment / 1e6:.3f} million instructions a 40-word comment "
        f"({count} comments; {before / 1e9:.2f} billion to load and warm up)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
