"""The word-by-word matcher finds exactly what one big regex finds, and says which part."""

import re

import pytest

from feedback_app.analysis.learning import load_corpus
from feedback_app.analysis.sentiment import _find_cues
from feedback_app.analysis.tokens import normalise
from feedback_app.analysis.wordstart import FAST_TEXT_RE, WordStartMatcher, WordStartMatchers

START, END = r"(?<![a-z0-9'])", r"(?![a-z0-9'])"
ALTERNATIVES = [
    r"(?:\d+|two|three) (?:weeks|months) (?:late|on)",
    r"\d+ times",
    r"still (?:no|not|waiting)",
    r"no(?:body| one)?",
    r"a\w* joke",
    r"(?:very )?late",
    r"x",
]


def _regex() -> re.Pattern[str]:
    return re.compile(START + "(?:" + "|".join(ALTERNATIVES) + ")" + END)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "20 weeks late and still no plan",
        "three months on nobody came no one rang",
        "it is an absolute joke 4 times over very late",
        "2020 weeks on 3 times",
        "no  one  came  x",  # repeated spaces
        "nobodys fault latex lately",  # words that only begin like an alternative
    ],
)
def test_matches_are_the_regexs_and_name_their_alternative(text):
    matcher = WordStartMatcher(ALTERNATIVES, START, END)
    found = matcher.finditer(text)
    assert found is not None
    expected = list(_regex().finditer(text))
    assert [m.span() for m in found] == [m.span() for m in expected]
    for match in found:
        alternative = re.compile(START + "(?:" + ALTERNATIVES[matcher.alternative(match)] + ")")
        assert alternative.match(text, match.start()) is not None
        # No earlier alternative matches here: the regex tries them in order.
        for earlier in ALTERNATIVES[: matcher.alternative(match)]:
            regex = re.compile(START + "(?:" + earlier + ")" + END)
            assert regex.match(text, match.start()) is None


def test_a_pattern_starting_with_a_digit_is_not_tried_at_every_word():
    matcher = WordStartMatcher([r"\d+ weeks", r"late"], START, END)
    tried = matcher.keys()
    assert tried.get("lat") == (1,)
    assert tried.get("20") == (0,)
    assert tried.get("the") is None


def test_alternative_refuses_a_match_it_did_not_make():
    with pytest.raises(ValueError):
        WordStartMatcher.alternative(re.match(r"(?P<x>a)", "a"))


def test_sentiment_cues_are_found_as_their_regexes_find_them_in_our_comments():
    texts = [normalise(record["text"]) for record in load_corpus()[::10]]
    assert len(texts) > 3000
    assert all(FAST_TEXT_RE.fullmatch(text) for text in texts)

    def spans(found):
        return (
            [(m.span(), weight) for m, weight in found.negative],
            [(m.span(), weight) for m, weight in found.positive],
            found.sarcasm,
            found.suggestion,
        )

    for text in texts:
        assert spans(_find_cues(text, fast=True)) == spans(_find_cues(text, fast=False)), text
    # The texts hold every kind of cue, so each part was compared.
    assert any(_find_cues(text).sarcasm for text in texts)
    assert any(_find_cues(text).suggestion for text in texts)


def test_matchers_walked_together_find_what_each_finds_alone():
    matchers = [
        WordStartMatcher(ALTERNATIVES, START, END),
        WordStartMatcher([r"still", r"no one came", r"\d+"], START, END),
        WordStartMatcher([r"late(?:r|st)?", r"very"], START, ""),
    ]
    together = WordStartMatchers(matchers)
    for text in [
        "",
        "20 weeks late and still no plan",
        "no one came no one rang 3 times very late latest",
        "it is an absolute joke very  late later",
    ]:
        found = together.finditer(text)
        assert found is not None
        alone = [matcher.finditer(text) for matcher in matchers]
        assert [[m.span() for m in each] for each in found] == [
            [m.span() for m in each or []] for each in alone
        ]
