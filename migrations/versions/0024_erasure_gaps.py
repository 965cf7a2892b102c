"""Contact details and complaints erased before now leave no copy of the family's words.

Revision ID: 0024
Revises: 0023

**Survey responses.** Retention used to erase a response's contact details by blanking
``contact_name``, ``contact_email`` and ``contact_phone`` only; the comment kept the text
the family wrote ("ring me on 07700 900987, Perpetua Zanzibar") and its hidden phrases
(the family's name, email and phone number), and the answer kept the text too. Erasure
now makes the comment's text and the answer the redacted text the analysts saw and drops
the hidden phrases (``services.survey_retention.erase_contact_details``); this does the
same for the responses erased before.

What is recognised, and why it is safe: a submitted response with ``contact_consent``
true, no name, email or phone, sent before a ``surveys.retention_purge`` audit entry that
erased contact details.

- The old erasure blanked the three details and nothing else, so ``contact_consent``
  stayed true, and it wrote that audit entry (with ``contacts_erased`` above 0) in the
  same transaction, after the response had been sent. Every response it erased matches.
- A response that never had contact details does not match: a family who said no to
  contact has ``contact_consent`` false (saying no also blanks any details given), an
  imported response has it false, and the contact page cannot be left without an email
  or a phone number. The one way to say yes and give nothing, leaving the journey before
  the contact page and sending from the check page, was closed by migration 0014's
  release; a response sent that way before the last purge would match, and would only
  lose what the redaction hides (its text becomes its redacted text, as analysts see it).
- A response erased by the new code matches too and is left as it is: its text is
  already its redacted text.

Themes, sentiment, redacted text and the counts in the findings summaries do not change.
A quote of the comment keeps no hidden words in its stored text, and a hidden phrase that
a published release still shows in its frozen quote (words hidden after publication) is
kept, so the findings page goes on hiding it; a quote approved in a draft whose comment's
redacted text changes goes back for approval, as erasure does.

**"You said, we did" entries.** Erasing a complaint now hides the complainant's details
in the entries written from its actions (``improvements.hide_complainant_details``). For
complaints erased before, those details are gone from the database (0017 and 0021 erased
the last copies), so they cannot be looked for: the entries' words, milestones and audit
copies are redacted again with today's rules and the names hidden everywhere (table
``redaction_names``), which is all that can still be done. Entries stay published.

The redaction is imported from the application (it is rules and word lists, not a few
constants to copy), so this migration redacts as the code of its day does.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

BATCH = 500

responses = sa.table(
    "responses",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("submitted_at", sa.DateTime(timezone=True)),
    sa.column("contact_consent", sa.Boolean),
    sa.column("contact_name", sa.String),
    sa.column("contact_email", sa.String),
    sa.column("contact_phone", sa.String),
)
answers = sa.table(
    "answers",
    sa.column("id", sa.Integer),
    sa.column("response_id", sa.Integer),
    sa.column("question_key", sa.String),
    sa.column("text", sa.Text),
)
comments = sa.table(
    "comments",
    sa.column("id", sa.Integer),
    sa.column("source", sa.String),
    sa.column("source_id", sa.Integer),
    sa.column("field", sa.String),
    sa.column("text", sa.Text),
    sa.column("redacted", sa.Text),
    sa.column("hidden_phrases", sa.JSON),
    sa.column("version", sa.Integer),
)
releases = sa.table(
    "findings_releases",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("snapshot", sa.JSON),
)
quotes = sa.table(
    "findings_quotes",
    sa.column("id", sa.Integer),
    sa.column("release_id", sa.Integer),
    sa.column("comment_id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("text", sa.Text),
    sa.column("approved_by_id", sa.Integer),
    sa.column("approved_at", sa.DateTime(timezone=True)),
)
audit_entries = sa.table(
    "audit_entries",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("actor", sa.String),
    sa.column("action", sa.String),
    sa.column("entity_type", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("changes", sa.JSON),
)
complaints = sa.table("complaints", sa.column("id", sa.Integer), sa.column("erased_at"))
points = sa.table(
    "complaint_points", sa.column("id", sa.Integer), sa.column("complaint_id", sa.Integer)
)
actions = sa.table("complaint_actions", sa.column("id", sa.Integer), sa.column("point_id"))
improvements = sa.table(
    "improvements",
    sa.column("id", sa.Integer),
    sa.column("complaint_action_id", sa.Integer),
    sa.column("title", sa.String),
    sa.column("you_said", sa.Text),
    sa.column("we_did", sa.Text),
    sa.column("service", sa.String),
)
milestones = sa.table(
    "improvement_milestones",
    sa.column("id", sa.Integer),
    sa.column("improvement_id", sa.Integer),
    sa.column("description", sa.Text),
)
redaction_names = sa.table(
    "redaction_names", sa.column("id", sa.Integer), sa.column("name", sa.String)
)

#: An entry's words and their column lengths (None: no limit).
ENTRY_TEXTS = {"title": 200, "you_said": None, "we_did": None, "service": 200}
#: The keys of an entry's audit entries that hold its words (a milestone's is ``text``).
AUDITED_TEXTS = ("title", "service", "text")


def upgrade() -> None:
    _mend_erased_contacts()
    _mend_entries_of_erased_complaints()


# --- survey responses ---------------------------------------------------------------------


def _last_contact_purge(connection: sa.Connection) -> Any:
    """When retention last erased contact details, by its audit entry; None if never."""
    rows = connection.execute(
        sa.select(audit_entries.c.at, audit_entries.c.changes).where(
            audit_entries.c.action == "surveys.retention_purge"
        )
    )
    erased = [row.at for row in rows if _count(row.changes, "contacts_erased") > 0]
    return max(erased, default=None)


def _count(changes: Any, key: str) -> int:
    value = (changes or {}).get(key) if isinstance(changes, dict) else None
    return value if isinstance(value, int) else 0


def _mend_erased_contacts() -> None:
    from feedback_app.analysis.redaction import hide_phrases, redact

    connection = op.get_bind()
    last_purge = _last_contact_purge(connection)
    if last_purge is None:
        return
    erased = [
        row.id
        for row in connection.execute(
            sa.select(responses.c.id)
            .where(
                responses.c.status == "submitted",
                responses.c.contact_consent.is_(True),
                responses.c.contact_name.is_(None),
                responses.c.contact_email.is_(None),
                responses.c.contact_phone.is_(None),
                responses.c.submitted_at < last_purge,
            )
            .order_by(responses.c.id)
        )
    ]
    published = _published_quote_texts(connection) if erased else {}
    for start in range(0, len(erased), BATCH):
        batch = erased[start : start + BATCH]
        kept: dict[tuple[int, str], str] = {}
        phrases_of: dict[int, list[list[str]]] = {}
        for row in connection.execute(
            sa.select(comments).where(
                comments.c.source == "survey", comments.c.source_id.in_(batch)
            )
        ):
            phrases = [list(pair) for pair in row.hidden_phrases or []]
            phrases_of.setdefault(row.source_id, []).extend(phrases)
            shown = hide_phrases(row.redacted or redact(row.text), phrases)
            kept[(row.source_id, row.field)] = shown
            _mend_comment(connection, row, shown, phrases, published.get(row.id, []))
        for row in connection.execute(
            sa.select(answers).where(
                answers.c.response_id.in_(batch), answers.c.text.is_not(None), answers.c.text != ""
            )
        ):
            text = kept.get((row.response_id, row.question_key))
            if text is None:  # a free-text answer with no comment of its own
                text = hide_phrases(redact(row.text), phrases_of.get(row.response_id, []))
            if text != row.text:
                connection.execute(answers.update().where(answers.c.id == row.id).values(text=text))


def _mend_comment(
    connection: sa.Connection,
    row: Any,
    shown: str,
    phrases: list[list[str]],
    published: Sequence[str],
) -> None:
    """Make one comment's text its redacted text, as erasure now does."""
    from feedback_app.analysis.redaction import hide_phrases

    still = _still_shown([shown, *published], phrases) or None
    if (row.text, row.redacted, row.hidden_phrases or None) == (shown, shown, still):
        return  # erased by the new code, or nothing to hide
    if row.redacted and shown != row.redacted:
        # The approver read other words: a quote approved in a draft is read again.
        drafts = sa.select(releases.c.id).where(releases.c.status == "draft")
        connection.execute(
            quotes.update()
            .where(
                quotes.c.comment_id == row.id,
                quotes.c.status == "approved",
                quotes.c.release_id.in_(drafts),
            )
            .values(status="proposed", text="", approved_by_id=None, approved_at=None)
        )
    if phrases:
        for quote in connection.execute(
            sa.select(quotes.c.id, quotes.c.text).where(quotes.c.comment_id == row.id)
        ):
            hidden = hide_phrases(quote.text or "", phrases)
            if hidden != (quote.text or ""):
                connection.execute(
                    quotes.update().where(quotes.c.id == quote.id).values(text=hidden)
                )
    connection.execute(
        comments.update()
        .where(comments.c.id == row.id)
        .values(
            text=shown,
            redacted=shown,
            hidden_phrases=still,
            # As the ORM would: an edit form opened before this sees the comment changed.
            version=(row.version or 1) + 1,
        )
    )


def _still_shown(texts: Iterable[str], phrases: Iterable[Sequence[str]]) -> list[list[str]]:
    from feedback_app.analysis.redaction import phrase_shown

    texts = list(texts)
    shown: list[list[str]] = []
    for pair in phrases:
        if list(pair) not in shown and any(phrase_shown(text, pair[0]) for text in texts):
            shown.append(list(pair))
    return shown


def _published_quote_texts(connection: sa.Connection) -> dict[int, list[str]]:
    """The words of every quote frozen in a published (or superseded) release, by comment."""
    texts: dict[int, list[str]] = {}
    for row in connection.execute(
        sa.select(releases.c.snapshot).where(releases.c.status != "draft")
    ):
        snapshot = row.snapshot if isinstance(row.snapshot, dict) else {}
        for quote in snapshot.get("quotes", []):
            texts.setdefault(int(quote["comment_id"]), []).append(str(quote.get("text", "")))
    return texts


# --- "you said, we did" entries -----------------------------------------------------------


def _mend_entries_of_erased_complaints() -> None:
    from feedback_app.analysis.redaction import redact

    connection = op.get_bind()
    erased_actions = sa.select(actions.c.id).where(
        actions.c.point_id.in_(
            sa.select(points.c.id).where(
                points.c.complaint_id.in_(
                    sa.select(complaints.c.id).where(complaints.c.erased_at.is_not(None))
                )
            )
        )
    )
    entries = connection.execute(
        sa.select(improvements).where(improvements.c.complaint_action_id.in_(erased_actions))
    ).all()
    if not entries:
        return
    names = [
        row.name
        for row in connection.execute(
            sa.select(redaction_names.c.name).order_by(redaction_names.c.id)
        )
    ]

    def hidden(text: str) -> str:
        return redact(text, names) if text else text

    for entry in entries:
        _mend_entry(connection, entry, hidden)


def _mend_entry(connection: sa.Connection, entry: Any, hidden: Callable[[str], str]) -> None:
    values = {
        name: _fit(hidden(getattr(entry, name) or ""), length)
        for name, length in ENTRY_TEXTS.items()
        if hidden(getattr(entry, name) or "") != (getattr(entry, name) or "")
    }
    if values:
        connection.execute(
            improvements.update().where(improvements.c.id == entry.id).values(**values)
        )
    changed_milestones = 0
    for milestone in connection.execute(
        sa.select(milestones).where(milestones.c.improvement_id == entry.id)
    ):
        description = hidden(milestone.description or "")
        if description != (milestone.description or ""):
            changed_milestones += 1
            connection.execute(
                milestones.update()
                .where(milestones.c.id == milestone.id)
                .values(description=description)
            )
    for record in connection.execute(
        sa.select(audit_entries.c.id, audit_entries.c.changes).where(
            audit_entries.c.entity_type == "improvement",
            audit_entries.c.entity_id == str(entry.id),
        )
    ):
        changes = dict(record.changes or {})
        for key in AUDITED_TEXTS:
            value = changes.get(key)
            if isinstance(value, str) and hidden(value) != value:
                changes[key] = hidden(value)
        if changes != (record.changes or {}):
            connection.execute(
                audit_entries.update()
                .where(audit_entries.c.id == record.id)
                .values(changes=changes)
            )
    if values or changed_milestones:
        # A published page changed: on the record, naming the fields, never the words.
        connection.execute(
            audit_entries.insert().values(
                at=datetime.now(UTC),
                actor="system",
                action="improvement.complainant_details_hidden",
                entity_type="improvement",
                entity_id=str(entry.id),
                changes={
                    "fields": [name for name in ENTRY_TEXTS if name in values],
                    "milestones": changed_milestones,
                    "by": "migration 0024",
                },
            )
        )


def _fit(text: str, length: int | None) -> str:
    """A label can be longer than the words it hides: keep within the column."""
    return text if length is None or len(text) <= length else text[: length - 1] + "…"


def downgrade() -> None:
    # Erased words cannot come back; nothing to undo.
    pass
