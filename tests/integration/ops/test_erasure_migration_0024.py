"""Migration 0024: responses whose contact details an older retention erased (it blanked
the name, email and phone only) lose the family's words the way erasure now takes them;
"you said, we did" entries of complaints erased before are redacted again. Responses that
never had contact details, or still have them, are left alone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from feedback_app.extensions import db
from feedback_app.models import (
    Answer,
    AuditEntry,
    Comment,
    Complaint,
    ComplaintAction,
    ComplaintPoint,
    Improvement,
    Milestone,
    RedactionName,
    Release,
    ReleaseQuote,
    Response,
    Survey,
    SurveyVersion,
)
from tests.conftest import make_app, require_or_skip
from tests.support.planted import where_found
from tests.support.postgres import find_postgres_bin, start_postgres

pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind: the migration is plain SQL on both."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db.sqlite3'}"
        return
    require_or_skip(find_postgres_bin() is not None, "PostgreSQL server binaries not installed")
    with start_postgres() as url:
        yield url


SENT = datetime(2024, 1, 10, tzinfo=UTC)
PURGED = datetime(2025, 3, 1, tzinfo=UTC)  # the old purge, which blanked three columns
RAW = (
    "bramble at the SEND team finally rang me back. "
    "Perpetua Zanzibar here: ring me on 07700 900987."
)
REDACTED = "bramble at the SEND team finally rang me back. [name] here: ring me on [phone]."
MENDED = "[name] at the SEND team finally rang me back. [name] here: ring me on [phone]."
FAMILY = [["Perpetua Zanzibar", "name"], ["Zanzibar", "name"], ["07700 900987", "phone"]]


def _response(text: str, *, consent: bool, sent: datetime, **contact: str | None) -> int:
    """A submitted response with a comment, written with SQL as older code left it."""
    survey_id, version_id = db.session.execute(
        select(Survey.id, SurveyVersion.id)
        .join(SurveyVersion, SurveyVersion.survey_id == Survey.id)
        .where(Survey.slug == "new_ehcp", SurveyVersion.audience == "parent")
    ).first()
    response_id = db.session.execute(
        insert(Response.__table__).values(
            survey_id=survey_id,
            version_id=version_id,
            status="submitted",
            submitted_at=sent,
            submitted_on=sent.date(),
            contact_consent=consent,
            quote_consent=True,
            contact_name=contact.get("name"),
            contact_email=contact.get("email"),
            contact_phone=contact.get("phone"),
        )
    ).inserted_primary_key[0]
    db.session.execute(
        insert(Answer.__table__),
        [
            {
                "response_id": response_id,
                "question_key": "involved",
                "value": "disagree",
                "text": None,
            },
            {"response_id": response_id, "question_key": "comment", "value": None, "text": text},
        ],
    )
    return response_id


def _comment(response_id: int, text: str, redacted: str, hidden: list[list[str]]) -> int:
    survey_id = db.session.scalar(select(Survey.id).where(Survey.slug == "new_ehcp"))
    return db.session.execute(
        insert(Comment.__table__).values(
            source="survey",
            source_id=response_id,
            field="comment",
            survey_id=survey_id,
            received_on=date(2024, 1, 10),
            text=text,
            redacted=redacted,
            quote_consent=True,
            hidden_phrases=hidden,
            machine_themes=["communication"],
            safeguarding=False,
            safeguarding_phrases=[],
            review_status="unreviewed",
        )
    ).inserted_primary_key[0]


def _published_quote(comment_id: int, text: str) -> None:
    """A published release whose frozen snapshot quotes the comment as approved (before
    "bramble" was hidden)."""
    survey_id = db.session.scalar(select(Survey.id).where(Survey.slug == "new_ehcp"))
    release_id = db.session.execute(
        insert(Release.__table__).values(
            survey_id=survey_id,
            period="2023-24",
            version=1,
            status="published",
            note="",
            snapshot={"quotes": [{"id": 1, "comment_id": comment_id, "text": text}]},
        )
    ).inserted_primary_key[0]
    db.session.execute(
        insert(ReleaseQuote.__table__).values(
            release_id=release_id, comment_id=comment_id, status="approved", text=text
        )
    )


def _audit(action: str, entity_type: str, entity_id: object, at: datetime, **changes: Any) -> None:
    db.session.execute(
        insert(AuditEntry.__table__).values(
            at=at,
            actor="system",
            action=action,
            entity_type=entity_type,
            entity_id=str(entity_id),
            changes=changes,
        )
    )


def _entry(complaint_name: str, erased: bool, title: str) -> int:
    """A "you said, we did" entry written from a complaint's action."""
    complaint_id = db.session.execute(
        insert(Complaint.__table__).values(
            reference=f"CMP-{complaint_name[:5]}",
            received_on=date(2016, 5, 3),
            complainant_name="[erased]" if erased else complaint_name,
            summary="[erased]" if erased else "Words",
            erased_at=datetime(2024, 1, 1, tzinfo=UTC) if erased else None,
        )
    ).inserted_primary_key[0]
    point_id = db.session.execute(
        insert(ComplaintPoint.__table__).values(
            complaint_id=complaint_id, theme="transport", summary="[erased]", outcome="upheld"
        )
    ).inserted_primary_key[0]
    action_id = db.session.execute(
        insert(ComplaintAction.__table__).values(
            point_id=point_id,
            description="[erased]",
            team="Transport",
            due_on=date(2016, 6, 1),
            status="done",
            you_said_we_did=True,
        )
    ).inserted_primary_key[0]
    entry_id = db.session.execute(
        insert(Improvement.__table__).values(
            theme="transport",
            title=title,
            you_said="Families told us taxis were late.",
            we_did="Drivers ring ahead.",
            service="Transport",
            status="done",
            source="complaint_action",
            complaint_action_id=action_id,
            published=True,
        )
    ).inserted_primary_key[0]
    db.session.execute(
        insert(Milestone.__table__).values(improvement_id=entry_id, description=title)
    )
    _audit("improvement.created", "improvement", entry_id, SENT, title=title, status="done")
    return entry_id


def test_0024_mends_what_older_erasure_left(database: str) -> None:
    app = make_app(database)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0022"]).exit_code == 0
    with app.app_context():
        # Erased by the old purge: no details left, consent still given, words all there.
        erased = _response(RAW, consent=True, sent=SENT)
        erased_comment = _comment(erased, RAW, REDACTED, [*FAMILY, ["bramble", "name"]])
        # Published before an analyst hid "bramble": only the hidden phrase hides it there.
        _published_quote(erased_comment, REDACTED)
        # Anonymous, with words an analyst hid: never had details, so keeps its text.
        anonymous = _response("bramble rang me", consent=False, sent=SENT)
        _comment(anonymous, "bramble rang me", "[name] rang me", [["bramble", "name"]])
        # Details still held (not yet expired): untouched.
        held = _response(
            "Ada Quokkason: fine", consent=True, sent=SENT, name="Ada Quokkason", phone="0770"
        )
        _comment(held, "Ada Quokkason: fine", "[name]: fine", [["Ada Quokkason", "name"]])
        # Said yes to contact, gave nothing, sent after the last purge: never erased.
        later = _response("Bob Quagga, no number", consent=True, sent=datetime(2025, 6, 1))
        _comment(later, "Bob Quagga, no number", "[name], no number", [["Quagga", "name"]])
        _audit("surveys.retention_purge", "responses", "-", PURGED, contacts_erased=1, drafts=0)
        erased_entry = _entry("Zanzibar", erased=True, title="Zanzibar family: taxis on time")
        kept_entry = _entry("Quokkason", erased=False, title="Zanzibar family: taxis on time")
        db.session.execute(insert(RedactionName.__table__).values(name="Zanzibar"))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()

    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0

    with app.app_context():
        comment = db.session.get(Comment, erased_comment)
        assert (comment.text, comment.redacted) == (MENDED, MENDED)
        # The frozen quote still shows "bramble": its phrase stays, and only that one.
        assert comment.hidden_phrases == [["bramble", "name"]]
        assert comment.version == 2
        assert _answer(erased) == MENDED
        quote = db.session.scalars(select(ReleaseQuote)).one()
        assert quote.text == MENDED

        assert _answer(anonymous) == "bramble rang me"
        assert _comment_text(anonymous) == "bramble rang me"
        assert _answer(held) == "Ada Quokkason: fine"
        assert _comment_text(held) == "Ada Quokkason: fine"
        assert _answer(later) == "Bob Quagga, no number"

        entry = db.session.get(Improvement, erased_entry)
        assert entry.title == "[name] family: taxis on time" and entry.published
        assert [m.description for m in entry.milestones] == ["[name] family: taxis on time"]
        assert db.session.get(Improvement, kept_entry).title == "Zanzibar family: taxis on time"
        trail = [
            e.changes
            for e in db.session.scalars(
                select(AuditEntry).where(AuditEntry.entity_id == str(erased_entry))
            )
        ]
        assert trail[0]["title"] == "[name] family: taxis on time"
        assert trail[-1] == {"fields": ["title"], "milestones": 1, "by": "migration 0024"}

        # Nothing of the erased family is left, bar the erased complaint's own marker.
        found = where_found(["Perpetua", "07700 900987"])
        assert found == []
        db.engine.dispose()


def test_0024_changes_nothing_where_retention_never_erased_contacts(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0022"]).exit_code == 0
    with app.app_context():
        # Consent given and no details, but no purge has ever erased contact details (one
        # deleted drafts only): the family left the journey before the contact page.
        response = _response(RAW, consent=True, sent=SENT)
        _comment(response, RAW, REDACTED, FAMILY)
        _audit("surveys.retention_purge", "responses", "-", PURGED, contacts_erased=0, drafts=3)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()

    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0

    with app.app_context():
        assert _answer(response) == RAW and _comment_text(response) == RAW
        db.engine.dispose()


def _answer(response_id: int) -> str | None:
    return db.session.scalar(
        select(Answer.text).where(
            Answer.response_id == response_id, Answer.question_key == "comment"
        )
    )


def _comment_text(response_id: int) -> str | None:
    return db.session.scalar(select(Comment.text).where(Comment.source_id == response_id))
