"""Cells a spreadsheet would read as a formula are written as text; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from feedback_app.csv_cells import csv_writer, safe_cell


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","Click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
        "-",
        "=",
    ],
)
def test_formula_starts_get_a_quote(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value", [-3, 4, 2.5, -0.5, None, "", "Transport late", "a=b", "-3", "+4", "-2.5"]
)
def test_numbers_and_plain_text_are_untouched(value: object) -> None:
    assert safe_cell(value) == value


def test_writer_neutralises_every_cell_and_keeps_numbers() -> None:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["quote", "=1+1", -3])
    writer.writerows([["@me", "-3", "fine"]])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["quote", "'=1+1", "-3"], ["'@me", "-3", "fine"]]


def test_every_csv_the_app_writes_goes_through_the_safe_writer() -> None:
    package = Path(__file__).resolve().parents[2] / "feedback_app"
    raw = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "csv_cells.py"
        and re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    ]
    assert raw == [], "write CSV with feedback_app.csv_cells.csv_writer"
