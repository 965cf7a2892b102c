"""Every action the source records has words of its own, in one table both audit pages read.

A new ``audit.record("area.something", ...)`` without a line in ``audit_words.ACTIONS``
fails here, before a page shows "Area: something" to an officer.
"""

from __future__ import annotations

import re
from pathlib import Path

from feedback_app.services import audit_display, audit_words
from tests.support.audit_codes import record_calls

CALLS = record_calls()


def test_the_source_is_read_whole():
    # The reader finds calls spread over lines and codes held in constants: were it to
    # find nothing, every check below would pass without checking anything.
    codes = {call.code for call in CALLS}
    assert len(CALLS) >= 50
    assert {"complaint.created", "analysis.retrain_requested", "complaints.imported"} <= codes


def test_a_new_code_without_words_is_caught(tmp_path: Path):
    (tmp_path / "new_area.py").write_text(
        "from feedback_app.services import audit\n"
        "LATER = 'area.later'\n"
        "def act(thing):\n"
        "    audit.record('area.done_something', 'thing', thing.id)\n"
        "    audit.record(LATER, 'thing', thing.id)\n"
        "    audit.record(thing.code, 'thing', thing.id)\n"
    )
    found = [call.code for call in record_calls(tmp_path)]
    assert found == ["area.done_something", "area.later", None]
    assert "area.done_something" not in audit_words.ACTIONS


def test_every_recorded_action_has_words():
    unresolved = [call.where for call in CALLS if call.code is None]
    assert unresolved == [], "write the action code as a string or a module constant"
    missing = [
        f"{call.code} ({call.where})" for call in CALLS if call.code not in audit_words.ACTIONS
    ]
    assert missing == [], "add words for these codes to feedback_app/services/audit_words.py"


def test_every_kind_of_record_has_a_name():
    missing = [
        f"{call.entity_type} ({call.where})"
        for call in CALLS
        if call.entity_type not in audit_display.RECORDS
    ]
    assert missing == [], "add a name for these to audit_display.RECORDS"


def test_the_words_are_sentences_not_codes():
    for code, words in audit_words.ACTIONS.items():
        assert words[0].isupper() or words[0] == "“", code
        assert not re.search(r"[._]|\s$|^\s", words), code
        assert words == words.strip() and not words.endswith("."), code


def test_both_pages_read_one_table():
    # Neither display module keeps a table of action words of its own.
    from feedback_app.services import complaints_audit

    assert not hasattr(complaints_audit, "ACTIONS")
    assert not hasattr(audit_display, "ACTIONS")
    assert complaints_audit.action_words is audit_words.action_words
    assert audit_display.action_words is audit_words.action_words


def test_a_code_from_another_version_is_still_worded():
    assert audit_words.action_words("complaint.point_merged") == "Complaint: point merged"
    assert audit_words.action_words("complaint.created") == "Complaint logged"
