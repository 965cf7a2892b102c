"""Print how long ``analyse`` takes on the longest and most awkward comments a form takes.

A complaint may be 20,000 characters, and ``flask analyse`` reads lines of any length. An
analysis whose time grows with the square of the length would hold a worker for seconds on
one such comment, so each text here repeats something every detector looks at (a title, a
name, an email address, a phone number, a reference, a negation, a disclosure, the start
of an email address that never ends) to 20,000
and to 80,000 characters; a time four times as long for four times the text is linear.

    .venv/bin/python benchmarks/analysis_worst_case.py
"""

from __future__ import annotations

import time

from feedback_app.analysis import analyse

PIECES = {
    "titles": "Mr ",
    "a name in context": "Dear Sarah, ",
    "names that are words": "Will Hope ",
    "a double-barrelled name": "Mrs Ann-Marie O'Neil ",
    "email addresses": "x@y.com ",
    "phone numbers": "07700900123 ",
    "references": "SEN/12345 ",
    "postcodes": "B91 3QQ ",
    "dates": "01/02/2015 ",
    "negations": "still no plan, not ",
    "a disclosure": "he hits me ",
    "ordinary words": "the caseworker never rang back ",
    "runs of dots before an at sign": "a.",
    "an address spelled out": "jo dot ",
}
# What ends a text, where only the end makes a piece awkward: "a.a.a. ... a.@" looks like
# the start of an email address all the way to the "@".
ENDINGS = {"runs of dots before an at sign": "@"}
LENGTHS = (20_000, 80_000)


def seconds(text: str) -> float:
    """Best of three: a shared machine adds noise, never speed."""
    best = float("inf")
    for _run in range(3):
        start = time.process_time()
        analyse(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    analyse("warm the caches: the rules, the model and the lexicon")
    print(f"{'repeated':32}" + "".join(f"{length:>12,} chars" for length in LENGTHS) + "   ratio")
    for name, piece in PIECES.items():
        end = ENDINGS.get(name, "")
        times = [
            seconds((piece * (length // len(piece) + 1))[: length - len(end)] + end)
            for length in LENGTHS
        ]
        cells = "".join(f"{t * 1000:>15,.0f} ms" for t in times)
        print(f"{name:32}{cells}   {times[1] / max(times[0], 1e-9):5.1f}")


if __name__ == "__main__":
    main()
