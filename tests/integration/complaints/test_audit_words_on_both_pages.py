"""A complaint's own audit trail and the admin's audit log name each event in the same
words, and neither shows an action code or a slug, for every action the source records."""

from __future__ import annotations

import re

from feedback_app.extensions import db
from feedback_app.models import Theme
from feedback_app.services import audit
from feedback_app.services.audit_words import ACTIONS
from tests.conftest import parse_html
from tests.support.audit_codes import record_calls

CODES = sorted({call.code for call in record_calls() if call.code})


def _column(body: str, index: int) -> list[str]:
    rows = parse_html(body).select("main tbody tr")
    return [" ".join(row.find_all("td")[index].get_text(" ").split()) for row in rows]


def test_both_pages_word_every_recorded_action_alike(sign_in, make_complaint):
    complaint = make_complaint()
    for code in CODES:
        audit.record(code, "complaint", complaint.id)
    db.session.commit()
    admin = sign_in("admin")

    trail_page = admin.get(f"/staff/complaints/{complaint.id}/audit")
    log_page = admin.get(f"/staff/admin/audit?type=complaint&id={complaint.id}")
    assert trail_page.status_code == log_page.status_code == 200
    trail, log = trail_page.get_data(as_text=True), log_page.get_data(as_text=True)

    # Oldest first on both: logged, every code in turn, then the view of the trail itself.
    trail_words, log_words = _column(trail, 2), _column(log, 2)
    assert trail_words == log_words
    assert trail_words == [
        "Complaint logged",
        *(ACTIONS[code] for code in CODES),
        "Complaint viewed",
    ]
    for body in (trail, log):
        text = parse_html(body).find("main").get_text(" ")
        # "complaint.point_added", or its slug "point_added"
        raw = [*CODES, *(code.partition(".")[2] for code in CODES if "_" in code)]
        leaked = [code for code in raw if code in text]
        assert leaked == []


def test_the_log_names_every_kind_of_record_in_words(sign_in):
    theme = db.session.query(Theme).order_by(Theme.position).first()
    assert theme is not None
    calls = {call.code: call.entity_type for call in record_calls()}
    for code, entity_type in sorted(calls.items()):
        audit.record(code, entity_type, theme.slug if entity_type == "theme" else 7)
    audit.record("surveys.retention_purge", "responses", "-", contacts_erased=2)
    db.session.commit()

    log = sign_in("admin").get("/staff/admin/audit").get_data(as_text=True)
    records = _column(log, 3)
    assert f"Theme “{theme.name}”" in records
    assert "Survey responses" in records and "Compliment 7" in records
    assert not [record for record in records if re.search(r"[._]|-$", record)]
    assert not [words for words in _column(log, 2) if re.search(r"[._]", words)]
