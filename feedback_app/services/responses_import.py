"""Importing historic survey responses from CSV (SPEC §5): all or nothing.

Every row is checked before anything is written; any problem rejects the whole
file with each problem listed as "Line N: …" (the header is line 1).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy import select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Answer, Question, Response, Survey, SurveyVersion
from feedback_app.models.surveys import RESPONDENTS
from feedback_app.services.comments import AnalysisContext, record_comment
from feedback_app.services.import_csv import by_line, parse_date, read_table
from feedback_app.services.responses import clean_text

REQUIRED = ("survey", "submitted_on")


class ImportError_(ValueError):
    """The file was rejected; ``problems`` lists every problem by line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class _Row:
    survey: Survey
    submitted_on: date
    respondent: str | None
    answers: dict[str, str] = field(default_factory=dict)
    comment: str = ""


def _versions(survey: Survey) -> dict[str, tuple[SurveyVersion, dict[str, Question]]]:
    out = {}
    for version in survey.versions:
        if version.is_current:
            out[version.audience] = (version, {q.key: q for q in version.questions})
    return out


def _questions_of_any(surveys: Iterable[Survey]) -> dict[str, list[str] | None]:
    """Each question id of any survey's current versions, with the answers it takes in any
    of them, in the order they are offered (None for free text)."""
    found: dict[str, list[str] | None] = {}
    for survey in surveys:
        for _version, questions in _versions(survey).values():
            for key, question in questions.items():
                if question.kind == "text":
                    found[key] = None
                    continue
                options = found.setdefault(key, [])
                if options is not None:
                    options.extend(v for v in question.option_values if v not in options)
    return found


def _answer_problems(
    record: dict[str, str], questions: dict[str, list[str] | None], of: str
) -> list[str]:
    """The answer columns of a row that are not questions, or hold an answer they do not take."""
    found = []
    for column, value in record.items():
        if column in (*REQUIRED, "respondent", "comment"):
            continue
        if column not in questions:
            found.append(f"{column!r} is not a question of {of}")
            continue
        options = questions[column]
        if value and options is not None and value not in options:
            found.append(f"{column} {value!r} is not one of {', '.join(options)}")
    return found


def _parse(text: str, today: date) -> list[_Row]:
    table = read_table(text, date_column="submitted_on")
    if table.header_problems:
        raise ImportError_(table.header_problems)
    problems = [f"Line 1: the header must include {c}" for c in REQUIRED if c not in table.header]
    if problems:
        raise ImportError_(problems)
    problems = list(table.problems)
    surveys = {s.slug: s for s in db.session.scalars(select(Survey))}
    any_survey = _questions_of_any(surveys.values())
    rows: list[_Row] = []
    for raw in table.rows:
        number, record = raw.line, raw.cells
        line_problems: list[str] = []
        survey = surveys.get(record["survey"])
        if survey is None:
            line_problems.append(
                f"survey {record['survey']!r} is not a survey id ({', '.join(sorted(surveys))})"
            )
        submitted_on, wrong = parse_date("submitted_on", record["submitted_on"], today)
        if wrong:
            line_problems.append(wrong)
        respondent = record.get("respondent") or None
        if respondent is not None and respondent not in RESPONDENTS:
            line_problems.append(
                f"respondent {respondent!r} must be one of {', '.join(RESPONDENTS)}"
            )
        if survey is None:
            # Every other problem the row has is still listed: its answers are checked
            # against the questions of every survey.
            line_problems.extend(_answer_problems(record, any_survey, "any survey"))
            problems.extend(f"Line {number}: {problem}" for problem in line_problems)
            continue
        audience = "young_person" if respondent == "young_person" else "parent"
        versions = _versions(survey)
        questions = versions.get(audience, versions.get("parent", (None, {})))[1]
        row = _Row(survey=survey, submitted_on=submitted_on or date.min, respondent=respondent)
        for column, value in record.items():
            if column in (*REQUIRED, "respondent"):
                continue
            if column == "comment":
                row.comment = clean_text(value)
                continue
            question = questions.get(column)
            if question is None:
                line_problems.append(f"{column!r} is not a question of {survey.slug}")
                continue
            if not value:
                continue
            if question.kind == "text":
                row.comment = row.comment or clean_text(value)
            elif value not in question.option_values:
                line_problems.append(
                    f"{column} {value!r} is not one of {', '.join(question.option_values)}"
                )
            else:
                row.answers[column] = value
        problems.extend(f"Line {number}: {problem}" for problem in line_problems)
        rows.append(row)
    if not rows and not problems:
        problems.append("Line 2: the file has no responses")
    if problems:
        raise ImportError_(by_line(problems))
    return rows


def import_responses(text: str, today: date | None = None) -> int:
    """Check then import every response in the CSV text; return how many. Commits.

    A response dated after ``today`` (default: the real today) is refused.

    Comments go through ``record_comment`` (analysis, redaction and safeguarding
    flags); imported comments have no consent to be quoted.
    """
    rows = _parse(text, today or clock.today())
    context = AnalysisContext.load()
    try:
        for row in rows:
            audience = "young_person" if row.respondent == "young_person" else "parent"
            versions = _versions(row.survey)
            version, questions = versions.get(audience) or versions["parent"]
            response = Response(
                survey_id=row.survey.id,
                version_id=version.id,
                status="submitted",
                submitted_on=row.submitted_on,
                submitted_at=datetime.combine(row.submitted_on, time(12), tzinfo=UTC),
                respondent=row.respondent,
                channel="import",
                quote_consent=False,
            )
            response.answers = [
                Answer(question_id=questions[key].id, question_key=key, value=value)
                for key, value in row.answers.items()
            ]
            db.session.add(response)
            if row.comment:
                db.session.flush()
                record_comment(
                    source="survey",
                    source_id=response.id,
                    text=row.comment,
                    received_on=row.submitted_on,
                    survey_id=row.survey.id,
                    quote_consent=False,
                    context=context,
                )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return len(rows)
