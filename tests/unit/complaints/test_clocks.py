"""Working days: weekends and bank holidays in England excluded (SPEC §7)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from feedback_app.services.clocks import (
    add_working_days,
    describe_days_left,
    is_working_day,
    urgency_colour,
    working_days_between,
)


def test_coronation_bank_holiday_8_may_2023_is_not_a_working_day():
    assert not is_working_day(date(2023, 5, 8))
    assert is_working_day(date(2023, 5, 9))
    # Thursday 4 May + 5 working days: Fri 5, (weekend), (Mon 8 coronation), Tue 9 … Fri 12.
    assert add_working_days(date(2023, 5, 4), 5) == date(2023, 5, 12)


def test_easter_2023():
    # Thursday 6 April: Good Friday 7 and Easter Monday 10 April are bank holidays.
    assert add_working_days(date(2023, 4, 6), 1) == date(2023, 4, 11)
    assert add_working_days(date(2023, 4, 6), 5) == date(2023, 4, 17)


def test_christmas_2022_with_substitute_day():
    # Christmas Day fell on a Sunday: 26 and 27 December were both bank holidays,
    # then 2 January 2023 (New Year's Day substitute).
    assert add_working_days(date(2022, 12, 23), 1) == date(2022, 12, 28)
    # 28, 29, 30 December, (Mon 2 January holiday), 3, 4 January.
    assert add_working_days(date(2022, 12, 23), 5) == date(2023, 1, 4)


def test_christmas_2023():
    # Friday 22 December 2023: 25, 26 December and 1 January are holidays.
    # 27, 28, 29 December, 2, 3 January; then 4, 5, 8, 9, 10 January.
    assert add_working_days(date(2023, 12, 22), 5) == date(2024, 1, 3)
    assert add_working_days(date(2023, 12, 22), 10) == date(2024, 1, 10)


def test_weekends():
    assert add_working_days(date(2023, 6, 2), 1) == date(2023, 6, 5)  # Friday → Monday
    assert add_working_days(date(2023, 6, 3), 1) == date(2023, 6, 5)  # from a Saturday
    assert add_working_days(date(2023, 6, 5), 0) == date(2023, 6, 5)


@pytest.mark.parametrize(
    "start", [date(2022, 12, 20) + timedelta(days=i) for i in range(0, 160, 7)]
)
@pytest.mark.parametrize("days", [1, 5, 10, 20])
def test_between_inverts_add(start, days):
    assert working_days_between(start, add_working_days(start, days)) == days


def test_negative_between_and_backwards():
    assert working_days_between(date(2023, 5, 12), date(2023, 5, 4)) == -5
    assert add_working_days(date(2023, 5, 12), -5) == date(2023, 5, 4)


def test_describe_in_words():
    due = date(2023, 5, 12)
    assert describe_days_left(due, date(2023, 5, 9)) == "3 working days left"
    assert describe_days_left(due, date(2023, 5, 11)) == "1 working day left"
    assert describe_days_left(due, due) == "Due today"
    assert describe_days_left(due, date(2023, 5, 16)) == "2 working days overdue"
    assert urgency_colour(due, date(2023, 5, 16)) == "red"
    assert urgency_colour(due, date(2023, 5, 10)) == "orange"
    assert urgency_colour(due, date(2023, 5, 1)) == "blue"


def test_counting_by_whole_weeks_agrees_with_walking_day_by_day():
    import random
    from datetime import timedelta

    from feedback_app.services.clocks import is_working_day, working_days_between

    def walk(start, end):
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += is_working_day(day)
        return count

    rng = random.Random(7)
    for _ in range(500):
        start = date(2021, 1, 1) + timedelta(days=rng.randrange(2000))
        end = start + timedelta(days=rng.randrange(0, 800))
        assert working_days_between(start, end) == walk(start, end)
        assert working_days_between(end, start) == -walk(start, end)
