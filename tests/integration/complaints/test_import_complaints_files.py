"""`flask import-complaints` with awkward files: clean text, per-line problems, nothing written.

Each case here once gave a traceback on PostgreSQL or was silently misread.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result
from flask import Flask
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintPoint, Compliment

HEADER = "reference,kind,received_on,stage,theme,outcome,summary\n"


def _import(app: Flask, tmp_path: Path, text: str) -> Result:
    path = tmp_path / "complaints.csv"
    path.write_text(text, encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["import-complaints", str(path)])
    db.session.rollback()
    assert "Traceback" not in result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _written() -> int:
    return sum(
        db.session.scalar(select(func.count()).select_from(model)) or 0
        for model in (Complaint, ComplaintPoint, Compliment)
    )


def _problems(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("Line ")]


def test_nul_and_control_characters_are_stripped_from_text(app: Flask, tmp_path: Path) -> None:
    result = _import(
        app,
        tmp_path,
        HEADER + "N1,complaint,2023-05-01,1,communication,upheld,No\x00 reply\x07 at all\n"
        "N2,compliment,2023-05-01,,joint_working,,Kind\x00 and\x1b patient\n",
    )
    assert result.exit_code == 0, result.output
    point = db.session.scalars(select(ComplaintPoint)).one()
    assert point.summary == "No reply at all"
    assert db.session.scalars(select(Compliment.summary)).one() == "Kind and patient"


def test_a_reference_longer_than_the_column_is_a_problem_on_its_line(
    app: Flask, tmp_path: Path
) -> None:
    long = "R" * 41
    result = _import(
        app,
        tmp_path,
        HEADER + f"{'R' * 40},complaint,2023-05-01,1,communication,upheld,fits exactly\n"
        f"{long},complaint,2023-05-01,1,communication,upheld,one too many\n",
    )
    assert result.exit_code != 0
    assert _problems(result) == ["Line 3: reference is longer than 40 characters"]
    assert _written() == 0


def test_a_duplicate_header_is_named(app: Flask, tmp_path: Path) -> None:
    result = _import(
        app,
        tmp_path,
        "reference,kind,received_on,stage,theme,outcome,summary,summary\n"
        "D1,complaint,2023-05-01,1,communication,upheld,first,second\n",
    )
    assert result.exit_code != 0
    assert _problems(result) == ["Line 1: the header has the column summary twice"]
    assert _written() == 0


def test_a_row_with_more_cells_than_the_header_is_rejected(app: Flask, tmp_path: Path) -> None:
    result = _import(
        app,
        tmp_path,
        HEADER + "E1,complaint,2023-05-01,1,communication,upheld,fine\n"
        "E2,complaint,2023-05-01,1,communication,upheld,No reply, and no call\n",
    )
    assert result.exit_code != 0
    assert _problems(result) == ["Line 3: has more cells than the header"]
    assert _written() == 0


def test_a_row_with_too_few_cells_is_rejected(app: Flask, tmp_path: Path) -> None:
    result = _import(app, tmp_path, HEADER + "F1,complaint\n")
    assert result.exit_code != 0
    assert _problems(result) == ["Line 2: expected 7 cells, found 2"]


def test_an_unclosed_quote_in_a_summary_is_named_and_later_rows_still_checked(
    app: Flask, tmp_path: Path
) -> None:
    result = _import(
        app,
        tmp_path,
        HEADER + 'Q1,complaint,2023-05-01,1,communication,upheld,"Nobody rang, ever\n'
        "Q2,complaint,2023-05-01,1,parking,upheld,fine\n"
        "Q3,complaint,2023-05-01,1,communication,upheld,fine\n",
    )
    assert result.exit_code != 0
    assert _problems(result) == [
        "Line 2: a quoted cell is never closed",
        "Line 3: theme 'parking' is not a theme slug",
    ]
    assert _written() == 0


def test_multi_line_summaries_import(app: Flask, tmp_path: Path) -> None:
    result = _import(
        app,
        tmp_path,
        HEADER + 'M1,complaint,2023-05-01,1,communication,upheld,"First, this.\nThen that."\n'
        "M2,compliment,2023-05-02,,joint_working,,Thank you\n",
    )
    assert result.exit_code == 0, result.output
    assert db.session.scalars(select(ComplaintPoint.summary)).one() == "First, this.\nThen that."


@pytest.mark.parametrize("value", ["2023-W14-1", "20230501", "1900-01-01", "2099-01-01"])
def test_received_on_must_be_a_past_date_as_yyyy_mm_dd(
    app: Flask, tmp_path: Path, value: str
) -> None:
    result = _import(app, tmp_path, HEADER + f"W1,complaint,{value},1,communication,upheld,fine\n")
    assert result.exit_code != 0
    problems = _problems(result)
    assert len(problems) == 1 and problems[0].startswith("Line 2: received_on ")
    assert value in problems[0]
    assert _written() == 0
