"""Find the matches of a regex of many alternatives, trying each only where it can start.

The safeguarding patterns and the sentiment cues hold hundreds of alternatives, and
Python's ``re`` tries every one of them at every word of a comment. Normalised text is
lower-case words and spaces, so a match can only start at a word, and the first three
letters of that word rule out almost every alternative. ``WordStartMatcher`` works out,
once per pattern, which letters each alternative can start with, and at each word tries
only the alternatives that fit, in their original order, so it finds exactly what the
single regex finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# Text the matcher understands: anything else needs the plain regex.
FAST_TEXT_RE = re.compile(r"[a-z0-9' ]*")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'")
_KEY_LENGTH = 3
_DIGITS = "0123456789"


def _structure(pattern: str, index: int = 0) -> Iterator[tuple[int, str, int]]:
    """Walk a regex from ``index``, yielding (position, character, group depth after it).

    Escapes and character classes are skipped, so a group's ``)`` comes with the depth
    outside it and a top-level ``|`` with depth 0.
    """
    depth, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += {"(": 1, ")": -1}.get(char, 0)
            yield index, char, depth
        index += 1


def split_alternatives(pattern: str) -> list[str]:
    """Split a regex at its top-level ``|`` (outside groups and character classes)."""
    parts: list[str] = []
    start = 0
    for index, char, depth in _structure(pattern):
        if char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    parts.append(pattern[start:])
    return parts


def _group_end(pattern: str, index: int) -> int:
    """Index of the ``)`` closing the group that opens at ``index``."""
    for position, char, depth in _structure(pattern, index):
        if char == ")" and depth == 0:
            return position
    raise ValueError(f"unbalanced group in {pattern!r}")


def _start_keys(pattern: str, current: set[str], closed: set[str], opened: set[str]) -> set[str]:
    """Follow ``pattern`` from the partial keys in ``current``; return those still growing.

    A key is what a match can begin with: the first ``_KEY_LENGTH`` characters of the
    word it starts on, cut short at a space. Finished keys go into ``closed`` (exactly
    this key) or ``opened`` (any key beginning with it). Anything not understood opens
    the key, so the answer may allow too much but never too little.
    """
    index = 0
    while index < len(pattern) and current:
        char = pattern[index]
        atom: set[str] | None  # the partial keys after one pass of the atom
        if char == "(":
            end = _group_end(pattern, index)
            body = pattern[index + 1 : end]
            index = end + 1
            if body.startswith(("?=", "?!", "?<=", "?<!")):
                continue  # zero-width: constrains the match, never its start
            if body.startswith("?:"):
                body = body[2:]
            elif body.startswith("?"):
                body = ""  # flags or named groups: not understood
            if body:
                atom = set()
                for alternative in split_alternatives(body):
                    atom |= _start_keys(alternative, set(current), closed, opened)
            else:
                atom = None
        elif char == "\\":
            escaped = pattern[index + 1]
            index += 2
            if escaped in "bBAZ":
                continue  # zero-width
            if escaped == "d":  # a digit: normalised text has only 0-9
                atom = set().union(*(_extend(current, d, closed, opened) for d in _DIGITS))
            else:
                atom = None if escaped.isalnum() else _extend(current, escaped, closed, opened)
        elif char in "^$":
            index += 1
            continue
        elif char in "[.":
            atom = None
            index = len(pattern)  # stop here: the key is open from now on
        else:
            index += 1
            atom = _extend(current, char, closed, opened)
        quantifier = pattern[index] if index < len(pattern) else ""
        if atom is not None and quantifier == "+":
            opened |= atom  # one pass at least, then anything may follow
            return set()
        if atom is None or quantifier in ("*", "{"):
            opened |= current  # anything may follow what is known so far
            return set()
        if quantifier == "?":
            index += 2 if pattern[index + 1 : index + 2] == "?" else 1
            current = current | atom
        else:
            current = atom
    return current


def _extend(current: set[str], char: str, closed: set[str], opened: set[str]) -> set[str]:
    """Add one literal character to every partial key."""
    if char == " ":
        closed |= current
        return set()
    if char not in _WORD_CHARS:
        opened |= current
        return set()
    grown = {key + char for key in current}
    full = {key for key in grown if len(key) >= _KEY_LENGTH}
    closed |= full
    return grown - full


class WordStartMatcher:
    """``re.compile(before + "(?:" + "|".join(alternatives) + ")" + after)``, word by word.

    ``finditer`` gives exactly the matches of that regex on text of lower-case words and
    single or repeated spaces (see ``FAST_TEXT_RE``), provided ``before`` only lets a
    match start at the beginning of the text or after a space; ``alternative`` tells
    which alternative made a match.
    """

    def __init__(self, alternatives: list[str], before: str, after: str) -> None:
        self._alternatives = alternatives
        self._before, self._after = before, after
        self._closed: dict[str, list[int]] = {}
        self._opened: dict[str, list[int]] = {}
        for number, alternative in enumerate(alternatives):
            closed: set[str] = set()
            opened: set[str] = set()
            # The text goes on after the alternative ends, so keys still growing are open.
            opened |= _start_keys(alternative, {""}, closed, opened)
            for key in closed:
                self._closed.setdefault(key, []).append(number)
            for key in opened:
                self._opened.setdefault(key, []).append(number)
        # Every key a word of the text can have that some alternative can start with.
        keys = set(self._closed)
        for key in self._opened:
            grown = {key}
            while grown:
                keys |= grown
                grown = {k + c for k in grown if len(k) < _KEY_LENGTH for c in _WORD_CHARS}
        # Key -> the alternatives to try, in their original order.
        self._by_key: dict[str, tuple[int, ...]] = {}
        for key in keys:
            numbers = set(self._closed.get(key, ()))
            for length in range(len(key) + 1):
                numbers.update(self._opened.get(key[:length], ()))
            self._by_key[key] = tuple(sorted(numbers))
        # Compiled when first needed: compiling them all would slow every start-up.
        self._regexes: dict[tuple[int, ...], re.Pattern[str]] = {}

    def regex_for(self, numbers: tuple[int, ...]) -> re.Pattern[str]:
        """The regex of the alternatives ``numbers``, compiled the first time it is asked for."""
        regex = self._regexes.get(numbers)
        if regex is None:
            # Each alternative in a group named by its number, for ``alternative``.
            body = "|".join(f"(?P<a{number}>{self._alternatives[number]})" for number in numbers)
            regex = re.compile(self._before + "(?:" + body + ")" + self._after)
            self._regexes[numbers] = regex
        return regex

    def keys(self) -> dict[str, tuple[int, ...]]:
        """Each key a word can have -> the alternatives to try there, in their order."""
        return self._by_key

    def finditer(self, text: str, first_only: bool = False) -> list[re.Match[str]] | None:
        """The regex's matches, left to right and not overlapping, as ``re.finditer``.

        None if a match is empty: ``re`` then has its own rules, so ask the regex.
        """
        numbers_for, regex_for = self._by_key.get, self.regex_for
        found: list[re.Match[str]] = []
        position = resume = 0
        for word in text.split(" "):
            numbers = numbers_for(word[:_KEY_LENGTH])
            if numbers is not None and position >= resume:
                match = regex_for(numbers).match(text, position)
                if match is not None:
                    resume = match.end()
                    if resume == position:
                        return None
                    found.append(match)
                    if first_only:
                        return found
            position += len(word) + 1
        return found

    @staticmethod
    def alternative(match: re.Match[str]) -> int:
        """The number (index in ``alternatives``) of the alternative a match was made by.

        Its group closes after any group inside it, so it is the match's last group.
        """
        name = match.lastgroup
        if name is None or not name.startswith("a"):
            raise ValueError("not a match found by a WordStartMatcher")
        return int(name[1:])


class WordStartMatchers:
    """Several matchers run over a text together: ``[m.finditer(text) for m in matchers]``.

    Each matcher keeps its own matches, left to right and not overlapping, but the words
    are walked once for all of them rather than once each.
    """

    def __init__(self, matchers: Sequence[WordStartMatcher]) -> None:
        self._matchers = list(matchers)
        by_key: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
        for index, matcher in enumerate(self._matchers):
            for key, numbers in matcher.keys().items():
                by_key.setdefault(key, []).append((index, numbers))
        self._by_key = {key: tuple(entries) for key, entries in by_key.items()}

    def finditer(self, text: str) -> list[list[re.Match[str]]] | None:
        """Each matcher's matches, as its own ``finditer``; None if any of those is None."""
        matchers = self._matchers
        found: list[list[re.Match[str]]] = [[] for _ in matchers]
        resume = [0] * len(matchers)
        entries_for = self._by_key.get
        position = 0
        for word in text.split(" "):
            entries = entries_for(word[:_KEY_LENGTH])
            if entries is not None:
                for index, numbers in entries:
                    if position < resume[index]:
                        continue
                    match = matchers[index].regex_for(numbers).match(text, position)
                    if match is not None:
                        resume[index] = match.end()
                        if resume[index] == position:
                            return None
                        found[index].append(match)
            position += len(word) + 1
        return found
