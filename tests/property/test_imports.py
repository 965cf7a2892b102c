"""Arbitrary files fed to every import command: never a traceback, nothing written on error.

The commands are every ``import-*`` command the app has, so an import added later
is fuzzed too. Files are either arbitrary bytes or CSV built from the SPEC §5
headers with a mix of valid and invalid values, so some imports succeed and
most are rejected; a rejected import must leave every table as it was.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import MetaData, func, select

from feedback_app.extensions import db
from tests.property.test_public_forms import invalid_answers

HEADERS = {
    "import-responses": [
        "survey",
        "submitted_on",
        "involved",
        "aspirational",
        "contact",
        "joint_working",
        "paperwork",
        "right_agencies",
        "included",
        "timely_changes",
        "comment",
        "respondent",
    ],
    "import-complaints": [
        "reference",
        "kind",
        "received_on",
        "stage",
        "theme",
        "outcome",
        "summary",
    ],
}
PLAUSIBLE = [
    "new_ehcp",
    "annual_review",
    "2023-05-04",
    "2024-02-30",
    "04/05/2023",
    "strongly_agree",
    "agree",
    "neither",
    "disagree",
    "not_applicable",
    "maybe",
    "parent_carer",
    "young_person",
    "complaint",
    "compliment",
    "1",
    "2",
    "ombudsman",
    "3",
    "communication",
    "timeliness",
    "not_a_theme",
    "upheld",
    "partially_upheld",
    "pending",
    "CMP-001",
    "",
    "=cmd|' /C calc'!A0",
    "He waited 40 weeks; nobody called back.",
]

cell = st.one_of(st.sampled_from(PLAUSIBLE), st.text(max_size=40))


def import_commands(app: Flask) -> list[str]:
    return sorted(name for name in app.cli.list_commands(None) if name.startswith("import-"))  # type: ignore[arg-type]


@st.composite
def csv_files(draw: st.DrawFn, command: str) -> bytes:
    header = list(HEADERS.get(command, ["a", "b"]))
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    if draw(st.integers(0, 4)) == 0:
        header = header[: draw(st.integers(0, len(header)))]
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=len(header) + 2), max_size=6))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    return out.getvalue().encode(encoding, errors="replace")


def row_counts(metadata: MetaData) -> dict[str, int]:
    with db.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in metadata.sorted_tables
        }


def test_there_are_import_commands(app: Flask) -> None:
    assert {"import-responses", "import-complaints"} <= set(import_commands(app))


@pytest.mark.parametrize("command", ["import-responses", "import-complaints"])
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_imports_survive_arbitrary_files(
    app: Flask, tmp_path: Path, command: str, data: st.DataObject
) -> None:
    if command not in import_commands(app):
        pytest.skip(f"{command} does not exist yet")
    content = data.draw(st.one_of(st.binary(max_size=400), csv_files(command)), label="file")
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    metadata = MetaData()
    metadata.reflect(bind=db.engine)
    before = row_counts(metadata)
    result = app.test_cli_runner().invoke(args=[command, str(path)])
    db.session.remove()
    output = result.output + (getattr(result, "stderr", "") or "")
    assert "Traceback" not in output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{command} raised {result.exception!r}") from result.exception
    if result.exit_code != 0:
        assert row_counts(metadata) == before, f"{command} failed but wrote rows"
    assert not invalid_answers()


NASTY_FILES = {
    "empty": b"",
    "header only": b"survey,submitted_on,comment\n",
    "more cells than the header": b"survey,submitted_on\r\nnew_ehcp,new_ehcp,new_ehcp\r\n",
    "fewer cells than the header": (
        b"reference,kind,received_on,stage,theme,outcome,summary\nA,complaint\n"
    ),
    "utf-16": "survey,submitted_on\nnew_ehcp,2023-05-04\n".encode("utf-16"),
    "nul bytes": b"survey,submitted_on,comment\nnew_ehcp,2023-05-04,a\x00b\n",
    "unclosed quote": b'survey,submitted_on,comment\nnew_ehcp,2023-05-04,"never closed\n',
    "duplicate header": b"survey,survey,submitted_on\nnew_ehcp,annual_review,2023-05-04\n",
    "binary": bytes(range(256)),
}


@pytest.mark.parametrize("command", ["import-responses", "import-complaints"])
@pytest.mark.parametrize("name", sorted(NASTY_FILES))
def test_imports_survive_known_nasty_files(
    app: Flask, tmp_path: Path, command: str, name: str
) -> None:
    path = tmp_path / "upload.csv"
    path.write_bytes(NASTY_FILES[name])
    metadata = MetaData()
    metadata.reflect(bind=db.engine)
    before = row_counts(metadata)
    result = app.test_cli_runner().invoke(args=[command, str(path)])
    db.session.remove()
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{command} raised {result.exception!r}") from result.exception
    assert "Traceback" not in result.output
    if result.exit_code != 0:
        assert row_counts(metadata) == before
