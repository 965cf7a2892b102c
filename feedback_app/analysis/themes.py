"""Theme rules: editable keyword lists that tag a comment with taxonomy slugs.

Keyword format (one per line in the admin textarea; see ``parse_keywords``):

* a plain phrase, matched as whole words anywhere in the comment, ignoring case,
  punctuation and common text-speak: ``social worker``
* ``*`` at the end of a word matches any ending: ``therap*`` (therapy, therapist)
* ``*`` on its own matches any one word: ``never * back``
* an optional weight after ``|``: ``school | 0.5`` (default 1). A theme is given when
  the weights of the distinct keywords found add up to 1 or more, so two weak keywords
  together are enough; a negative weight counts against the theme.
* lines starting with ``#`` and blank lines are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

_WORD_PART_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_WEIGHT_RE = re.compile(r"^(?P<phrase>.*?)\s*\|\s*(?P<weight>-?\d+(?:\.\d+)?)\s*$")

#: The summed weight at which a theme is given.
THRESHOLD = 1.0


@dataclass(frozen=True)
class ThemeRule:
    """One taxonomy theme and the keywords that suggest it; plain data for the database."""

    slug: str
    name: str
    description: str
    keywords: tuple[str, ...]


def parse_keywords(text: str) -> tuple[str, ...]:
    """Read an admin textarea (one keyword a line) into a tuple, dropping blanks and comments."""
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def format_keywords(keywords: Iterable[str]) -> str:
    """Write keywords back out for the admin textarea, one a line."""
    return "\n".join(keywords)


def split_weight(keyword: str) -> tuple[str, float]:
    """Split ``"phrase | 0.5"`` into the phrase and its weight (1.0 when none is given)."""
    match = _WEIGHT_RE.match(keyword)
    if match:
        return match.group("phrase").strip(), float(match.group("weight"))
    return keyword.strip(), 1.0


def malformed_weights(keywords: Iterable[str]) -> list[str]:
    """Rule lines with a "|" but no number after it, which would be read as a phrase
    ("school | abc" matches the words "school abc") rather than weighted."""
    return [keyword for keyword in keywords if "|" in keyword and not _WEIGHT_RE.match(keyword)]


def keyword_pattern(phrase: str) -> str | None:
    """Translate one phrase into a regex over normalised text, or None if it has no words."""
    parts: list[str] = []
    for word in phrase.lower().replace("’", "'").split():
        if word == "*":
            parts.append(r"[a-z0-9']+")
            continue
        wildcard = word.endswith("*")
        # Punctuation inside a phrase ("co-production") becomes a space, as in the text.
        pieces = _WORD_PART_RE.findall(word)
        if not pieces:
            continue
        body = " ".join(re.escape(piece) for piece in pieces)
        parts.append(body + (r"[a-z0-9']*" if wildcard else ""))
    if not parts:
        return None
    return " ".join(parts)


@dataclass(frozen=True)
class _CompiledRules:
    """Keywords indexed for speed: most are plain phrases, looked up by word n-gram."""

    exact: dict[str, tuple[tuple[str, float, str], ...]]
    # Every leading run of words of a multi-word phrase, to stop extending an n-gram early.
    starts: frozenset[str]
    prefixes: dict[str, tuple[tuple[str, float, str], ...]]
    max_words: int
    prefix_lengths: tuple[int, ...]
    # (slug, weight, keyword, words that must be present, regex)
    patterns: tuple[tuple[str, float, str, frozenset[str], re.Pattern[str]], ...]
    # For text of single-spaced words (normalised text), per pattern: the pieces of text
    # it cannot match without (" " + text + " " must contain each), whether finding them
    # is already a match, and the regex with a literal space in place of the look-behind,
    # which ``re`` finds far faster.
    spaced: tuple[tuple[tuple[str, ...], bool, re.Pattern[str]], ...] = ()
    # Patterns by one of the words they need (a pattern cannot match without it), and
    # the patterns that need no whole word, so each comment tries only a few.
    patterns_by_word: dict[str, tuple[int, ...]] = field(default_factory=dict)
    patterns_always: tuple[int, ...] = ()
    # The exact phrases as a tree of words: word -> (keywords ending here, next words).
    tree: dict[str, _Node] = field(default_factory=dict)
    # What each word of a comment finds, worked out once per distinct word.
    word_cache: dict[str, _WordHits | None] = field(default_factory=dict)


_Hits = tuple[tuple[str, float, str], ...]
_Node = tuple[_Hits, dict[str, "_Node"]]
# (keywords the word is, the phrases that go on from it, keywords it is a prefix of)
_WordHits = tuple[_Hits, dict[str, _Node], _Hits]
_MAX_PREFIX = 16
# Enough for any real vocabulary; words beyond it are looked up without being remembered.
_WORD_CACHE_SIZE = 200_000
# Single-spaced words, as ``normalise`` writes them.
_WORDS_RE = re.compile(r"(?:[a-z0-9']+(?: [a-z0-9']+)*)?")


def _literal_runs(phrase: str) -> tuple[tuple[str, ...], bool]:
    """What a wildcard phrase needs, as ``keyword_pattern`` reads it, for ``_CompiledRules``.

    Returns the runs of literal words, each with a space in front and (unless it ends
    in ``*``) behind, and whether the phrase is one such run with nothing else, when
    finding it in " " + text + " " is the same as the regex matching single-spaced words.
    """
    runs: list[str] = []
    run: list[str] = []
    any_word = False
    for word in phrase.lower().replace("’", "'").split():
        if word == "*":
            any_word = True
            if run:
                runs.append(" " + " ".join(run) + " ")
                run = []
            continue
        pieces = _WORD_PART_RE.findall(word)
        if not pieces:
            continue
        run.extend(pieces)
        if word.endswith("*"):
            runs.append(" " + " ".join(run))
            run = []
    if run:
        runs.append(" " + " ".join(run) + " ")
    return tuple(runs), len(runs) == 1 and not any_word


@lru_cache(maxsize=32)
def compile_rules(rules: tuple[ThemeRule, ...]) -> _CompiledRules:
    """Index rules once per distinct rule set; rules are hashable so this caches well.

    Plain phrases go into a dict keyed by their normalised words, single words ending in
    ``*`` into a prefix dict, and only phrases with wildcards inside them become regexes,
    which keeps ``analyse`` well above 1,000 comments a second.
    """
    exact: dict[str, list[tuple[str, float, str]]] = {}
    prefixes: dict[str, list[tuple[str, float, str]]] = {}
    patterns: list[tuple[str, float, str, frozenset[str], re.Pattern[str]]] = []
    spaced: list[tuple[tuple[str, ...], bool, re.Pattern[str]]] = []
    max_words = 1
    for rule in rules:
        for keyword in rule.keywords:
            phrase, weight = split_weight(keyword)
            if weight == 0:
                continue
            words = phrase.lower().replace("’", "'").split()
            if "*" not in phrase:
                key = " ".join(_WORD_PART_RE.findall(" ".join(words)))
                if key:
                    exact.setdefault(key, []).append((rule.slug, weight, keyword))
                    max_words = max(max_words, key.count(" ") + 1)
                continue
            pieces = _WORD_PART_RE.findall(words[0]) if len(words) == 1 else []
            if len(pieces) == 1 and words[0].endswith("*") and len(pieces[0]) <= _MAX_PREFIX:
                prefixes.setdefault(pieces[0], []).append((rule.slug, weight, keyword))
                continue
            pattern = keyword_pattern(phrase)
            if pattern is not None:
                regex = re.compile(r"(?<![a-z0-9'])(?:" + pattern + r")(?![a-z0-9'])")
                # Whole words the phrase needs: a cheap set test skips most regex searches.
                needed = frozenset(
                    piece
                    for word in words
                    if not word.endswith("*")
                    for piece in _WORD_PART_RE.findall(word)
                )
                patterns.append((rule.slug, weight, keyword, needed, regex))
                runs, runs_suffice = _literal_runs(phrase)
                spaced.append(
                    (runs, runs_suffice, re.compile(r" (?:" + pattern + r")(?![a-z0-9'])"))
                )
    starts = frozenset(
        " ".join(key.split()[:n]) for key in exact for n in range(1, key.count(" ") + 1)
    )
    tree: dict[str, tuple[list[tuple[str, float, str]], dict[str, Any]]] = {}
    for key, hits in exact.items():
        level = tree
        for position, word in enumerate(key.split(" ")):
            node = level.setdefault(word, ([], {}))
            if position == key.count(" "):
                node[0].extend(hits)
            level = node[1]
    by_word: dict[str, list[int]] = {}
    for number, (_slug, _weight, _keyword, needed, _regex) in enumerate(patterns):
        if needed:
            # The longest needed word: long words are the rare ones.
            by_word.setdefault(max(sorted(needed), key=len), []).append(number)
    return _CompiledRules(
        exact={k: tuple(v) for k, v in exact.items()},
        starts=starts,
        prefixes={k: tuple(v) for k, v in prefixes.items()},
        max_words=max_words,
        prefix_lengths=tuple(sorted({len(prefix) for prefix in prefixes})),
        patterns=tuple(patterns),
        spaced=tuple(spaced),
        tree=_freeze(tree),
        patterns_by_word={word: tuple(numbers) for word, numbers in by_word.items()},
        patterns_always=tuple(number for number, p in enumerate(patterns) if not p[3]),
    )


def _freeze(level: dict[str, Any]) -> dict[str, _Node]:
    return {word: (tuple(hits), _freeze(after)) for word, (hits, after) in level.items()}


_RECENT: list[tuple[Sequence[ThemeRule], _CompiledRules]] = []
#: Rule sets remembered by identity: checking new rules beside those in use alternates two.
_RECENT_SIZE = 4


def _compiled_for(rules: Sequence[ThemeRule]) -> _CompiledRules:
    # Hashing 15 rules of ~100 keywords on every call costs more than matching, so the
    # rule sets passed lately (usually the same objects every time) are remembered by
    # identity, newest first.
    for seen, compiled in _RECENT:
        if seen is rules:
            return compiled
    compiled = compile_rules(tuple(rules))
    _RECENT[:] = [(rules, compiled), *_RECENT[: _RECENT_SIZE - 1]]
    return compiled


def _word_hits(compiled: _CompiledRules, word: str) -> _WordHits | None:
    """What one word finds; None (the usual answer) when it finds nothing."""
    prefix_hits: list[tuple[str, float, str]] = []
    for length in compiled.prefix_lengths:
        if length > len(word):
            break
        prefix_hits.extend(compiled.prefixes.get(word[:length], ()))
    exact_hits, after = compiled.tree.get(word, ((), {}))
    hits = (exact_hits, after, tuple(prefix_hits)) if exact_hits or after or prefix_hits else None
    if len(compiled.word_cache) < _WORD_CACHE_SIZE:
        compiled.word_cache[word] = hits
    return hits


def _matched_keywords(normalised: str, rules: Sequence[ThemeRule]) -> dict[str, dict[str, float]]:
    """Return, per theme, the keywords found in the text with their weights."""
    compiled = _compiled_for(rules)
    found: dict[str, dict[str, float]] = {}
    words = normalised.split()
    cache, count = compiled.word_cache, len(words)
    for i, word in enumerate(words):
        hits = cache[word] if word in cache else _word_hits(compiled, word)
        if hits is None:
            continue
        exact_hits, after, prefix_hits = hits
        for slug, weight, keyword in exact_hits:
            found.setdefault(slug, {})[keyword] = weight
        # Follow the phrases that start with this word as far as the text goes with them.
        j = i + 1
        while after and j < count:
            node = after.get(words[j])
            if node is None:
                break
            phrase_hits, after = node
            for slug, weight, keyword in phrase_hits:
                found.setdefault(slug, {})[keyword] = weight
            j += 1
        for slug, weight, keyword in prefix_hits:
            found.setdefault(slug, {})[keyword] = weight
    by_word = compiled.patterns_by_word
    numbers = {n for word in words if word in by_word for n in by_word[word]}
    numbers.update(compiled.patterns_always)
    if numbers:
        single_spaced = _WORDS_RE.fullmatch(normalised) is not None
        padded = " " + normalised + " "
        present = frozenset() if single_spaced else set(words)
        # In the patterns' own order, which decides the order of ``found``.
        for number in sorted(numbers):
            slug, weight, keyword, needed, regex = compiled.patterns[number]
            if single_spaced:
                runs, runs_suffice, spaced = compiled.spaced[number]
                if runs_suffice:
                    if runs[0] not in padded:
                        continue
                elif not all(run in padded for run in runs) or not spaced.search(padded):
                    continue
            elif not (needed <= present and regex.search(normalised)):
                continue
            found.setdefault(slug, {})[keyword] = weight
    return found


def rule_scores(normalised: str, rules: Sequence[ThemeRule]) -> dict[str, float]:
    """Score each theme on normalised text: the summed weights of distinct keywords found."""
    scores: dict[str, float] = {}
    for slug, keywords in _matched_keywords(normalised, rules).items():
        total = sum(keywords.values())
        if total:
            scores[slug] = total
    return scores


def rule_matches(normalised: str, rules: Sequence[ThemeRule]) -> dict[str, list[str]]:
    """Return the keywords each theme matched, to explain a suggestion to an analyst."""
    return {
        slug: sorted(keywords) for slug, keywords in _matched_keywords(normalised, rules).items()
    }


def parse_rules_file(text: str) -> tuple[ThemeRule, ...]:
    """Read rules written as ``## slug | Name | description`` headers, each followed by keywords."""
    rules: list[ThemeRule] = []
    header: list[str] | None = None
    lines: list[str] = []
    for line in text.splitlines() + ["## end"]:
        if line.startswith("## "):
            if header is not None:
                slug, name, description = header
                rules.append(ThemeRule(slug, name, description, parse_keywords("\n".join(lines))))
            parts = [part.strip() for part in line[3:].split("|", 2)]
            header = (parts + ["", ""])[:3] if len(parts) < 3 else parts
            lines = []
        elif header is not None:
            lines.append(line)
    return tuple(rules)


def _default_rules() -> tuple[ThemeRule, ...]:
    path = resources.files("feedback_app.analysis").joinpath("data/default_themes.txt")
    return parse_rules_file(path.read_text(encoding="utf-8"))


#: The 15 SPEC §3 themes with their shipped keywords; the migration seeds the database from these.
DEFAULT_THEME_RULES: tuple[ThemeRule, ...] = _default_rules()
