"""Finding every span of personal data in a comment, and choosing among overlaps.

Each detector (the fixed-shape patterns, social media handles, known names, names in
other scripts, names from context and from the lists) offers spans; overlapping ones are
resolved by detector priority, then by length. A word once found to be a name is then a
name everywhere in the comment.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache

from feedback_app.analysis.redaction_context import _starts_sentence
from feedback_app.analysis.redaction_patterns import (
    _DATE_FIRST_RE,
    _DIGIT_RE,
    _EMAIL_RE,
    _HANDLE_RE,
    _MATCH_WITHOUT_DIGITS,
    _POSTCODE_HINT_RE,
    _SPAN_HINTS,
    _SPAN_PATTERNS,
    _SPELLED_EMAIL_RE,
)
from feedback_app.analysis.redaction_people import _capitalised, _context_spans, _list_spans
from feedback_app.analysis.redaction_uncapitalised import _other_script_spans
from feedback_app.analysis.redaction_words import _NOT_NAMES, _is_english_word


@lru_cache(maxsize=64)
def _known_names_re(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """Match the system's known names and their parts (a surname alone still identifies)."""
    phrases: set[str] = set()
    for name in names:
        name = name.strip()
        if len(name) < 2:
            continue
        phrases.add(name)
        for part in name.split():
            if len(part) >= 3 and part.lower() not in _NOT_NAMES:
                phrases.add(part)
    if not phrases:
        return None
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?i)(?<![\w])(?:" + alternation + r")(?![\w])")


def _known_name_here(text: str, match: re.Match[str]) -> bool:
    """Whether a known name found in the text is the person. A part of a staff name that
    is also an everyday word ("Long" of Amy Long, "Young", "Complaints") is taken for the
    name only when it is capitalised and does not start a sentence: "the meeting was too
    long" and "Young people's views" keep their words, "Mrs Long" and "ask Long" do not."""
    found = match.group(0)
    if " " in found.strip() or not _is_english_word(found.lower(), compounds=False):
        return True
    return found[:1].isupper() and not _starts_sentence(text, match.start())


def _words_to_spread(name: str) -> list[str]:
    """The first name, and any surname that is no English word; never an initial."""
    words = [word for word in name.split() if len(word.rstrip(".")) > 1]
    if not words:
        return []
    return words[:1] + [
        word for word in words[1:] if not _is_english_word(word.lower(), compounds=False)
    ]


class _Spans:
    """Spans that do not overlap, kept in text order, so a new one is tested in log time.

    Testing each candidate against every span chosen so far took 0.7 s for a 24,000-character
    comment of "Mr Mr Mr ...", and four times as long for twice the length.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.spans: list[tuple[int, int, str]] = []

    def add_if_free(self, start: int, end: int, label: str) -> None:
        """Keep the span unless it overlaps one already kept."""
        at = bisect_right(self.starts, start)
        if at and self.spans[at - 1][1] > start:
            return
        if at < len(self.spans) and self.spans[at][0] < end:
            return
        self.starts.insert(at, start)
        self.spans.insert(at, (start, end, label))


def find_spans(text: str, known_names: Sequence[str] = ()) -> list[tuple[int, int, str]]:
    """Return non-overlapping (start, end, label) spans of personal data, in text order."""
    candidates: list[tuple[int, int, str, int]] = []
    # Cheap tests first: most comments hold no digits, and most patterns need one.
    has_digit = _DIGIT_RE.search(text) is not None
    has_postcode = has_digit and _POSTCODE_HINT_RE.search(text) is not None
    lowered = text.lower() if text.isascii() else None
    for priority, (label, regex, group) in enumerate(_SPAN_PATTERNS):
        if regex is _EMAIL_RE:
            if "@" not in text:
                continue
        elif regex is _SPELLED_EMAIL_RE:
            if "dot" not in (text.lower() if lowered is None else lowered):
                continue
        elif label == "[postcode]":
            if not has_postcode:
                continue
        elif not has_digit and priority not in _MATCH_WITHOUT_DIGITS:
            continue
        hint = _SPAN_HINTS[priority]
        if isinstance(hint, re.Pattern):
            if hint.search(text) is None:
                continue
        elif hint is not None and lowered is not None and not any(word in lowered for word in hint):
            continue
        for match in regex.finditer(text):
            found = match.group(group)
            if not found or (label == "[phone]" and _DATE_FIRST_RE.match(found)):
                # "01-02-2014 10:30" is a date and a time, not a phone number: the date
                # pattern, further down, takes it.
                continue
            candidates.append((match.start(group), match.end(group), label, priority))
    name_priority = len(_SPAN_PATTERNS)
    if "@" in text:
        candidates.extend((s, e, "[personal data]", name_priority) for s, e in _handle_spans(text))
    known = _known_names_re(tuple(known_names))
    if known is not None:
        candidates.extend(
            (m.start(), m.end(), "[name]", name_priority)
            for m in known.finditer(text)
            if _known_name_here(text, m)
        )
    if not text.isascii():
        candidates.extend((s, e, "[name]", name_priority) for s, e in _other_script_spans(text))
    capitalised = _capitalised(text)
    # Detectors may find parts of one name ("Karen" from the list, "Lees" before "left"):
    # join overlapping finds so that no part is dropped as an overlap.
    name_spans: list[tuple[int, int]] = []
    for start, end in sorted({*_context_spans(text, capitalised), *_list_spans(text, capitalised)}):
        if name_spans and start < name_spans[-1][1]:
            name_spans[-1] = (name_spans[-1][0], max(end, name_spans[-1][1]))
        else:
            name_spans.append((start, end))
    candidates.extend((s, e, "[name]", name_priority + 1) for s, e in name_spans)
    # Higher-priority detectors first, then longer spans; keep what does not overlap.
    candidates.sort(key=lambda c: (c[3], -(c[1] - c[0])))
    chosen = _Spans()
    for start, end, label, _priority in candidates:
        chosen.add_if_free(start, end, label)
    # A word once identified as a name is a name everywhere in the comment, even where
    # it has no context ("We met Will ... Will, if you read this").
    found_names: set[str] = set()
    for start, end, label in chosen.spans:
        if label == "[name]":
            found_names.update(_words_to_spread(text[start:end]))
    # Longest first, so "Ann-Marie" is taken whole before "Ann" could take part of it.
    for name in sorted(found_names, key=lambda name: (-len(name), name)):
        for match in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            chosen.add_if_free(*match.span(), "[name]")
    return chosen.spans


def _handle_spans(text: str) -> Iterable[tuple[int, int]]:
    """Social media handles with a digit or underscore, or that are no English word."""
    for match in _HANDLE_RE.finditer(text):
        handle = match.group(1)
        # A digit or "_" in it ("sarahj85"), or letters that are no word ("kerrymum").
        if not handle.isdigit() and not (handle.isalpha() and _is_english_word(handle.lower())):
            yield match.span()
