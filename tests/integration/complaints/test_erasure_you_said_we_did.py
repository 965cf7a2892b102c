"""When retention erases a complaint, a "you said, we did" entry written from one of its
actions stays published for the forum, but keeps none of the complainant's details that
the redaction rules could not know when staff wrote it."""

from __future__ import annotations

from datetime import date

from feedback_app.extensions import db
from feedback_app.models import Complaint, Improvement
from feedback_app.services import audit, complaint_points, complaints, improvements
from tests.conftest import parse_html
from tests.support.planted import where_found

NAME, EMAIL, PHONE = "Perpetua Zanzibar", "perpetua.z@example.com", "07700 900987"
# What the complaint holds that the rules do not recognise in the wording staff wrote:
# a surname with no "Mrs" or "the … family" before it, the child's case reference and
# the street of the family's address.
PLANTED = ["Zanzibar", "QZ77", "Marmoset Row"]


def _entry_from_an_erasable_complaint(make_complaint) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A closed complaint whose action became an entry in words that repeat the family's
    details; return the complaint's and the entry's ids."""
    complaint = make_complaint(
        received_on=date(2016, 5, 3),
        complainant_name=NAME,
        contact_email=EMAIL,
        contact_phone=PHONE,
        contact_address="1 Marmoset Row\nLeeds",
        child_reference="QZ77",
        summary="The taxi never came.",
    )
    point = complaint_points.add_point(
        complaint, theme="transport", summary="The taxi never came", outcome="upheld"
    )
    action = complaint_points.add_action(
        point,
        {
            "description": f"Ring {NAME} about the taxi",
            "team": "Transport",
            "owner": "A Manager",
            "due_on": date(2016, 6, 1),
            "you_said_we_did": True,
        },
    )
    entry = improvements.create_entry(
        improvements.EntryInput(
            theme="transport",
            title="Zanzibar family: taxis that turn up",
            you_said="Zanzibar family asked why the taxi for QZ77 never came.",
            we_did="Drivers on Marmoset Row now ring the family when they are late.",
            service="Transport",
            status="in_progress",
        ),
        complaint_action_id=action.id,
    )
    improvements.add_milestone(entry, "Meet Zanzibar family with the drivers", None, None)
    complaint_points.complete_action(action, date(2016, 6, 1), "Drivers briefed")
    complaints.respond(complaint, date(2016, 6, 2))
    complaints.close(complaint, date(2016, 6, 2))
    return complaint.id, entry.id


def test_erasure_hides_the_family_s_details_in_the_entry(app, client, make_complaint):
    complaint_id, entry_id = _entry_from_an_erasable_complaint(make_complaint)
    assert "Zanzibar family" in client.get("/you-said-we-did").get_data(as_text=True)

    result = app.test_cli_runner().invoke(args=["purge-expired"])

    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert db.session.get(Complaint, complaint_id).erased_at is not None
    assert where_found(PLANTED) == []
    entry = db.session.get(Improvement, entry_id)
    assert entry.title == "[name] family: taxis that turn up"
    assert entry.you_said == "[name] family asked why the taxi for [reference] never came."
    assert entry.we_did == "Drivers on [address] now ring the family when they are late."
    assert [m.description for m in entry.milestones] == ["Meet [name] family with the drivers"]
    # Still published, still following its action, and the rest of it as it was.
    assert entry.published and entry.status == "done"
    assert (entry.service, entry.theme, entry.completed_on) == (
        "Transport",
        "transport",
        date(2016, 6, 1),
    )
    page = client.get("/you-said-we-did").get_data(as_text=True)
    parse_html(page)
    assert "[name] family: taxis that turn up" in page and "Zanzibar" not in page
    hidden = [e for e in audit.entries_for("improvement", entry_id) if "fields" in e.changes]
    assert [e.changes for e in hidden] == [
        {"fields": ["title", "you_said", "we_did"], "milestones": 1}
    ]


def test_other_entries_and_complaints_not_yet_due_are_left_alone(app, make_complaint):
    _entry_from_an_erasable_complaint(make_complaint)
    recent = make_complaint(complainant_name="Ada Quokkason")
    point = complaint_points.add_point(
        recent, theme="transport", summary="Late taxi", outcome="upheld"
    )
    action = complaint_points.add_action(
        point,
        {"description": "Brief drivers", "team": "Transport", "due_on": date(2023, 6, 1)},
    )
    action.you_said_we_did = True
    db.session.commit()
    words = improvements.EntryInput(
        theme="transport",
        title="Quokkason family: taxis on time",
        you_said="Quokkason family told us about late taxis.",
        we_did="Drivers ring ahead.",
        service="Transport",
        status="in_progress",
    )
    kept = improvements.create_entry(words, complaint_action_id=action.id)
    # An entry of no complaint that happens to share the erased family's surname.
    unrelated = improvements.create_entry(
        improvements.EntryInput(
            theme="transport",
            title="Zanzibar Road depot opened",
            you_said="Families asked for a nearer depot.",
            we_did="We opened one.",
            service="Transport",
            status="done",
            completed_on=date(2016, 1, 4),
        )
    )

    app.test_cli_runner().invoke(args=["purge-expired"])

    db.session.expire_all()
    assert db.session.get(Improvement, kept.id).title == "Quokkason family: taxis on time"
    assert db.session.get(Improvement, unrelated.id).title == "Zanzibar Road depot opened"
