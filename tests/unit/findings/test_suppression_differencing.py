"""Suppression that knows what is published: no difference between releases is small."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from feedback_app.services.suppression import (
    Published,
    differencing_hides,
    is_small,
    statement_figures,
    suppress_column,
    suppress_parts,
    theme_rows,
)

KEY = "q.involved.positive"


def _hides(period: str, value: int, published: list[Published], threshold: int = 5) -> bool:
    unsafe, _ = differencing_hides(period, {KEY: value}, set(), published, threshold)
    return KEY in unsafe


def _quarters(*values: int | None, year: str = "2023-24") -> list[Published]:
    return [
        Published(f"{year}-Q{number}", {KEY: value}) for number, value in enumerate(values, start=1)
    ]


# --- a year and its quarters -------------------------------------------------------------


def test_a_year_minus_three_published_quarters_would_reveal_the_fourth() -> None:
    published = _quarters(10, 8, 6)  # Q4 not published: the year would give it away
    assert _hides("2023-24", 26, published)  # 26 - 24 = 2 people in Q4
    assert not _hides("2023-24", 29, published)  # 5 in Q4 is not a small number


def test_a_year_minus_one_quarter_would_reveal_the_rest_of_the_year() -> None:
    assert _hides("2023-24", 12, _quarters(9))  # 3 people from July to March


def test_a_hidden_quarter_is_no_help_to_subtract() -> None:
    # Q3's 3 is hidden, so the year (27) minus the shown quarters (24) gives Q3 + Q4.
    published = _quarters(10, 14, None, 0)
    assert _hides("2023-24", 27, published)
    assert not _hides("2023-24", 30, published)


def test_a_year_equal_to_its_published_quarters_is_safe() -> None:
    assert not _hides("2023-24", 24, _quarters(10, 8, 6, 0))
    assert not _hides("2023-24", 24, _quarters(10, 8, 6))  # so Q4 had no one: reveals no one


def test_a_quarter_against_a_published_year_and_its_other_quarters() -> None:
    published = [Published("2023-24", {KEY: 30}), *_quarters(8, 9)]
    assert _hides("2023-24-Q3", 10, published)  # 30 - 8 - 9 - 10 = 3 in Q4
    assert not _hides("2023-24-Q3", 8, published)  # 5 left for Q4
    # Against the year alone: 12 - 9 = 3 people in the other three quarters.
    assert _hides("2023-24-Q1", 9, [Published("2023-24", {KEY: 12})])


def test_other_years_and_other_surveys_periods_are_not_compared() -> None:
    published = [Published("2022-23", {KEY: 24}), *_quarters(22, year="2022-23")]
    assert not _hides("2023-24", 26, published)
    assert not _hides("2023-24-Q1", 26, published)


def test_a_theme_missing_from_a_whole_release_counts_as_none() -> None:
    counts = {"t.transport.count": 6}
    year = [
        Published("2023-24-Q1", {"t.transport.count": 6}),
        *(Published(f"2023-24-Q{n}", {"responses": 20}) for n in (2, 3, 4)),
    ]
    _, known = differencing_hides("2023-24", counts, {"t.transport.count"}, year, 5)
    assert known == {"t.transport.count"}  # 6 + 0 + 0 + 0
    partial = [year[0], *(Published(p.period, p.cells, complete=False) for p in year[1:])]
    _, known = differencing_hides("2023-24", counts, {"t.transport.count"}, partial, 5)
    assert known == set()  # a list of some themes says nothing about the others


def test_a_hidden_year_cell_is_known_when_all_four_quarters_show_it() -> None:
    _, known = differencing_hides("2023-24", {KEY: 6}, {KEY}, _quarters(6, 0, 0, 0), 5)
    assert known == {KEY}
    _, known = differencing_hides("2023-24", {KEY: 6}, {KEY}, _quarters(6, 0, None, 0), 5)
    assert known == set()


def test_a_hidden_quarter_cell_is_known_from_the_year_and_the_other_quarters() -> None:
    published = [Published("2023-24", {KEY: 30}), *_quarters(8, 9, None, 7)]
    _, known = differencing_hides("2023-24-Q3", {KEY: 6}, {KEY}, published, 5)
    assert known == {KEY}


# --- corrections ---------------------------------------------------------------------------


def test_a_correction_adding_two_responses_hides_the_changed_figures() -> None:
    version_1 = [Published("2023-24", {KEY: 10, "responses": 40, "q.involved.base": 30})]
    counts = {KEY: 12, "responses": 42, "q.involved.base": 32, "q.involved.negative": 20}
    unsafe, known = differencing_hides("2023-24", counts, set(), version_1, 5)
    assert unsafe == {KEY, "responses", "q.involved.base"}
    assert known == set()


def test_a_figure_a_correction_did_not_change_is_safe_to_show() -> None:
    assert not _hides("2023-24", 10, [Published("2023-24", {KEY: 10})])


def test_a_correction_is_compared_with_every_earlier_version() -> None:
    # Version 1 showed 10, version 2 hid the figure; version 3 with 12 would give 2 away.
    versions = [Published("2023-24", {KEY: 10}), Published("2023-24", {KEY: None})]
    assert _hides("2023-24", 12, versions)
    assert _hides("2023-24", 8, versions)  # responses taken away count too
    assert not _hides("2023-24", 15, versions)


def test_the_threshold_is_the_one_given() -> None:
    published = [Published("2023-24", {KEY: 10})]
    assert _hides("2023-24", 14, published, threshold=5)
    assert not _hides("2023-24", 14, published, threshold=3)
    assert _hides("2023-24", 17, published, threshold=10)
    assert not _hides("2023-24", 20, published, threshold=10)


# --- hiding what differencing exposes, within the release --------------------------------


def test_a_forced_part_takes_a_complement_with_it() -> None:
    parts = {"positive": 30, "negative": 12, "neither": 8}
    assert suppress_parts(parts, 50, 5, forced={"neither"}) == {"neither", "negative"}


def test_a_part_other_releases_give_away_does_not_protect_a_small_one() -> None:
    parts = {"positive": 31, "negative": 6, "neither": 3}
    assert suppress_parts(parts, 40, 5) == {"neither", "negative"}
    # If the quarters pin the negative count down, 40 - 31 - 6 would reveal the 3.
    assert suppress_parts(parts, 40, 5, known={"negative"}) == {"neither", "negative", "positive"}


def test_a_column_hides_the_categories_other_releases_would_give_away() -> None:
    # Complaint points by theme: the year's 23 and 12 against a published quarter's 20 and 10.
    counts = {"timeliness": 23, "communication": 12, "health": 9}
    assert suppress_column(counts, 44, 5) == counts
    shown = suppress_column(counts, 44, 5, forced={"timeliness"})
    assert shown["timeliness"] is None and shown["health"] is None  # a complement
    assert shown["communication"] == 12
    # A hidden category others pin down does not protect the one hidden beside it.
    pinned = suppress_column(counts, 44, 5, forced={"timeliness"}, known={"health"})
    assert pinned == {"timeliness": None, "communication": None, "health": None}


def test_a_withheld_base_hides_the_whole_statement_and_says_why() -> None:
    figures = statement_figures({"agree": 20, "disagree": 6}, 5, forced={"base"})
    assert figures["base"] is None and figures["positive"] is None
    assert figures["withheld"] is True and figures["base_below_threshold"] is False
    small = statement_figures({"agree": 2}, 5)
    assert small["withheld"] is False and small["base_below_threshold"] is True


def test_a_withheld_theme_count_hides_its_row() -> None:
    rows = theme_rows(
        {"health": {"negative": 20, "positive": 9}, "transport": {"negative": 7}},
        5,
        forced={"health": {"count"}},
    )
    health = next(r for r in rows if r["slug"] == "health")
    assert health["count"] is None and health["negative"] is None and health["withheld"]
    assert rows[0]["slug"] == "transport"  # shown rows first


# --- publishing one after another never leaves a small difference ------------------------

LABELS = ["2023-24", "2023-24-Q1", "2023-24-Q2", "2023-24-Q3", "2023-24-Q4"]


@given(
    st.lists(st.integers(min_value=0, max_value=12), min_size=4, max_size=4),
    st.permutations(range(5)),
    st.integers(min_value=2, max_value=6),
)
def test_no_published_year_minus_published_quarters_is_small(
    quarters: list[int], order: list[int], threshold: int
) -> None:
    values = {label: value for label, value in zip(LABELS[1:], quarters, strict=True)}
    values["2023-24"] = sum(quarters)
    published: list[Published] = []
    for index in order:
        label = LABELS[index]
        value = values[label]
        hidden = is_small(value, threshold) or _hides(label, value, published, threshold)
        published.append(Published(label, {KEY: None if hidden else value}))
    shown = {p.period: p.cells[KEY] for p in published}
    year = shown["2023-24"]
    if year is None:
        return
    quarter_values = [v for label, v in shown.items() if label != "2023-24" and v is not None]
    for size in range(1, len(quarter_values) + 1):
        for subset in itertools.combinations(quarter_values, size):
            assert not is_small(abs(year - sum(subset)), threshold), (values, shown)
