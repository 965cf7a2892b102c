"""Why the analyser suggested what it did: rule keywords, sentiment cues and the words."""

from feedback_app.analysis import RULES_ONLY, analyse, explain
from feedback_app.analysis.pipeline import _merged
from feedback_app.analysis.tokens import normalise

LATE_TAXI = "The taxi driver was late every single day this term and nobody rang to say why"


def _themes(text: str, themes: list[str] | tuple[str, ...], **kwargs):  # type: ignore[no-untyped-def]
    return explain(text, themes, None, **kwargs).themes


def test_each_suggested_theme_gets_its_keywords_and_words_from_the_comment():
    themes = analyse(LATE_TAXI).themes
    assert "transport" in themes
    reasons = {reason.slug: reason for reason in _themes(LATE_TAXI, themes)}
    assert list(reasons) == list(themes)
    transport = reasons["transport"]
    assert any(keyword.startswith("taxi") for keyword in transport.keywords)
    assert any("taxi" in phrase for phrase in transport.words)
    text = normalise(LATE_TAXI)
    for reason in reasons.values():
        assert all(phrase in text for phrase in reason.words)
        assert all("|" not in keyword for keyword in reason.keywords)  # weights left off


def test_rules_alone_give_keywords_and_no_learned_words():
    (reason,) = _themes(LATE_TAXI, ["transport"], learned=RULES_ONLY)
    assert reason.keywords and reason.words == ()


def test_words_are_only_those_that_push_towards_the_theme():
    # Nothing here is about transport: no keyword, and no word weighs for it.
    (reason,) = _themes("The SENCO has been brilliant with her", ["transport"])
    assert reason.keywords == ()
    assert not any("senco" in phrase for phrase in reason.words)


def test_an_empty_comment_has_nothing_to_explain():
    explanation = explain("", ["communication"], "neutral")
    (reason,) = explanation.themes
    assert (reason.keywords, reason.words) == ((), ())
    assert explanation.sentiment is not None and explanation.sentiment.cues == ()


def test_the_tone_is_explained_by_its_cues_and_words():
    text = "30 weeks and still no draft plan"
    tone = explain(text, [], analyse(text).sentiment).sentiment
    assert tone is not None and tone.label == "negative"
    assert "still no" in tone.cues and not tone.sarcasm
    assert all(phrase in normalise(text) for phrase in tone.words)


def test_sarcasm_is_named():
    tone = explain("Great, another form to fill in", [], "negative").sentiment
    assert tone is not None and tone.sarcasm


def test_no_tone_suggested_means_no_tone_explained():
    assert explain(LATE_TAXI, ["transport"], None).sentiment is None


def test_overlapping_and_touching_spans_become_one_phrase_in_text_order():
    assert _merged([(4, 5), (1, 2), (0, 2), (5, 7), (9, 10)]) == [(0, 2), (4, 7), (9, 10)]


def test_a_negated_praise_cue_is_shown_with_its_negator():
    tone = explain("The refusal to assess was not explained", [], "negative").sentiment
    assert tone is not None and "not explained" in tone.cues
