"""Importing historic complaints and compliments from CSV (SPEC §5), all or nothing.

Every row is checked before anything is written; if any row is wrong the whole
file is refused with every problem listed by line number (line 1 is the header),
so an officer can fix a spreadsheet in one pass.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintPoint, Compliment, Theme
from feedback_app.models.complaints import OUTCOMES, STAGES
from feedback_app.services import audit, comments
from feedback_app.services.complaints import new_stage, refresh

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


def _parse_date(value: str) -> date | None:
    try:
        if len(value) != 10:
            return None
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse(text: str, today: date | None = None) -> list[_Row]:
    """Read and check every row; raise ImportRejected listing all problems."""
    today = today or date.today()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportRejected([f"Line 1: the header is missing the columns {', '.join(missing)}"])
    slugs = set(db.session.scalars(select(Theme.slug)))
    problems: list[str] = []
    rows: list[_Row] = []
    for record in reader:
        line = reader.line_num
        get = {key: (record.get(key) or "").strip() for key in COLUMNS}
        row = _Row(
            line,
            get["reference"],
            get["kind"],
            _parse_date(get["received_on"]),
            get["stage"],
            get["theme"],
            get["outcome"],
            get["summary"],
        )
        found: list[str] = []
        if not row.reference:
            found.append("reference is blank")
        if row.kind not in ("complaint", "compliment"):
            found.append(f"kind must be complaint or compliment, not {row.kind!r}")
        if row.received_on is None:
            found.append(
                f"received_on must be a real date as YYYY-MM-DD, not {get['received_on']!r}"
            )
        elif row.received_on > today:
            found.append(f"received_on {row.received_on.isoformat()} is in the future")
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
        problems.extend(f"Line {line}: {problem}" for problem in found)
        rows.append(row)
    if not rows and not problems:
        problems.append("Line 2: the file has no rows to import")
    problems.extend(_check_references(rows))
    if problems:
        raise ImportRejected(sorted(problems, key=lambda p: int(p.split(":")[0].split()[1])))
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
        if reference in existing:
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
    today = today or date.today()
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
    )
    audit.record(
        "complaint.imported", "complaint", complaint.id, reference=reference, points=len(group)
    )
    return complaint
