"""Small-number suppression, primary and secondary, never lets a small count be worked out."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from feedback_app.services import suppression
from feedback_app.services.suppression import statement_figures, suppress_parts, theme_rows


def test_base_below_threshold_hides_everything() -> None:
    figures = statement_figures({"agree": 3, "disagree": 1, "not_applicable": 9}, 5)
    assert figures["suppressed"] is True
    assert all(
        figures[k] is None
        for k in ("base", "positive", "negative", "percent_positive", "percent_negative")
    )


def test_not_applicable_is_outside_the_base() -> None:
    figures = statement_figures(
        {
            "strongly_agree": 30,
            "agree": 21,
            "neither": 6,
            "disagree": 4,
            "strongly_disagree": 3,
            "not_applicable": 1,
        },
        5,
    )
    assert figures["base"] == 64
    assert figures["positive"] == 51
    assert figures["percent_positive"] == 79.7


def test_one_small_part_forces_a_second_to_be_hidden() -> None:
    # 54 agree, 4 neither, 5 disagree: hiding only "neither" leaves it as 63 - 54 - 5.
    figures = statement_figures({"agree": 54, "neither": 4, "disagree": 5}, 5)
    assert figures["neither"] is None
    assert figures["negative"] is None
    assert figures["positive"] == 54
    assert figures["suppressed"] is True


def test_hidden_parts_must_together_reach_the_threshold() -> None:
    hidden = suppress_parts({"a": 1, "b": 2, "c": 40, "d": 50}, 93, 5)
    assert {"a", "b"} <= hidden
    assert sum({"a": 1, "b": 2, "c": 40, "d": 50}[n] for n in hidden) >= 5


def test_zero_is_shown_when_nothing_is_small() -> None:
    figures = statement_figures({"agree": 10, "disagree": 7}, 5)
    assert figures["neither"] == 0
    assert figures["suppressed"] is False


def test_theme_sentiment_split_is_secondarily_suppressed() -> None:
    rows = theme_rows({"communication": {"negative": 20, "neutral": 2, "positive": 9}}, 5)
    row = rows[0]
    assert row["count"] == 31
    assert row["neutral"] is None
    hidden = [k for k in ("negative", "neutral", "positive") if row[k] is None]
    assert len(hidden) >= 2


def test_small_theme_is_hidden_entirely() -> None:
    rows = theme_rows({"transport": {"negative": 3}, "health": {"negative": 9}}, 5)
    small = next(r for r in rows if r["slug"] == "transport")
    assert small["count"] is None and small["negative"] is None
    assert rows[0]["slug"] == "health"  # shown themes first, hidden after


def _solutions(parts: dict[str, int], shown: dict[str, int | None], total: int, t: int) -> set:
    """Every assignment of hidden parts consistent with what is published."""
    hidden = [n for n, v in shown.items() if v is None]
    known = sum(v for v in shown.values() if v is not None)
    options = set()
    for values in itertools.product(range(total + 1), repeat=len(hidden)):
        if sum(values) == total - known:
            options.add(values)
    return options


@given(
    st.dictionaries(
        st.sampled_from(["a", "b", "c", "d"]), st.integers(min_value=0, max_value=12), min_size=2
    ),
    st.integers(min_value=2, max_value=6),
)
def test_no_small_count_can_be_worked_out_by_subtraction(parts: dict[str, int], t: int) -> None:
    total = sum(parts.values())
    shown = suppression.suppress_column(parts, total, t)
    if total < t:
        return
    for name, value in shown.items():
        if value is not None:
            assert not suppression.is_small(value, t), (parts, shown)
    hidden = [n for n, v in shown.items() if v is None]
    if hidden:
        # More than one consistent assignment means no single hidden value is pinned down.
        assert len(hidden) >= 2 or len(parts) == 1
        assert len(_solutions(parts, shown, total, t)) > 1, (parts, shown)
