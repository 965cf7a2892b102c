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
