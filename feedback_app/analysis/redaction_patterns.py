"""Patterns for personal data with a fixed shape: email addresses and social media
handles, NHS and phone numbers, postcodes, dates of birth and other dates, references,
addresses, and titles before names ("Mrs Patel", "the Doyle family").

``_SPAN_PATTERNS`` lists them in priority order (an NHS number wins over a generic
reference); ``_SPAN_HINTS`` gives each a cheap test that lets ``find_spans``
(``redaction_spans.py``) skip it for most comments.
"""

from __future__ import annotations

import re

from feedback_app.analysis.redaction_words import _NAME, _UPPER, _words

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
# The UK's postcode areas.
_AREAS = _words(
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT "
    "CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL "
    "GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L "
    "LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX "
    "PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR "
    "SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR "
    "WS WV YO ZE"
)
_AREA = "(?:" + "|".join(sorted(_AREAS, key=len, reverse=True)) + ")"
_STREET = (
    r"(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|place"
    r"|gardens|grove|terrace|walk|hill|rise|mews|square|row|green|park|view|parade|vale"
    r"|fields?|meadows?|boulevard|croft|wharf|end|gate"
    # Scottish and northern street words, and some newer estates'.
    r"|wynd|brae|vennel|loaning|quadrant|circus|copse|heights|garth|dell|glade|cottages"
    r"|paddock|spinney|orchard|dene|leys|causeway|esplanade|promenade)"
)
# Street words that are also verbs ("chase", "approach"): only after a capitalised name.
_STREET_CAPITALISED = r"(?:chase|mount|approach|fold|loan|gait)"
# Welsh street names put the street word first: "3 Heol y Felin", "12 Ffordd Las".
_WELSH_STREET = (
    r"(?:Heol|Ffordd|Stryd|Lôn|Lon|Maes|Clos|Rhodfa|Cilgant|Teras|Llys|Cwrt|Parc|Plas|Bryn"
    r"|Pant|Nant|Tŷ|Ty|Y Stryd)"
)


# Words that follow "mr" or "mrs" written without a name ("mr and mrs came").
_AFTER_A_BARE_TITLE = (
    "and|or|&|the|is|was|are|were|said|says|told|from|at|to|of|in|on|with|for|who|has|had|"
    "will|came|went|rang|called|sent|did|gave|got|asked|never|always|just|also|then"
)

# A street with no house number: "we live on Acacia Avenue", "picks up on Hollybush Close".
# A bare "at" before one names a school known by its street more often than a home ("the
# staff at Brook Lane", "the head at Valley Road"), and so does a street a school word follows
# ("Elm Court Post-16", "Brook Lane special school").
_NAMED_STREET_RE = re.compile(
    r"\b(?:on|in|off|(?i:live[sd]?|living|stay(?:s|ed|ing)?)\s+at)"
    r" ((?:[A-Z][a-z'-]+\s+){1,2}(?:Road|Street|Avenue|Lane|Close"
    r"|Drive|Crescent|Grove|Terrace|Gardens|Way|Court))\b"
    r"(?!\s+(?i:school|special|primary|academy|college|nursery|infants?|juniors?|post-16"
    r"|sixth|unit|centre|base|resource)\b)"
)

_AFTER_A_BARE_TITLE_WORDS = frozenset(_AFTER_A_BARE_TITLE.split("|"))


# Tried only where a run of the characters before "@" starts: tried at every one,
# "a.a.a.a...@" (no domain) took time growing with the square of its length.
_EMAIL_RE = re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# An address spelled out to get past filters: "jbloggs at gmail dot com", "jo dot bloggs
# (at) school dot sch dot uk". The spaces make each split of it the only one, and the
# counted "dot"s keep the time linear: "y dot y dot y ..." is tried at every word.
_AT, _DOT = r"(?i:at|\(at\)|\[at\])", r"(?i:dot|\(dot\)|\[dot\])"
_SPELLED_EMAIL_RE = re.compile(
    r"(?<![\w.+'-])[\w.+'-]+(?:\s+" + _DOT + r"\s+[\w.+'-]+){0,3}\s+" + _AT + r"\s+[\w-]+"
    r"(?:\s+" + _DOT + r"\s+[\w-]+){0,3}\s+" + _DOT + r"\s+(?i:com|co|uk|org|net|gov|sch|ac|nhs"
    r"|edu|io|me|info)\b"
)
# A social media handle: "twitter @sarahj85". Not "@home" or "@ 3pm", nor part of an address.
_HANDLE_RE = re.compile(r"(?<![\w.+'’-])@([A-Za-z0-9_]{2,30})(?![\w@.]*[\w])")

_SPAN_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    ("[email]", _EMAIL_RE, 0),
    ("[email]", _SPELLED_EMAIL_RE, 0),
    (
        "[NHS number]",
        re.compile(r"(?i:nhs(?: no\.?| number| num)?:?\s*(?:is\s*)?)(\d{3}[ -]?\d{3}[ -]?\d{4})\b"),
        1,
    ),
    (
        "[phone]",
        re.compile(
            r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?\d(?:[\s-]?\d){8,9}"
            r"|\(0\d{2,4}\)\s?\d{3,4}[\s-]?\d{3,4}|0\d(?:[\s-]?\d){8,9}"
            # Dots part the groups as UK numbers are written (07700.900.123, 0121.496.0123);
            # a date (01.02.2014) or a version (1.2.3) starts with a shorter group.
            r"|0\d{4}\.\d{3}\.?\d{3}|0\d{3}\.\d{3}\.?\d{4}|0\d{2}\.\d{4}\.?\d{4})(?!\d|\.\d)"
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
    (
        "[reference]",
        # "EHCP-2023-0412", "AB12345", and a team's prefix or suffix and a number:
        # "SEN/45521", "77310/SEN".
        re.compile(
            r"\b[A-Z]{2,6}[-/ ]?\d{2,4}[-/]\d{2,6}\b|\b[A-Z]{1,4}\d{4,}\b|\b[A-Z]{2,6}[-/]\d{4,}\b"
            r"|\b\d{4,}[-/][A-Z]{2,6}\b"
        ),
        0,
    ),
    (
        "[reference]",
        re.compile(
            r"(?i:\b(?:ehcp|ehc|plan|ticket|application|request|enquiry|pupil|child|student)"
            r"\.?\s*(?:no\.?|number|num|#|id|ref)?\s*[:.#]?\s*)(\d{5,}|(?!19|20)\d{4}(?![\d]|\s*[-/]))"
        ),
        1,
    ),
    ("[reference]", re.compile(r"(?<![\d+])\d{6,}(?!\d)"), 0),
    (
        "[address]",
        # A flat and the named building it is in: "Flat 6, Carrow House".
        re.compile(
            r"(?i:\b(?:flat|apartment|apt|unit)\s+\d+[a-z]?\b)"
            r"(?:,?\s+(?:[A-Z][\w'’-]+\s+){1,2}(?:House|Court|Lodge|Mansions|Tower|Heights"
            r"|Point|Buildings|Place|Hall|Block|Gardens)\b)?"
        ),
        0,
    ),
    (
        "[address]",
        re.compile(
            r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z'-]+\s+){1,3}(?i:"
            + _STREET
            + "|"
            + _STREET_CAPITALISED
            + r")\b\.?"
            r"|(?i:\b\d{1,4}\s+[a-z]+\s+" + _STREET + r")\b"
            r"|\b\d{1,4}[A-Za-z]?,?\s+" + _WELSH_STREET + r"(?:\s+(?:y|yr|'r|[" + _UPPER + r"]"
            r"[\w'’-]*)){1,3}"
        ),
        0,
    ),
    ("[address]", _NAMED_STREET_RE, 1),
    (
        "[name]",
        re.compile(
            # "Miss" takes no full stop: "hit and miss. Some teachers" holds no name. A title
            # covers up to four names: Mrs Sarah Jane Smith, Ms Lê Thị Thu Hằng.
            r"(?:\b(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Cllr|mr|mrs|ms|dr)\.?|Miss|Sir|Dame|miss)\s+)"
            r"((?:[" + _UPPER + r"]\.?\s?){0,2}" + _NAME + r"(?:[ ]" + _NAME + r"){0,3})"
        ),
        1,
    ),
    (
        "[name]",
        # Typed in lower case, "mr pearce" is still a title and a surname; "mrs in the base
        # room" is not. So are "Ms smith" and "ms. patel"; a bare "ms" may be multiple
        # sclerosis, and "miss" a verb: _lower_case_title_spans tests the word after them.
        re.compile(
            r"\b(?:[Mm]rs?\.?|Ms\.?|ms\.)\s+(?!(?:" + _AFTER_A_BARE_TITLE + r")\b)([a-z][a-z'-]+)"
        ),
        1,
    ),
    (
        "[name]",
        # "A thank you from the Doyle family": a capitalised word before "family" is a surname.
        re.compile(r"\b[Tt]he ([" + _UPPER + r"][a-z'-]+(?:-[" + _UPPER + r"][a-z'-]+)?) family\b"),
        1,
    ),
    (
        "[name]",
        # Typed in capitals, "MRS SMITH NEVER RANG BACK" still holds a title and a surname.
        # "MS" (multiple sclerosis) and "DR" are left out: in capitals they are not only titles;
        # nor is "MR" before "SCAN".
        re.compile(
            r"\b(?:MRS|MR|MISS|MX)\.?\s+(?!(?:" + _AFTER_A_BARE_TITLE.upper() + r"|SCANS?)\b)"
            r"([" + _UPPER + r"][" + _UPPER + r"'’-]+)\b"
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
    None,  # an email address spelled out: "dot", tested directly
    ("nhs",),
    re.compile(r"44|\(0|0\d"),  # phone
    re.compile(r"\d\d\d"),  # NHS number
    None,  # postcode: tested with _POSTCODE_HINT_RE
    None,
    ("dob", "d.o.b", "birth", "born"),
    re.compile(r"\d(?:\d\d\d|[/.-]\d)"),  # date: a year, or 1/2 or 1-2 or 1.2
    ("ref", "case", "complaint", "claim", "file", "account", "customer", "urn", "upn"),
    re.compile(r"[A-Z][-/ ]?\d\d|\d\d[-/][A-Z]"),
    re.compile(r"\d\d\d\d"),
    re.compile(r"\d\d\d\d\d\d"),
    ("flat", "apartment", "apt", "unit"),
    re.compile(r"\d[A-Za-z]?,?\s"),
    re.compile(r"Road|Street|Avenue|Lane|Close|Drive|Crescent|Grove|Terrace|Gardens|Way|Court"),
    re.compile(r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Cllr|mr|mrs|ms|miss|dr"),
    ("mr", "ms"),
    ("family",),
    re.compile(r"\b(?:MRS?|MISS|MX)\b"),
]
assert len(_SPAN_HINTS) == len(_SPAN_PATTERNS)
# The patterns that can match a text with no digit in it; every other one needs a digit,
# and most comments have none, so those are not even tried on them.
_MATCH_WITHOUT_DIGITS = frozenset(
    priority
    for priority, (label, regex, _group) in enumerate(_SPAN_PATTERNS)
    if label in ("[email]", "[name]") or regex is _NAMED_STREET_RE
)

# Cheap tests for the patterns that need a digit, or a postcode's shape, to match.
_DIGIT_RE = re.compile(r"\d")
_POSTCODE_HINT_RE = re.compile(r"\d[A-Za-z]{2}\b|(?i:post ?code)")

# A day, month and year at the start of a match: 01-02-2014, 1/2/14, 01.02.2014.
_DATE_FIRST_RE = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{2,4}(?!\d)")
