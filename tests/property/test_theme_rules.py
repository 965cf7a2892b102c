"""Whatever an admin types as a theme's rules, checking and using them never fails, and
the check suggests exactly the themes analysis would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from feedback_app.analysis import (
    DEFAULT_THEME_RULES,
    RULES_ONLY,
    ThemeRule,
    analyse,
    parse_keywords,
    suggest_themes,
)

PIECES = st.sampled_from(
    ["taxi", "late*", "*", "|", "| 0.5", "| -2", "|x", "co-production", "’s", "#", "é", " ", "\t"]
)
LINES = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=5).map("".join)
RULES_TEXT = st.lists(LINES, max_size=8).map("\n".join)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["The taxi was late again", "co-production of the plan", "Zoë’s taxi"]),
)


@settings(deadline=None, max_examples=150)  # the first example loads the shipped model
@given(rules_text=RULES_TEXT, text=TEXTS)
def test_any_rules_can_be_checked_and_agree_with_analysis(rules_text, text):
    proposed = [rule for rule in DEFAULT_THEME_RULES if rule.slug != "transport"] + [
        ThemeRule(
            slug="transport", name="Transport", description="", keywords=parse_keywords(rules_text)
        )
    ]
    for learned in (None, RULES_ONLY):
        now, after = suggest_themes(text, [DEFAULT_THEME_RULES, proposed], learned)
        assert now == analyse(text, learned=learned).themes
        assert after == analyse(text, theme_rules=proposed, learned=learned).themes
