"""Sentiment: TextBlob plus domain cues, negation, sarcasm and question context."""

import pytest

from feedback_app.analysis import RULES_ONLY, analyse
from feedback_app.analysis.evaluation import textblob_baseline
from feedback_app.analysis.sentiment import textblob_polarity


def sentiment(text: str, question: str | None = None) -> str:
    return analyse(text, question=question, learned=RULES_ONLY).sentiment


@pytest.mark.parametrize(
    "text",
    [
        "30 weeks and still no draft plan",
        "still waiting for a reply",
        "chasing the caseworker every week since March",
        "Never once got a call back.",
        "thanks for nothing",
        "Great, another meeting cancelled.",
        "Oh brilliant, the plan has the wrong name in it again",
        "not helpful at all",
        "The staff were lovely but it took 44 weeks and we lost a year of his education.",
        "cant get hold of anyone its a joke",
    ],
)
def test_negative_comments(text):
    assert sentiment(text) == "negative"


def test_textblob_alone_misses_delay_language():
    # The reason the domain cues exist: TextBlob sees no sentiment words here.
    assert textblob_baseline("30 weeks and still no draft plan").sentiment == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "Our caseworker was brilliant and always rang back the same day. Thank you.",
        "There were a few delays but the caseworker kept us updated and we are so happy with "
        "the plan.",
        "Finally got the plan and it was worth the wait, everything we asked for is in there.",
        "cannot fault the team",
        "thank u so much 😊",
    ],
)
def test_positive_comments(text):
    assert sentiment(text) == "positive"


@pytest.mark.parametrize("text", ["", "n/a", "No comment.", "👍", "لا تعليق"])
def test_neutral_or_empty(text):
    assert sentiment(text) == "neutral"


def test_suggestion_is_not_praise():
    assert sentiment("It would be good to have a checklist of each stage.") == "neutral"


def test_question_context_leans_the_score():
    text = "The review meeting was held in school."
    better = analyse(text, question="could_be_better", learned=RULES_ONLY)
    well = analyse(text, question="went_well", learned=RULES_ONLY)
    assert better.polarity < well.polarity


def test_polarity_is_bounded_and_matches_label():
    for text in ["awful awful awful terrible disgusting " * 20, "amazing wonderful " * 50]:
        result = analyse(text, learned=RULES_ONLY)
        assert -1.0 <= result.polarity <= 1.0
        assert (result.polarity > 0) == (result.sentiment == "positive")


def _textblobs_own_polarity(text: str) -> float:
    """TextBlob's own scoring loop on our tokens, as textblob_polarity must reproduce it."""
    from textblob.en import sentiment as textblob_lexicon

    from feedback_app.analysis.sentiment import _TEXTBLOB_TOKEN_RE

    tokens = _TEXTBLOB_TOKEN_RE.findall(text.replace("’", "'"))
    found = textblob_lexicon.assessments(((t.lower(), None) for t in tokens), True)
    return float(sum(a[1] for a in found) / len(found)) if found else 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Really not very good at all!",
        "The caseworker was lovely, but the plan was awful :(",
        "It wasn't helpful and we never heard back",
        "brilliant!!! (!) 40 weeks n't good",
        "",
        "not a good start, not at all helpful",  # a negation kept across small words
        "really not good",  # a negation after an -ly modifier
        "very not good",  # ...and after another modifier
        "very very good!! extremely bad",  # modifiers in a row, "!" strengthening
        "Great :D xD <3 :P ;) 20 n't",  # emoticons, and tokens that are not plain words
        "never never NEVER happy",
    ],
)
def test_textblob_polarity_matches_textblobs_own_lexicon(text):
    # Our flattened copy of TextBlob's lexicon and scoring must score exactly as TextBlob.
    assert textblob_polarity(text) == _textblobs_own_polarity(text)


def test_textblob_polarity_matches_textblob_on_our_own_comments():
    from feedback_app.analysis.learning import load_corpus

    texts = [record["text"] for record in load_corpus()[::15]]
    assert len(texts) > 2000
    differ = [t for t in texts if textblob_polarity(t) != _textblobs_own_polarity(t)]
    assert differ == []
