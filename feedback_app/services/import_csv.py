"""Reading the CSV files of SPEC §5 into rows, with every problem of shape named by line.

Python's ``csv`` module is forgiving in ways an all-or-nothing import cannot be: a
quote left open swallows the rest of the file into one cell, text after a closing
quote is glued on with the quotes dropped, a long cell stops the reader with a
traceback, and a repeated header name silently hides a column. So the imports read
files here, with the same rules as ``csv`` for well-formed files (RFC 4180: a cell
that starts with a quote runs to the matching quote, with ``""`` for a quote inside
it; a quote anywhere else is kept as written), and these checks on top:

- a quoted cell still open at the end of the file, or one whose lines include what
  looks like a row of the file (as many cells as the header, and a date as
  YYYY-MM-DD in the date column), is "never closed";
- text after a closing quote is refused rather than guessed at;
- every row has exactly as many cells as the header; header names are unique;
- no cell is longer than ``MAX_CELL`` characters.

Rows are numbered by the line they start on (the header is line 1 when it is first),
so a row after a multi-line comment is named where an editor shows it. After a broken
quote, reading carries on from the line after the quote opened, so the rows it would
have swallowed are still checked and their problems listed too. Line endings may be
CRLF, LF or CR (old Mac spreadsheets), inside quoted cells too; all are read as LF.

Dates are read here as well (``parse_date``), so both imports take the same dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

MAX_CELL = 100_000
# Nothing the partnership holds is older; 1900-01-01 is what a blank spreadsheet date
# cell becomes, so it is a mistake rather than history.
EARLIEST = date(2000, 1, 1)

_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_UNQUOTED = re.compile(r"[^,\n]*")
_LINE_NUMBER = re.compile(r"Line ([0-9]+):")


@dataclass(frozen=True)
class Row:
    """One row's cells keyed by header name, stripped, and the line the row starts on."""

    line: int
    cells: dict[str, str]


@dataclass
class Table:
    """A file's header, its well-formed rows, and the problems found reading it.

    ``header_problems`` are problems with the header itself; when there are any,
    no rows were read.
    """

    header: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    header_problems: list[str] = field(default_factory=list)


def by_line(problems: Iterable[str]) -> list[str]:
    """Sort ``Line N: …`` problems by N, keeping the order of problems on one line."""
    return sorted(problems, key=lambda p: int(m.group(1)) if (m := _LINE_NUMBER.match(p)) else 0)


def parse_date(column: str, value: str, today: date) -> tuple[date | None, str | None]:
    """Read a YYYY-MM-DD date from EARLIEST to today: return it, or the problem with it.

    ``date.fromisoformat`` alone also takes 20230501 and 2023-W14-1, which SPEC §5
    does not. The problem names the column and value, ready to follow "Line N: ".
    """
    wrong = f"{column} {value!r}"
    if not _DATE_SHAPE.fullmatch(value):
        return None, f"{wrong} is not a date as YYYY-MM-DD"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None, f"{wrong} is not a real date"
    if day > today:
        return None, f"{wrong} is in the future"
    if day < EARLIEST:
        return None, f"{wrong} is before {EARLIEST.isoformat()}; check the year"
    return day, None


def read_table(text: str, date_column: str) -> Table:
    """Read CSV text (a leading byte order mark is ignored) into a header and rows.

    ``date_column`` names the column holding each row's date: a line inside a quoted
    cell that has as many cells as the header and a date there is taken for a row
    swallowed by a quote left open, never for part of a family's comment.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    table = Table()
    records = _Records(text)
    header = next(iter(records), None)
    if header is not None and header.problem:
        table.header_problems.append(header.problem)
        return table
    table.header = [name.strip() for name in header.cells] if header else []
    seen: set[str] = set()
    for name in table.header:
        if name in seen:
            line = header.line if header else 1
            table.header_problems.append(f"Line {line}: the header has the column {name} twice")
        seen.add(name)
    if table.header_problems:
        return table
    width = len(table.header)
    if date_column in table.header:
        records.looks_like_row = _row_test(width, table.header.index(date_column))
    for record in records:
        if record.problem:
            table.problems.append(record.problem)
        elif len(record.cells) > width:
            table.problems.append(f"Line {record.line}: has more cells than the header")
        elif len(record.cells) < width:
            table.problems.append(
                f"Line {record.line}: expected {width} cells, found {len(record.cells)}"
            )
        else:
            cells = dict(zip(table.header, record.cells, strict=True))
            too_long = [name for name, value in cells.items() if len(value) > MAX_CELL]
            table.problems.extend(
                f"Line {record.line}: {name} is longer than {MAX_CELL:,} characters"
                for name in too_long
            )
            if not too_long:
                table.rows.append(Row(record.line, {k: v.strip() for k, v in cells.items()}))
    return table


def _row_test(width: int, date_index: int) -> Callable[[str], bool]:
    def looks_like_row(line: str) -> bool:
        record = next(iter(_Records(line)), None)
        return (
            record is not None
            and record.problem is None
            and len(record.cells) == width
            and _DATE_SHAPE.fullmatch(record.cells[date_index].strip()) is not None
        )

    return looks_like_row


@dataclass
class _Record:
    line: int
    cells: list[str]
    problem: str | None = None


def _closing_quote(text: str, opening: int) -> int | None:
    """Return where the quoted cell opened at ``opening`` ends, or None if it never does."""
    at = opening + 1
    while True:
        quote = text.find('"', at)
        if quote == -1:
            return None
        if text.startswith('"', quote + 1):  # "" is a quote inside the cell
            at = quote + 2
            continue
        return quote


class _Records:
    """The records of CSV text whose newlines are all ``\\n``; blank lines are skipped.

    One pass over the text (``str.find`` and one regex per cell), so a large file,
    or a quote that never closes, costs time in proportion to its length.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.line = 1
        self.looks_like_row: Callable[[str], bool] = lambda line: False

    def __iter__(self) -> Iterator[_Record]:
        while self.at < len(self.text):
            if self.text[self.at] == "\n":
                self.at += 1
                self.line += 1
                continue
            yield self._record()

    def _record(self) -> _Record:
        text = self.text
        record = _Record(self.line, [])
        while True:
            if text.startswith('"', self.at):
                record.problem = self._quoted(record.cells)
                if record.problem:
                    return record
            else:
                match = _UNQUOTED.match(text, self.at)
                assert match is not None  # it matches the empty string
                record.cells.append(match.group())
                self.at = match.end()
            if self.at >= len(text):
                return record
            self.at += 1
            if text[self.at - 1] == "\n":
                self.line += 1
                return record

    def _quoted(self, cells: list[str]) -> str | None:
        """Read the quoted cell at ``self.at`` into ``cells``, or return what is wrong.

        When something is wrong, reading carries on from the line after the one the
        quote opened on: the lines a stray quote took in are read as rows again.
        """
        text, opening, line = self.text, self.at, self.line
        closing = _closing_quote(text, opening)
        if closing is None:
            self._skip_line_of(opening, line)
            return f"Line {line}: a quoted cell is never closed"
        raw = text[opening + 1 : closing]
        last_line = line + raw.count("\n")
        if closing + 1 < len(text) and text[closing + 1] not in ",\n":
            self._skip_line_of(opening, line)
            if last_line > line:
                return (
                    f"Line {line}: a quoted cell is never closed (the quote that would "
                    f"close it, on line {last_line}, has text after it)"
                )
            return (
                f"Line {line}: a quoted cell has text after its closing quote "
                '(put the whole cell in quotes, and write each quote inside it as "")'
            )
        for offset, part in enumerate(raw.split("\n")[1:], start=1):
            if self.looks_like_row(part):
                self._skip_line_of(opening, line)
                return (
                    f"Line {line}: a quoted cell is never closed "
                    f"(it takes in line {line + offset}, which looks like a row)"
                )
        cells.append(raw.replace('""', '"'))
        self.at = closing + 1
        self.line = last_line
        return None

    def _skip_line_of(self, position: int, line: int) -> None:
        end = self.text.find("\n", position)
        self.at = len(self.text) if end == -1 else end + 1
        self.line = line + 1
