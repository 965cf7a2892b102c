"""Why the analyser suggested a theme: rule keywords and the comment's own words."""

from feedback_app.analysis import RULES_ONLY, analyse, explain_themes
from feedback_app.analysis.pipeline import _merged
from feedback_app.analysis.tokens import normalise

LATE_TAXI = "The taxi driver was late every single day this term and nobody rang to say why"


def test_each_suggested_theme_gets_its_keywords_and_words_from_the_comment():
    themes = analyse(LATE_TAXI).themes
    assert "transport" in themes
    reasons = {reason.slug: reason for reason in explain_themes(LATE_TAXI, themes)}
    assert list(reasons) == list(themes)
    transport = reasons["transport"]
    assert any(keyword.startswith("taxi") for keyword in transport.keywords)
    assert any("taxi" in phrase for phrase in transport.words)
    text = normalise(LATE_TAXI)
    for reason in reasons.values():
        assert all(phrase in text for phrase in reason.words)
        assert all("|" not in keyword for keyword in reason.keywords)  # weights left off


def test_rules_alone_give_keywords_and_no_learned_words():
    (reason,) = explain_themes(LATE_TAXI, ["transport"], learned=RULES_ONLY)
    assert reason.keywords and reason.words == ()


def test_words_are_only_those_that_push_towards_the_theme():
    # Nothing here is about transport: no keyword, and no word weighs for it.
    (reason,) = explain_themes("The SENCO has been brilliant with her", ["transport"])
    assert reason.keywords == ()
    assert not any("senco" in phrase for phrase in reason.words)


def test_an_empty_comment_has_nothing_to_explain():
    (reason,) = explain_themes("", ["communication"])
    assert (reason.keywords, reason.words) == ((), ())


def test_overlapping_and_touching_spans_become_one_phrase_in_text_order():
    assert _merged([(4, 5), (1, 2), (0, 2), (5, 7), (9, 10)]) == [(0, 2), (4, 7), (9, 10)]
