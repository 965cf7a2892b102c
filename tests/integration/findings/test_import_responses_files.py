"""`flask import-responses` with broken files: every problem by line, nothing written.

Quoted multi-line comments are what families write, so they must keep importing,
with problems on later rows named by the line each row starts on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result
from flask import Flask

from feedback_app.extensions import db
from feedback_app.models import Comment, Response

HEADER = "survey,submitted_on,involved,aspirational,contact,joint_working,comment\n"


def _import(app: Flask, tmp_path: Path, text: str) -> Result:
    path = tmp_path / "responses.csv"
    path.write_text(text, encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["import-responses", str(path)])
    assert "Traceback" not in result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _responses() -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(Response)) or 0


def _problems(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("Line ")]


def test_an_unclosed_quote_before_more_rows_is_named_by_its_line(
    app: Flask, tmp_path: Path
) -> None:
    result = _import(
        app,
        tmp_path,
        HEADER + "new_ehcp,2023-05-01,agree,agree,agree,agree,fine\n"
        'new_ehcp,2023-05-01,agree,agree,agree,agree,"He said it would be sorted, then nothing\n'
        "new_ehcp,2023-05-02,agree,agree,agree,agree,fine\n"
        "new_ehcp,2023-05-03,agree,agree,agree,agree,fine\n",
    )
    assert result.exit_code != 0
    assert _problems(result) == ["Line 3: a quoted cell is never closed"]
    assert _responses() == 0


def test_an_unclosed_quote_closed_by_a_later_rows_quote_is_caught(
    app: Flask, tmp_path: Path
) -> None:
    # The csv module reads this as one well-formed row whose comment holds two rows.
    result = _import(
        app,
        tmp_path,
        HEADER + 'new_ehcp,2023-05-01,agree,agree,agree,agree,"He said it would be sorted\n'
        "new_ehcp,2023-05-02,agree,agree,agree,agree,fine\n"
        'new_ehcp,2023-05-03,agree,agree,agree,agree,his new chair is 14"\n'
        "new_ehcp,2023-05-04,agree,agree,agree,agree,fine\n",
    )
    assert result.exit_code != 0
    problems = _problems(result)
    assert len(problems) == 1
    assert problems[0].startswith("Line 2: a quoted cell is never closed")
    assert "line 3" in problems[0]
    assert _responses() == 0


def test_an_unclosed_quote_ended_by_a_later_quoted_cell_is_caught(
    app: Flask, tmp_path: Path
) -> None:
    result = _import(
        app,
        tmp_path,
        HEADER + 'new_ehcp,2023-05-01,agree,agree,agree,agree,"Nobody rang\n'
        'new_ehcp,2023-05-02,agree,agree,agree,agree,"fine, thanks"\n',
    )
    assert result.exit_code != 0
    problems = _problems(result)
    assert len(problems) == 1 and problems[0].startswith("Line 2: a quoted cell is never closed")
    assert _responses() == 0


def test_quoted_multi_line_comments_import_and_later_lines_keep_their_numbers(
    app: Flask, tmp_path: Path
) -> None:
    good = (
        HEADER + "new_ehcp,2023-05-01,agree,agree,agree,agree,"
        '"First line, with a comma.\n\nAfter a blank line, she said ""no"".\n'
        'new_ehcp,2023-05-02,agree looks like a row but has too few cells"\n'
        "new_ehcp,2023-05-02,agree,agree,agree,agree,fine\n"
    )
    result = _import(app, tmp_path, good)
    assert result.exit_code == 0, result.output
    assert "Imported 2 responses" in result.output
    texts = {c.text for c in db.session.scalars(db.select(Comment))}
    assert any('she said "no".' in text and "\n\nAfter" in text for text in texts)

    bad = good.replace("2023-05-02,agree,agree", "2023-13-02,agree,agree").replace(
        "fine\n", '"two\nlines"\n'
    )
    result = _import(app, tmp_path, bad)
    assert result.exit_code != 0
    # The second row starts on line 6 and ends on line 7: it is named by where it starts.
    assert _problems(result) == ["Line 6: submitted_on '2023-13-02' is not a real date"]


def test_a_quote_inside_an_unquoted_cell_is_kept_as_written(app: Flask, tmp_path: Path) -> None:
    result = _import(
        app,
        tmp_path,
        HEADER + 'new_ehcp,2023-05-01,agree,agree,agree,agree,He said "Brilliant" and left\n',
    )
    assert result.exit_code == 0, result.output
    assert db.session.scalars(db.select(Comment.text)).one() == 'He said "Brilliant" and left'


def test_text_after_a_closing_quote_is_rejected(app: Flask, tmp_path: Path) -> None:
    # Read as a quoted cell, the quotes would be silently lost ("Brilliant said no one").
    result = _import(
        app,
        tmp_path,
        HEADER + 'new_ehcp,2023-05-01,agree,agree,agree,agree,"Brilliant" said no one\n'
        "new_ehcp,2023-05-02,agree,sort_of,agree,agree,fine\n",
    )
    assert result.exit_code != 0
    problems = _problems(result)
    assert len(problems) == 2
    assert problems[0].startswith("Line 2: a quoted cell has text after its closing quote")
    assert problems[1].startswith("Line 3: aspirational 'sort_of'")
    assert _responses() == 0


def test_a_huge_cell_is_a_clear_problem(app: Flask, tmp_path: Path) -> None:
    result = _import(
        app,
        tmp_path,
        HEADER + "new_ehcp,2023-05-01,agree,agree,agree,agree,fine\n"
        f"new_ehcp,2023-05-01,agree,agree,agree,agree,{'x' * 200_000}\n",
    )
    assert result.exit_code != 0
    assert _problems(result) == ["Line 3: comment is longer than 100,000 characters"]
    assert _responses() == 0


@pytest.mark.parametrize(
    "value", ["20230501", "2023-W14-1", "2099-01-01", "1900-01-01", "2023-5-1"]
)
def test_submitted_on_must_be_a_past_date_as_yyyy_mm_dd(
    app: Flask, tmp_path: Path, value: str
) -> None:
    result = _import(app, tmp_path, HEADER + f"new_ehcp,{value},agree,agree,agree,agree,fine\n")
    assert result.exit_code != 0
    problems = _problems(result)
    assert len(problems) == 1 and problems[0].startswith(f"Line 2: submitted_on {value!r}")
    assert _responses() == 0


def test_a_duplicate_header_is_named(app: Flask, tmp_path: Path) -> None:
    result = _import(
        app,
        tmp_path,
        "survey,submitted_on,involved,involved,comment\nnew_ehcp,2023-05-01,agree,disagree,fine\n",
    )
    assert result.exit_code != 0
    assert _problems(result) == ["Line 1: the header has the column involved twice"]
    assert _responses() == 0


def test_a_row_with_too_few_cells_is_rejected(app: Flask, tmp_path: Path) -> None:
    result = _import(
        app,
        tmp_path,
        HEADER + "new_ehcp,2023-05-01,agree,agree,agree,agree,fine\n"
        "new_ehcp,2023-05-01,agree,agree,agree\n",
    )
    assert result.exit_code != 0
    assert _problems(result) == ["Line 3: expected 7 cells, found 5"]
    assert _responses() == 0
