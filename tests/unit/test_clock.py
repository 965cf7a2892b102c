"""Dates are the UK's: a server on UTC must not date things a day early in summer."""

from __future__ import annotations

from datetime import UTC, date, datetime

from feedback_app import clock
from feedback_app.templating import format_date


def test_half_past_midnight_in_summer_is_the_uk_date_not_utcs():
    moment = datetime(2025, 6, 30, 23, 30, tzinfo=UTC)  # 00:30 BST on 1 July
    assert clock.in_uk(moment).date() == date(2025, 7, 1)
    assert format_date(moment) == "1 July 2025"
    # In winter the UK keeps UTC.
    assert clock.in_uk(datetime(2025, 1, 31, 23, 30, tzinfo=UTC)).date() == date(2025, 1, 31)


def test_a_time_stored_without_a_zone_is_read_as_utc():
    assert clock.in_uk(datetime(2025, 3, 31, 23, 30)).date() == date(2025, 4, 1)


def test_dates_are_shown_as_they_are():
    assert format_date(date(2024, 4, 1)) == "1 April 2024"


def test_today_is_the_date_in_london(monkeypatch):
    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return datetime(2024, 3, 31, 23, 30, tzinfo=UTC).astimezone(tz)

    monkeypatch.setattr(clock, "datetime", Frozen)
    # 31 March 23:30 UTC is 00:30 on 1 April in BST (clocks went forward on 31 March 2024):
    # a new financial year in the UK, still the old one in UTC.
    assert clock.today() == date(2024, 4, 1)
