"""Safeguarding: find disclosures of a risk of harm in free text.

Recall comes first: a missed disclosure is the worst error the analyser can make, so
the patterns are broad and cover text-speak, first and third person. Everyday idioms
("this process is killing me", "dying to hear", "sick of waiting") are blanked out
before matching so that they do not bury real flags in false alarms.

The phrases are in ``safeguarding_idioms.py`` (the idioms) and, by kind of disclosure, in
``safeguarding_harm.py``, ``safeguarding_supervision.py`` and ``safeguarding_risks.py``;
this module joins them and matches them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from feedback_app.analysis.safeguarding_harm import _HARM_PATTERNS
from feedback_app.analysis.safeguarding_idioms import _IDIOMS
from feedback_app.analysis.safeguarding_risks import _OTHER_RISK_PATTERNS
from feedback_app.analysis.safeguarding_supervision import _SUPERVISION_PATTERNS
from feedback_app.analysis.wordstart import (
    FAST_TEXT_RE,
    WordStartMatcher,
    WordStartMatchers,
    split_alternatives,
)

# Disclosure patterns, grouped by kind so the lead can see at a glance what it was.
# Gaps of several words are written "(?: [\w']+){0,n}", not "\w+": "\w" stops at the
# apostrophe of "she's" or "didn't" and would end the gap, and the disclosure, early.
_PATTERNS: dict[str, str] = {**_HARM_PATTERNS, **_SUPERVISION_PATTERNS, **_OTHER_RISK_PATTERNS}


# Where a phrase may start and end: at the edges of words. The plain regexes and the fast
# matchers below are built from the same edges, so that they find the same phrases.
_WORD_START = r"(?<![a-z0-9'])"
_DISCLOSURE_START = r"(?<![a-z0-9'&])"
_WORD_END = r"(?![a-z0-9'])"

_IDIOM_RE = re.compile(_WORD_START + "(?:" + "|".join(_IDIOMS) + ")" + _WORD_END)


# The plain regexes below are the definition the fast path is tested against, and the
# fallback for text it does not understand (never normalised text). Compiling them takes
# about 0.3 s, so they are compiled when first needed, not at every start-up.
@cache
def _pattern_res() -> dict[str, re.Pattern[str]]:
    return {
        kind: re.compile(_DISCLOSURE_START + "(?:" + pattern + ")" + _WORD_END)
        for kind, pattern in _PATTERNS.items()
    }


@cache
def _any_re() -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{pattern})" for pattern in _PATTERNS.values())
    return re.compile(_DISCLOSURE_START + "(?:" + alternatives + ")")


# --- Speed: try each alternative only where it can start (see wordstart.py) ----------


def _alternatives_of(patterns: Iterable[str]) -> list[str]:
    return [alternative for pattern in patterns for alternative in split_alternatives(pattern)]


_IDIOM_MATCHER = WordStartMatcher(_alternatives_of(_IDIOMS), _WORD_START, _WORD_END)
_ANY_MATCHER = WordStartMatcher(_alternatives_of(_PATTERNS.values()), _DISCLOSURE_START, "")
# One per kind as well, walked together: a flagged comment is searched kind by kind, and
# with a few hundred alternatives the plain regexes would cost more there than the whole
# fast path before it.
_KIND_MATCHERS = WordStartMatchers(
    [
        WordStartMatcher(split_alternatives(pattern), _DISCLOSURE_START, _WORD_END)
        for pattern in _PATTERNS.values()
    ]
)


def _without_idioms(normalised: str, fast: bool) -> str:
    """``_IDIOM_RE.sub(" ", normalised)``."""
    matches = _IDIOM_MATCHER.finditer(normalised) if fast else None
    if matches is None:
        return _IDIOM_RE.sub(" ", normalised)
    parts: list[str] = []
    last = 0
    for match in matches:
        parts.append(normalised[last : match.start()])
        parts.append(" ")
        last = match.end()
    if not parts:
        return normalised
    parts.append(normalised[last:])
    return "".join(parts)


def _may_disclose(cleaned: str, fast: bool) -> bool:
    """``_any_re().search(cleaned)``: whether any disclosure pattern matches at all."""
    matches = _ANY_MATCHER.finditer(cleaned, first_only=True) if fast else None
    if matches is None:
        return _any_re().search(cleaned) is not None
    return bool(matches)


def find_disclosures(normalised: str) -> tuple[tuple[str, str], ...]:
    """Return (kind, phrase) pairs found in normalised text after removing idioms."""
    fast = FAST_TEXT_RE.fullmatch(normalised) is not None
    cleaned = _without_idioms(normalised, fast)
    # A single combined search first: most comments have no disclosure at all.
    if not _may_disclose(cleaned, fast):
        return ()
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    each_kind = _KIND_MATCHERS.finditer(cleaned) if fast else None
    for number, kind in enumerate(_PATTERNS):
        matches = _pattern_res()[kind].finditer(cleaned) if each_kind is None else each_kind[number]
        for match in matches:
            phrase = match.group(0)
            if phrase not in seen:
                seen.add(phrase)
                found.append((kind, phrase))
    return tuple(found)


def safeguarding_phrases(normalised: str) -> tuple[str, ...]:
    """Return the phrases that make this comment a safeguarding concern, or ()."""
    return tuple(phrase for _kind, phrase in find_disclosures(normalised))
