"""Redaction: replace personal data in free text with labels such as [name] and [phone].

Nothing is published without a person approving the redacted quote, so this aims to
leave no identifier behind while keeping the sentence readable. Each detector finds
spans in the original text; overlapping spans are resolved by detector priority
(an NHS number wins over a generic reference), then replaced in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

# Covers O'Brien, McDonald and double-barrelled names such as Ruby-Rose or Smith-Jones.
_NAME = r"[A-Z](?:'[A-Z])?[a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"


def _load_words(name: str) -> frozenset[str]:
    text = resources.files("feedback_app.analysis").joinpath(f"data/{name}")
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


# Capitalised words that look like names after a context word but are not people.
_NOT_NAMES = _load_words("not_names.txt")
# Names that are also ordinary words or months: only redacted with context.
AMBIGUOUS_NAMES = _load_words("ambiguous_names.txt")
FIRST_NAMES = _load_words("first_names.txt")


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?(?: of)? "
    + _MONTH
    + r",? \d{4}|"
    + _MONTH
    + r" \d{1,2}(?:st|nd|rd|th)?,? \d{4})"
)
_AREAS = [
    "AB",
    "AL",
    "B",
    "BA",
    "BB",
    "BD",
    "BH",
    "BL",
    "BN",
    "BR",
    "BS",
    "BT",
    "CA",
    "CB",
    "CF",
    "CH",
    "CM",
    "CO",
    "CR",
    "CT",
    "CV",
    "CW",
    "DA",
    "DD",
    "DE",
    "DG",
    "DH",
    "DL",
    "DN",
    "DT",
    "DY",
    "E",
    "EC",
    "EH",
    "EN",
    "EX",
    "FK",
    "FY",
    "G",
    "GL",
    "GU",
    "GY",
    "HA",
    "HD",
    "HG",
    "HP",
    "HR",
    "HS",
    "HU",
    "HX",
    "IG",
    "IM",
    "IP",
    "IV",
    "JE",
    "KA",
    "KT",
    "KW",
    "KY",
    "L",
    "LA",
    "LD",
    "LE",
    "LL",
    "LN",
    "LS",
    "LU",
    "M",
    "ME",
    "MK",
    "ML",
    "N",
    "NE",
    "NG",
    "NN",
    "NP",
    "NR",
    "NW",
    "OL",
    "OX",
    "PA",
    "PE",
    "PH",
    "PL",
    "PO",
    "PR",
    "RG",
    "RH",
    "RM",
    "S",
    "SA",
    "SE",
    "SG",
    "SK",
    "SL",
    "SM",
    "SN",
    "SO",
    "SP",
    "SR",
    "SS",
    "ST",
    "SW",
    "SY",
    "TA",
    "TD",
    "TF",
    "TN",
    "TQ",
    "TR",
    "TS",
    "TW",
    "UB",
    "W",
    "WA",
    "WC",
    "WD",
    "WF",
    "WN",
    "WR",
    "WS",
    "WV",
    "YO",
    "ZE",
]
_AREA = "(?:" + "|".join(sorted(_AREAS, key=len, reverse=True)) + ")"
_STREET = (
    r"(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|place"
    r"|gardens|grove|terrace|walk|hill|rise|mews|square|row|green|park|view|parade|vale"
    r"|fields?|meadows?|boulevard|croft|wharf|end|gate)"
)
_RELATION = (
    r"(?:son|daughter|child|boy|girl|grandson|granddaughter|stepson|stepdaughter|step son"
    r"|step daughter|brother|sister|twins?|husband|wife|partner|nephew|niece|foster child"
    r"|little one|eldest|youngest|kid|baby|ds|dd)"
)
_ROLE = (
    r"(?:case ?worker|case officer|social worker|senco|sendco|teacher|head ?teacher|head|ta"
    r"|therapist|salt|ot|paediatrician|nurse|key ?worker|worker|officer|manager|co-?ordinator"
    r"|advis[oe]r|psychologist|ep|lady|man|woman|gentleman|chap|practitioner|driver|escort"
    r"|consultant|doctor|assistant|mentor|tutor|lead|director|councillor|chair)"
)
_CONTEXT = (
    r"(?:(?:my|our|his|her|their) (?:\w+ )?" + _RELATION + r"|" + _ROLE + r"|called|named"
    r"|name is|name's|names are|spoke to|spoke with|speak to|speaking to|speaking with"
    r"|talked to|talk to|talking to|met|emailed|e-mailed|rang|phoned|texted|met with|meeting with"
    r"|thanks to|thank you|thank|thanks|signed|regards|cheers|ask for|asked for|dear|hi|hello"
    r"|love from|from|with|and|to|by|cc)"
)

_SPAN_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    ("[email]", re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"), 0),
    (
        "[NHS number]",
        re.compile(r"(?i:nhs(?: no\.?| number| num)?:?\s*(?:is\s*)?)(\d{3}[ -]?\d{3}[ -]?\d{4})\b"),
        1,
    ),
    (
        "[phone]",
        re.compile(
            r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?\d(?:[\s-]?\d){8,9}"
            r"|\(0\d{2,4}\)\s?\d{3,4}[\s-]?\d{3,4}|0\d(?:[\s-]?\d){8,9})(?!\d)"
        ),
        0,
    ),
    ("[NHS number]", re.compile(r"(?<![\d+])[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}(?!\d)"), 0),
    (
        "[postcode]",
        # The look-ahead is implied by the alternatives; it only spares trying ~120 areas at
        # every word boundary.
        re.compile(
            r"(?i)\b(?=[a-z]{1,2}\d|gir)(?:"
            + _AREA
            + r"\d[a-z\d]? ?\d[abd-hjlnp-uw-z]{2}|gir ?0aa)\b"
        ),
        0,
    ),
    ("[postcode]", re.compile(r"(?i:post ?code\s*(?:is\s*)?[:-]?\s*)(" + _AREA + r"\d{1,2})"), 1),
    (
        "[date of birth]",
        re.compile(
            r"(?i:(?:\bdob|\bd\.o\.b\.?|date of birth|born on|born|birthday is|birthday)"
            r"\s*(?:is\s*)?[:-]?\s*)(" + "(?i:" + _DATE + r")|\d{1,2}(?:st|nd|rd|th)?(?: of)? "
            r"(?i:" + _MONTH + r"))"
        ),
        1,
    ),
    ("[date]", re.compile(r"(?i)\b" + _DATE + r"\b"), 0),
    (
        "[reference]",
        re.compile(
            r"(?i:\b(?:ref(?:erence)?|case|complaint|claim|file|account|customer|urn|upn)"
            r"\.?\s*(?:no\.?|number|num|#|id)?\s*(?:is\s*)?[:.#]?\s*)"
            r"([A-Z0-9][A-Z0-9/-]*\d[A-Z0-9/-]*)"
        ),
        1,
    ),
    ("[reference]", re.compile(r"\b[A-Z]{2,6}[-/ ]?\d{2,4}[-/]\d{2,6}\b|\b[A-Z]{1,4}\d{4,}\b"), 0),
    (
        "[reference]",
        re.compile(
            r"(?i:\b(?:ehcp|ehc|plan|ticket|application|request|enquiry|pupil|child|student)"
            r"\.?\s*(?:no\.?|number|num|#|id|ref)?\s*[:.#]?\s*)(\d{5,}|(?!19|20)\d{4}(?![\d]|\s*[-/]))"
        ),
        1,
    ),
    ("[reference]", re.compile(r"(?<![\d+])\d{6,}(?!\d)"), 0),
    ("[address]", re.compile(r"(?i:\b(?:flat|apartment|apt|unit)\s+\d+[a-z]?\b)"), 0),
    (
        "[address]",
        re.compile(
            r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z'-]+\s+){1,3}(?i:" + _STREET + r")\b\.?"
            r"|(?i:\b\d{1,4}\s+[a-z]+\s+" + _STREET + r")\b"
        ),
        0,
    ),
    (
        "[address]",
        re.compile(
            r"\b(?:on|in|at|off) ((?:[A-Z][a-z'-]+\s+){1,2}(?:Road|Street|Avenue|Lane|Close"
            r"|Drive|Crescent|Grove|Terrace|Gardens|Way|Court))\b"
        ),
        1,
    ),
    (
        "[name]",
        re.compile(
            r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Cllr|mr|mrs|ms|miss|dr)\.?\s+)"
            r"(" + _NAME + r"(?:[ ]" + _NAME + r")?)"
        ),
        1,
    ),
]

# For each of _SPAN_PATTERNS, what every match of it contains: a quick test for that
# skips the pattern, which ``re`` would otherwise try at every position of the text.
# Either a regex, or words any match holds in some mix of cases; those are looked for in
# the lower-cased text, which finds the same as "(?i)" only for ASCII text.
_SPAN_HINTS: list[re.Pattern[str] | tuple[str, ...] | None] = [
    None,  # email: "@", tested directly
    ("nhs",),
    re.compile(r"44|\(0|0\d"),  # phone
    re.compile(r"\d\d\d"),  # NHS number
    None,  # postcode: tested with _POSTCODE_HINT_RE
    None,
    ("dob", "d.o.b", "birth", "born"),
    re.compile(r"\d(?:\d\d\d|[/.-]\d)"),  # date: a year, or 1/2 or 1-2 or 1.2
    ("ref", "case", "complaint", "claim", "file", "account", "customer", "urn", "upn"),
    re.compile(r"[A-Z][-/ ]?\d\d"),
    re.compile(r"\d\d\d\d"),
    re.compile(r"\d\d\d\d\d\d"),
    ("flat", "apartment", "apt", "unit"),
    re.compile(r"\d[A-Za-z]?,?\s"),
    re.compile(r"Road|Street|Avenue|Lane|Close|Drive|Crescent|Grove|Terrace|Gardens|Way|Court"),
    re.compile(r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Cllr|mr|mrs|ms|miss|dr"),
]
assert len(_SPAN_HINTS) == len(_SPAN_PATTERNS)

# The last word of every context phrase, for a cheap test before the regex.
_CONTEXT_LAST_WORD_TEXT = (
    "son daughter child boy girl grandson granddaughter stepson stepdaughter brother sister "
    "twin twins husband wife partner nephew niece one eldest youngest kid baby ds dd "
    "caseworker worker officer senco sendco teacher headteacher head ta therapist salt ot "
    "paediatrician nurse keyworker manager coordinator co-ordinator adviser advisor "
    "psychologist ep lady man woman gentleman chap practitioner driver escort consultant "
    "doctor assistant mentor tutor lead director councillor chair called named is name's "
    "are to with emailed e-mailed rang phoned texted met thank thanks you signed regards "
    "cheers for dear hi hello from and by cc"
)
_CONTEXT_LAST_WORDS = frozenset(_CONTEXT_LAST_WORD_TEXT.split())
_PREVIOUS_WORD_RE = re.compile(r"([A-Za-z'-]+)[,:]?\s+$")

# Matches a context phrase that ends right before a candidate name.
_CONTEXT_BEFORE_RE = re.compile(r"(?i:\b" + _CONTEXT + r")[,:]?\s+$")
_CONTEXT_LOWER_RE = re.compile(
    r"(?i:\b(?:(?:my|our|his|her) (?:\w+ )?" + _RELATION + r"|called|named|name is|spoke to"
    r"|spoke with|talked to|thanks to|signed)[,:]?\s+)([a-z]+)\b"
)
# Runs of lower-case letters: every word _CONTEXT_LOWER_RE can report is one of them.
_LOWER_RUN_RE = re.compile(r"[a-z]+")
_DIGIT_RE = re.compile(r"\d")
_POSTCODE_HINT_RE = re.compile(r"\d[A-Za-z]{2}\b|(?i:post ?code)")
# "\b" + _NAME, written to start with the capital letter so that ``re`` can skip
# straight to capitals: before a capital, "\b" is "no word character before it".
assert _NAME.startswith("[A-Z]")
_CAPITALISED_RE = re.compile(r"([A-Z](?<!\w[A-Z])" + _NAME[len("[A-Z]") :] + r")")
_SURNAME_RE = re.compile(r"[ ](" + _NAME + r")\b")


def _is_name_word(word: str) -> bool:
    lower = word.lower()
    return lower not in _NOT_NAMES and not word.isupper()


_WEAK_CONTEXTS = frozenset({"from", "with", "and", "to", "by", "cc"})


def _capitalised(text: str) -> list[re.Match[str]]:
    return list(_CAPITALISED_RE.finditer(text))


def _context_spans(
    text: str, capitalised: list[re.Match[str]] | None = None
) -> Iterable[tuple[int, int]]:
    # Capitalised words are few, so test the context just before each one; a set lookup
    # of the previous word skips the context regex for almost all of them.
    for match in _capitalised(text) if capitalised is None else capitalised:
        first = match.group(1)
        if not _is_name_word(first):
            continue
        previous = _PREVIOUS_WORD_RE.search(text, max(0, match.start() - 20), match.start())
        if previous is None or previous.group(1).lower() not in _CONTEXT_LAST_WORDS:
            continue
        context_match = _CONTEXT_BEFORE_RE.search(text, max(0, match.start() - 40), match.start())
        if context_match is None:
            continue
        context = context_match.group(0).strip(" ,:\n\t").lower()
        # Weak contexts ("from", "to", "and") only count for listed, unambiguous names.
        if context in _WEAK_CONTEXTS and not _listed_name(first):
            continue
        yield match.start(1), _surname_end(text, match.end(1))
    if not FIRST_NAMES.isdisjoint(_LOWER_RUN_RE.findall(text)):
        for match in _CONTEXT_LOWER_RE.finditer(text):
            word = match.group(1)
            if word in FIRST_NAMES and word not in AMBIGUOUS_NAMES:
                yield match.start(1), match.end(1)


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
    if follow and _is_name_word(follow.group(1)):
        return follow.end(1)
    return end


def _list_spans(
    text: str, capitalised: list[re.Match[str]] | None = None
) -> Iterable[tuple[int, int]]:
    for match in _capitalised(text) if capitalised is None else capitalised:
        if _listed_name(match.group(1)):
            yield match.start(1), _surname_end(text, match.end(1))


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


def find_spans(text: str, known_names: Sequence[str] = ()) -> list[tuple[int, int, str]]:
    """Return non-overlapping (start, end, label) spans of personal data, in text order."""
    candidates: list[tuple[int, int, str, int]] = []
    # Cheap tests first: most comments hold no digits, and every pattern but the email
    # and title ones needs a digit.
    has_digit = _DIGIT_RE.search(text) is not None
    has_postcode = has_digit and _POSTCODE_HINT_RE.search(text) is not None
    lowered = text.lower() if text.isascii() else None
    for priority, (label, regex, group) in enumerate(_SPAN_PATTERNS):
        if label == "[email]":
            if "@" not in text:
                continue
        elif label == "[postcode]":
            if not has_postcode:
                continue
        elif label != "[name]" and not has_digit:
            continue
        hint = _SPAN_HINTS[priority]
        if isinstance(hint, re.Pattern):
            if hint.search(text) is None:
                continue
        elif hint is not None and lowered is not None and not any(word in lowered for word in hint):
            continue
        for match in regex.finditer(text):
            if match.group(group):
                candidates.append((match.start(group), match.end(group), label, priority))
    name_priority = len(_SPAN_PATTERNS)
    known = _known_names_re(tuple(known_names))
    if known is not None:
        candidates.extend(
            (m.start(), m.end(), "[name]", name_priority) for m in known.finditer(text)
        )
    capitalised = _capitalised(text)
    candidates.extend(
        (s, e, "[name]", name_priority + 1) for s, e in _context_spans(text, capitalised)
    )
    candidates.extend(
        (s, e, "[name]", name_priority + 2) for s, e in _list_spans(text, capitalised)
    )
    # Higher-priority detectors first, then longer spans; keep what does not overlap.
    candidates.sort(key=lambda c: (c[3], -(c[1] - c[0])))
    chosen: list[tuple[int, int, str]] = []
    for start, end, label, _priority in candidates:
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, label))
    # A word once identified as a name is a name everywhere in the comment, even where
    # it has no context ("We met Will ... Will, if you read this").
    found_names = {text[s:e].split()[0] for s, e, label in chosen if label == "[name]"}
    for name in found_names:
        for match in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            start, end = match.span()
            if all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, "[name]"))
    return sorted(chosen)


def redact(text: str, known_names: Sequence[str] = ()) -> str:
    """Replace personal data in ``text`` with labels, leaving the rest untouched."""
    spans = find_spans(text, known_names)
    if not spans:
        return text
    out: list[str] = []
    last = 0
    for start, end, label in spans:
        out.append(text[last:start])
        out.append(label)
        last = end
    out.append(text[last:])
    return "".join(out)
