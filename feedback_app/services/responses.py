"""Survey responses as families give them: drafts, answers, resume codes and submission.

A draft is a ``Response`` with status ``draft``. The browser that started it keeps
the response id and a random secret in its (signed) session; the database keeps only
a hash of that secret, and only a hash of any resume code, so a leaked database or a
guessed id can never open someone's draft. Every answer is written as soon as it is
given, so nothing is lost when a phone battery dies halfway through.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Answer, Question, Response, SurveyVersion
from feedback_app.services import comments, contact_requests, summaries

# No 0/O, 1/I/L, 5/S, 2/Z or U/V: codes are read aloud and copied from paper.
RESUME_ALPHABET = "346789ABCDEFGHJKMNPQRTWXY"
RESUME_GROUPS = 3
RESUME_GROUP_LENGTH = 4
RESUME_CODE_LENGTH = RESUME_GROUPS * RESUME_GROUP_LENGTH

# Control characters other than tab and newline, and Unicode "Cc" in general, are
# stripped; format characters (Cf) such as right-to-left marks and emoji joiners stay.
_KEEP_CONTROLS = {"\n", "\t"}


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def clean_text(text: str | None) -> str:
    """Return free text safe to store: no NUL or control characters, newlines normalised.

    Emoji, accents and right-to-left scripts are kept exactly as typed.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch for ch in text if ch in _KEEP_CONTROLS or unicodedata.category(ch) != "Cc"
    ).strip()


@dataclass(frozen=True)
class Draft:
    """A new draft and the secret its browser must keep."""

    response: Response
    secret: str


def start_draft(version: SurveyVersion) -> Draft:
    """Create a draft response for a survey version and commit it."""
    secret = secrets.token_urlsafe(24)
    response = Response(
        survey_id=version.survey_id,
        version_id=version.id,
        status="draft",
        channel="web",
        draft_secret_hash=_hash(secret),
    )
    db.session.add(response)
    db.session.commit()
    return Draft(response=response, secret=secret)


def load_draft(response_id: object, secret: object) -> Response | None:
    """Return the response a browser's session points at, if the secret matches."""
    if not isinstance(response_id, int) or not isinstance(secret, str) or not secret:
        return None
    response = db.session.get(Response, response_id)
    if response is None or not response.draft_secret_hash:
        return None
    if not hmac.compare_digest(response.draft_secret_hash, _hash(secret)):
        return None
    return response


def answers_by_key(response: Response) -> dict[str, Answer]:
    """Return the response's answers keyed by question key."""
    return {answer.question_key: answer for answer in response.answers}


def save_answer(response: Response, question: Question, value: str | None) -> None:
    """Store (or clear, when blank) the answer to one question and commit.

    The value must already be validated against the question's options; text is
    cleaned again here so that no caller can store control characters.

    Two requests may store the first answer to a question at the same moment (a double
    click on Continue): the second meets the first's row at the unique constraint on
    response and question, and then writes its value over that row instead.
    """
    for attempt in (1, 2):
        _apply_answer(response, question, value)
        try:
            db.session.commit()
            return
        except IntegrityError:
            db.session.rollback()  # reloads the response's answers, the other one's with them
            if attempt == 2:
                raise


def _apply_answer(response: Response, question: Question, value: str | None) -> None:
    existing = answers_by_key(response).get(question.key)
    if question.kind == "text":
        cleaned = clean_text(value)[: question.max_length]
        stored_value, stored_text = None, cleaned
        blank = not cleaned
    else:
        if value is not None and value not in question.option_values:
            raise ValueError(f"{value!r} is not an option of {question.key}")
        stored_value, stored_text = value, None
        blank = not value
    if blank:
        if existing is not None:
            response.answers.remove(existing)
    elif existing is None:
        response.answers.append(
            Answer(
                question_id=question.id,
                question_key=question.key,
                value=stored_value,
                text=stored_text,
            )
        )
    else:
        existing.question_id = question.id
        existing.value = stored_value
        existing.text = stored_text
    _touch(response)


def save_consent(response: Response, *, quote: bool, contact: bool) -> None:
    """Store whether we may quote the family and whether they want contact; commit.

    Saying no to contact erases any contact details given before.
    """
    response.quote_consent = quote
    response.contact_consent = contact
    response.consent_answered_at = datetime.now(UTC)
    if not contact:
        response.contact_name = response.contact_email = response.contact_phone = None
    _touch(response)
    db.session.commit()


def save_contact(response: Response, *, name: str, email: str, phone: str) -> None:
    """Store the contact details a family chose to give; commit."""
    response.contact_name = clean_text(name)[:200] or None
    response.contact_email = clean_text(email)[:254] or None
    response.contact_phone = clean_text(phone)[:40] or None
    _touch(response)
    db.session.commit()


def _touch(response: Response) -> None:
    response.updated_at = datetime.now(UTC)


def normalise_code(code: str) -> str:
    """Return a typed resume code without spaces or dashes, in capitals."""
    return re.sub(r"[^0-9A-Za-z]", "", code or "").upper()


def format_code(code: str) -> str:
    """Return a code in groups for reading, for example ``ABCD-EFGH-JKMN``."""
    code = normalise_code(code)
    return "-".join(
        code[i : i + RESUME_GROUP_LENGTH] for i in range(0, len(code), RESUME_GROUP_LENGTH)
    )


def issue_resume_code(response: Response) -> str:
    """Give a draft a new resume code (replacing any earlier one), commit, return it.

    Only its hash is stored; the code itself is shown to the family once.
    """
    code = "".join(secrets.choice(RESUME_ALPHABET) for _ in range(RESUME_CODE_LENGTH))
    hours = max(int(current_app.config.get("RESUME_HOURS", 72)), 20)
    response.resume_hash = _hash(code)
    response.resume_expires_at = datetime.now(UTC) + timedelta(hours=hours)
    _touch(response)
    db.session.commit()
    return format_code(code)


@dataclass(frozen=True)
class ResumeResult:
    """What a resume code led to: ``ok``, ``expired``, ``submitted`` or ``unknown``."""

    status: str
    response: Response | None = None
    secret: str | None = None


def resume(code: str) -> ResumeResult:
    """Open the draft a resume code belongs to, giving this browser a new draft secret.

    A browser that held the draft before must use the code again: a draft belongs to
    one browser at a time.
    """
    normalised = normalise_code(code)
    if len(normalised) != RESUME_CODE_LENGTH:
        return ResumeResult("unknown")
    response = db.session.scalars(
        select(Response).where(Response.resume_hash == _hash(normalised))
    ).first()
    if response is None:
        return ResumeResult("unknown")
    if response.status != "draft":
        return ResumeResult("submitted", response)
    expires = response.resume_expires_at
    if expires is not None and expires.tzinfo is None:  # SQLite drops the zone
        expires = expires.replace(tzinfo=UTC)
    if expires is None or expires < datetime.now(UTC):
        return ResumeResult("expired", response)
    secret = secrets.token_urlsafe(24)
    response.draft_secret_hash = _hash(secret)
    db.session.commit()
    return ResumeResult("ok", response, secret)


def submit(response_id: int, *, today: date | None = None) -> bool:
    """Submit a draft exactly once; return False when it was already submitted.

    The status changes with a conditional UPDATE, so of two submits racing each
    other only one sees a row change and only that one records the comment and the
    family's request to be contacted (and tells the complaints officers about it).
    """
    response = db.session.get(Response, response_id)
    if response is None:
        return False
    answers = answers_by_key(response)
    respondent_answer = answers.get("respondent")
    respondent = respondent_answer.value if respondent_answer else None
    if respondent is None and response.version.audience == "young_person":
        respondent = "young_person"
    submitted_on = today or clock.today()
    # The status changes with a bulk UPDATE, which the ORM does not see: the findings'
    # running totals are moved here, in the same transaction.
    upkeep = summaries.before_change(response_ids=[response_id])
    changed = db.session.execute(
        update(Response)
        .where(Response.id == response_id, Response.status == "draft")
        .values(
            status="submitted",
            submitted_at=datetime.now(UTC),
            submitted_on=submitted_on,
            respondent=respondent,
            # The resume hash stays, so an old code can say "already sent".
            resume_expires_at=None,
            draft_secret_hash=None,
            updated_at=datetime.now(UTC),
        )
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount != 1:  # type: ignore[attr-defined]
        db.session.rollback()
        return False
    summaries.after_change(upkeep)
    comment = answers.get("comment")
    if comment is not None and comment.text:
        comments.record_comment(
            source="survey",
            source_id=response.id,
            text=comment.text,
            received_on=submitted_on,
            survey_id=response.survey_id,
            quote_consent=response.quote_consent,
            writer=comments.WriterDetails(
                names=(response.contact_name or "",),
                emails=(response.contact_email or "",),
                phones=(response.contact_phone or "",),
            ),
        )
    request = contact_requests.record_request(response, requested_on=submitted_on)
    db.session.commit()
    if request is not None:
        contact_requests.notify_mailbox(request)
    return True
