"""The imports' CSV reader: same cells as the csv module for good files, named lines for bad."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedback_app.services.import_csv import MAX_CELL, by_line, parse_date, read_table

HEADER = ["a", "day", "comment"]
TODAY = date(2024, 6, 1)


def _csv(rows: list[list[str]], terminator: str = "\n") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=terminator).writerows(rows)
    return out.getvalue()


@given(
    rows=st.lists(
        st.lists(st.text(st.characters(blacklist_characters="\r")), min_size=3, max_size=3),
        max_size=8,
    ),
    terminator=st.sampled_from(["\n", "\r\n"]),
)
def test_any_file_the_csv_module_writes_reads_back_with_start_lines(
    rows: list[list[str]], terminator: str
) -> None:
    table = read_table(_csv([HEADER, *rows], terminator), date_column="not a column")
    assert table.problems == [] and table.header_problems == []
    assert table.header == HEADER
    line, expected = 2, []
    for row in rows:
        expected.append((line, [cell.strip() for cell in row]))
        line += _csv([row]).count("\n")
    assert [(row.line, list(row.cells.values())) for row in table.rows] == expected


def test_multi_line_comments_that_mention_dates_and_commas_are_kept() -> None:
    comment = "We met on 2023-05-01, then again,\n2023-06-01, and then,\nnothing at all."
    table = read_table(_csv([HEADER, ["x", "2023-07-01", comment]]), date_column="day")
    assert table.problems == []
    assert table.rows[0].cells["comment"] == comment


def test_a_line_inside_a_quoted_cell_shaped_like_a_row_means_the_quote_was_left_open() -> None:
    text = 'a,day,comment\nx,2023-07-01,"open\ny,2023-07-02,fine\nz,2023-07-03,6\'2"\n'
    table = read_table(text, date_column="day")
    assert table.problems == [
        "Line 2: a quoted cell is never closed (it takes in line 3, which looks like a row)"
    ]
    # Read again from line 3; a quote inside an unquoted cell (6'2") is kept as written.
    assert [(row.line, row.cells["comment"]) for row in table.rows] == [(3, "fine"), (4, "6'2\"")]


def test_an_open_quote_at_the_end_names_the_line_it_opened_on() -> None:
    table = read_table('a,day,comment\nx,2023-07-01,"one\ntwo\nthree', date_column="day")
    assert table.problems[0] == "Line 2: a quoted cell is never closed"
    # Reading carries on from line 3, so what the quote took in is still checked.
    assert table.problems[1:] == [
        "Line 3: expected 3 cells, found 1",
        "Line 4: expected 3 cells, found 1",
    ]


def test_the_header_and_its_duplicates() -> None:
    assert read_table("a,a\n1,2\n", "day").header_problems == [
        "Line 1: the header has the column a twice"
    ]
    assert read_table('"a,b\n', "day").header_problems == ["Line 1: a quoted cell is never closed"]
    assert read_table("\ufeff a ,day\r\n1,2\r\n", "day").header == ["a", "day"]
    assert read_table("", "day").header == []


def test_cells_over_the_limit_are_named_by_column() -> None:
    text = f"a,day,comment\n1,2,{'x' * (MAX_CELL + 1)}\n1,2,{'x' * MAX_CELL}\n"
    table = read_table(text, "day")
    assert table.problems == [f"Line 2: comment is longer than {MAX_CELL:,} characters"]
    assert [row.line for row in table.rows] == [3]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2024-06-01", None),
        ("2000-01-01", None),
        ("20230501", "d '20230501' is not a date as YYYY-MM-DD"),
        ("2023-W14-1", "d '2023-W14-1' is not a date as YYYY-MM-DD"),
        ("2023-5-1", "d '2023-5-1' is not a date as YYYY-MM-DD"),
        ("２０２３-０５-０１", "d '２０２３-０５-０１' is not a date as YYYY-MM-DD"),
        ("2023-02-30", "d '2023-02-30' is not a real date"),
        ("2024-06-02", "d '2024-06-02' is in the future"),
        ("1900-01-01", "d '1900-01-01' is before 2000-01-01; check the year"),
    ],
)
def test_dates_are_yyyy_mm_dd_and_not_in_the_future(value: str, problem: str | None) -> None:
    day, wrong = parse_date("d", value, TODAY)
    assert wrong == problem
    assert (day is None) == (problem is not None)


def test_problems_sort_by_line_number_not_text() -> None:
    assert by_line(["Line 10: b", "Line 9: a", "Line 10: a"]) == [
        "Line 9: a",
        "Line 10: b",
        "Line 10: a",
    ]
