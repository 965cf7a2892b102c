"""`flask import-responses` and `flask findings` reproduce the seed's 2023/24 figures.

The fixture holds 66 responses dated 1 April 2023 to 31 March 2024, plus two on
31 March 2023 and two on 1 April 2024 that answer "strongly disagree" to every
statement and must be left out. Counts in the 66 (NA = not applicable):

- involved: 51 agree (30 strongly), 6 neither, 7 disagree, 1 NA, 1 blank: base 64, 79.7% -> 80%
- aspirational: 54 agree, 4 neither, 5 disagree, 3 NA: base 63, 85.7% -> 86%
  (neither is 4, so it and, by secondary suppression, disagree are not shown)
- contact: 30 agree, 8 neither, 24 disagree, 4 NA: base 62, 38.7% disagree -> 39%
- joint_working: 21 agree, 10 neither, 29 disagree, 6 NA: base 60, 48.3% disagree -> 48%
"""

from __future__ import annotations

import json
from pathlib import Path

from flask import Flask

from feedback_app.extensions import db
from feedback_app.models import Comment, Response

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "new_ehcp_2023_24.csv"


def _findings(app: Flask, *args: str) -> dict:
    result = app.test_cli_runner().invoke(args=["findings", "--survey", "new_ehcp", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_import_then_findings_reproduces_the_seed_figures(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["import-responses", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "Imported 70 responses" in result.output
    data = _findings(app, "--period", "2023-24", "--format", "json")
    assert {"survey", "period", "responses", "questions", "themes"} <= data.keys()
    assert data["survey"] == "new_ehcp" and data["period"] == "2023-24"
    # 66 responses beside involved's base of 64 would show that 2 answered "does not
    # apply" or skipped it, so the number of responses is not shown; the statements are.
    assert data["responses"] is None and data["responses_withheld"] is True
    q = {row["id"]: row for row in data["questions"]}
    for row in q.values():
        assert {
            "id",
            "base",
            "positive",
            "negative",
            "percent_positive",
            "percent_negative",
            "suppressed",
        } <= row.keys()
    assert (q["involved"]["base"], q["involved"]["positive"]) == (64, 51)
    assert round(q["involved"]["percent_positive"]) == 80
    assert q["involved"]["percent_positive"] == 79.7
    assert (q["aspirational"]["base"], q["aspirational"]["positive"]) == (63, 54)
    assert round(q["aspirational"]["percent_positive"]) == 86
    assert q["aspirational"]["negative"] is None and q["aspirational"]["suppressed"] is True
    assert (q["contact"]["base"], q["contact"]["negative"]) == (62, 24)
    assert round(q["contact"]["percent_negative"]) == 39
    assert (q["joint_working"]["base"], q["joint_working"]["negative"]) == (60, 29)
    assert round(q["joint_working"]["percent_negative"]) == 48
    for row in data["themes"]:
        assert {"slug", "count", "negative", "neutral", "positive"} <= row.keys()


def test_the_boundary_days_fall_in_the_neighbouring_years(app: Flask) -> None:
    app.test_cli_runner().invoke(args=["import-responses", str(FIXTURE)])
    before = _findings(app, "--period", "2022-23", "--format", "json")
    after = _findings(app, "--period", "2024-25", "--format", "json")
    # Two responses each side: fewer than 5, so the count itself is suppressed.
    assert before["responses"] is None and after["responses"] is None
    q1 = _findings(app, "--period", "2023-24", "--quarter", "2023-24-Q1", "--format", "json")
    assert q1["period"] == "2023-24-Q1"


def test_imported_comments_are_recorded_without_consent(app: Flask) -> None:
    app.test_cli_runner().invoke(args=["import-responses", str(FIXTURE)])
    comments = db.session.scalars(db.select(Comment)).all()
    assert comments and all(not c.quote_consent and c.source == "survey" for c in comments)


def test_a_bad_file_is_rejected_whole_with_every_problem(app: Flask, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "survey,submitted_on,involved,aspirational,contact,joint_working,comment\n"
        "new_ehcp,2023-05-01,agree,agree,agree,agree,fine\n"
        "new_ehcp,2023-13-01,agree,agree,agree,agree,\n"
        "new_ehcp,2023-05-02,agree,sort_of,agree,agree,\n"
        "nope,2023-05-02,agree,agree,agree,agree,\n"
    )
    result = app.test_cli_runner().invoke(args=["import-responses", str(bad)])
    assert result.exit_code != 0
    assert "Line 3:" in result.output and "Line 4:" in result.output and "Line 5:" in result.output
    assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 0


def test_csv_format_suppresses_like_json(app: Flask) -> None:
    app.test_cli_runner().invoke(args=["import-responses", str(FIXTURE)])
    result = app.test_cli_runner().invoke(
        args=["findings", "--survey", "new_ehcp", "--period", "2023-24", "--format", "csv"]
    )
    lines = result.output.splitlines()
    row = next(line for line in lines if ",statement,aspirational,neither," in line)
    assert ',neither,,"not shown' in row


def test_a_row_with_more_cells_than_the_header_is_named_and_nothing_written(
    app: Flask, tmp_path: Path
) -> None:
    bad = tmp_path / "extra.csv"
    bad.write_text(
        "survey,submitted_on,involved,aspirational,contact,joint_working,comment\n"
        "new_ehcp,2023-05-01,agree,agree,agree,agree,fine\n"
        "new_ehcp,2023-05-02,agree,agree,agree,agree,fine,surplus\n",
        encoding="utf-8",
    )
    result = app.test_cli_runner().invoke(args=["import-responses", str(bad)])
    assert result.exit_code != 0
    assert "Line 3: has more cells than the header" in result.output
    assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 0
