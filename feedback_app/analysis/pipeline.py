"""The single entry point: analyse one comment into themes, sentiment, flags and redaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from feedback_app.analysis.learning import LearnedModel, default_model
from feedback_app.analysis.redaction import redact
from feedback_app.analysis.safeguarding import safeguarding_phrases
from feedback_app.analysis.sentiment import score_sentiment
from feedback_app.analysis.themes import DEFAULT_THEME_RULES, THRESHOLD, ThemeRule, rule_scores
from feedback_app.analysis.tokens import normalise

#: A learned theme probability at or above this gives the theme. Measured by leaving one
#: of eight writers out (benchmarks/analysis_cross_writer.py) with the version 3 model:
#: 0.2 balanced precision and recall and beat 0.25 and 0.3 on the mean over writers.
THEME_PROBABILITY = 0.2
#: When no theme reaches THEME_PROBABILITY, the likeliest is still given if it reaches
#: this: almost every comment is about something, and an empty answer helps nobody.
THEME_FALLBACK_PROBABILITY = 0.1

QUESTIONS = frozenset({"went_well", "could_be_better", "general"})

# An empty model: pass as ``learned`` to use the rules alone.
RULES_ONLY = LearnedModel()


@dataclass(frozen=True)
class Analysis:
    """What the analyser suggests for one comment (SPEC §6 ``analyse`` contract)."""

    themes: tuple[str, ...]
    sentiment: str
    polarity: float
    safeguarding: bool
    safeguarding_phrases: tuple[str, ...]
    redacted: str

    def to_json_dict(self, id: Any) -> dict[str, Any]:  # noqa: A002 - the contract's key
        """Return the ``flask analyse`` output line for this comment."""
        return {
            "id": id,
            "themes": list(self.themes),
            "sentiment": self.sentiment,
            "polarity": self.polarity,
            "safeguarding": self.safeguarding,
            "redacted": self.redacted,
        }


def analyse(
    text: str,
    question: str | None = None,
    theme_rules: Sequence[ThemeRule] | None = None,
    known_names: Sequence[str] = (),
    learned: LearnedModel | None = None,
) -> Analysis:
    """Analyse one comment.

    ``question`` is the question the comment answers ("went_well", "could_be_better",
    "general") when known. ``theme_rules`` default to ``DEFAULT_THEME_RULES``;
    ``known_names`` are staff and other names to redact; ``learned`` is a model from
    ``train()`` — when None the shipped default model is used, and ``RULES_ONLY``
    switches learning off.
    """
    text = text or ""
    rules = DEFAULT_THEME_RULES if theme_rules is None else theme_rules
    model = default_model() if learned is None else learned
    normalised = normalise(text)
    if question not in QUESTIONS:
        question = None

    scores = rule_scores(normalised, rules)
    sentiment = score_sentiment(text, normalised, question)
    label, polarity = sentiment.label, sentiment.polarity
    if model is not None and model.examples > 0 and normalised:
        feats = model.features(text, normalised)
        learned_probs, probs = model.predict(feats, scores, sentiment.score)
        # With a model, its probability decides each theme it knows: the rule score is one
        # of its inputs, so the model learns both new wording and which rule hits analysts
        # keep rejecting. Themes it has never seen (added by an admin since) keep their
        # rule score.
        in_use = {rule.slug for rule in rules}
        known = {slug: p for slug, p in learned_probs.items() if slug in in_use}
        for slug, probability in known.items():
            scores[slug] = THRESHOLD * probability / THEME_PROBABILITY
        if known and all(score < THRESHOLD for score in scores.values()):
            best = max(known, key=lambda slug: known[slug])
            if known[best] >= THEME_FALLBACK_PROBABILITY:
                scores[best] = THRESHOLD
        label = max(probs, key=lambda name: probs[name])
        polarity = round(probs["positive"] - probs["negative"], 3)
    themes = tuple(
        slug
        for slug, score in sorted(scores.items(), key=lambda item: -item[1])
        if score >= THRESHOLD
    )
    phrases = safeguarding_phrases(normalised)
    if phrases:
        # A disclosure of harm is never good news, whatever polite words surround it.
        label, polarity = "negative", min(polarity, -0.3)
    return Analysis(
        themes=themes,
        sentiment=label,
        polarity=polarity,
        safeguarding=bool(phrases),
        safeguarding_phrases=phrases,
        redacted=redact(text, known_names),
    )
