"""Financial years and quarters (SPEC §2)."""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app.services.periods import (
    FinancialYear,
    PeriodError,
    Quarter,
    parse_period,
    parse_quarter,
    parse_year,
    quarter_of,
    quarters_between,
    year_of,
)


def test_parse_year_gives_april_to_march():
    year = parse_year("2023-24")
    assert (year.start, year.end, year.end_exclusive) == (
        date(2023, 4, 1),
        date(2024, 3, 31),
        date(2024, 4, 1),
    )
    assert year.label == "2023-24" and year.name == "2023/24"


def test_century_turn_label():
    assert FinancialYear(2099).label == "2099-00"
    assert parse_year("2099-00").start == date(2099, 4, 1)


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2023-24-Q1", date(2023, 4, 1), date(2023, 6, 30)),
        ("2023-24-Q2", date(2023, 7, 1), date(2023, 9, 30)),
        ("2023-24-Q3", date(2023, 10, 1), date(2023, 12, 31)),
        ("2023-24-Q4", date(2024, 1, 1), date(2024, 3, 31)),
        ("2022-23-Q4", date(2023, 1, 1), date(2023, 3, 31)),
    ],
)
def test_quarter_ranges(label, start, end):
    quarter = parse_quarter(label)
    assert (quarter.start, quarter.end) == (start, end)
    assert quarter.label == label
    assert quarter.contains(start) and quarter.contains(end)
    assert not quarter.contains(end.replace(day=end.day) if False else quarter.end_exclusive)


@pytest.mark.parametrize("bad", ["2023-25", "2023", "23-24", "2023-24-Q5", "2023-24-Q0", "x", ""])
def test_bad_labels_are_refused(bad):
    with pytest.raises(PeriodError):
        parse_period(bad)


def test_previous_and_next_cross_years():
    assert parse_quarter("2023-24-Q1").previous().label == "2022-23-Q4"
    assert parse_quarter("2022-23-Q4").next().label == "2023-24-Q1"
    assert parse_year("2023-24").previous().label == "2022-23"


@pytest.mark.parametrize(
    ("day", "quarter", "year"),
    [
        (date(2023, 3, 31), "2022-23-Q4", "2022-23"),
        (date(2023, 4, 1), "2023-24-Q1", "2023-24"),
        (date(2023, 6, 30), "2023-24-Q1", "2023-24"),
        (date(2023, 7, 1), "2023-24-Q2", "2023-24"),
        (date(2023, 12, 31), "2023-24-Q3", "2023-24"),
        (date(2024, 1, 1), "2023-24-Q4", "2023-24"),
    ],
)
def test_label_for_a_date(day, quarter, year):
    assert quarter_of(day).label == quarter
    assert year_of(day).label == year


def test_quarters_between_and_year_quarters():
    quarters = quarters_between(Quarter(2022, 4), Quarter(2023, 2))
    assert [q.label for q in quarters] == ["2022-23-Q4", "2023-24-Q1", "2023-24-Q2"]
    assert [q.label for q in FinancialYear(2023).quarters][-1] == "2023-24-Q4"
    assert parse_period("2023-24-q1".upper()).label == "2023-24-Q1"


def test_quarter_names_match_the_seeds():
    assert parse_quarter("2022-23-Q4").name == "Q4 2022/23"
    assert parse_quarter("2023-24-Q1").months == "April to June 2023"


@pytest.mark.parametrize(
    "bad",
    [
        "9999-00",
        "9999-00-Q4",
        "0000-01",
        "0000-01-Q1",
        "0001-02",
        "1999-00",
        "1999-00-Q2",
        "2100-01",
        "2100-01-Q1",
    ],
)
def test_years_outside_the_range_are_refused_like_other_bad_labels(bad):
    with pytest.raises(PeriodError) as raised:
        parse_period(bad)
    message = str(raised.value)
    assert repr(bad) in message  # the label as typed, not '0-01'
    assert "2000-01" in message and "2099-00" in message


def test_the_first_and_last_years_in_the_range_parse_and_have_dates():
    first, last = parse_period("2000-01-Q1"), parse_period("2099-00-Q4")
    assert first.start == date(2000, 4, 1)
    assert last.end == date(2100, 3, 31)
    assert last.next().start == date(2100, 4, 1)
    assert parse_year("2000-01").previous().start == date(1999, 4, 1)
    assert parse_year("2099-00").next().end == date(2101, 3, 31)
