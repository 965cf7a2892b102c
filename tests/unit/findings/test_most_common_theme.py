"""The sentence naming the most common theme is honest about ties and hidden themes."""

from __future__ import annotations

from feedback_app.findings.display import most_common


def _theme(name: str, count: int | None) -> dict[str, object]:
    return {"slug": name.lower(), "name": name, "count": count}


def test_one_theme_leads() -> None:
    themes = [_theme("Communication", 9), _theme("School places", 6)]
    assert most_common(themes) == "The most common theme was communication, in 9 comments."


def test_themes_that_tie_are_all_named() -> None:
    themes = [_theme("School places", 6), _theme("Delays", 6), _theme("Health", 5)]
    assert most_common(themes) == (
        "The most common themes were school places and delays, in 6 comments each."
    )
    three = [_theme("A", 6), _theme("B", 6), _theme("C", 6)]
    assert most_common(three) == "The most common themes were a, b and c, in 6 comments each."


def test_a_hidden_theme_could_be_bigger_so_the_sentence_says_so() -> None:
    # Communication's 7 is hidden; school places and delays tie at 6.
    themes = [_theme("School places", 6), _theme("Delays", 6), _theme("Communication", None)]
    assert most_common(themes) == (
        "Of the themes we can show, the most common were school places and delays, "
        "in 6 comments each."
    )
    alone = [_theme("School places", 6), _theme("Communication", None)]
    assert most_common(alone) == (
        "Of the themes we can show, the most common was school places, in 6 comments."
    )


def test_no_theme_shown_gives_no_sentence() -> None:
    assert most_common([_theme("Communication", None)]) == ""
    assert most_common([]) == ""
