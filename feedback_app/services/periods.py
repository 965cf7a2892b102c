"""Reporting periods (SPEC §2): UK financial years and their quarters.

A financial year runs 1 April to 31 March and is labelled ``2023-24``; its
quarters are ``2023-24-Q1`` (April–June) to ``2023-24-Q4`` (January–March).
Every report, the complaints officer's and the findings pages alike, turns a
label into a date range here, so that a quarter boundary means the same thing
everywhere. A label's second part names its century only by the first, so labels
are read for the years ``2000-01`` to ``2099-00``; anything outside is refused like
any other malformed label. Pure functions: no Flask, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

_YEAR = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-(\d{2})-Q([1-4])$")
#: The first and last financial years a label may name (2000-01 and 2099-00). Outside them
#: a label is a typing slip, and its dates (year 0, year 10000) do not exist.
FIRST_START_YEAR = 2000
LAST_START_YEAR = 2099
_QUARTER_MONTHS = {
    1: "April to June",
    2: "July to September",
    3: "October to December",
    4: "January to March",
}


class PeriodError(ValueError):
    """A period label that does not follow SPEC §2; the message says what is expected."""


@dataclass(frozen=True, order=True)
class FinancialYear:
    """The financial year that starts on 1 April of ``start_year``."""

    start_year: int

    @property
    def label(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        """The last day of the year (inclusive): 31 March."""
        return date(self.start_year + 1, 3, 31)

    @property
    def end_exclusive(self) -> date:
        return date(self.start_year + 1, 4, 1)

    @property
    def quarters(self) -> list[Quarter]:
        return [Quarter(self.start_year, number) for number in (1, 2, 3, 4)]

    @property
    def name(self) -> str:
        """The year as people write it in reports, e.g. 2023/24."""
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def full_name(self) -> str:
        """The year with its months, as a list shows it: 2023/24 (April 2023 to March 2024)."""
        return f"{self.name} (April {self.start_year} to March {self.start_year + 1})"

    def previous(self) -> FinancialYear:
        return FinancialYear(self.start_year - 1)

    def next(self) -> FinancialYear:
        return FinancialYear(self.start_year + 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, order=True)
class Quarter:
    """Quarter ``number`` (1–4) of the financial year starting in ``start_year``."""

    start_year: int
    number: int

    def __post_init__(self) -> None:
        if self.number not in (1, 2, 3, 4):
            raise PeriodError("A quarter number is 1, 2, 3 or 4")

    @property
    def year(self) -> FinancialYear:
        return FinancialYear(self.start_year)

    @property
    def label(self) -> str:
        return f"{self.year.label}-Q{self.number}"

    @property
    def name(self) -> str:
        """The quarter as the seeds write it, e.g. Q1 2023/24."""
        return f"Q{self.number} {self.year.name}"

    @property
    def months(self) -> str:
        return f"{_QUARTER_MONTHS[self.number]} {self.start.year}"

    @property
    def full_name(self) -> str:
        """The quarter with its months, as a list shows it: Q1 2023/24 (April to June 2023)."""
        return f"{self.name} ({self.months})"

    @property
    def start(self) -> date:
        month = 4 + 3 * (self.number - 1)
        if month > 12:
            return date(self.start_year + 1, month - 12, 1)
        return date(self.start_year, month, 1)

    @property
    def end_exclusive(self) -> date:
        return self.next().start

    @property
    def end(self) -> date:
        """The last day of the quarter (inclusive)."""
        return self.end_exclusive - timedelta(days=1)

    def previous(self) -> Quarter:
        if self.number == 1:
            return Quarter(self.start_year - 1, 4)
        return Quarter(self.start_year, self.number - 1)

    def next(self) -> Quarter:
        if self.number == 4:
            return Quarter(self.start_year + 1, 1)
        return Quarter(self.start_year, self.number + 1)

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end_exclusive

    def __str__(self) -> str:
        return self.label


Period = FinancialYear | Quarter


def _start_year(first: str, second: str, label: str, kind: str = "financial year") -> int:
    start = int(first)
    if not FIRST_START_YEAR <= start <= LAST_START_YEAR:
        raise PeriodError(
            f"{label!r} is not a {kind}: the year must be from"
            f" {FinancialYear(FIRST_START_YEAR).label} to {FinancialYear(LAST_START_YEAR).label}"
        )
    if (start + 1) % 100 != int(second):
        raise PeriodError(
            f"{label!r} is not a {kind}: the second part must be the year after the first,"
            f" like {start}-{(start + 1) % 100:02d}"
        )
    return start


def parse_year(label: str) -> FinancialYear:
    """Parse ``2023-24`` into a financial year."""
    match = _YEAR.match(label.strip())
    if not match:
        raise PeriodError(f"{label!r} is not a financial year: use the form 2023-24")
    return FinancialYear(_start_year(match.group(1), match.group(2), label))


def parse_quarter(label: str) -> Quarter:
    """Parse ``2023-24-Q1`` into a quarter."""
    match = _QUARTER.match(label.strip())
    if not match:
        raise PeriodError(f"{label!r} is not a quarter: use the form 2023-24-Q1")
    start = _start_year(match.group(1), match.group(2), label, "quarter")
    return Quarter(start, int(match.group(3)))


def parse_period(label: str) -> Period:
    """Parse either a financial year or a quarter label."""
    return parse_quarter(label) if "-Q" in label.upper() else parse_year(label)


def year_of(day: date) -> FinancialYear:
    """The financial year a date falls in (1 April starts a new one)."""
    return FinancialYear(day.year if day.month >= 4 else day.year - 1)


def quarter_of(day: date) -> Quarter:
    """The quarter a date falls in."""
    year = year_of(day)
    months_in = (day.month - 4) % 12
    return Quarter(year.start_year, months_in // 3 + 1)


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from ``first`` to ``last`` inclusive, oldest first."""
    quarters: list[Quarter] = []
    current = first
    while current <= last:
        quarters.append(current)
        current = current.next()
    return quarters


def previous_period(period: Period) -> Period:
    """The period before: the previous quarter of a quarter, the previous year of a year."""
    return period.previous()


def recency(label: str) -> tuple[int, int]:
    """A sort key that puts the most recent period last: its last day, then its length.

    A quarter that ends after a year is newer than it; a year's first quarters are older
    than the year. A year and its fourth quarter end on the same day, and the year, which
    covers the quarter and more, counts as the more recent. Text order would put
    ``2023-24-Q1`` after ``2023-24``. A label that does not parse sorts as the oldest.
    """
    try:
        period = parse_period(label)
    except PeriodError:
        return (0, 0)
    return (period.end.toordinal(), (period.end - period.start).days)


def newest_first(labels: Iterable[str]) -> list[str]:
    """Period labels, the most recent first (see :func:`recency`)."""
    return sorted(labels, key=recency, reverse=True)


def full_name(label: str) -> str:
    """A label as a list of periods shows it, like "Q1 2023/24 (April to June 2023)"; a
    label that does not parse is shown as it is."""
    try:
        return parse_period(label).full_name
    except PeriodError:
        return label
