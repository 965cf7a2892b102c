"""An import lists every problem a row has that can be checked, not just the first.

Found by an operations tester: the README promises "every problem listed by line", but a
row naming an unknown survey reported only that (its date before 2000 and its answer
"maybe" went unmentioned, to be found on the next attempt). A row of the wrong width is
reported for its width alone: its cells cannot be matched to the columns (README).
"""

from __future__ import annotations

from pathlib import Path

from click.testing import Result
from flask import Flask

SCALE = "strongly_agree, agree, neither, disagree, strongly_disagree, not_applicable"


def _import(app: Flask, tmp_path: Path, command: str, text: str) -> Result:
    path = tmp_path / "upload.csv"
    path.write_text(text, encoding="utf-8")
    result = app.test_cli_runner().invoke(args=[command, str(path)])
    assert result.exit_code == 1
    return result


def _problems(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("Line ")]


def test_a_row_with_an_unknown_survey_has_its_other_problems_listed_too(
    app: Flask, tmp_path: Path
) -> None:
    result = _import(
        app,
        tmp_path,
        "import-responses",
        "survey,submitted_on,involved,aspirational,contact,joint_working,speed,comment\n"
        "nope,1999-12-31,agree,maybe,agree,,,\n"
        "nope,2023-01-01,agree\n",
    )
    assert _problems(result) == [
        "Line 2: survey 'nope' is not a survey id (annual_review, new_ehcp)",
        "Line 2: submitted_on '1999-12-31' is before 2000-01-01; check the year",
        f"Line 2: aspirational 'maybe' is not one of {SCALE}",
        "Line 2: 'speed' is not a question of any survey",
        "Line 3: expected 8 cells, found 3",
    ]


def test_a_complaint_row_of_an_unknown_kind_has_its_stage_and_outcome_checked(
    app: Flask, tmp_path: Path
) -> None:
    result = _import(
        app,
        tmp_path,
        "import-complaints",
        "reference,kind,received_on,stage,theme,outcome,summary\n"
        "OLD-1,complain,2023-05-01,3,timeliness,upheld!,Late plan\n",
    )
    assert _problems(result) == [
        "Line 2: kind must be complaint or compliment, not 'complain'",
        "Line 2: stage must be 1, 2, ombudsman or blank, not '3'",
        "Line 2: outcome must be one of pending, upheld, partially_upheld, not_upheld or "
        "blank, not 'upheld!'",
    ]
