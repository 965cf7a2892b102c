"""A reference in the service's own form (CMP-000668) never stops a complaint being logged.

An import once took ``CMP-000668`` while the ids were at 666: two complaints later,
logging a complaint, by an officer or by a family on the public form, was a server
error (the reference was taken) and the family's words were lost.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select, update

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintPoint, Compliment
from feedback_app.services import complaints, compliments, references

HEADER = "reference,kind,received_on,stage,theme,outcome,summary\n"


def _import(app: Flask, tmp_path: Path, text: str) -> tuple[int, str]:
    path = tmp_path / "complaints.csv"
    path.write_text(text, encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["import-complaints", str(path)])
    db.session.rollback()
    return result.exit_code, result.output


def _count(model: type) -> int:
    return int(db.session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize("reference", ["CMP-000668", "cmp-0012345", "CPL-000003"])
def test_an_import_refuses_a_reference_in_the_services_own_form(
    app: Flask, tmp_path: Path, reference: str
) -> None:
    code, output = _import(
        app,
        tmp_path,
        HEADER
        + "OLD-17,complaint,2021-11-05,1,communication,upheld,Emails ignored\n"
        + f"{reference},complaint,2021-12-20,1,timeliness,upheld,Late plan\n"
        + f"{reference},complaint,2021-12-20,1,communication,pending,No calls\n",
    )
    assert code == 1
    problems = [line for line in output.splitlines() if line.startswith("Line ")]
    # Once, on the line that first gives the reference, and nothing else is wrong.
    assert problems == [
        f"Line 3: reference {reference} is in the form this service gives new complaints "
        "and compliments (CMP- or CPL- then 6 or more digits): use the reference from the "
        "old system or spreadsheet, or another one"
    ]
    assert "Nothing was imported" in output
    assert _count(Complaint) + _count(ComplaintPoint) + _count(Compliment) == 0


def test_references_that_only_look_alike_are_still_imported(app: Flask, tmp_path: Path) -> None:
    code, output = _import(
        app,
        tmp_path,
        HEADER
        + "CMP-10482,complaint,2021-11-05,1,communication,upheld,Emails ignored\n"
        + "CMP-2024-0772,complaint,2021-12-20,1,timeliness,upheld,Late plan\n"
        + "SEN-CMP-000668,compliment,2021-12-20,,communication,,Kind and quick\n",
    )
    assert code == 0, output
    assert _count(Complaint) == 2 and _count(Compliment) == 1


def _taken_ahead(app: Flask, tmp_path: Path, make_complaint, ahead: int) -> int:  # type: ignore[no-untyped-def]
    """Import a complaint, then give it (as an older import could) the reference the
    ``ahead``-th complaint from now would get; return the id the next complaint gets."""
    first = make_complaint()
    code, output = _import(
        app, tmp_path, HEADER + "OLD-1,complaint,2021-11-05,1,communication,upheld,x\n"
    )
    assert code == 0, output
    imported = db.session.scalar(select(Complaint).where(Complaint.reference == "OLD-1"))
    assert imported is not None and imported.id == first.id + 1
    next_id = imported.id + 1
    db.session.execute(
        update(Complaint)
        .where(Complaint.id == imported.id)
        .values(reference=f"CMP-{next_id + ahead:06d}")
    )
    db.session.commit()
    return next_id


def test_an_officer_logs_complaints_past_a_taken_reference(
    app: Flask, tmp_path: Path, make_complaint, officer_client: FlaskClient
) -> None:
    next_id = _taken_ahead(app, tmp_path, make_complaint, ahead=1)
    made = []
    for name in ("Alex Carer", "Bo Carer", "Cy Carer"):
        response = officer_client.post(
            "/staff/complaints/new",
            data={
                "received_on": ["3", "4", "2023"],
                "channel": "phone",
                "stage": "1",
                "complainant_name": name,
                "contact_email": "alex@example.com",
                "relationship_to_child": "parent_carer",
                "summary": f"{name}: the caseworker never rang back.",
            },
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:2000]
        made.append(db.session.scalar(select(Complaint).where(Complaint.complainant_name == name)))
    assert [c.id for c in made] == [next_id, next_id + 1, next_id + 2]
    # The first keeps its own number; the second skips the taken one, and so on after it.
    assert [c.reference for c in made] == [
        f"CMP-{next_id:06d}",
        f"CMP-{next_id + 2:06d}",
        f"CMP-{next_id + 3:06d}",
    ]


def test_a_family_sends_a_complaint_past_a_taken_reference(
    app: Flask, tmp_path: Path, make_complaint, client: FlaskClient
) -> None:
    next_id = _taken_ahead(app, tmp_path, make_complaint, ahead=0)
    summary = "Nobody has answered my emails about the draft plan since March."
    response = client.post(
        "/complaints/",
        data={
            "complainant_name": "Jo Family",
            "contact_email": "jo@example.com",
            "relationship_to_child": "parent_carer",
            "summary": summary,
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    sent = db.session.scalar(select(Complaint).where(Complaint.id == next_id))
    assert sent is not None and sent.summary == summary
    assert sent.reference == f"CMP-{next_id + 1:06d}"
    assert sent.reference in client.get("/complaints/sent").get_data(as_text=True)


def test_a_reference_taken_between_the_check_and_the_save_is_skipped(
    app: Flask, tmp_path: Path, make_complaint, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two requests can both find a reference free; the unique index stops the second."""
    next_id = _taken_ahead(app, tmp_path, make_complaint, ahead=0)
    monkeypatch.setattr(references, "_taken", lambda model, reference: False)
    complaint = make_complaint(summary="Sent at the same moment as another")
    assert complaint.id == next_id
    assert complaint.reference == f"CMP-{next_id + 1:06d}"
    db.session.expire_all()
    assert db.session.get(Complaint, next_id).summary == "Sent at the same moment as another"


def test_a_compliment_skips_a_taken_reference(app: Flask) -> None:
    data = {"received_on": date(2023, 5, 2), "theme": "communication", "team": "SEND"}
    first = compliments.create_compliment({**data, "summary": "Quick replies"})
    taken = Compliment(
        reference=f"CPL-{first.id + 2:06d}", received_on=date(2021, 5, 2), theme="health"
    )
    db.session.add(taken)
    db.session.commit()
    second = compliments.create_compliment({**data, "summary": "Kind caseworker"})
    assert second.id == first.id + 2
    assert second.reference == f"CPL-{first.id + 3:06d}"


def test_the_generated_form(app: Flask) -> None:
    assert complaints.create_complaint(
        {
            "received_on": date(2023, 4, 3),
            "complainant_name": "Sam Parent",
            "summary": "No reply",
        }
    ).reference.startswith("CMP-")
    for reference in ("CMP-000001", "CMP-1234567", " cpl-000010 "):
        assert references.looks_generated(reference)
    for reference in ("CMP-00001", "CMP-2024-0772", "XCMP-000001", "CMP-000001a", "CMP-٠٠٠٠٠١"):
        assert not references.looks_generated(reference)
