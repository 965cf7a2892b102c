"""How the safeguarding lead can reach the family behind a flag.

A flag holds a family's words, but the lead has to act on them: ring the family, or
pass on who they are. The lead's flag page shows what the record the words came from
holds about reaching the family: for a survey response, the details the family chose to
leave (or that there are none: the response is anonymous); for a complaint, its
reference and the complainant's details; for a compliment, what it holds. Only the
flag page shows them, to the lead, and each showing is in the audit log (which flag,
never the details).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import (
    Complaint,
    Compliment,
    ContactRequest,
    Response,
    SafeguardingFlag,
)
from feedback_app.models.complaints import RELATIONSHIPS
from feedback_app.services import audit
from feedback_app.services.contact_requests import reply_by

NOT_GIVEN = "Not given"


@dataclass(frozen=True)
class FamilyContact:
    """What the lead is shown about reaching the family: the record the words came from,
    its details as label and value, and anything to say in words."""

    record: str
    details: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Whether ``details`` hold anything personal (then showing them is audited)
    personal: bool = False


def how_to_reach(flag: SafeguardingFlag) -> FamilyContact:
    """Say how to reach the family behind ``flag``, and record in the audit log that the
    lead was shown their details (which flag, never the details); commits."""
    comment = flag.comment
    finders = {"survey": _survey, "complaint": _complaint, "compliment": _compliment}
    finder = finders.get(comment.source)
    if finder is None:
        return FamilyContact(
            record=f"{comment.source.capitalize()} {comment.source_id}",
            notes=["This comment did not come with any contact details."],
        )
    contact = finder(comment.source_id)
    if contact.personal:
        audit.record("safeguarding.contact_viewed", "safeguarding_flag", flag.id)
        db.session.commit()
    return contact


def _gone(record: str, what: str) -> FamilyContact:
    return FamilyContact(
        record=record, notes=[f"The {what} these words came from is no longer held."]
    )


def _survey(response_id: int) -> FamilyContact:
    response = db.session.get(Response, response_id)
    record = f"Survey response {response_id}"
    if response is None:
        return _gone(record, "survey response")
    record = f"{record} ({response.survey.name})"
    asked = "Yes" if response.contact_consent else "No"
    given = [
        (label, value)
        for label, value in (
            ("Name", response.contact_name),
            ("Email", response.contact_email),
            ("Phone", response.contact_phone),
        )
        if value
    ]
    details = [("Asked to be contacted", asked), *given]
    if not given:
        note = (
            "They asked to be contacted, but their contact details have been erased "
            "after the retention period."
            if response.contact_consent
            else "They left no contact details: the response is anonymous."
        )
        return FamilyContact(record=record, details=details, notes=[note])
    notes = []
    request = db.session.scalar(
        select(ContactRequest).where(ContactRequest.response_id == response.id)
    )
    if request is not None and request.contacted_at is not None:
        who = request.contacted_by.display_name if request.contacted_by else "a complaints officer"
        notes.append(
            f"{who} recorded contacting them on {clock.in_uk(request.contacted_at):%-d %B %Y}."
        )
    elif request is not None:
        notes.append(
            "They are on the complaints officers' list of families to contact. We promised "
            f"to get in touch by {reply_by(request.requested_on):%-d %B %Y}; no officer has "
            "recorded contacting them yet."
        )
    return FamilyContact(record=record, details=details, notes=notes, personal=True)


def _complaint(complaint_id: int) -> FamilyContact:
    complaint = db.session.get(Complaint, complaint_id)
    if complaint is None:
        return _gone(f"Complaint {complaint_id}", "complaint")
    record = f"Complaint {complaint.reference}"
    reference = [("Complaint reference", complaint.reference)]
    if complaint.erased_at is not None:
        return FamilyContact(
            record=record,
            details=reference,
            notes=[
                "The complainant's personal data was erased after the retention period, on "
                f"{clock.in_uk(complaint.erased_at):%-d %B %Y}."
            ],
        )
    officer = complaint.officer.display_name if complaint.officer else "Not assigned"
    details = [
        *reference,
        ("Name", complaint.complainant_name or NOT_GIVEN),
        ("Email", complaint.contact_email or NOT_GIVEN),
        ("Phone", complaint.contact_phone or NOT_GIVEN),
        ("Address", complaint.contact_address or NOT_GIVEN),
        (
            "Relationship to the child",
            RELATIONSHIPS.get(complaint.relationship_to_child, complaint.relationship_to_child),
        ),
        ("Child's case reference", complaint.child_reference or NOT_GIVEN),
        ("Complaints officer", officer),
    ]
    return FamilyContact(record=record, details=details, personal=True)


def _compliment(compliment_id: int) -> FamilyContact:
    compliment = db.session.get(Compliment, compliment_id)
    if compliment is None:
        return _gone(f"Compliment {compliment_id}", "compliment")
    details = [
        ("Compliment reference", compliment.reference or NOT_GIVEN),
        ("Team praised", compliment.team or NOT_GIVEN),
        ("Person praised", compliment.person_praised or NOT_GIVEN),
    ]
    return FamilyContact(
        record=f"Compliment {compliment.reference or compliment.id}",
        details=details,
        notes=[
            "A compliment holds no contact details for the family who sent it. The team "
            "or person praised may know who they are."
        ],
        personal=bool(compliment.person_praised),
    )
