"""Whether a capitalised word is a person: from the name lists, and from the words
around it ("my son Hunter", "Nasreen took", "Ceri's review", "Bev, the driver").

A word that names a school, a street, a month or a thing ("Oakfield Primary", "In June",
"the Blue Badge") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from feedback_app.analysis.redaction_context import (
    _AFTER_OPENING_NAME_RE,
    _AMBIGUOUS_VERB_RE,
    _ANY_POSSESSIVE_RE,
    _APPOSITION_RE,
    _BEFORE_A_MONTH,
    _BEFORE_A_THING,
    _CAPITALISED_RE,
    _CONTEXT_BEFORE_RE,
    _CONTEXT_LAST_WORDS,
    _HEADER_BEFORE_RE,
    _HEADER_MARKS,
    _HIMSELF_RE,
    _INITIAL_SURNAME_RE,
    _INSTITUTION_AFTER_RE,
    _INSTITUTION_WORDS,
    _LINE_START_RE,
    _MONTHS_AND_SEASONS,
    _NEXT_WORD_RE,
    _OPENING_WORDS,
    _ORGANISATION_RE,
    _ORGANISATION_THEN_VERB_RE,
    _PLACE_CONTEXT_RE,
    _PLACE_ENDINGS,
    _PLACES_AND_THINGS,
    _POSSESSIVE_RE,
    _RELATION_CONTEXT_STARTS,
    _SAINT_BEFORE_RE,
    _SURNAME_RE,
    _THING_NAMED_AFTER_RE,
    _UNLISTED_VERB_RE,
    _WEAK_CONTEXTS,
    _starts_sentence,
    _word_before,
    _word_before_is,
)
from feedback_app.analysis.redaction_uncapitalised import (
    _lower_case_spans,
    _lower_case_title_spans,
    _noun_like,
)
from feedback_app.analysis.redaction_words import (
    _NOT_NAMES,
    AMBIGUOUS_NAMES,
    FIRST_NAMES,
    _is_name_word,
    _plausible_name,
    _plausible_surname,
)


def _capitalised(text: str) -> list[re.Match[str]]:
    return list(_CAPITALISED_RE.finditer(text))


def _names_a_place(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] names a school, a church, a street or a thing."""
    if start >= 3 and _SAINT_BEFORE_RE.search(text, max(0, start - 7), start):
        return True
    if _THING_NAMED_AFTER_RE.match(text, end):
        return True
    follow = _INSTITUTION_AFTER_RE.match(text, end)
    return follow is not None and follow.group(1).lower() in _INSTITUTION_WORDS


def _after_header(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t")
    return (
        bool(before)
        and before[-1] in _HEADER_MARKS
        and (_HEADER_BEFORE_RE.search(text, max(0, start - 30), start) is not None)
    )


def _left_context_says_name(text: str, start: int, first_end: int, end: int) -> bool:
    """Whether what comes before a capitalised word shows it is a person."""
    first = text[start:first_end]
    if _word_before_is(text, start, _CONTEXT_LAST_WORDS):
        context_match = _CONTEXT_BEFORE_RE.search(text, max(0, start - 40), start)
        if context_match is not None:
            context = context_match.group(0).strip(" ,:\n\t").lower()
            if context in _WEAK_CONTEXTS:
                # "a call from Zinhle Achterberg": a full name whose parts are no words.
                if _listed_name(first) or (
                    _surname_is_a_name(text, first_end, end) and _unlisted_person_word(text, first)
                ):
                    return True
            elif context.startswith(_RELATION_CONTEXT_STARTS) or _plausible_name(first):
                return True
    return _after_header(text, start) and _plausible_name(first)


def _unlisted_person_word(text: str, word: str) -> bool:
    """An unlisted word that is no English word and nothing in the comment calls a place."""
    lower = word.lower()
    return (
        lower not in FIRST_NAMES
        and not lower.endswith(_PLACE_ENDINGS)
        and _plausible_name(word)
        and _PLACE_CONTEXT_RE.search(text.replace(word, "\0")) is None
    )


def _surname_is_a_name(text: str, first_end: int, end: int) -> bool:
    """Whether the word that extends a first name is no English word ("Evans", not "Academy")."""
    if end == first_end:
        return False
    return _plausible_surname(text[first_end:end].strip())


def _right_context_says_name(text: str, start: int, first_end: int, end: int) -> bool:
    """Whether what follows a capitalised word, or where it stands, shows it is a person."""
    first = text[start:first_end]
    lower = first.lower()
    ambiguous = lower in AMBIGUOUS_NAMES
    apposition = _APPOSITION_RE.match(text, end)
    if apposition or _HIMSELF_RE.match(text, end):
        # "Jan the escort" is a person, but "Will the caseworker ring me?" asks a question:
        # a name that is also a verb needs the comma ("Will, the caseworker, rang").
        if apposition and not apposition.group(0).startswith(",") and not _noun_like(lower):
            return False
        # "because Jan the escort ..." is a person; "In June, the SENCO left" is a month.
        if lower in _MONTHS_AND_SEASONS and (
            _starts_sentence(text, start) or _word_before_is(text, start, _BEFORE_A_MONTH)
        ):
            return False
        return _plausible_name(first)
    if lower in _MONTHS_AND_SEASONS:
        return False
    if ambiguous:
        thing = lower in _PLACES_AND_THINGS
        if not thing and (
            _POSSESSIVE_RE.match(text, first_end)
            or _AMBIGUOUS_VERB_RE.match(text, end)
            or _ORGANISATION_THEN_VERB_RE.match(text, end)
        ):
            return True
        # "Nana Ama", "Jordan Fairclough": a surname makes even a place-like word a name.
        if _surname_is_a_name(text, first_end, end) and not _word_before_is(
            text, start, _BEFORE_A_THING
        ):
            return True
        if not thing and _mid_sentence_name(text, start, first_end):
            return True
    elif (
        # Only a single word can be followed by "'s" (a surname would stand between).
        _ANY_POSSESSIVE_RE.match(text, first_end)
        or _UNLISTED_VERB_RE.match(text, end)
        or _ORGANISATION_RE.match(text, end)
    ) and _unlisted_person_word(text, first):
        # Two capitalised words are a person only if the second is no English word either:
        # "Google Translate was" and "Young Minds said" name things.
        return end == first_end or _surname_is_a_name(text, first_end, end)
    # A full name opening a comment or a line: "Jordan Fairclough, DOB ...".
    return (
        end > first_end
        and _LINE_START_RE.search(text, max(0, start - 8), start) is not None
        and _AFTER_OPENING_NAME_RE.match(text, end) is not None
        and _plausible_name(first)
        and _surname_is_a_name(text, first_end, end)
    )


def _mid_sentence_name(text: str, start: int, first_end: int) -> bool:
    """An ambiguous name capitalised inside a sentence ("time with Grace before") is a name,
    unless it begins a longer name ("Grace Academy") or follows "the" ("the Blue Badge")."""
    if _starts_sentence(text, start):
        return False
    previous = _word_before(text, start)
    if previous is not None:
        word = previous.group(1)
        lower = word.lower()
        if lower in _BEFORE_A_THING:
            return False
        # Inside a run of capitalised words: "What Will Happen Next", "Christmas Eve"; but
        # "When Grace came home" opens with a capitalised word that is no name.
        if word[:1].isupper() and not (
            lower in _OPENING_WORDS and _starts_sentence(text, previous.start(1))
        ):
            return False
    follow = _NEXT_WORD_RE.match(text, first_end)
    if follow is not None:
        possessive, word = follow.groups()
        if word[:1].isdigit():
            return False
        if word[:1].isupper():
            # "Grace Okafor" is a person; "Hope House" and "King's College" are places.
            return possessive is None and _plausible_surname(word)
    return True


def _context_spans(
    text: str, capitalised: list[re.Match[str]] | None = None
) -> Iterable[tuple[int, int]]:
    # Capitalised words are few, so test the context around each one; set lookups and
    # anchored matches skip the costlier tests for almost all of them.
    for match in _capitalised(text) if capitalised is None else capitalised:
        first = match.group(1)
        if not _is_name_word(first):
            continue
        start, first_end = match.start(1), match.end(1)
        end = _surname_end(text, first_end)
        if _names_a_place(text, start, end):
            continue
        if _left_context_says_name(text, start, first_end, end) or _right_context_says_name(
            text, start, first_end, end
        ):
            yield start, end
    if "." in text:
        for match in _INITIAL_SURNAME_RE.finditer(text):
            surname = match.group(2)
            if _plausible_surname(surname):
                yield match.start(1), _surname_end(text, match.end(2))
    yield from _lower_case_spans(text)
    yield from _lower_case_title_spans(text)


def _listed_name(word: str) -> bool:
    """A listed, unambiguous first name, or a double name such as "Ruby-Rose"."""
    lower = word.lower()
    if lower in FIRST_NAMES and lower not in AMBIGUOUS_NAMES and lower not in _NOT_NAMES:
        return True
    parts = lower.split("-")
    return (
        len(parts) > 1
        and all(part in FIRST_NAMES or part in AMBIGUOUS_NAMES for part in parts)
        and any(part not in AMBIGUOUS_NAMES for part in parts)
    )


def _surname_end(text: str, end: int) -> int:
    """Extend a first name over a following capitalised word (a surname), if any."""
    follow = _SURNAME_RE.match(text, end)
    if (
        follow
        and _is_name_word(follow.group(1))
        and follow.group(1).lower() not in _INSTITUTION_WORDS
    ):
        return follow.end(1)
    return end


def _list_spans(
    text: str, capitalised: list[re.Match[str]] | None = None
) -> Iterable[tuple[int, int]]:
    for match in _capitalised(text) if capitalised is None else capitalised:
        if _listed_name(match.group(1)):
            start, end = match.start(1), _surname_end(text, match.end(1))
            if not _names_a_place(text, start, end):
                yield start, end
