"""Whole percents and changes are rounded once, halves up, from the counts."""

from __future__ import annotations

import pytest

from feedback_app.findings import display
from feedback_app.services.suppression import whole_change, whole_percent


@pytest.mark.parametrize(
    ("count", "base", "expected"),
    [
        (7, 52, 13),  # 13.46%: rounding 13.5 again would give 14
        (45, 52, 87),  # 86.54%
        (8, 39, 21),  # 20.51%: round(20.5) in Python gives 20
        (1, 8, 13),  # exactly 12.5%: halves go up
        (1, 40, 3),  # exactly 2.5%
        (0, 9, 0),
        (9, 9, 100),
    ],
)
def test_whole_percent_rounds_once_half_up(count: int, base: int, expected: int) -> None:
    assert whole_percent(count, base) == expected


def test_whole_change_rounds_the_exact_difference() -> None:
    # 11 of 41 (26.83%) against 3 of 21 (14.29%): 12.54 points, so up 13, not 12.
    assert whole_change(11, 41, 3, 21) == 13
    assert whole_change(3, 21, 11, 41) == -13
    # Exactly half a point either way rounds away from zero.
    assert whole_change(1, 8, 1, 10) == 3  # 12.5 - 10 = 2.5
    assert whole_change(1, 10, 1, 8) == -3
    assert whole_change(5, 10, 1, 2) == 0


def test_share_uses_the_counts_and_falls_back_to_the_stored_percent() -> None:
    row = {"base": 52, "positive": 7, "negative": 45, "percent_positive": 13.5}
    assert display.share(row, "positive") == "13%"
    assert display.share(row, "negative") == "87%"
    # Published before counts were kept: the stored one-decimal figure, halves up.
    assert display.share({"percent_positive": 20.5}, "positive") == "21%"
    assert display.share({"base": 52, "positive": None, "percent_positive": None}, "positive") == (
        "not shown"
    )


def test_change_in_uses_both_periods_counts() -> None:
    row = {
        "base": 41,
        "positive": 11,
        "previous_base": 21,
        "previous_positive": 3,
        "change_positive": 12.5,
    }
    assert display.change_in(row, "positive") == "up 13 points"
    assert display.change_in({"change_positive": -12.5}, "positive") == "down 13 points"
    assert display.change_in({"change_positive": None}, "positive") == "no comparison"
    assert display.change_in({"change_positive": 0.4}, "positive") == "no change"
