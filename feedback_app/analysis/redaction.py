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

The work is split by what it finds: ``redaction_patterns.py`` (emails, phones,
postcodes, NHS numbers, references, dates, addresses, titles), ``redaction_words.py``
(the name lists and the English lexicon), ``redaction_context.py`` and
``redaction_people.py`` (names from the words around them), ``redaction_uncapitalised.py``
(names in lower case or other scripts) and ``redaction_spans.py`` (known names, and
choosing among overlapping spans). This module is the entry: ``redact``, and hiding the
words a person marks as personal data (``hide_phrases``, ``own_details_in``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feedback_app.analysis.redaction_spans import find_spans
from feedback_app.analysis.redaction_words import _NOT_NAMES, _is_english_word


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
