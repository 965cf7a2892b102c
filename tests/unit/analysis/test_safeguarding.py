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


# Each kind of disclosure the rules once missed, worded afresh so that the test checks the
# idea and not one sentence.
@pytest.mark.parametrize(
    "text",
    [
        # Self-harm in the first person, with no object after "cutting".
        "I've started cutting again since we moved house",
        "she's been cutting, I found plasters in the bin",
        # Suicidal ideation said indirectly.
        "Last night he told me he keeps thinking about ending things",
        "my son says we would all be happier if he wasn't around",
        "Most days I can't see the point in any of it",
        "she says she feels like a burden to everyone",
        "she said she wants to go to sleep forever",
        # Abuse of a child named by relation rather than by pronoun.
        "My partner has been slapping our autistic daughter",
        "his stepdad punches our eldest when he's drunk",
        # Sexual touching by anyone, and the secrecy around it.
        "A man at the youth club touches my son's legs",
        "an older pupil keeps touching her on the coach and says it's their little secret",
        # Left alone or set down unsupervised by transport.
        "The escort left him strapped in alone at the depot over lunch",
        "She was left sitting in the minibus outside school for an hour",
        "The taxi dropped Noor at the back entrance before any staff were there to meet her",
        "the driver drove off with her still on the bus and nobody noticed she had gone",
        # Unsafe transport.
        "He unclipped his belt and stood up on the dual carriageway",
        "The driver was texting on his phone while he was driving",
        "Her wheelchair was not strapped down and it tipped over on a bend",
        "He opened the door while the taxi was moving",
        # Adults in charge who cannot manage a medical emergency.
        "The new escort doesn't know he has epilepsy",
        "Nobody on the minibus is trained to give her rescue medication",
        "She had an allergic reaction on the way home",
        # Harm at school and physical bullying.
        "Some older boys keep shoving him against the lockers",
        "I get bullied every day at lunch and nobody helps",
        "He came home covered in scratches again",
        "I honestly don't think she is safe at that school",
        # Eating disorders.
        "She's lost so much weight and is making herself sick after tea",
        "He has barely eaten for a week",
        # A carer who cannot keep the child, or themselves, safe.
        "I'm scared I'll lose my temper and hurt him",
        "I can't manage him on my own any more and he keeps running into the road",
        "I am terrified something will happen to the baby",
        "We have had no help for a year. I'm frightened.",
        # A young carer with nothing to eat.
        "I have to look after my little sister because there is nothing to eat",
    ],
)
def test_newly_covered_disclosures_are_flagged(text):
    assert flagged(text)


# Near misses: the same words used about the process, the paperwork or a preference.
@pytest.mark.parametrize(
    "text",
    [
        "this whole process nearly killed me",
        "Our placement is at risk because the funding ran out",
        "He kicks the seat in front when he's bored",
        "The post keeps going missing so please email me",
        "He can't be left alone for a minute, which is why we need respite",
        "Half the trips she can't go on because there is no ramp",
        "I was scared to tell the SENCO I disagreed with the plan",
        "They pushed us into mediation we didn't want",
        "The driver drops him at the gate and staff meet him there",
        "He left his coat on the bus again",
        "I left three voicemails and nobody answered",
        "I lost weight worrying about the tribunal but we won",
        "The escort is trained in his epilepsy rescue medication",
        "She travels alone on the bus to college now and loves it",
        "We talked about ending the placement at the review",
        "The SENCO is spread very thin across three schools",
        "They keep hitting us with new forms",
        "I don't see the point of these reviews",
        "She doesn't want to live in residential, she wants to stay at home",
        "I'm terrified about the tribunal",
        "Her kindness really touched me",
        "He wanders off topic in meetings",
        "We have been kicking ourselves for not appealing sooner",
        "It would be easier without him there, they said",
        "The caseworker never made us feel like a burden",
        "He doesn't eat school dinners so we send a packed lunch",
        "kill me now, the portal has crashed again",
        "She was left waiting at the gate with her teacher because the taxi was late",
        "He didn't know where he was going for secondary until June",
        "I lost my temper with the caseworker and apologised afterwards",
    ],
)
def test_near_misses_are_not_flagged(text):
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
    "the escort left noor strapped in alone at the depot and drove off before anyone came",
    "he was left sitting on the bus and nobody noticed he had gone",
    "she unclipped her belt on the m6 while the minibus was moving",
    "my partner hits our autistic son and touches my daughter's legs",
    "we left on the bus but he left his coat on the bus",
    "this process nearly killed me and the post keeps going missing",
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
