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
        "the 7 year old was shut in a small room on his own, crying",
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


# Categories added for transport, medicine, online contact, threats from outside the home and
# second-language ideation; every sentence is written afresh, none copied from the data.
@pytest.mark.parametrize(
    "text",
    [
        # A driver or escort unfit to be in charge.
        "The new taxi driver reeked of beer when he collected my son this morning",
        "Twice the driver has nodded off at traffic lights with the children on board",
        "He vapes in the minibus with the kids in the back and my son has asthma",
        # Restraints missing, broken or forgotten on a journey.
        "The taxi has no car seat for my four year old so she rides with the adult belt",
        "Her harness keeps coming undone and nobody on the bus checks it",
        "They took out the booster seat and didn't replace it",
        "The driver made him get out and left him at the side of the road",
        # Left alone outdoors, or found by someone who was not responsible for the child.
        "My daughter was alone by the bus stop after dark for nearly an hour",
        "A dog walker found her by the reservoir, the school hadn't noticed she'd gone",
        "the bus took him to our previous house and nobody was in",
        "He sat in the wrong car park until a teacher noticed him, he could have wandered off"
        " anywhere",
        # An escort taken from a child whose condition can kill.
        "The escort was pulled from his route even though he needs suction for his trachy",
        # Medicine not given.
        "School keep forgetting to give him his midday tablets for his epilepsy",
        "Her epipen in the school office is out of date",
        "nurse won't administer his buccal so they ring me to come in",
        # Online contact of a sexual nature, or a stranger asking to meet.
        "a man she met on roblox wants to meet up with her",
        "someone on instagram keeps asking her to send him pictures",
        "a boy in year 11 keeps commenting about her body on group chats",
        "They said they'd share her photos unless she paid",
        # A parent or ex the family fears, at school or at home.
        "I'm terrified my ex will snatch the children from the playground",
        "there is a non molestation order but he still waits outside the school",
        # Ideation in second-language grammar.
        "some days i think maybe better for everyone if i am not alive",
        "my son say he want disappear, he say he tired of living",
        # Breaking point and a carer who cannot physically manage.
        "I honestly can't do this anymore",
        "He's bigger than me now and he punches me when he's upset",
        "I can't safely manage her on my own since she turned twelve",
        # Older pupils hurting a child on the way to school.
        "The big girls on the minibus pull her hair and kick her",
        # Harm no other group names.
        "he put his hands round my throat in front of the children",
        "He swallowed a button battery at school and nobody saw",
        "She keeps setting fires in her bedroom",
        "We've been sleeping in the car since the eviction",
        "he says if I tell anyone he will hurt my mum",
        "She's been giving away all her things to friends",
        "my 14 year old has a 22 year old boyfriend who picks her up from school",
        "The teacher wouldn't let her go to the toilet and she wet herself",
        "Last week he stopped breathing during a seizure in the taxi",
    ],
)
def test_transport_medicine_and_online_disclosures_are_flagged(text):
    assert flagged(text)


# Near misses for the categories above: the same words about letters, meetings and moods.
@pytest.mark.parametrize(
    "text",
    [
        "we were left in the dark about the decision for months",
        "the new school was found by our caseworker after a long search",
        "the draft was sent to our old address",
        "the plan is missing medication details",
        "The staff are working from an out of date care plan",
        "the caseworker texted and asked me to meet her at school",
        "someone from the council asked me to send the form again",
        "The council is completely unresponsive to emails",
        "Please stop breathing down my neck about forms",
        "the delay hung over us all summer",
        "we had to light a fire under the council",
        "I'm on the edge of my seat waiting for panel",
        "he had a panic attack on the way to the review",
        "I'm scared they'll take her placement away",
        "He loves playing fortnite and minecraft with his cousins",
        "The seatbelt extender was fitted straight away, thank you",
        "It's better if he's not here for the first part of the review",
        "We live on the same street as the school",
        "Her bedroom is her refuge from the noise",
    ],
)
def test_transport_medicine_and_online_near_misses_are_not_flagged(text):
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
    "the booster seat she's meant to have they keep forgetting to bring it",
    "the driver smelt of alcohol and drove off before anyone came with her still on board",
    "sometimes i think is better if i am not here and i can't do this anymore",
    "a man on snapchat asked her to meet him and the escort was removed despite her epilepsy",
]


@pytest.mark.parametrize("text", MATCHER_TEXTS)
def test_word_start_matchers_agree_with_the_regexes(text):
    from feedback_app.analysis import safeguarding as sg

    assert sg._without_idioms(text, True) == sg._IDIOM_RE.sub(" ", text)
    cleaned = sg._IDIOM_RE.sub(" ", text)
    assert sg._may_disclose(cleaned, True) == (sg._any_re().search(cleaned) is not None)
    spans = sg._ANY_MATCHER.finditer(cleaned)
    assert spans is not None
    assert [m.span() for m in spans] == [m.span() for m in sg._any_re().finditer(cleaned)]


@pytest.mark.parametrize(
    "text", ["He said he WANTS TO DIE.", "killing me - he hit him!", "self-harm", "x  kms"]
)
def test_text_that_is_not_normalised_gets_the_same_answer(text):
    from feedback_app.analysis import safeguarding as sg

    cleaned = sg._IDIOM_RE.sub(" ", text)
    expected: dict[str, str] = {}
    for kind, regex in sg._pattern_res().items():
        for match in regex.finditer(cleaned):
            expected.setdefault(match.group(0), kind)
    assert sg.find_disclosures(text) == tuple((kind, phrase) for phrase, kind in expected.items())
