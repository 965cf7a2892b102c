"""Importing a file, then the quarterly report's figures against counts made by hand."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Comment, Complaint, ComplaintPoint, Compliment
from feedback_app.services import complaints, complaints_report
from feedback_app.services.periods import parse_quarter

# Quarter boundaries on purpose: 31 March / 1 April and 30 June / 1 July.
GOOD_FILE = """reference,kind,received_on,stage,theme,outcome,summary
C1,complaint,2023-03-31,1,communication,upheld,No reply to three emails
C1,complaint,2023-03-31,1,decisions,not_upheld,Refusal to assess not explained
C2,complaint,2023-04-01,1,communication,partially_upheld,Caseworker changed without notice
C2,complaint,2023-04-01,1,timeliness,upheld,Final plan issued at 31 weeks
C2,complaint,2023-04-01,1,communication,pending,Calls not returned
C3,complaint,2023-06-30,2,decisions,not_upheld,Panel decision
C4,complaint,2023-07-01,1,communication,upheld,Outside both quarters (Q2)
C5,complaint,2022-12-31,1,communication,upheld,Outside both quarters (Q3)
C6,complaint,2023-01-15,ombudsman,placement,upheld,No special school place named
K1,compliment,2023-04-01,,joint_working,,The school and therapists worked together brilliantly
K2,compliment,2023-03-31,,joint_working,,Joint visit made all the difference
K3,compliment,2023-06-30,,staff_attitude,,Our caseworker was kind and patient
K4,compliment,2023-07-01,,joint_working,,Outside the quarter
"""


def write(tmp_path, text, name="complaints.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def counts():
    return tuple(
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Complaint, ComplaintPoint, Compliment, Comment)
    )


def test_import_then_report_matches_hand_counts(app, tmp_path):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import-complaints", write(tmp_path, GOOD_FILE)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Imported 6 complaints (9 points) and 4 compliments"
    c2 = db.session.scalar(select(Complaint).where(Complaint.reference == "C2"))
    assert c2.received_on == date(2023, 4, 1)
    assert c2.current_stage.acknowledge_by == date(2023, 4, 11)  # Easter 7 and 10 April skipped
    assert c2.closed_on is None  # a point is still pending
    assert db.session.scalar(select(Complaint).where(Complaint.reference == "C1")).state == "closed"

    result = runner.invoke(
        args=["complaints-report", "--quarter", "2023-24-Q1", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    for key in (
        "quarter",
        "previous_quarter",
        "complaints",
        "points",
        "by_theme",
        "compliments_by_theme",
        "responded_on_time_percent",
    ):
        assert key in report
    assert report["quarter"] == "2023-24-Q1" and report["previous_quarter"] == "2022-23-Q4"
    assert (report["complaints"], report["points"]) == (2, 4)  # C2 and C3
    assert (report["previous_complaints"], report["previous_points"]) == (2, 3)  # C1 and C6
    themes = {row["theme"]: row for row in report["by_theme"]}
    strip = ("theme", "points", "previous_points", "upheld", "partially_upheld", "not_upheld")
    assert {k: themes["communication"][k] for k in strip} == {
        "theme": "communication",
        "points": 2,
        "previous_points": 1,
        "upheld": 0,
        "partially_upheld": 1,
        "not_upheld": 0,
    }
    assert (themes["timeliness"]["points"], themes["timeliness"]["upheld"]) == (1, 1)
    assert (
        themes["decisions"]["points"],
        themes["decisions"]["previous_points"],
        themes["decisions"]["not_upheld"],
    ) == (1, 1, 1)
    assert (themes["placement"]["points"], themes["placement"]["previous_points"]) == (0, 1)
    assert report["by_theme"][0]["theme"] == "communication"  # the largest leads
    assert report["outcomes"] == {"pending": 1, "upheld": 1, "partially_upheld": 1, "not_upheld": 1}
    compliments = {
        row["theme"]: (row["count"], row["previous_count"])
        for row in report["compliments_by_theme"]
    }
    assert compliments == {"joint_working": (1, 1), "staff_attitude": (1, 0)}
    assert report["responded_on_time_percent"] is None  # the file has no response dates

    csv_out = runner.invoke(
        args=["complaints-report", "--quarter", "2023-24-Q1", "--format", "csv"]
    )
    rows = list(csv.DictReader(io.StringIO(csv_out.output)))
    communication = next(
        r for r in rows if r["theme"] == "communication" and r["section"] == "complaint_points"
    )
    assert (communication["points"], communication["previous_points"]) == ("2", "1")


def test_timeliness_percentages(app, make_complaint):
    on_time = make_complaint(received_on=date(2023, 4, 3))
    late = make_complaint(received_on=date(2023, 4, 3))
    complaints.acknowledge(on_time, date(2023, 4, 5))
    complaints.respond(on_time, date(2023, 4, 19))
    complaints.acknowledge(late, date(2023, 4, 20))  # due 12 April
    complaints.respond(late, date(2023, 6, 30))
    report = complaints_report.build_report(parse_quarter("2023-24-Q1"), on=date(2023, 7, 3))
    assert report["acknowledged_on_time_percent"] == 50.0
    assert report["responded_on_time_percent"] == 50.0
    assert report["responded"] == 2


def test_actions_completed_count_in_the_quarter_they_were_done(app, make_complaint):
    from feedback_app.services import complaint_points

    point = complaint_points.add_point(
        make_complaint(received_on=date(2023, 4, 3)),
        theme="transport",
        summary="Late bus",
        outcome="upheld",
    )
    due = date(2023, 6, 1)
    for done in (date(2023, 5, 31), date(2023, 6, 2), date(2023, 7, 4)):
        action = complaint_points.add_action(point, {"description": "Fix", "due_on": due})
        complaint_points.complete_action(action, done, "Done")
    complaint_points.add_action(point, {"description": "Still open", "due_on": due})
    q1 = complaints_report.build_report(parse_quarter("2023-24-Q1"), on=date(2023, 7, 10))
    q2 = complaints_report.build_report(parse_quarter("2023-24-Q2"), on=date(2023, 7, 10))
    assert (q1["actions_completed"], q1["actions_completed_on_time"]) == (2, 1)
    assert (q2["actions_completed"], q2["actions_completed_on_time"]) == (1, 0)
    assert q1["open_actions"] == q2["open_actions"] == 1
    rows = {
        row["theme"]: row["points"]
        for row in csv.DictReader(io.StringIO(complaints_report.report_csv(q1)))
        if row["section"] == "total"
    }
    assert rows["actions_completed"] == "2" and rows["responded_with_extension"] == "0"


def test_bad_import_writes_nothing_and_lists_every_line(app, tmp_path):
    before = counts()
    bad = """reference,kind,received_on,stage,theme,outcome,summary
C1,complaint,2023-03-31,1,communication,upheld,fine
C1,complaint,2023-04-02,1,decisions,upheld,received_on differs
C2,grumble,2023-04-01,1,communication,upheld,bad kind
C3,complaint,31/03/2023,1,communication,upheld,bad date
C4,complaint,2023-04-01,3,communication,upheld,bad stage
C5,complaint,2023-04-01,1,parking,upheld,unknown theme
C6,complaint,2023-04-01,1,communication,maybe,bad outcome
K1,compliment,2023-04-01,1,joint_working,upheld,stage and outcome must be blank
,complaint,2023-04-01,1,communication,upheld,no reference
C7,complaint,2023-04-01,1,communication,upheld,this line is fine
"""
    result = app.test_cli_runner().invoke(args=["import-complaints", write(tmp_path, bad)])
    assert result.exit_code != 0
    output = result.output
    for line in (3, 4, 5, 6, 7, 8, 9, 10):
        assert f"Line {line}:" in output, output
    assert "Line 2:" not in output and "Line 11:" not in output
    assert "received_on differs" in output and "stage must be blank" in output
    assert "outcome must be blank" in output and "'parking' is not a theme" in output
    assert counts() == before


def test_a_reference_cannot_be_imported_twice(app, tmp_path):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["import-complaints", write(tmp_path, GOOD_FILE)]).exit_code == 0
    before = counts()
    again = runner.invoke(args=["import-complaints", write(tmp_path, GOOD_FILE, "again.csv")])
    assert again.exit_code != 0 and "already been imported" in again.output
    assert counts() == before


def test_bad_quarter_is_a_clear_error(app):
    result = app.test_cli_runner().invoke(args=["complaints-report", "--quarter", "2023-Q1"])
    assert result.exit_code != 0 and "2023-24-Q1" in result.output
