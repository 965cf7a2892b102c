"""Safeguarding: recall first, idioms never flagged."""

import pytest

from feedback_app.analysis import RULES_ONLY, analyse


def flagged(text: str) -> bool:
    return analyse(text, learned=RULES_ONLY).safeguarding


@pytest.mark.parametrize(
    "text",
    [
        "He has started cutting himself",
        "my daughter is self harming again",
        "she says she wants to die",
        "ds says he wants to kms",
        "I dont want to be here anymore",
        "Her dad hits her when he drinks",
        "I'm scared to go home",
        "The school restrained him and he has bruises",
        "he went missing overnight and the police found him",
        "Older men are giving her money and lifts",
        "I think he is being groomed online",
        "There is no food in the house and the kids go hungry",
        "staff locked him in a room on his own",
        "she doesn't feel safe at home",
        "He talks about jumping in front of a train",
        "I've started drinking most nights to get through and worry about looking after the kids",
        "Her pad wasn't changed all day and she came home with sore skin",
        "The TA grabs him by the hood and there's a red mark on his neck",
    ],
)
def test_disclosures_are_flagged(text):
    result = analyse(text, learned=RULES_ONLY)
    assert result.safeguarding
    assert result.safeguarding_phrases
    assert result.sentiment == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "this process is killing me",
        "I could kill for a reply",
        "dying to hear what panel decided",
        "it has been a total nightmare",
        "sick of waiting",
        "He kicked off at school because they took his ear defenders",
        "We hit a brick wall with the council",
        "Section F is missing from the draft plan",
        "The deadline was missed again",
        "they cut his hours without asking",
        "The plan is at risk of being ceased",
        "",
        "🙂",
    ],
)
def test_idioms_and_ordinary_complaints_are_not_flagged(text):
    assert not flagged(text)


def test_phrases_are_reported():
    result = analyse("He said he wants to kill himself", learned=RULES_ONLY)
    assert "kill himself" in result.safeguarding_phrases


def test_disclosure_inside_long_text():
    text = "The plan was late. " * 600 + "He has been hurting himself."
    assert flagged(text)


# The word-by-word matcher must find exactly what the single big regexes find.
MATCHER_TEXTS = [
    "",
    " ",
    "he hit him",
    "he  hit him",
    " he hit him ",
    "this process is killing me but he said he would kill himself",
    "my son is self harming and said he wants to die",
    "the kids were left home alone and went missing from home",
    "the plan went missing and the file went missing from the file",
    "kms dv self harm unsafe un safe not safe to assume in danger of",
    "we can't cope any more i'm not coping at a e last night",
    "she scratches her arms until it bleeds",
    "hit and miss dying to hear sick of waiting",
]


@pytest.mark.parametrize("text", MATCHER_TEXTS)
def test_word_start_matchers_agree_with_the_regexes(text):
    from feedback_app.analysis import safeguarding as sg

    assert sg._without_idioms(text, True) == sg._IDIOM_RE.sub(" ", text)
    cleaned = sg._IDIOM_RE.sub(" ", text)
    assert sg._may_disclose(cleaned, True) == (sg._ANY_RE.search(cleaned) is not None)
    spans = sg._ANY_MATCHER.finditer(cleaned)
    assert spans is not None
    assert [m.span() for m in spans] == [m.span() for m in sg._ANY_RE.finditer(cleaned)]


@pytest.mark.parametrize(
    "text", ["He said he WANTS TO DIE.", "killing me - he hit him!", "self-harm", "x  kms"]
)
def test_text_that_is_not_normalised_gets_the_same_answer(text):
    from feedback_app.analysis import safeguarding as sg

    cleaned = sg._IDIOM_RE.sub(" ", text)
    expected: dict[str, str] = {}
    for kind, regex in sg._PATTERN_RES:
        for match in regex.finditer(cleaned):
            expected.setdefault(match.group(0), kind)
    assert sg.find_disclosures(text) == tuple((kind, phrase) for phrase, kind in expected.items())
