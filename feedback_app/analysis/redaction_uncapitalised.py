"""Names written without a capital letter: in lower case, as texts typed on a phone
often are ("spoke to jack himself", "ms patel left"), or in a script that has no capitals
("my son 王伟", "Dear Иван"), found by the words before them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from feedback_app.analysis.redaction_context import (
    _CONTEXT_BEFORE_RE,
    _CONTEXT_LOWER_RE,
    _LOWER_HIMSELF_RE,
    _LOWER_RUN_RE,
    _NOT_NAMES_AFTER_RELATION,
    _WEAK_CONTEXTS,
    _word_before,
)
from feedback_app.analysis.redaction_patterns import _AFTER_A_BARE_TITLE_WORDS
from feedback_app.analysis.redaction_words import (
    _NOT_NAMES,
    AMBIGUOUS_NAMES,
    FIRST_NAMES,
    _english_words,
    _is_english_word,
    _words,
)

# Letters of scripts other than Latin: Greek, Cyrillic, Armenian, Hebrew, Arabic and the
# scripts of South Asia, South-East Asia, Georgia, Ethiopia, China, Japan and Korea.
_OTHER_SCRIPTS = (
    "\u0370-\u058f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u139f"
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\ufb1d-\ufdff\ufe70-\ufeff"
)
_OTHER_SCRIPT_RE = re.compile(f"[{_OTHER_SCRIPTS}]+(?: [{_OTHER_SCRIPTS}]+){{0,3}}")
_TITLE_BEFORE_RE = re.compile(r"(?i:\b(?:mr|mrs|ms|miss|mx|dr|prof|cllr)\.?)\s+$")


def _other_script_spans(text: str) -> list[tuple[int, int]]:
    """Words in another script after a title or words that introduce a person.

    "my son 王伟", "Mrs محمد", "Dear Иван": a name written as the family writes it, which
    the rules for capitalised words cannot see (these scripts have no capitals). Other
    words in other scripts are kept: "لا تعليق" (no comment) is the family's own answer.
    """
    spans = []
    for match in _OTHER_SCRIPT_RE.finditer(text):
        start = match.start()
        window = max(0, start - 40)
        if _TITLE_BEFORE_RE.search(text, window, start):
            spans.append(match.span())
            continue
        context = _CONTEXT_BEFORE_RE.search(text, window, start)
        if context and context.group(0).strip(" ,:\n\t").lower() not in _WEAK_CONTEXTS:
            spans.append(match.span())
    return spans


# "ms" or "miss" typed in lower case (or "Miss" before a lower-case word) and the word after.
_MS_OR_MISS_RE = re.compile(r"\b(ms|[Mm]iss)\s+([a-z][a-z'’-]+)\b")
# Words before "miss" the verb ("I miss", "we'll miss", "don't miss") or "ms" the illness
# ("she has ms", "her ms nurse"): a title does not follow them.
_BEFORE_MISS_THE_VERB = frozenset(
    _words(
        "i we you they he she it who that which to will would ll could can can't cant cannot"
        " couldn't couldnt might may must should shall won't wont don't dont doesn't doesnt"
        " didn't didnt do does did not never really still also just always often sometimes"
        " usually even all so kids children pupils students i'll we'll you'll they'll he'll"
        " she'll i'd we'd you'd they'd he'd she'd"
    )
)
_BEFORE_MS_THE_ILLNESS = frozenset(
    _words(
        "has have had having with of for my his her their our your the has got diagnosed"
        " suffers suffering like about"
    )
)


def _lower_case_title_spans(text: str) -> Iterable[tuple[int, int]]:
    """A surname after a lower-case "ms" or "miss": "ms patel left", "miss begum rang".

    "I miss my old school" and "he has ms and" hold none, so the word after must be a
    listed name or no English word, and the word before must not make "miss" a verb or
    "ms" the illness.
    """
    if "ms" not in text and "iss" not in text:
        return
    for match in _MS_OR_MISS_RE.finditer(text):
        title, word = match.groups()
        if word in _AFTER_A_BARE_TITLE_WORDS or word in _NOT_NAMES:
            continue
        if not (
            (word in FIRST_NAMES and word not in AMBIGUOUS_NAMES)
            or (len(word) >= 3 and not _is_english_word(word))
        ):
            continue
        before = _word_before(text, match.start())
        guard = _BEFORE_MS_THE_ILLNESS if title == "ms" else _BEFORE_MISS_THE_VERB
        if before is not None and before.group(1).lower() in guard:
            continue
        yield match.start(2), match.end(2)


def _lower_case_spans(text: str) -> Iterable[tuple[int, int]]:
    """Names written in lower case, as in texts typed on a phone: "spoke to jack himself"."""
    words = set(_LOWER_RUN_RE.findall(text))
    if FIRST_NAMES.isdisjoint(words) and AMBIGUOUS_NAMES.isdisjoint(words):
        return
    for match in _CONTEXT_LOWER_RE.finditer(text):
        if _lower_case_name(match.group(1)):
            yield match.start(1), match.end(1)
    if "self" in text:
        for match in _LOWER_HIMSELF_RE.finditer(text):
            if _lower_case_name(match.group(1)):
                yield match.start(1), match.end(1)
    # A listed name that is no English word is a name however it is written: "ibrahim happy".
    # Three letters are too few: "dev" (delay) and "thu" (Thursday) are listed names too.
    for word in words & _lower_case_names():
        for match in re.finditer(r"(?<![\w'’-])" + word + r"(?![\w'’-])", text):
            yield match.span()


def _lower_case_name(word: str) -> bool:
    """A listed name after a strong context; an ambiguous one only if it is no verb there."""
    if word in AMBIGUOUS_NAMES:
        return _noun_like(word)
    return word in FIRST_NAMES


def _noun_like(word: str) -> bool:
    """An ambiguous name that, after "my son", is the name rather than a verb ("will")."""
    if word in _NOT_NAMES_AFTER_RELATION:
        return False
    tag = _english_words().get(word, "NN")
    # "jack" is listed as a verb, but no verb in its base form follows "my son".
    return tag.startswith("NN") or tag == "VB"


@cache
def _lower_case_names() -> frozenset[str]:
    """Listed names that are never an English word, so safe to redact in lower case."""
    return frozenset(
        name
        for name in FIRST_NAMES - AMBIGUOUS_NAMES - _NOT_NAMES
        if len(name) >= 4 and name.isascii() and name.isalpha() and not _is_english_word(name)
    )
