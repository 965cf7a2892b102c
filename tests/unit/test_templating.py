"""Template filters write dates and counts the GOV.UK way."""

from datetime import date

from feedback_app.templating import format_count, format_date


def test_counts_have_a_comma_between_thousands():
    assert [format_count(n) for n in (0, 999, 1000, 300000, 1234567)] == [
        "0",
        "999",
        "1,000",
        "300,000",
        "1,234,567",
    ]


def test_dates_are_day_month_year_without_a_leading_zero():
    assert format_date(date(2024, 4, 1)) == "1 April 2024"
    assert format_date(None) == ""
