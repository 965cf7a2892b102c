"""Which words can be names: the letters names are written in and the shape of a name,
the shipped name lists, and TextBlob's English lexicon to tell a name from a word.

A listed first name is a name wherever it stands, unless it is also an English word
(Grace, Will, May): those need a person's context (``redaction_people.py``), and so does
an unlisted word, which may be a name only if it is no English word.
"""

from __future__ import annotations

import re
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
