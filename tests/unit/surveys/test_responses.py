"""Pure helpers of the responses service: cleaning text and resume codes."""

from __future__ import annotations

import pytest

from feedback_app.services.responses import (
    RESUME_ALPHABET,
    RESUME_CODE_LENGTH,
    clean_text,
    format_code,
    normalise_code,
)


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("a\x00b", "ab"),
        ("bell\x07 escape\x1b[31m", "bell escape[31m"),
        ("  spaced  ", "spaced"),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("tab\tkept", "tab\tkept"),
        ("emoji 👨‍👩‍👧 kept", "emoji 👨‍👩‍👧 kept"),
        ("\u202bעברית\u202c", "\u202bעברית\u202c"),
        ("\x85next line", "next line"),
        (None, ""),
    ],
)
def test_clean_text(raw, cleaned):
    assert clean_text(raw) == cleaned


def test_alphabet_has_no_characters_people_confuse():
    assert not set(RESUME_ALPHABET) & set("0O1IL5S2ZUV")
    assert len(set(RESUME_ALPHABET)) == len(RESUME_ALPHABET) >= 24
    assert len(RESUME_ALPHABET) ** RESUME_CODE_LENGTH > 10**15  # not guessable


def test_codes_are_typed_forgivingly():
    assert normalise_code(" abcd-efgh jkmn ") == "ABCDEFGHJKMN"
    assert format_code("abcdefghjkmn") == "ABCD-EFGH-JKMN"
