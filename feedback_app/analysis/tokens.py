"""Tokenising and normalising free text without NLTK.

TextBlob's ``.words`` and ``.sentences`` need NLTK corpora that cannot be downloaded
on the project's machines, so the analysis package does its own tokenising. Parents
often write in text-speak on a phone, so common abbreviations are expanded to the
words the rules and the learned model expect.
"""

from __future__ import annotations

import re
import unicodedata

# Text-speak and dropped apostrophes seen in parents' comments, mapped to the form
# the rules are written in. Only unambiguous forms: "ur" is "your" here, never "you are".
TEXT_SPEAK: dict[str, str] = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "thnx": "thanks",
    "ty": "thank you",
    "tbh": "to be honest",
    "ppl": "people",
    "bc": "because",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "wk": "week",
    "wks": "weeks",
    "mth": "month",
    "mths": "months",
    "yr": "year",
    "yrs": "years",
    "msg": "message",
    "msgs": "messages",
    "cant": "can't",
    "dont": "don't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "shouldnt": "shouldn't",
    "aint": "ain't",
    "im": "i'm",
    "ive": "i've",
    "theyre": "they're",
    "thats": "that's",
    "whats": "what's",
    "hes": "he's",
    "shes": "she's",
    "nobodys": "nobody's",
    "noone": "no one",
    "sw": "social worker",
    "salt": "speech and language therapy",
    "tho": "though",
    "gr8": "great",
    "b4": "before",
    "2day": "today",
    "2moro": "tomorrow",
    "v": "very",
    "n": "and",
    "wiv": "with",
    "wud": "would",
    "cud": "could",
    "shud": "should",
    "sch": "school",
    "skool": "school",
}

_EXPAND = TEXT_SPEAK.get
_WORD_RE = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?;:])\s+|\n+|\s+-\s+|\s+but\s+", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower-case, unify quotes and expand text-speak, keeping word order.

    The result is what the theme rules, the cues and the learned model all read, so a
    rule written as "can't" also matches "cant" and "can’t".
    """
    if not text.isascii():  # ASCII is already NFKC and has no curly quotes
        text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    words = _WORD_RE.findall(text.lower())
    return " ".join(map(_EXPAND, words, words))


def tokenize(text: str) -> list[str]:
    """Split normalised text into word tokens (apostrophes kept inside words)."""
    return _WORD_RE.findall(normalise(text))


def split_clauses(text: str) -> list[str]:
    """Split raw text into rough sentences and clauses for mixed-tone comments."""
    parts = _SENTENCE_SPLIT_RE.split(text)
    return [part.strip() for part in parts if part and part.strip()]


def collapse_spaces(text: str) -> str:
    """Collapse runs of whitespace to single spaces and trim."""
    return _SPACE_RE.sub(" ", text).strip()


def ngrams(tokens: list[str], n: int = 2) -> list[str]:
    """Return unigrams plus word n-grams up to ``n``, joined by spaces."""
    grams = list(tokens)
    for size in range(2, n + 1):
        # Each run of ``size`` consecutive tokens, in order.
        grams.extend(map(" ".join, zip(*(tokens[start:] for start in range(size)), strict=False)))
    return grams
