"""Periods in order of how recent they are, and their names in a list."""

from __future__ import annotations

from feedback_app.services.periods import full_name, newest_first, recency


def test_periods_are_ordered_by_their_dates_not_their_labels() -> None:
    labels = ["2023-24-Q1", "2022-23", "2023-24", "2024-25-Q1", "2023-24-Q4", "2022-23-Q4"]
    # As text, "2024-25-Q1" > "2023-24-Q4" > "2023-24-Q1" > "2023-24": the year came last.
    assert newest_first(labels) == [
        "2024-25-Q1",  # ends June 2024, after the year
        "2023-24",  # ends 31 March 2024, with its fourth quarter, and covers more
        "2023-24-Q4",
        "2023-24-Q1",
        "2022-23",
        "2022-23-Q4",
    ]


def test_a_label_that_does_not_parse_is_the_oldest() -> None:
    assert recency("not a period") < recency("2000-01-Q1")
    assert newest_first(["junk", "2000-01"]) == ["2000-01", "junk"]


def test_full_names_say_the_months() -> None:
    assert full_name("2023-24") == "2023/24 (April 2023 to March 2024)"
    assert full_name("2023-24-Q1") == "Q1 2023/24 (April to June 2023)"
    assert full_name("2023-24-Q4") == "Q4 2023/24 (January to March 2024)"
    assert full_name("junk") == "junk"
