"""Working-day arithmetic for complaint clocks (SPEC §7).

Working days exclude Saturdays, Sundays and bank holidays in England, taken from
the ``holidays`` package (so one-off days such as the coronation bank holiday on
8 May 2023 come with a package update, not a hand-made list). Day 0 is the day
a complaint arrives: "within 5 working days" means by the fifth working day
after it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=[year])
    return frozenset(calendar.keys())


def is_bank_holiday(day: date) -> bool:
    """Say whether ``day`` is a bank holiday in England."""
    return day in _bank_holidays(day.year)


def is_working_day(day: date) -> bool:
    """Say whether ``day`` is a weekday that is not a bank holiday in England."""
    return day.weekday() < 5 and not is_bank_holiday(day)


def add_working_days(start: date, days: int) -> date:
    """Return the date ``days`` working days after ``start`` (``start`` itself never counts).

    With ``days`` 0 the result is ``start`` itself; negative counts go backwards.
    """
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    day = start
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Count working days after ``start`` up to and including ``end``; negative if end < start.

    ``working_days_between(d, add_working_days(d, n)) == n`` for every n.
    """
    if end == start:
        return 0
    if end < start:
        return -working_days_between(end, start)
    # Whole weeks hold five weekdays each; only the last partial week is walked day by
    # day, so years-overdue actions cost no more to describe than fresh ones.
    days = (end - start).days
    count = 5 * (days // 7)
    day = start + timedelta(days=7 * (days // 7))
    while day < end:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count += 1
    holidays_in_range = sum(
        1
        for year in range(start.year, end.year + 1)
        for holiday in _bank_holidays(year)
        if start < holiday <= end and holiday.weekday() < 5
    )
    return count - holidays_in_range


def describe_days_left(due: date, today: date) -> str:
    """Say the time left in words: "3 working days left", "Due today", "2 working days overdue"."""
    left = working_days_between(today, due)
    if due == today or (left == 0 and due > today):
        return "Due today"
    if left == 0:
        # due fell on a weekend or holiday just gone: overdue by part of a day
        return "Overdue"
    if left > 0:
        return f"{left} working day{'s' if left != 1 else ''} left"
    overdue = -left
    return f"{overdue} working day{'s' if overdue != 1 else ''} overdue"


def urgency_colour(due: date | None, today: date) -> str:
    """The govuk-tag colour for a deadline: red overdue, orange within 2 days, else blue."""
    if due is None:
        return "grey"
    if due < today:
        return "red"
    if working_days_between(today, due) <= 2:
        return "orange"
    return "blue"
