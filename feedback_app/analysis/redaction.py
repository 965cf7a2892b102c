"""Redaction: replace personal data in free text with labels such as [name] and [phone].

Nothing is published without a person approving the redacted quote, so this aims to
leave no identifier behind while keeping the sentence readable. Each detector finds
spans in the original text; overlapping spans are resolved by detector priority
(an NHS number wins over a generic reference), then replaced in one pass.

Names come from the name lists, from the words before a capitalised word ("my son",
"Dear", "Re:") and from its place in the sentence ("Nasreen took", "Ceri's review",
"Bev, the driver"). A name nobody listed is told from an ordinary word by TextBlob's
English lexicon; names that are also words (Grace, Will, May) need a person's context.
Names in scripts without capitals ("my son 王伟") are found by the words before them alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

# Letters of the Latin alphabets families write names in: Zielińska, Wójcik, Róisín, Łukasz
# (Latin Extended-A), Ștefan (Extended-B) and Nguyễn (Extended Additional, for Vietnamese).
_LATIN_EXTENDED = [
    chr(code) for start, end in ((0x100, 0x250), (0x1E00, 0x1F00)) for code in range(start, end)
]
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(ch for ch in _LATIN_EXTENDED if ch.isupper())
_LOWER = "a-zß-öø-ÿ" + "".join(ch for ch in _LATIN_EXTENDED if ch.islower())
# Covers O'Brien, McDonald, double-barrelled names such as Ruby-Rose or Smith-Jones, and
# Korean given names such as Hyun-woo.
_NAME = (
    f"[{_UPPER}](?:['’][{_UPPER}])?[{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
    f"(?:-[{_UPPER}{_LOWER}][{_LOWER}]+)?"
)


def _words(text: str) -> tuple[str, ...]:
    """Words written as one string, to keep long word lists short on the page."""
    return tuple(text.split())


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


@cache
def _english_words() -> dict[str, str]:
    """Ordinary English words (lower case) and their usual part of speech.

    An unlisted capitalised word in a person's place ("Nasreen took my notes", "Sani's
    review") is a name unless it is an English word ("Nobody took", "Everyone's review").
    The lexicon ships with TextBlob, which the sentiment scoring already depends on; it is
    found without importing TextBlob, which would pull in NLTK.
    """
    spec = find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("TextBlob's English lexicon is needed to tell names from words")
    lexicon = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-lexicon.txt"
    words: dict[str, str] = {}
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        word, _, tag = line.partition(" ")
        # Lower-case entries are words; proper nouns are listed capitalised, or tagged NNP.
        if word.isalpha() and word.islower() and not tag.startswith("NNP"):
            words.setdefault(word, tag)
    return words


# The lexicon spells as Americans do; try the American form of a British spelling.
_BRITISH_SPELLINGS = [
    (re.compile(r"our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=[a-z])ae(?=[a-z])"), "e"),
    (re.compile(r"(?<=[a-z])oe(?=[a-z])"), "e"),
    (re.compile(r"mme(s)?$"), r"m\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
]
# Whether any of them applies: one search instead of ten for most words.
_BRITISH_SPELLING_RE = re.compile("|".join(pattern.pattern for pattern, _ in _BRITISH_SPELLINGS))


# Endings no first name has: "Audiology", "Physiotherapy", "Paediatrics", "Assessment".
_WORD_ENDINGS = ("ology", "ologies", "therapy", "ics", "tion", "tions", "ment", "ments", "ness")


@lru_cache(maxsize=4096)
def _is_english_word(lower: str, compounds: bool = True) -> bool:
    """Whether a lower-cased word (or every part of a hyphenated one) is an English word.

    With ``compounds``, two English words run together count too ("Headteacher",
    "Hollybrook"); not for surnames, which are often made so (Fairweather, Blackwood).
    """
    words = _english_words()
    if lower in words or lower.endswith(_WORD_ENDINGS):
        return True
    parts = lower.split("-")
    if len(parts) > 1:
        return all(_is_english_word(part, compounds) for part in parts if part)
    if _BRITISH_SPELLING_RE.search(lower):
        for pattern, american in _BRITISH_SPELLINGS:
            spelled = pattern.sub(american, lower)
            if spelled != lower and spelled in words:
                return True
    return compounds and any(
        lower[:cut] in words and lower[cut:] in words for cut in range(3, len(lower) - 2)
    )


def _is_name_word(word: str) -> bool:
    lower = word.lower()
    return lower not in _NOT_NAMES and not word.isupper()


def _plausible_name(word: str) -> bool:
    """A listed first name (ambiguous ones too), or a capitalised word that is no English word."""
    if not _is_name_word(word):
        return False
    lower = word.lower()
    if lower in FIRST_NAMES or lower in AMBIGUOUS_NAMES:
        return True
    return not _is_english_word(lower)


def _plausible_surname(word: str) -> bool:
    """A capitalised word that is no English word; made of two, it may be ("Fairweather")."""
    return _is_name_word(word) and not _is_english_word(word.lower(), compounds=False)


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
    r"|yours|sincerely|faithfully|truly|best wishes|warm wishes"
    r"|love from|from|with|and|to|by|cc)"
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

# The last word of every context phrase, for a cheap test before the regex.
_CONTEXT_LAST_WORD_TEXT = (
    "son daughter child boy girl grandson granddaughter stepson stepdaughter brother sister "
    "twin twins husband wife partner nephew niece one eldest youngest kid baby ds dd "
    "caseworker worker officer senco sendco teacher headteacher head ta therapist salt ot "
    "paediatrician nurse keyworker manager coordinator co-ordinator adviser advisor "
    "psychologist ep lady man woman gentleman chap practitioner driver escort consultant "
    "doctor assistant mentor tutor lead director councillor chair called named is name's "
    "are to with emailed e-mailed rang phoned texted met thank thanks you signed regards "
    "cheers for dear hi hello from and by cc yours sincerely faithfully truly wishes"
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
_FIRST_CAPITAL = f"[{_UPPER}]"
assert _NAME.startswith(_FIRST_CAPITAL)
# A name ends with its word: "Sa" in "SaLT" is none.
_CAPITALISED_RE = re.compile(
    f"({_FIRST_CAPITAL}(?<!\\w{_FIRST_CAPITAL})" + _NAME[len(_FIRST_CAPITAL) :] + r")(?!\w)"
)
_SURNAME_RE = re.compile(r"[ ](" + _NAME + r")\b")
# An initial and a surname with no title: "A. Begum", "T. Nakamura-Hughes".
_INITIAL_SURNAME_RE = re.compile(r"([A-Z])(?<![\w.'’][A-Z])\.\s?(?:[A-Z]\.\s?)?(" + _NAME + r")")


# Contexts that only say "a person may follow" ("from", "asked for" a school): a name must
# be a listed one to count after them.
_WEAK_CONTEXTS = frozenset({"from", "with", "and", "to", "by", "cc", "ask for", "asked for"})
# After "my son" any capitalised word is a name ("my son Hunter"); after a greeting or a
# job ("Dear Complaints Officer", "the officer, Reference ...") it must look like one.
_RELATION_CONTEXT_STARTS = ("my ", "our ", "his ", "her ", "their ")

# Words that end an institution's or a street's name: "Oakfield Primary", "Rowan Court".
_INSTITUTION_WORDS = frozenset(
    _words(
        "school primary academy college nursery centre center hospital trust council university"
        " infants infant juniors junior high grammar clinic surgery unit team service services"
        " foundation partnership forum library station campus federation road street avenue"
        " close drive court"
    )
)
# Ambiguous names that are a month, a season, a place or a thing more often than a person;
# only a clear context makes them a name.
_MONTHS_AND_SEASONS = frozenset(_words("may june april august jan summer autumn"))
_PLACES_AND_THINGS = frozenset(
    _words(
        "india paris georgia chelsea florence sydney austin victoria devon milton clifton everton"
        " carlton denton trinity amber art blue royal young major king sky star page mercedes"
        " eden justice nana"
    )
)
# Endings of English place and school names: an unlisted "Hollybrook" or "Kidderminster"
# before "said" is more likely a school or a town than a person.
_PLACE_ENDINGS = _words(
    "brook field fields wood woods dale hill hills side ton ley leigh bury borough burgh ford"
    " ham minster grove mead gate bridge port mouth wich wick caster cester chester shire"
    " stead worth well land lands moor thorpe church combe hurst stoke stone vale view park"
    " croft haven holme ridge heath green mere bourne burn cliffe cliff marsh ness pool water"
    " castle downs hall house"
)

# Verbs that say the word before them is a person: "Nasreen took my notes away".
_PERSON_VERBS = (
    r"said|says|told|tells|took|takes|helped|helps|rang|rings|phoned|phones|called|emailed"
    r"|emails|texted|replied|explained|explains|listened|listens|visited|visits|arranged"
    r"|agreed|promised|asked|asks|chased|smiled|smiles|laughed|laughs|cried|cries|loves"
    r"|loved|likes|liked|wants|wanted|enjoys|enjoyed|attends|attended|uses|gets|plays|played"
    r"|talks|talked|speaks|spoke|sat|sits|spent|tried|tries|finishes|finished|struggles"
    r"|struggled|refused|refuses|walks|walked|thinks|thought|feels|felt|knows|knew"
    r"|understood|understands|sorted|managed|wrote|writes|stayed|stays|cares|cared|works"
    r"|worked|pointed|acted|contacted|supported|supports|advised|advises|noticed|insisted"
    r"|apologised|apologized|handled|fought|pushed|waited|hates|hated|learned|learnt|learns"
    r"|remembered|forgot|organised|organized|offered|suggested|reassured|checked"
    r"|recommended|confirmed|discussed|assessed|observed|joined|left|cancelled|ignored"
    r"|dismissed|shouted"
)
# Verbs that also follow things ("the bill came", "hope started to fade"): only for words
# that are no listed ambiguous name.
_UNLISTED_PERSON_VERBS = (
    _PERSON_VERBS + r"|came|comes|went|goes|got|started|starts|moved|needs|needed|met|meets"
    r"|gave|gives|made|kept"
)
_ADVERB = r"(?:(?:now|also|then|just|always|never|finally|really|eventually|kindly|even|still)\s+)?"
_AMBIGUOUS_VERB_RE = re.compile(r"\s+" + _ADVERB + r"(?:" + _PERSON_VERBS + r")\b")
_UNLISTED_VERB_RE = re.compile(
    r"\s+" + _ADVERB + r"(?:(?:has|had|will|would|could|did|does)\s+)?"
    r"(?:" + _UNLISTED_PERSON_VERBS + r")\b"
)
_ROLE_AFTER = (
    r"(?:" + _ROLE + r"|physio(?:therapist)?|advocate|receptionist|admin(?:istrator)?|clinician"
    r"|psychiatrist|dietitian|audiologist|trainer|supervisor|governor|deputy|principal|carer"
    r"|volunteer|helper|coach|instructor|specialist|caseworker|pa)"
)
# A role in apposition: "Bev, the driver", "Rob, our caseworker", "Jan the escort".
_APPOSITION_RE = re.compile(
    r"(?i:,?\s+(?:(?:the|our|my|his|her|their|a|an)\s+(?:[\w'/-]+\s+){0,3}?"
    + _ROLE_AFTER
    + r"|(?:my|our|his|her|their)\s+(?:\w+\s+)?"
    + _RELATION
    + r"))\b"
)
_HIMSELF_RE = re.compile(r"\s+(?:him|her)self\b")
# What is a person's: "Ceri's review", "Sani's assessment", "Max's new wheelchair".
_PERSONAL_THINGS = (
    r"review|reviews|assessment|assessments|plan|plans|ehcp|ehc|needs|diagnosis|school"
    r"|class|teacher|ta|mum|mom|mother|dad|father|sister|brother|siblings?|gran|nan|grandma"
    r"|grandad|grandparents|family|key ?worker|transport|taxi|funding|top-up|placement|place"
    r"|views|behaviour|progress|health|medication|therapy|therapist|speech|support|report"
    r"|file|case|caseworker|social worker|paperwork|birthday|care|carer|package|wheelchair"
    r"|hoist|transition|education|provision|tribunal|appeal|application|referral"
    r"|appointment|operation|surgery|seizures|epilepsy|autism|adhd|condition|feeds?"
    r"|sessions?|journey|bus|escort|driver|friends?|life|room|bedroom|voice|wishes|story"
    r"|future|gastrostomy|physio|communication|anxiety|sleep|diet|hearing|eyesight|sight"
    r"|direct payments|budget|respite|short breaks|attendance|exclusion|timetable|statement"
)
_POSSESSIVE_RE = re.compile(
    r"['’]s\s+(?:(?!(?:and|or|but|the|a|an|my|his|her|their|our|is|was|has|had|to|in|on|at"
    r"|for|with|of|that|this|it)\b)[a-z][\w-]*\s+){0,2}?(?:" + _PERSONAL_THINGS + r")\b"
)
# Any possessive: an unlisted word that is no English word and owns something is a person
# ("spotted Nate's hip problem", "fix Eryk's chair").
_ANY_POSSESSIVE_RE = re.compile(r"['’]s\s+[a-z]")
# "Bola from SENDIASS", "Mark in the SEND team replied".
_ORGANISATION = (
    r"\s+(?:from|at|in|with|of)\s+(?:the\s+)?(?:[\w'&-]+\s+){0,3}?(?:team|service|office"
    r"|department|hub|panel|sendiass|iass|camhs|council|charity|trust|school|college|nursery)\b"
)
_ORGANISATION_RE = re.compile(r"(?i:" + _ORGANISATION + r")")
_ORGANISATION_THEN_VERB_RE = re.compile(
    r"(?i:"
    + _ORGANISATION
    + r")(?:\s+[\w'-]+){0,2}?\s+"
    + _ADVERB
    + r"(?:"
    + _PERSON_VERBS
    + r")\b"
)
# Labels that head a name in forms and letters: "Re: Zahra Mahmood", "Mum - Nia Roberts".
_HEADER_BEFORE_RE = re.compile(
    r"(?i:\b(?:re|child|child's name|pupil|student|young person|name|full name|parent"
    r"|parent/carer|carer|mum|mom|dad|mother|father|contact|from|subject|patient|applicant"
    r"|complainant|regarding|signed))\s*(?::|\s[-–—]|[-–—])\s*$"
)
_HEADER_MARKS = frozenset(":-–—")
_LINE_START_RE = re.compile(r"(?:^|\n)[ \t\"'‘“(\[]*$")
# What follows a full name that opens a comment or a line: "Jordan Fairclough, DOB ...".
_AFTER_OPENING_NAME_RE = re.compile(r"[ \t]*(?:[,:(–—-]|\n|$)")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?\n:;)•*–—-])[\s\"'‘“(\[]*$")
# Words before a capitalised ambiguous word that make it a thing's name: "the Blue Badge",
# "St Mary's", "Ministry of Justice".
_BEFORE_A_THING = frozenset(_words("the a an of st saint this that every each per at"))
_BEFORE_A_MONTH = frozenset(
    _words(
        "in on by since until till from during last next of early late mid before after end"
        " this that every each to through"
    )
)
# Words that open a sentence before a name: "When Grace came home", "And Will said".
_OPENING_WORDS = frozenset(
    _words(
        "when if and but so as after before because while since then once until though although"
        " where why how what that with for to from by thanks thank hi hello dear i"
    )
)
# Where a word stands for a place or a body: "we live in Walsall", "Walsall Council said".
# Searched with the word replaced by "\0" (a character no comment holds).
_PLACE_CONTEXT_RE = re.compile(
    r"\b(?:in|near|around|across|outside|within|throughout|moved to|live in|lived in)\s+\0"
    r"|\0\s+(?:Council|County|Borough|City|Local|SEND|SENDIASS|NHS|Children's|Education"
    r"|Academy|School|College|Primary|High|Hospital|Trust|Team|Services?|Partnership)\b"
)
_NEXT_WORD_RE = re.compile(r"(['’]s)?\s+([\w'’-]+)")
# Things named after people: "a Moses basket", "a Wendy house", "Tourette syndrome".
_THING_NAMED_AFTER_RE = re.compile(r"\s+(?:basket|house|syndrome|disease|bear|scale)\b")
_SAINT_BEFORE_RE = re.compile(r"\b(?:St\.?|Saint)\s+$")
_INSTITUTION_AFTER_RE = re.compile(r"(?:['’]s)?\s+(" + _NAME + r")")
_LOWER_HIMSELF_RE = re.compile(r"\b([a-z]+)\s+(?:him|her)self\b")
# Ambiguous names that, lower-cased after "my son", are usually a verb or an adjective.
_NOT_NAMES_AFTER_RELATION = frozenset(
    _words(
        "will may said hope mark chase grant bill page pat sue rob guy art rose drew ray "
        "happy young rich major just sunny faith mercy"
    )
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


def _capitalised(text: str) -> list[re.Match[str]]:
    return list(_CAPITALISED_RE.finditer(text))


def _starts_sentence(text: str, start: int) -> bool:
    return _SENTENCE_START_RE.search(text, max(0, start - 8), start) is not None


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


def _word_before(text: str, start: int) -> re.Match[str] | None:
    """The word just before ``start`` (a comma or colon may follow it), as group 1."""
    return _PREVIOUS_WORD_RE.search(text, max(0, start - 20), start)


def _word_before_is(text: str, start: int, words: frozenset[str]) -> bool:
    previous = _word_before(text, start)
    return previous is not None and previous.group(1).lower() in words


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


# A day, month and year at the start of a match: 01-02-2014, 1/2/14, 01.02.2014.
_DATE_FIRST_RE = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{2,4}(?!\d)")


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


#: What a person may mark as personal data the rules missed, and the label that replaces it.
HIDDEN_KINDS: dict[str, str] = {
    "name": "[name]",
    "address": "[address]",
    "phone": "[phone]",
    "email": "[email]",
    "date_of_birth": "[date of birth]",
    "reference": "[reference]",
    "other": "[personal data]",
}


_LABEL_RE = re.compile(r"(\[[^\[\]]*\])")


def hide_phrases(text: str, phrases: Sequence[Sequence[str]]) -> str:
    """Replace every whole-word occurrence of each (phrase, kind) with the kind's label,
    ignoring case: what an analyst marked as personal data that ``redact`` missed.

    Words inside a label already there ("[date of birth]") are left alone, so hiding the
    same phrases again changes nothing.
    """
    for phrase, kind in phrases:
        if any(ch.isalnum() for ch in phrase):  # a pattern of no words would match anywhere
            label = HIDDEN_KINDS.get(kind, HIDDEN_KINDS["other"])
            pattern = phrase_pattern(phrase)
            # split() keeps the labels at odd positions; only the text between them changes.
            parts = _LABEL_RE.split(text)
            parts[::2] = [pattern.sub(label, part) for part in parts[::2]]
            text = "".join(parts)
    return text


def phrase_shown(text: str, phrase: str) -> bool:
    """Whether ``phrase`` is in ``text`` as written words, not inside a label ("[name]")
    that ``hide_phrases`` would leave alone."""
    if not any(ch.isalnum() for ch in phrase):
        return False
    pattern = phrase_pattern(phrase)
    return any(pattern.search(part) for part in _LABEL_RE.split(text)[::2])


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Match ``phrase`` as whole words, ignoring case and how the spaces inside it run."""
    words = [re.escape(word) for word in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def everyday_word_in(name: str) -> str | None:
    """The first part of ``name`` that is also an everyday English word, if any.

    A name given to ``redact`` as a known name is hidden wherever it or any part of it
    occurs, in any case: "Hope" there would hide every "hope" a family writes.
    """
    for part in name.split():
        cleaned = part.strip(".,'’")
        lower = cleaned.lower()
        if len(cleaned) >= 3 and lower not in _NOT_NAMES and _is_english_word(lower, False):
            return cleaned
    return None


def own_details_in(
    text: str, *, names: Sequence[str] = (), emails: Sequence[str] = (), phones: Sequence[str] = ()
) -> list[list[str]]:
    """The personal details a record holds about its own writer that ``text`` repeats,
    as (phrase, kind) pairs for ``hide_phrases``.

    A complaint's text often gives the complainant's name, email or phone number, which
    the record also holds, typed the same way; the rules cannot know them. A name is
    hidden whole, and part by part; a part that is also an everyday word ("Hope", "Long")
    only where the text writes it with a capital, as in the name.
    """
    found: list[list[str]] = []

    def add(phrase: str, kind: str) -> None:
        phrase = " ".join(phrase.split())
        if phrase and [phrase, kind] not in found and phrase_shown(text, phrase):
            found.append([phrase, kind])

    for name in names:
        add(name, "name")
        for part in name.split():
            cleaned = part.strip(".,'’()\"")
            lower = cleaned.lower()
            if len(cleaned) < 2 or lower in _NOT_NAMES:
                continue
            if _is_english_word(lower, False):
                written = re.search(rf"(?<!\w){re.escape(cleaned)}(?!\w)", text)
                if written is None or not written.group(0)[0].isupper():
                    continue
            add(cleaned, "name")
    for email in emails:
        add(email.strip(), "email")
    for phone in phones:
        add(phone.strip(), "phone")
    return found
