"""CSV that a spreadsheet opens safely: a text cell that would start a formula is text.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return before one) as a formula, so a published quote
reading ``=HYPERLINK(...)`` would become a live link in the download. OWASP's advice
(CSV Injection) is to put a single quote before such a cell, which shows it as text.
Numbers are left alone, including negative ones written as text ("-3"): a spreadsheet
reads those as numbers and runs nothing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


class _Writable(Protocol):
    def write(self, s: str, /) -> Any: ...


def safe_cell(value: Any) -> Any:
    """Return ``value`` with a quote before it if it is text a spreadsheet would run."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


class SafeWriter:
    """A ``csv.writer`` whose every cell goes through ``safe_cell``."""

    def __init__(self, out: _Writable) -> None:
        self._writer = csv.writer(out, lineterminator="\n")

    def writerow(self, row: Iterable[Any]) -> None:
        """Write one row."""
        self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        """Write several rows."""
        for row in rows:
            self.writerow(row)


def csv_writer(out: _Writable) -> SafeWriter:
    """A CSV writer for anything the app hands out: ``\\n`` line ends, formulas neutralised."""
    return SafeWriter(out)
