"""Importing historic complaints and compliments from CSV (SPEC §5), all or nothing.

Every row is checked before anything is written; if any row is wrong the whole
file is refused with every problem listed by line number (line 1 is the header),
so an officer can fix a spreadsheet in one pass.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintPoint, Compliment, Theme
from feedback_app.models.complaints import OUTCOMES, STAGES
from feedback_app.services import audit, comments, references
from feedback_app.services.complaints import complainant, new_stage, refresh
from feedback_app.services.import_csv import by_line, parse_date, read_table
from feedback_app.services.responses import clean_text

COLUMNS = ("reference", "kind", "received_on", "stage", "theme", "outcome", "summary")


class ImportRejected(ValueError):
    """The file was refused; ``problems`` lists every one, as ``Line N: …``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class _Row:
    line: int
    reference: str
    kind: str
    received_on: date | None
    stage: str
    theme: str
    outcome: str
    summary: str


@dataclass
class ImportResult:
    """How much was imported."""

    complaints: int = 0
    points: int = 0
    compliments: int = 0
    references: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        return (
            f"Imported {self.complaints} complaints ({self.points} points) "
            f"and {self.compliments} compliments"
        )


def _column_length(name: str) -> int | None:
    """The most characters any table the import writes ``name`` to will hold, if limited."""
    lengths = [
        length
        for model in (Complaint, ComplaintPoint, Compliment)
        if (column := model.__table__.columns.get(name)) is not None
        and (length := getattr(column.type, "length", None))
    ]
    return min(lengths) if lengths else None


LENGTHS = {name: length for name in COLUMNS if (length := _column_length(name))}


def parse(text: str, today: date | None = None) -> list[_Row]:
    """Read and check every row; raise ImportRejected listing all problems."""
    today = today or clock.today()
    table = read_table(text, date_column="received_on")
    if table.header_problems:
        raise ImportRejected(table.header_problems)
    missing = [c for c in COLUMNS if c not in table.header]
    if missing:
        raise ImportRejected([f"Line 1: the header is missing the columns {', '.join(missing)}"])
    slugs = set(db.session.scalars(select(Theme.slug)))
    problems: list[str] = list(table.problems)
    rows: list[_Row] = []
    for record in table.rows:
        line = record.line
        # Control characters (NUL above all, which PostgreSQL refuses) never reach the database.
        get = {key: clean_text(record.cells[key]) for key in COLUMNS}
        received_on, wrong_date = parse_date("received_on", get["received_on"], today)
        row = _Row(
            line,
            get["reference"],
            get["kind"],
            received_on,
            get["stage"],
            get["theme"],
            get["outcome"],
            get["summary"],
        )
        found: list[str] = [
            f"{name} is longer than {length} characters"
            for name, length in LENGTHS.items()
            if len(get[name]) > length
        ]
        if not row.reference:
            found.append("reference is blank")
        if row.kind not in ("complaint", "compliment"):
            found.append(f"kind must be complaint or compliment, not {row.kind!r}")
        if wrong_date:
            found.append(wrong_date)
        if row.theme not in slugs:
            found.append(f"theme {row.theme!r} is not a theme slug")
        if row.kind == "complaint":
            if row.stage not in STAGES:
                found.append(f"stage must be 1, 2 or ombudsman, not {row.stage!r}")
            if row.outcome not in OUTCOMES:
                found.append(f"outcome must be one of {', '.join(OUTCOMES)}, not {row.outcome!r}")
        elif row.kind == "compliment":
            if row.stage:
                found.append("stage must be blank for a compliment")
            if row.outcome:
                found.append("outcome must be blank for a compliment")
        else:  # an unknown kind: still check what either kind would take
            if row.stage and row.stage not in STAGES:
                found.append(f"stage must be 1, 2, ombudsman or blank, not {row.stage!r}")
            if row.outcome and row.outcome not in OUTCOMES:
                found.append(
                    f"outcome must be one of {', '.join(OUTCOMES)} or blank, not {row.outcome!r}"
                )
        problems.extend(f"Line {line}: {problem}" for problem in found)
        rows.append(row)
    if not rows and not problems:
        problems.append("Line 2: the file has no rows to import")
    problems.extend(_check_references(rows))
    if problems:
        raise ImportRejected(by_line(problems))
    return rows


def _check_references(rows: list[_Row]) -> list[str]:
    problems: list[str] = []
    by_reference: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        if row.reference:
            by_reference[row.reference].append(row)
    existing = set(
        db.session.scalars(
            select(Complaint.reference).where(Complaint.reference.in_(list(by_reference)))
        )
    ) | set(
        db.session.scalars(
            select(Compliment.reference).where(Compliment.reference.in_(list(by_reference)))
        )
    )
    for reference, group in by_reference.items():
        first = group[0]
        if references.looks_generated(reference):
            # It would be the reference of a complaint or compliment not yet logged here.
            problems.append(
                f"Line {first.line}: reference {reference} is in the form this service gives "
                f"new complaints and compliments ({references.GENERATED_FORM}): use the "
                "reference from the old system or spreadsheet, or another one"
            )
        elif reference in existing:
            problems.append(f"Line {first.line}: reference {reference} has already been imported")
        if first.kind == "compliment" and len(group) > 1:
            problems.extend(
                f"Line {row.line}: reference {reference} is used on line {first.line}; "
                "each compliment needs its own reference"
                for row in group[1:]
            )
            continue
        for row in group[1:]:
            for name in ("kind", "received_on", "stage"):
                if getattr(row, name) != getattr(first, name):
                    problems.append(
                        f"Line {row.line}: {name} differs from line {first.line} "
                        f"for the same complaint {reference}"
                    )
    return problems


def import_text(text: str, today: date | None = None) -> ImportResult:
    """Check the whole file, then write it in one transaction and commit."""
    rows = parse(text, today)
    today = today or clock.today()
    result = ImportResult()
    groups: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        groups[row.reference].append(row)
    context = comments.AnalysisContext.load()
    try:
        for reference, group in groups.items():
            first = group[0]
            assert first.received_on is not None
            if first.kind == "compliment":
                compliment = Compliment(
                    reference=reference,
                    received_on=first.received_on,
                    theme=first.theme,
                    summary=first.summary,
                    team="",
                    person_praised="",
                )
                db.session.add(compliment)
                db.session.flush()
                comments.record_comment(
                    source="compliment",
                    source_id=compliment.id,
                    text=compliment.summary,
                    received_on=compliment.received_on,
                    context=context,
                )
                result.compliments += 1
                continue
            _import_complaint(reference, group, today, context)
            result.complaints += 1
            result.points += len(group)
            result.references.append(reference)
        audit.record(
            "complaints.imported",
            "import",
            today.isoformat(),
            complaints=result.complaints,
            points=result.points,
            compliments=result.compliments,
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def _import_complaint(
    reference: str, group: list[_Row], today: date, context: comments.AnalysisContext
) -> Complaint:
    first = group[0]
    assert first.received_on is not None
    complaint = Complaint(
        reference=reference,
        received_on=first.received_on,
        channel="import",
        summary="\n".join(row.summary for row in group if row.summary),
        complainant_name="",
        contact_email="",
        contact_phone="",
        contact_address="",
        relationship_to_child="parent_carer",
        child_reference="",
        ehcp_stage="",
    )
    complaint.stages.append(new_stage(first.stage, first.received_on))
    for position, row in enumerate(group, start=1):
        complaint.points.append(
            ComplaintPoint(
                theme=row.theme,
                summary=row.summary,
                outcome=row.outcome,
                stage=row.stage,
                position=position,
            )
        )
    if all(row.outcome != "pending" for row in group):
        # Every point has an outcome, so the complaint was settled; the file does not say
        # when, so retention runs from the import (never erasing too early).
        complaint.closed_on = today
    refresh(complaint)
    db.session.add(complaint)
    db.session.flush()
    comments.record_comment(
        source="complaint",
        source_id=complaint.id,
        text=complaint.summary,
        received_on=complaint.received_on,
        context=context,
        writer=complainant(complaint),
    )
    audit.record(
        "complaint.imported", "complaint", complaint.id, reference=reference, points=len(group)
    )
    return complaint
