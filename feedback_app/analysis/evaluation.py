"""Evaluation of an analyser against labelled comments (the dev.jsonl format): the scores.

Pure functions: ``evaluate`` counts each label's hits and misses, and ``interval`` says
how far a figure could move on other comments like these. Redaction leaks are counted
by the kind of the personal data that survived, guessed from the leaked string itself.
Reading the files is in ``evaluation_files``, the printed report in ``evaluation_report``;
``python -m feedback_app.analysis.evaluation FILE.jsonl`` prints the report.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from textblob.en import sentiment as _pattern_sentiment

from feedback_app.analysis.pipeline import Analysis

LABELS: tuple[str, ...] = ("negative", "neutral", "positive")
LEAK_KINDS: tuple[str, ...] = ("email", "phone", "postcode", "NHS number", "name", "other")

_EMAIL_RE = re.compile(r"@")
_POSTCODE_RE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", re.IGNORECASE)
_NAME_RE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){0,2}$")

#: How many times ``interval`` redraws the comments. On dev.jsonl's 90 comments, intervals
#: from 1,000 and from 10,000 redraws, three seeds each, differed by at most 0.01 at either end.
RESAMPLES = 1000


@dataclass
class PRF:
    """Counts for one label, with precision, recall and F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predicted labels that were right (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of true labels that were found (1.0 when there were none)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Outcome:
    """One comment's result: its theme counts and its sentiment, true and predicted."""

    tp: int
    fp: int
    fn: int
    true_sentiment: str
    predicted_sentiment: str


@dataclass
class EvaluationReport:
    """Everything ``format_report`` prints, as numbers a test can assert on."""

    records: int = 0
    themes: dict[str, PRF] = field(default_factory=dict)
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    safeguarding: PRF = field(default_factory=PRF)
    leaks: Counter[str] = field(default_factory=Counter)
    pii_total: Counter[str] = field(default_factory=Counter)
    missed_safeguarding: list[str] = field(default_factory=list)
    #: each comment's result, in order, so figures can be recomputed on a resample
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def theme_micro(self) -> PRF:
        """Counts pooled over all themes."""
        pooled = PRF()
        for prf in self.themes.values():
            pooled.tp += prf.tp
            pooled.fp += prf.fp
            pooled.fn += prf.fn
        return pooled

    @property
    def theme_macro_f1(self) -> float:
        """Mean F1 over the themes that occur in the labels or the predictions."""
        return sum(p.f1 for p in self.themes.values()) / len(self.themes) if self.themes else 0.0

    @property
    def sentiment_right(self) -> int:
        """Comments whose sentiment label was right."""
        return sum(self.confusion.get(label, Counter())[label] for label in LABELS)

    @property
    def sentiment_accuracy(self) -> float:
        """Share of comments whose sentiment label was right."""
        return self.sentiment_right / self.records if self.records else 0.0

    def add(
        self,
        true_themes: Iterable[str],
        predicted_themes: Iterable[str],
        true_sentiment: str,
        predicted_sentiment: str,
    ) -> None:
        """Count one comment's themes and sentiment, as labelled and as predicted."""
        self.records += 1
        truth, predicted = set(true_themes), set(predicted_themes)
        for slug in truth | predicted:
            prf = self.themes.setdefault(slug, PRF())
            prf.tp += slug in truth and slug in predicted
            prf.fp += slug in predicted and slug not in truth
            prf.fn += slug in truth and slug not in predicted
        self.confusion.setdefault(true_sentiment, Counter())[predicted_sentiment] += 1
        self.outcomes.append(
            Outcome(
                len(truth & predicted),
                len(predicted - truth),
                len(truth - predicted),
                true_sentiment,
                predicted_sentiment,
            )
        )

    def sort_themes(self) -> None:
        """Order the themes by slug, as the report prints them."""
        self.themes = dict(sorted(self.themes.items()))

    def sentiment_prf(self, label: str) -> PRF:
        """Precision/recall counts for one sentiment label, from the confusion matrix."""
        row = self.confusion.get(label, Counter())
        predicted = sum(self.confusion.get(true, Counter())[label] for true in LABELS)
        return PRF(tp=row[label], fp=predicted - row[label], fn=sum(row.values()) - row[label])

    @property
    def sentiment_macro_f1(self) -> float:
        """Mean F1 over the three sentiment labels that occur."""
        present = [label for label in LABELS if sum(self.confusion.get(label, Counter()).values())]
        if not present:
            return 0.0
        return sum(self.sentiment_prf(label).f1 for label in present) / len(present)


@dataclass(frozen=True)
class Interval:
    """Where a figure would likely fall on other comments like these (95% of resamples)."""

    low: float
    high: float
    resamples: int


def _pooled(counted: Iterable[tuple[Outcome, int]]) -> EvaluationReport:
    """A report of outcomes (each counted so many times) with every theme pooled into one,
    which keeps the micro figures and the sentiment figures as the full report computes them."""
    report = EvaluationReport()
    pooled = report.themes.setdefault("", PRF())
    for outcome, times in counted:
        report.records += times
        pooled.tp += outcome.tp * times
        pooled.fp += outcome.fp * times
        pooled.fn += outcome.fn * times
        row = report.confusion.setdefault(outcome.true_sentiment, Counter())
        row[outcome.predicted_sentiment] += times
    return report


def interval(
    report: EvaluationReport,
    figure: Callable[[EvaluationReport], float],
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> Interval:
    """A 95% bootstrap interval for ``figure`` (theme micro-F1 or a sentiment figure).

    The comments are drawn again at random, as many as there are, with replacement, and
    the figure computed on each draw; the interval holds the middle 95% of the results.
    It says how far the figure could move on another set of comments like these, which
    matters on a small file: on 90 comments one label more or less moves F1 by 0.01.
    Seeded, so the same report always gives the same interval.
    """
    if not report.outcomes:
        return Interval(0.0, 0.0, 0)
    # Comments with the same result are one kind: a draw only counts how many of each it
    # took, which keeps 10,000 reviewed comments to a second or two.
    kinds = Counter(report.outcomes)
    distinct = list(kinds)
    population = [at for at, kind in enumerate(distinct) for _ in range(kinds[kind])]
    draw = random.Random(seed).choices
    results = sorted(
        figure(
            _pooled(
                (distinct[at], times)
                for at, times in Counter(draw(population, k=len(population))).items()
            )
        )
        for _ in range(resamples)
    )
    return Interval(results[int(0.025 * resamples)], results[int(0.975 * resamples) - 1], resamples)


def leak_kind(pii: str) -> str:
    """Guess what kind of personal data a pii string is, for counting leaks."""
    digits = re.sub(r"\D", "", pii)
    if _EMAIL_RE.search(pii):
        return "email"
    if _POSTCODE_RE.match(pii.strip()):
        return "postcode"
    if len(digits) == 10 and not digits.startswith("0") and not pii.strip().startswith("+"):
        return "NHS number"
    if len(digits) >= 10 and (digits.startswith("0") or digits.startswith("44")):
        return "phone"
    if _NAME_RE.match(pii.strip()):
        return "name"
    return "other"


class Analyser(Protocol):
    """Anything that analyses a comment's text, told its source when the record has one."""

    def __call__(self, text: str, *, source: str | None = None) -> Analysis: ...


def evaluate(records: Iterable[dict[str, Any]], analyser: Analyser) -> EvaluationReport:
    """Run ``analyser`` on each record's text (and source) and compare with its labels."""
    report = EvaluationReport()
    for record in records:
        result = analyser(record["text"], source=record.get("source"))
        report.add(record.get("themes", []), result.themes, record["sentiment"], result.sentiment)
        sg_true = bool(record.get("safeguarding"))
        report.safeguarding.tp += sg_true and result.safeguarding
        report.safeguarding.fp += result.safeguarding and not sg_true
        report.safeguarding.fn += sg_true and not result.safeguarding
        if sg_true and not result.safeguarding:
            report.missed_safeguarding.append(str(record.get("id", "")))
        for pii in record.get("pii", []):
            kind = leak_kind(pii)
            report.pii_total[kind] += 1
            if pii.lower() in result.redacted.lower():
                report.leaks[kind] += 1
    report.sort_themes()
    return report


def textblob_baseline(text: str, *, source: str | None = None) -> Analysis:
    """TextBlob alone (polarity with ±0.05 thresholds), no themes, flags or redaction;
    it takes no notice of the source."""
    # Exactly TextBlob(text).sentiment.polarity, without building a TextBlob object.
    polarity = float(_pattern_sentiment(text)[0]) if text.strip() else 0.0
    label = "positive" if polarity > 0.05 else "negative" if polarity < -0.05 else "neutral"
    return Analysis((), label, round(polarity, 3), False, (), text)


if __name__ == "__main__":
    # The report imports this module, so the command lives there.
    from feedback_app.analysis.evaluation_report import main

    raise SystemExit(main())
