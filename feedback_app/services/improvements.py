"""'You said, we did': what families said about a theme, and what changed because of it.

Entries come from improvement actions staff add, and from complaint actions the
complaints officer marked as candidates. For those, staff write public wording:
nothing is copied from the complaint but its theme, team (as the service), dates
and status, and wording that looks like it holds personal data (names, phone numbers,
emails) is refused. The rules cannot know every complainant's name ("the Zanzibar
family"), so when retention erases a complaint, its complainant's details are hidden in
the entries written from its actions (``hide_complainant_details``): the entries stay
published, as what changed belongs to every family.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from feedback_app import clock
from feedback_app.analysis.redaction import hide_phrases, redact
from feedback_app.extensions import db
from feedback_app.models import ComplaintAction, Improvement, Milestone, Release, ReleaseQuote
from feedback_app.models.findings import IMPROVEMENT_STATUSES
from feedback_app.services import audit, once, redaction_names
from feedback_app.services.findings import theme_names, threshold
from feedback_app.services.periods import recency
from feedback_app.services.releases import shown_quotes
from feedback_app.templating import format_date


class ImprovementError(ValueError):
    """Invalid input for an entry; maps field names to messages."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass
class EntryInput:
    """The public wording and facts of an entry, as typed by staff."""

    theme: str
    title: str
    you_said: str
    we_did: str
    service: str
    status: str
    started_on: date | None = None
    due_on: date | None = None
    completed_on: date | None = None
    quote_id: int | None = None
    published: bool = True


def validate(entry: EntryInput) -> dict[str, str]:
    """Return field errors for an entry, in GOV.UK wording."""
    errors: dict[str, str] = {}
    if entry.theme not in theme_names():
        errors["theme"] = "Select a theme"
    for field, label in (
        ("title", "a short title"),
        ("you_said", "what families said"),
        ("we_did", "what was done"),
        ("service", "the service that owns the action"),
    ):
        value = getattr(entry, field).strip()
        if not value:
            errors[field] = f"Enter {label}"
        elif redact(value) != value:
            errors[field] = (
                "Remove personal details such as names, phone numbers and email addresses"
            )
    if entry.status not in IMPROVEMENT_STATUSES:
        errors["status"] = "Select the status"
    if entry.status == "done" and entry.completed_on is None:
        errors["completed_on"] = "Enter the date the action was completed"
    errors.update(_date_errors(entry))
    if entry.quote_id is not None and entry.quote_id not in {q["id"] for q in published_quotes()}:
        errors["quote_id"] = "Select a quote from a published release"
    return errors


def _date_errors(entry: EntryInput) -> dict[str, str]:
    """Dates the public page would show that cannot be true: a completion for an entry
    not done, a start or completion still to come (UK today), or a completion before
    the start."""
    errors: dict[str, str] = {}
    today = clock.today()
    if entry.started_on is not None and entry.started_on > today:
        errors["started_on"] = "The start date must be today or in the past"
    if entry.completed_on is None:
        return errors
    if entry.status in IMPROVEMENT_STATUSES and entry.status != "done":
        errors["completed_on"] = "Remove the completion date, or change the status to Done"
    elif entry.completed_on > today:
        errors["completed_on"] = "The completion date must be today or in the past"
    elif entry.started_on is not None and entry.completed_on < entry.started_on:
        errors["completed_on"] = (
            "The completion date must be the same as or after the start date, "
            f"{format_date(entry.started_on)}"
        )
    return errors


def create_entry(
    entry: EntryInput,
    complaint_action_id: int | None = None,
    *,
    submission_token: str | None = None,
) -> Improvement:
    """Add an entry (from a complaint action when its id is given). Commits."""
    errors = validate(entry)
    if complaint_action_id is not None:
        action = db.session.get(ComplaintAction, complaint_action_id)
        if action is None or not action.you_said_we_did:
            errors["action"] = "That complaint action is not a candidate"
        elif db.session.scalars(
            select(Improvement).where(Improvement.complaint_action_id == complaint_action_id)
        ).first():
            errors["action"] = "That complaint action already has an entry"
    if errors:
        raise ImprovementError(errors)
    improvement = Improvement(
        source="complaint_action" if complaint_action_id else "improvement",
        complaint_action_id=complaint_action_id,
        submission_token=submission_token,
    )
    apply_changes(improvement, entry)
    action = db.session.get(ComplaintAction, complaint_action_id) if complaint_action_id else None
    # Choosing anything but "done" for an action already done is a choice made by hand.
    improvement.status_set_by_hand = (
        action is not None and action.status == "done" and entry.status != "done"
    )
    db.session.add(improvement)
    db.session.flush()
    audit.record("improvement.created", "improvement", improvement.id, **_audit_fields(entry))
    db.session.commit()
    return improvement


def create_entry_once(
    entry: EntryInput, *, complaint_action_id: int | None, submission_token: str | None
) -> once.Made[Improvement]:
    """Add an entry from the staff form, once per form: the form sent again gets the entry
    it made the first time, not a second published copy. Commits."""
    try:
        return once.make_once(
            Improvement,
            submission_token,
            lambda: create_entry(entry, complaint_action_id, submission_token=submission_token),
        )
    except IntegrityError:
        if complaint_action_id is None:
            raise
        # Two different forms made an entry from the same complaint action at once.
        raise ImprovementError({"action": "That complaint action already has an entry"}) from None


def update_entry(improvement: Improvement, entry: EntryInput) -> None:
    """Change an entry's wording or progress. Commits."""
    errors = validate(entry)
    if errors:
        raise ImprovementError(errors)
    if entry.status != improvement.status:
        # From now on the entry keeps the status staff gave it, whatever its action does.
        improvement.status_set_by_hand = True
    apply_changes(improvement, entry)
    audit.record("improvement.updated", "improvement", improvement.id, **_audit_fields(entry))
    db.session.commit()


def follow_action(action: ComplaintAction) -> Improvement | None:
    """Bring the entry made from a complaint action into line with it; the caller commits.

    An action marked done makes its entry done (with the action's completion date); an
    action open again takes a "done" entry back to "in progress". An entry whose status
    staff set by hand is left alone.
    """
    improvement = db.session.scalars(
        select(Improvement).where(Improvement.complaint_action_id == action.id)
    ).first()
    if improvement is None or improvement.status_set_by_hand:
        return None
    old = {"status": improvement.status, "completed_on": improvement.completed_on}
    if action.status == "done":
        improvement.status = "done"
        improvement.completed_on = action.completed_on or improvement.completed_on
    elif improvement.status == "done":
        improvement.status = "in_progress"
        improvement.completed_on = None
    new = {"status": improvement.status, "completed_on": improvement.completed_on}
    if new == old:
        return improvement
    improvement.updated_at = datetime.now(UTC)
    audit.record(
        "improvement.followed_action",
        "improvement",
        improvement.id,
        action_id=action.id,
        **{name: {"old": old[name], "new": new[name]} for name in old},
    )
    return improvement


#: An entry's words, public on /you-said-we-did.
ENTRY_TEXTS = ("title", "you_said", "we_did", "service")
#: The keys of an entry's audit entries that hold its words (a milestone's is ``text``).
AUDITED_TEXTS = ("title", "service", "text")


def hide_complainant_details(
    action_ids: Collection[int], details_in: Callable[[str], list[list[str]]]
) -> int:
    """Hide a complainant's details in the entries written from their complaint's actions,
    as retention erases the complaint; return how many entries changed. The caller commits.

    ``details_in(text)`` gives the (phrase, kind) pairs of the complainant's own details
    that a text repeats. Each of the entry's words, its milestones and the copies of them
    in its audit entries are redacted again (today's rules and the names hidden
    everywhere) with those details hidden. The entry stays published, linked to its
    action, and its status goes on following the action.
    """
    if not action_ids:
        return 0
    names = redaction_names.names()

    def hidden(text: str) -> str:
        return hide_phrases(redact(text, names), details_in(text)) if text else text

    changed = 0
    for entry in db.session.scalars(
        select(Improvement).where(Improvement.complaint_action_id.in_(list(action_ids)))
    ):
        now_hidden = {name: hidden(getattr(entry, name)) for name in ENTRY_TEXTS}
        fields = [name for name in ENTRY_TEXTS if now_hidden[name] != getattr(entry, name)]
        for name in fields:
            setattr(entry, name, _fit(name, now_hidden[name]))
        milestones = []
        for milestone in entry.milestones:
            description = hidden(milestone.description)
            if description != milestone.description:
                milestone.description = description
                milestones.append(milestone)
        _hide_in_audit(entry.id, hidden)
        if fields or milestones:
            changed += 1
            # Which words changed, never the words: the log is read more widely.
            audit.record(
                "improvement.complainant_details_hidden",
                "improvement",
                entry.id,
                fields=fields,
                milestones=len(milestones),
            )
    return changed


def _fit(field: str, text: str) -> str:
    """A label can be longer than the words it hides: keep within the column."""
    length = Improvement.__table__.c[field].type.length
    return text if length is None or len(text) <= length else text[: length - 1] + "…"


def _hide_in_audit(entry_id: int, hidden: Callable[[str], str]) -> None:
    for record in audit.entries_for("improvement", entry_id):
        changes = dict(record.changes or {})
        for key in AUDITED_TEXTS:
            value = changes.get(key)
            if isinstance(value, str) and hidden(value) != value:
                changes[key] = hidden(value)
        if changes != record.changes:
            record.changes = changes  # a new dict: the JSON column does not track changes in place


def apply_changes(improvement: Improvement, entry: EntryInput) -> None:
    for field in EntryInput.__dataclass_fields__:
        value = getattr(entry, field)
        setattr(improvement, field, value.strip() if isinstance(value, str) else value)
    improvement.updated_at = datetime.now(UTC)


def _audit_fields(entry: EntryInput) -> dict[str, Any]:
    return {k: getattr(entry, k) for k in ("theme", "title", "status", "service", "published")}


def add_milestone(
    improvement: Improvement,
    description: str,
    due_on: date | None,
    done_on: date | None,
    *,
    submission_token: str | None = None,
) -> Milestone:
    """Add a step to an entry. Commits."""
    if not description.strip():
        raise ImprovementError({"description": "Enter the milestone"})
    if redact(description) != description:
        raise ImprovementError({"description": "Remove personal details from the milestone"})
    milestone = Milestone(
        description=description.strip(),
        due_on=due_on,
        done_on=done_on,
        submission_token=submission_token,
    )
    improvement.milestones.append(milestone)
    improvement.updated_at = datetime.now(UTC)
    audit.record("improvement.milestone_added", "improvement", improvement.id, text=description)
    db.session.commit()
    return milestone


def add_milestone_once(
    improvement: Improvement,
    description: str,
    due_on: date | None,
    done_on: date | None,
    *,
    submission_token: str | None,
) -> once.Made[Milestone]:
    """Add a step from the staff form, once per form: the form sent again gets the
    milestone it added the first time, not a second copy on the public page. Commits."""
    return once.make_once(
        Milestone,
        submission_token,
        lambda: add_milestone(
            improvement, description, due_on, done_on, submission_token=submission_token
        ),
    )


def get_entry(entry_id: int) -> Improvement | None:
    """One entry by id."""
    return db.session.get(Improvement, entry_id)


def all_entries() -> list[Improvement]:
    """Every entry, for staff, most recently changed first."""
    return list(db.session.scalars(select(Improvement).order_by(Improvement.updated_at.desc())))


def public_entries(theme: str | None = None) -> list[Improvement]:
    """Published entries, optionally for one theme, most recently changed first."""
    query = select(Improvement).where(Improvement.published.is_(True))
    if theme:
        query = query.where(Improvement.theme == theme)
    return list(db.session.scalars(query.order_by(Improvement.updated_at.desc())))


def candidates() -> list[ComplaintAction]:
    """Complaint actions marked as candidates that have no entry yet (staff only)."""
    done = select(Improvement.complaint_action_id).where(
        Improvement.complaint_action_id.is_not(None)
    )
    query = (
        select(ComplaintAction)
        .where(ComplaintAction.you_said_we_did.is_(True), ComplaintAction.id.not_in(done))
        .order_by(ComplaintAction.due_on)
    )
    return list(db.session.scalars(query))


def get_candidate(action_id: int) -> ComplaintAction | None:
    """Return a complaint action marked as a "you said, we did" candidate, else None."""
    action = db.session.get(ComplaintAction, action_id)
    return action if action is not None and action.you_said_we_did else None


def published_quotes() -> list[dict[str, Any]]:
    """Approved quotes in published releases that are still safe to show."""
    query = (
        select(ReleaseQuote)
        .join(Release, Release.id == ReleaseQuote.release_id)
        .where(Release.status == "published", ReleaseQuote.status == "approved")
    )
    return shown_quotes(
        [
            {"id": q.id, "theme": q.theme, "text": q.text, "comment_id": q.comment_id}
            for q in db.session.scalars(query)
        ]
    )


def quote_choice_label(quote: dict[str, Any], names: dict[str, str]) -> str:
    """How a published quote reads in the entry form's list: its theme's name and the
    start of its words ("Communication: Our caseworker…")."""
    theme = names.get(quote["theme"] or "", quote["theme"] or "") or "No theme"
    text = quote["text"]
    return f"{theme}: {text[:80]}{'…' if len(text) > 80 else ''}"


def theme_evidence() -> dict[str, dict[str, Any]]:
    """Per theme, what families said: counts from the latest published releases.

    Each survey's comments come from its release for the most recent period (by dates,
    ``periods.recency``: a year before its first quarters). Complaint points cover every
    survey, so they come from one release: the most recent period of all, and of its
    releases the one published last.
    Counts come from the frozen, suppressed snapshots, so nothing small leaks here
    either, and the page never aggregates.
    """
    published = list(db.session.scalars(select(Release).where(Release.status == "published")))
    published.sort(
        key=lambda r: (recency(r.period), r.published_at is not None, r.published_at, r.id)
    )
    latest: dict[int, Release] = {}
    for release in published:  # oldest first, so the newest of each survey stays
        latest[release.survey_id] = release
    evidence: dict[str, dict[str, Any]] = {}
    newest = published[-1] if published else None
    if newest is not None:
        snap = newest.snapshot
        for point in snap.get("complaints", {}).get("by_theme", []):
            item = evidence.setdefault(point["theme"], {"surveys": [], "complaints": []})
            item["complaints"].append({"period": snap["period_name"], "count": point["count"]})
    for release in sorted(latest.values(), key=lambda r: r.survey_id):
        snap = release.snapshot
        for theme in snap.get("themes", []):
            item = evidence.setdefault(theme["slug"], {"surveys": [], "complaints": []})
            item["surveys"].append(
                {
                    "survey": snap["survey_name"],
                    "period": snap["period_name"],
                    "count": theme["count"],
                    "withheld": bool(theme.get("withheld")),
                    # A hidden count was hidden under the threshold set when published.
                    "threshold": snap.get("threshold", threshold()),
                }
            )
    return evidence


def entry_quote(improvement: Improvement, quotes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The entry's linked quote, if it is still published and safe."""
    return next((q for q in quotes if q["id"] == improvement.quote_id), None)
