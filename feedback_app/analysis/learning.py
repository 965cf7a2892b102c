"""Training the learned model (``learning_model.py``) on analysts' corrections, and the
shipped training files and model.

Plain stochastic gradient descent on logistic loss with L2 shrinkage, in a seeded order,
so the same corrections always give the same model. ``python -m
feedback_app.analysis.learning`` rebuilds ``data/learned_model.json`` from the shipped
training files.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from typing import Any

from feedback_app.analysis.learning_features import features
from feedback_app.analysis.learning_model import (
    SENTIMENTS,
    LearnedModel,
    _flatness,
    _scale,
    _sigmoid,
)
from feedback_app.analysis.sentiment import score_sentiment
from feedback_app.analysis.themes import DEFAULT_THEME_RULES, ThemeRule, rule_scores
from feedback_app.analysis.tokens import normalise

EPOCHS = 30
# Measured by leaving one writer out (benchmarks/analysis_cross_writer.py): the old 0.1
# rate and 0.001 shrinkage under-fitted; 1.0 and 0.0003 gained about 0.03 theme micro-F1
# and 0.04 sentiment macro-F1 on unseen writers.
LEARNING_RATE = 1.0
L2 = 0.0003
# Examples are visited in a new, seeded order each epoch. In file order the weights ended
# up leaning towards whichever writer's comments came last: shuffling gained about 0.01
# theme micro-F1 and 0.035 sentiment macro-F1 on unseen writers, and the seed keeps the
# same corrections giving the same model.
SHUFFLE_SEED = 7
# Word weights smaller than these are dropped, to keep the stored model small (4.6 MB from
# 14,047 examples). Measured on unseen writers, the theme floor 0.5 (was 0.35) and sentiment
# floor 0.2 (was 0.15) cost under 0.002 in theme micro-F1 and sentiment macro-F1.
THEME_WEIGHT_FLOOR = 0.5
SENTIMENT_WEIGHT_FLOOR = 0.2
SAFEGUARDING_WEIGHT_FLOOR = 0.2
# Disclosures are about 3% of comments; each counts three times while learning, so the
# model leans towards flagging (recall first) without flagging everything.
SAFEGUARDING_POSITIVE_WEIGHT = 3.0

# How far a comment's source tips its sentiment: each tone's share among that source's
# labelled comments over its share among all of them, to this power, multiplies the model's
# probability. Leaving each of the 72 writers out in turn, sentiment macro-F1 was 0.8912
# without it, 0.8954 at 0.25, 0.8966 at 0.5 and 0.8962 at 1 (complaints 0.971 -> 0.983
# right, compliments 0.964 -> 0.998). Themes gained nothing from the source (0.8367 ->
# 0.8359 at 0.5), nor did tipping survey answers as a group, so only these two tip.
SOURCE_PRIOR_STRENGTH = 0.5
PRIOR_SOURCES = ("complaint", "compliment")

#: A training example: text, themes, sentiment and, when known, whether it is a disclosure.
#: What is not known is ``None`` and teaches nothing: an analyst's correction says nothing
#: of safeguarding, and a safeguarding lead's decision nothing of themes or sentiment.
Example = (
    tuple[str, Sequence[str] | None, str | None]
    | tuple[str, Sequence[str] | None, str | None, bool | None]
)


def _prune(weights: dict[str, float], floor: float) -> dict[str, float]:
    # Tiny weights only add size to the stored model and time to every analysis.
    return {f: round(w, 2) for f, w in weights.items() if abs(w) >= floor}


#: A prepared example: features, rule scores, sentiment score, themes, sentiment label
#: and safeguarding label (each label None when unknown).
Doc = tuple[set[str], dict[str, float], float, set[str] | None, str | None, bool | None]


def _prepare(examples: Iterable[Example], rules: Sequence[ThemeRule]) -> list[Doc]:
    docs: list[Doc] = []
    for example in examples:
        text, themes, sentiment = example[0], example[1], example[2]
        normalised = normalise(text)
        docs.append(
            (
                features(text, normalised),
                rule_scores(normalised, rules),
                score_sentiment(text, normalised).score,
                None if themes is None else set(themes),
                sentiment,
                example[3] if len(example) > 3 else None,
            )
        )
    return docs


def train(
    examples: Iterable[Example],
    theme_rules: Sequence[ThemeRule] | None = None,
    epochs: int = EPOCHS,
    l2: float = L2,
) -> LearnedModel:
    """Learn from (text, corrected themes, corrected sentiment) examples.

    Plain stochastic gradient descent on logistic loss with L2 shrinkage; the examples
    are shuffled with a fixed seed, so the same corrections always give the same model.
    """
    rules = DEFAULT_THEME_RULES if theme_rules is None else tuple(theme_rules)
    return fit(_prepare(examples, rules), [rule.slug for rule in rules], epochs, l2)


def fit(
    docs: list[Doc],
    slugs: Sequence[str],
    epochs: int = EPOCHS,
    l2: float = L2,
) -> LearnedModel:
    """Fit the model to prepared (features, rule scores, sentiment score, themes, label).

    Features are numbered once and weights kept in lists while training (about three times
    faster than dicts); only the weights above the floors are kept, as dicts, at the end.
    """
    model = LearnedModel(examples=len(docs))
    if not docs:
        return model
    vocab: dict[str, int] = {}
    rows = [_Row([vocab.setdefault(f, len(vocab)) for f in sorted(doc[0])]) for doc in docs]
    names = list(vocab)
    scales = [_scale(doc[0]) for doc in docs]
    for slug in slugs:
        data = [
            (ids, x_word, doc[1].get(slug, 0.0), 1.0 if slug in themes else 0.0)
            for ids, x_word, doc in zip(rows, scales, docs, strict=True)
            if (themes := doc[3]) is not None
        ]
        bias, rule_w, w = _fit_logistic(data, len(names), epochs, l2)
        model.theme_bias[slug] = round(bias, 3)
        model.theme_rule_weight[slug] = round(rule_w, 3)
        model.theme_weights[slug] = _prune(dict(zip(names, w, strict=True)), THEME_WEIGHT_FLOOR)
    s_bias = {label: 0.0 for label in SENTIMENTS}
    s_score = {label: 0.0 for label in SENTIMENTS}
    s_flat = {label: 0.0 for label in SENTIMENTS}
    s_w = {label: [0.0] * len(names) for label in SENTIMENTS}
    s_score["positive"], s_score["negative"] = 2.0, -2.0
    order = list(zip(rows, scales, docs, strict=True))
    shuffler = random.Random(SHUFFLE_SEED)
    for rate, decay in _epoch_steps(epochs, l2):
        shuffler.shuffle(order)
        for ids, x_word, doc in order:
            score, sentiment = doc[2], doc[4]
            if sentiment not in s_bias:
                continue
            flat = _flatness(score)
            logits = {
                label: s_bias[label]
                + s_score[label] * score
                + s_flat[label] * flat
                + sum(ids.values(s_w[label])) * x_word
                for label in SENTIMENTS
            }
            top = max(logits.values())
            exps = {label: math.exp(v - top) for label, v in logits.items()}
            total = sum(exps.values())
            for label in SENTIMENTS:
                grad = exps[label] / total - (1.0 if label == sentiment else 0.0)
                s_bias[label] -= rate * grad
                s_score[label] -= rate * grad * score
                s_flat[label] -= rate * grad * flat
                lw = s_w[label]
                step = rate * grad * x_word
                for i in ids:
                    lw[i] = lw[i] * decay - step
    model.sentiment_bias = {k: round(v, 3) for k, v in s_bias.items()}
    model.sentiment_score_weight = {k: round(v, 3) for k, v in s_score.items()}
    model.sentiment_flat_weight = {k: round(v, 3) for k, v in s_flat.items()}
    model.sentiment_weights = {
        k: _prune(dict(zip(names, v, strict=True)), SENTIMENT_WEIGHT_FLOOR) for k, v in s_w.items()
    }
    _fit_safeguarding(model, docs, rows, scales, names, epochs, l2)
    return model


class _Row(list[int]):
    """One example's feature numbers, with a getter that reads their weights in C.

    ``sum(row.values(weights))`` adds the same weights in the same order as a list
    comprehension over the row, so the model is identical: trained on a quarter of the
    corpus for 10 epochs, byte for byte, in 20.7 s of CPU time instead of 24.9 s.
    """

    __slots__ = ("values",)

    def __init__(self, ids: list[int]) -> None:
        super().__init__(ids)
        if len(ids) > 1:
            self.values: Callable[[list[float]], tuple[float, ...]] = itemgetter(*ids)
        else:  # itemgetter of one index returns the item itself, of none it cannot be made
            self.values = lambda weights: tuple(weights[i] for i in ids)


def _epoch_steps(epochs: int, l2: float) -> list[tuple[float, float]]:
    """(learning rate, weight decay) for each epoch: the rate falls as training goes on."""
    rates = [LEARNING_RATE / (1.0 + epoch * 0.1) for epoch in range(epochs)]
    return [(rate, 1.0 - rate * l2) for rate in rates]


def _fit_logistic(
    data: list[tuple[_Row, float, float, float]],
    size: int,
    epochs: int,
    l2: float,
    positive_weight: float = 1.0,
) -> tuple[float, float, list[float]]:
    """One binary logistic regression over (word ids, word scale, rule score, 0 or 1).

    Returns the bias, the rule score's weight and the word weights. Positive examples
    count ``positive_weight`` times; ``data`` is shuffled in place each epoch.
    """
    bias, rule_w = 0.0, 1.0
    w = [0.0] * size
    shuffler = random.Random(SHUFFLE_SEED)
    for rate, decay in _epoch_steps(epochs, l2):
        shuffler.shuffle(data)
        for ids, x_word, x_rule, y in data:
            z = bias + rule_w * x_rule + sum(ids.values(w)) * x_word
            grad = _sigmoid(z) - y
            if y:
                grad *= positive_weight
            bias -= rate * grad
            rule_w -= rate * grad * x_rule
            step = rate * grad * x_word
            for i in ids:
                w[i] = w[i] * decay - step
    return bias, rule_w, w


def _fit_safeguarding(
    model: LearnedModel,
    docs: list[Doc],
    rows: list[_Row],
    scales: list[float],
    names: list[str],
    epochs: int,
    l2: float,
) -> None:
    """Learn the words of disclosures from the examples that say whether they are one."""
    # No rule score: the safeguarding rules flag on their own, the model backs them up.
    data = [
        (ids, x_word, 0.0, 1.0 if doc[5] else 0.0)
        for ids, x_word, doc in zip(rows, scales, docs, strict=True)
        if doc[5] is not None
    ]
    if not any(y for *_, y in data):
        return
    bias, _rule_w, w = _fit_logistic(
        data, len(names), epochs, l2, positive_weight=SAFEGUARDING_POSITIVE_WEIGHT
    )
    model.safeguarding_bias = round(bias, 3)
    model.safeguarding_weights = _prune(dict(zip(names, w, strict=True)), SAFEGUARDING_WEIGHT_FLOOR)


def load_examples(name: str) -> list[dict[str, Any]]:
    """Read one of the shipped JSON-lines example files (``training.jsonl``, ``heldout.jsonl``)."""
    path = resources.files("feedback_app.analysis").joinpath(f"data/{name}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_corpus() -> list[dict[str, Any]]:
    """Read every shipped training file: ``training.jsonl`` and the writers' ``corpus/``.

    The corpus holds comments written independently by many writers, one file each, with
    different angles (new assessments, annual reviews, young people, complaints and
    compliments, neutral answers, long accounts...), so that leaving writers out measures
    how the analyser does on wording it has never seen.
    """
    records = load_examples("training.jsonl")
    corpus = resources.files("feedback_app.analysis").joinpath("data/corpus")
    for entry in sorted(corpus.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".jsonl"):
            lines = entry.read_text(encoding="utf-8").splitlines()
            records.extend(json.loads(line) for line in lines if line.strip())
    return records


def as_examples(records: Iterable[dict[str, Any]]) -> list[Example]:
    """Turn dev.jsonl-format records into ``train`` examples."""
    return [(r["text"], list(r["themes"]), r["sentiment"], r.get("safeguarding")) for r in records]


def source_priors(records: Iterable[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """For each of ``PRIOR_SOURCES``: how much more or less likely each sentiment is among
    its labelled comments than among all, to ``SOURCE_PRIOR_STRENGTH`` (one added to each
    count, so no tone is ever ruled out)."""
    overall: Counter[str] = Counter()
    by_source: dict[str, Counter[str]] = {source: Counter() for source in PRIOR_SOURCES}
    for record in records:
        overall[record["sentiment"]] += 1
        if record.get("source") in by_source:
            by_source[record["source"]][record["sentiment"]] += 1
    total = sum(overall[label] for label in SENTIMENTS)
    priors = {}
    for source, counts in by_source.items():
        seen = sum(counts[label] for label in SENTIMENTS)
        if not seen:
            continue
        size = seen + len(SENTIMENTS)
        priors[source] = {
            label: round(
                ((counts[label] + 1) / size / (overall[label] / total)) ** SOURCE_PRIOR_STRENGTH, 3
            )
            for label in SENTIMENTS
            if overall[label]
        }
    return priors


def train_with_defaults(corrections: Iterable[Example], correction_weight: int = 2) -> LearnedModel:
    """Train on the shipped examples plus analysts' corrections (counted ``weight`` times)."""
    corrected: list[Example] = list(corrections)
    records = load_corpus()
    model = train(as_examples(records) + corrected * correction_weight)
    model.source_priors = source_priors(records)
    return model


@lru_cache(maxsize=1)
def default_model() -> LearnedModel | None:
    """The model shipped in ``data/learned_model.json``, trained on ``training.jsonl``."""
    path = resources.files("feedback_app.analysis").joinpath("data/learned_model.json")
    if not path.is_file():
        return None
    return LearnedModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def main() -> None:
    """Rebuild ``data/learned_model.json`` from the shipped training files (after editing them)."""
    records = load_corpus()
    model = train(as_examples(records))
    model.source_priors = source_priors(records)
    path = resources.files("feedback_app.analysis").joinpath("data/learned_model.json")
    with resources.as_file(path) as real_path:
        real_path.write_text(json.dumps(model.to_dict(), sort_keys=True) + "\n", encoding="utf-8")
    print(f"trained on {model.examples} examples")


if __name__ == "__main__":
    main()
