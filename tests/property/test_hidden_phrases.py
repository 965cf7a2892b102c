"""Hiding words an analyst marked as personal data: for any text and any of its words,
the words are gone outside labels, the rest of the text is kept, and hiding is idempotent.
Explaining a suggestion never fails, and only ever quotes the comment's own words."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from feedback_app.analysis.redaction import HIDDEN_KINDS, hide_phrases, phrase_pattern

WORDS = st.sampled_from(
    ["Zayd", "name", "date", "of", "birth", "the", "taxi", "[name]", "[date of birth]", "late,"]
)
TEXTS = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
KINDS = st.sampled_from(sorted(HIDDEN_KINDS))
LABELS = re.compile(r"\[[^\[\]]*\]")


@given(text=TEXTS, data=st.data())
def test_hidden_words_are_gone_outside_labels_and_hiding_again_changes_nothing(text, data):
    words = [word for word in text.split() if word.strip("[],")]
    phrase = data.draw(st.sampled_from(words)).strip("[],") if words else "zayd"
    kind = data.draw(KINDS)
    hidden = hide_phrases(text, [(phrase, kind)])
    outside_labels = LABELS.sub(" ", hidden)
    assert not phrase_pattern(phrase).search(outside_labels)
    assert hide_phrases(hidden, [(phrase, kind)]) == hidden
    # The labels already in the text are all still there, in order, among the new ones.
    remaining = iter(LABELS.findall(hidden))
    assert all(label in remaining for label in LABELS.findall(text))


@settings(deadline=None)  # the first example loads the shipped model
@given(
    text=st.text(max_size=300),
    themes=st.lists(st.sampled_from(sorted(HIDDEN_KINDS) + ["transport", "health"]), max_size=3),
)
def test_explaining_any_text_never_fails_and_only_quotes_the_text(text, themes):
    from feedback_app.analysis import explain
    from feedback_app.analysis.tokens import normalise

    explanation = explain(text, themes, "negative")
    normalised = normalise(text)
    for reason in explanation.themes:
        assert all(phrase in normalised for phrase in reason.words)
    assert explanation.sentiment is not None
    assert all(phrase in normalised for phrase in explanation.sentiment.words)
