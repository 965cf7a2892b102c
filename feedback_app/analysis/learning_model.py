"""The learned model: small, explainable logistic regressions stacked on the rules.

Each theme gets a weight for its rule score plus a weight per word and word pair, and
sentiment gets the same per label on top of the rule-based sentiment score. The model
is a few thousand numbers in plain dicts, so it serialises to JSON for the database,
and any suggestion can be explained by listing the words that pushed it. The rules stay
the backbone; the model adds what analysts taught it and learns which rule hits they
keep rejecting.

The weights of a comment's words are packed into integers (``_FIELD_BITS``) so that one
addition sums every column at once. Training is in ``learning.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from feedback_app.analysis.learning_features import features, legacy_features

SENTIMENTS: tuple[str, ...] = ("negative", "neutral", "positive")
#: 4: stemmed words, comment-shape cues and words in a negation's scope as features (see
#: ``features``). Models stored before (version 3: no negation scope; version 2: unstemmed
#: words) still load and are read with the features they were trained on.
MODEL_VERSION = 4
UNSCOPED_MODEL_VERSION = 3
LEGACY_MODEL_VERSION = 2
READABLE_MODEL_VERSIONS = (MODEL_VERSION, UNSCOPED_MODEL_VERSION, LEGACY_MODEL_VERSION)


# A feature's weights for all columns are packed into one integer, column c in bits
# [c * _FIELD_BITS, (c + 1) * _FIELD_BITS), as a whole number of 2**-32 plus an offset that
# keeps it positive. Adding the integers of a comment's features then adds every column at
# once, in C and exactly: 10 µs for a 40-word comment where summing tuples of floats
# column by column took 40-55 µs. Each weight is rounded by at most 2**-33 (a sum of 60
# moves by about 1e-9), and a sum no longer depends on the order of a set (the hash seed).
_FIELD_BITS = 64
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_FIXED_POINT = float(1 << 32)
# Weights must stay below 2**8 in size; 2**23 features can then be added without a field
# overflowing into the next (a comment has a few hundred).
_OFFSET = 1 << 40


def _fixed(weight: float) -> int:
    """A weight as a whole number of 2**-32, checked to fit its field."""
    fixed = round(weight * _FIXED_POINT)
    if abs(fixed) >= _OFFSET:
        raise ValueError(f"a weight of {weight} is too large to pack")
    return fixed


def _packed_zeros(columns: int) -> int:
    """The packed integer of a feature with no weight in any column: just the offsets."""
    return sum(_OFFSET << (column * _FIELD_BITS) for column in range(columns))


def _unpack(total: int, count: int, columns: int) -> list[float]:
    """The column sums from the sum of ``count`` packed integers."""
    offsets = count * _OFFSET
    return [
        (((total >> (column * _FIELD_BITS)) & _FIELD_MASK) - offsets) / _FIXED_POINT
        for column in range(columns)
    ]


def _scale(feats: set[str]) -> float:
    # Words count 1/sqrt(n) each, so a long comment does not swamp the rule score.
    return 1.0 / math.sqrt(len(feats)) if feats else 0.0


def _flatness(score: float) -> float:
    # 1 for a rule score of 0, falling to 0 by about ±0.3: lets the model learn "neutral",
    # which a weight on the score alone cannot express.
    return max(0.0, 1.0 - abs(score) / 0.3)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


class Prediction(NamedTuple):
    """What the learned model says about one comment."""

    themes: dict[str, float]
    sentiments: dict[str, float]
    safeguarding: float


@dataclass
class LearnedModel:
    """Logistic regressions stacked on the rules: one per theme, one per sentiment label.

    Each theme's model sees the rule score for that theme plus the comment's words, so
    it learns both new wording and which rule hits analysts keep rejecting. The sentiment
    model sees the rule-based sentiment score plus the words. A safeguarding model sees
    the words alone: it backs up the safeguarding rules on wording they do not know.
    """

    theme_bias: dict[str, float] = field(default_factory=dict)
    theme_rule_weight: dict[str, float] = field(default_factory=dict)
    theme_weights: dict[str, dict[str, float]] = field(default_factory=dict)
    sentiment_bias: dict[str, float] = field(default_factory=dict)
    sentiment_score_weight: dict[str, float] = field(default_factory=dict)
    sentiment_flat_weight: dict[str, float] = field(default_factory=dict)
    sentiment_weights: dict[str, dict[str, float]] = field(default_factory=dict)
    safeguarding_bias: float = 0.0
    safeguarding_weights: dict[str, float] = field(default_factory=dict)
    #: source -> sentiment label -> factor (``source_priors``); empty in older models
    source_priors: dict[str, dict[str, float]] = field(default_factory=dict)
    examples: int = 0
    version: int = MODEL_VERSION
    _inverted: tuple[list[str], dict[str, int]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def features(self, text: str, normalised: str | None = None) -> set[str]:
        """The features this model was trained on (older stored models: see MODEL_VERSION)."""
        if self.version == LEGACY_MODEL_VERSION:
            return legacy_features(text, normalised)
        return features(text, normalised, negation=self.version != UNSCOPED_MODEL_VERSION)

    def _index(self) -> tuple[list[str], dict[str, int]]:
        """Feature -> its weights for every theme and "s:" + label, packed, built once.

        One lookup per word, and a comment's words are summed for every column at once
        by adding their packed weights (see ``_FIELD_BITS``), which keeps ``analyse`` fast
        however many themes a word carries weight for.
        """
        if self._inverted is None:
            keys = [
                *self.theme_weights,
                *("s:" + label for label in self.sentiment_weights),
                "safeguarding",
            ]
            tables = [
                *self.theme_weights.values(),
                *self.sentiment_weights.values(),
                self.safeguarding_weights,
            ]
            # Filled weight by weight: most features carry weight in only a few columns.
            zeros = _packed_zeros(len(tables))
            packed: dict[str, int] = {}
            for column, table in enumerate(tables):
                shift = column * _FIELD_BITS
                for feat, weight in table.items():
                    packed[feat] = packed.get(feat, zeros) + (_fixed(weight) << shift)
            self._inverted = (keys, packed)
        return self._inverted

    def word_sums(self, feats: set[str]) -> dict[str, float]:
        """Sum the comment's word weights for every column (themes, sentiments, disclosure).

        The costly part of a prediction: compute it once and pass it to the probability
        methods when a comment is scored more than once (with other rules, say).
        """
        keys, packed = self._index()
        found = [weights for weights in map(packed.get, feats) if weights is not None]
        if not found:
            return {}
        columns = _unpack(sum(found), len(found), len(keys))
        scale = _scale(feats)
        return {key: total * scale for key, total in zip(keys, columns, strict=True)}

    def predict(
        self, feats: set[str], rule_scores: dict[str, float], sentiment_score: float
    ) -> Prediction:
        """Return theme, sentiment and safeguarding probabilities, summing word weights once."""
        sums = self.word_sums(feats)
        return Prediction(
            self.theme_probabilities(feats, rule_scores, sums),
            self.sentiment_probabilities(feats, sentiment_score, sums),
            self.safeguarding_probability(feats, sums),
        )

    def safeguarding_probability(
        self, feats: set[str], sums: dict[str, float] | None = None
    ) -> float:
        """Return the probability that a comment is a disclosure (0 for a model without one)."""
        if not self.safeguarding_weights:
            return 0.0
        sums = self.word_sums(feats) if sums is None else sums
        return _sigmoid(self.safeguarding_bias + sums.get("safeguarding", 0.0))

    def explain_safeguarding(self, feats: set[str], top: int = 3) -> list[str]:
        """Return the features that pushed most towards a disclosure, strongest first."""
        found = [(f, w) for f in feats if (w := self.safeguarding_weights.get(f, 0.0)) > 0]
        return [f for f, _ in sorted(found, key=lambda item: (-item[1], item[0]))[:top]]

    def theme_probabilities(
        self,
        feats: set[str],
        rule_scores: dict[str, float],
        sums: dict[str, float] | None = None,
    ) -> dict[str, float]:
        """Return the probability of each learned theme, given words and rule scores."""
        sums = self.word_sums(feats) if sums is None else sums
        return {
            slug: _sigmoid(
                bias
                + self.theme_rule_weight.get(slug, 0.0) * rule_scores.get(slug, 0.0)
                + sums.get(slug, 0.0)
            )
            for slug, bias in self.theme_bias.items()
        }

    def sentiment_probabilities(
        self, feats: set[str], rule_score: float, sums: dict[str, float] | None = None
    ) -> dict[str, float]:
        """Return a probability for each sentiment label (softmax over the three)."""
        sums = self.word_sums(feats) if sums is None else sums
        logits = {
            label: self.sentiment_bias.get(label, 0.0)
            + self.sentiment_score_weight.get(label, 0.0) * rule_score
            + self.sentiment_flat_weight.get(label, 0.0) * _flatness(rule_score)
            + sums.get("s:" + label, 0.0)
            for label in SENTIMENTS
        }
        top = max(logits.values())
        exps = {label: math.exp(v - top) for label, v in logits.items()}
        total = sum(exps.values())
        return {label: v / total for label, v in exps.items()}

    def tip_for_source(self, sentiments: dict[str, float], source: str | None) -> dict[str, float]:
        """Weigh sentiment probabilities by how a comment's source leans (complaints are
        nearly always negative, compliments positive); other sources are left as they are."""
        factors = self.source_priors.get(source or "")
        if not factors:
            return sentiments
        tipped = {label: p * factors.get(label, 1.0) for label, p in sentiments.items()}
        total = sum(tipped.values())
        return {label: p / total for label, p in tipped.items()} if total else sentiments

    def explain_theme(self, slug: str, feats: set[str], top: int = 5) -> list[tuple[str, float]]:
        """Return the words that pushed a theme most, strongest first."""
        weights = self.theme_weights.get(slug, {})
        found = [(f, weights[f]) for f in feats if f in weights]
        return sorted(found, key=lambda item: (-abs(item[1]), item[0]))[:top]

    def explain_sentiment(self, label: str, feats: set[str]) -> list[tuple[str, float]]:
        """Return the words that pushed towards ``label`` over the other two, strongest
        first: each word's weight for the label less the mean of its other weights."""
        pushes = []
        for feat in feats:
            weights = [self.sentiment_weights.get(other, {}).get(feat, 0.0) for other in SENTIMENTS]
            own = self.sentiment_weights.get(label, {}).get(feat, 0.0)
            push = own - (sum(weights) - own) / (len(SENTIMENTS) - 1)
            if push > 0:
                pushes.append((feat, push))
        return sorted(pushes, key=lambda item: (-item[1], item[0]))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-able dict (the app stores it in the database)."""
        return {
            "version": self.version,
            "examples": self.examples,
            "theme_bias": self.theme_bias,
            "theme_rule_weight": self.theme_rule_weight,
            "theme_weights": self.theme_weights,
            "sentiment_bias": self.sentiment_bias,
            "sentiment_score_weight": self.sentiment_score_weight,
            "sentiment_flat_weight": self.sentiment_flat_weight,
            "sentiment_weights": self.sentiment_weights,
            "safeguarding_bias": self.safeguarding_bias,
            "safeguarding_weights": self.safeguarding_weights,
            "source_priors": self.source_priors,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LearnedModel:
        """Rebuild a model from ``to_dict`` output; unknown versions raise ValueError."""
        if data.get("version") not in READABLE_MODEL_VERSIONS:
            raise ValueError(f"unsupported learned model version: {data.get('version')!r}")

        def floats(mapping: dict[str, Any]) -> dict[str, float]:
            return {key: float(value) for key, value in mapping.items()}

        return cls(
            theme_bias=floats(data["theme_bias"]),
            theme_rule_weight=floats(data["theme_rule_weight"]),
            theme_weights={k: floats(v) for k, v in data["theme_weights"].items()},
            sentiment_bias=floats(data["sentiment_bias"]),
            sentiment_score_weight=floats(data["sentiment_score_weight"]),
            sentiment_flat_weight=floats(data.get("sentiment_flat_weight", {})),
            sentiment_weights={k: floats(v) for k, v in data["sentiment_weights"].items()},
            # Models stored before the safeguarding part existed have none.
            safeguarding_bias=float(data.get("safeguarding_bias", 0.0)),
            safeguarding_weights=floats(data.get("safeguarding_weights", {})),
            source_priors={k: floats(v) for k, v in data.get("source_priors", {}).items()},
            examples=int(data.get("examples", 0)),
            version=int(data["version"]),
        )
