"""Running totals behind the findings, kept in step with the rows they count.

``response_counts``, ``answer_counts`` and ``comment_theme_counts`` hold, per survey
and day, how many responses were submitted, how many answers gave each value to each
question, and how many survey comments carry each effective theme and sentiment.
Building the findings for a period then reads at most a few hundred rows per day of
the period instead of every response.

The totals move in the same transaction as the rows they count, by difference: for
every response or comment a flush touches, what it contributed before the flush is
read from the database, what it contributes after is read again, and the difference
is added with an upsert (``INSERT ... ON CONFLICT DO UPDATE SET count = count +
excluded.count``), which is atomic per row on SQLite and PostgreSQL. Every ORM write
is covered by session events, however it is made (services, imports, demo data, test
factories); the two bulk statements that bypass the ORM (submitting a response,
erasing a record's comments) wrap themselves in :func:`before_change` and
:func:`after_change`. On PostgreSQL the touched responses and comments are locked
(``SELECT ... FOR UPDATE``, in id order) before the "before" figures are read, so two
transactions changing the same comment cannot both subtract the same old figures.

``flask rebuild-summaries`` (:func:`rebuild`) recounts everything from scratch; the
migration that adds the tables runs the same statements as its backfill.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, Table, delete, event, func, insert, inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, UOWTransaction

from feedback_app.extensions import db
from feedback_app.models import Answer, Comment, CommentTheme, Response
from feedback_app.models.findings import AnswerCount, CommentThemeCount, ResponseCount

RESPONSES: Table = ResponseCount.__table__  # type: ignore[assignment]
ANSWERS: Table = AnswerCount.__table__  # type: ignore[assignment]
THEMES: Table = CommentThemeCount.__table__  # type: ignore[assignment]
_KEYS = {
    "response_counts": ("survey_id", "submitted_on"),
    "answer_counts": ("survey_id", "submitted_on", "question_key", "value"),
    "comment_theme_counts": ("survey_id", "received_on", "theme", "sentiment"),
}
_CHUNK = 500
_PENDING = "summaries_pending"

# --- what rows contribute ------------------------------------------------------------------


def _sentiment() -> Any:
    # The findings always counted a missing (or empty) sentiment as "unknown".
    return func.coalesce(func.nullif(CommentTheme.sentiment, ""), "unknown")


def response_totals() -> Select[Any]:
    """Submitted responses per survey and day."""
    return (
        select(Response.survey_id, Response.submitted_on, func.count())
        .where(Response.status == "submitted", Response.submitted_on.is_not(None))
        .group_by(Response.survey_id, Response.submitted_on)
    )


def answer_totals() -> Select[Any]:
    """Answers with a value, of submitted responses, per survey, day, question and value."""
    return (
        select(
            Response.survey_id,
            Response.submitted_on,
            Answer.question_key,
            Answer.value,
            func.count(),
        )
        .join(Answer, Answer.response_id == Response.id)
        .where(
            Response.status == "submitted",
            Response.submitted_on.is_not(None),
            Answer.value.is_not(None),
        )
        .group_by(Response.survey_id, Response.submitted_on, Answer.question_key, Answer.value)
    )


def theme_totals() -> Select[Any]:
    """Effective themes of survey comments per survey, day, theme and sentiment.

    Safeguarding-flagged comments count like any other: only their text is kept out.
    """
    sentiment = _sentiment()
    return (
        select(Comment.survey_id, Comment.received_on, CommentTheme.theme, sentiment, func.count())
        .join(CommentTheme, CommentTheme.comment_id == Comment.id)
        .where(Comment.source == "survey", Comment.survey_id.is_not(None))
        .group_by(Comment.survey_id, Comment.received_on, CommentTheme.theme, sentiment)
    )


@dataclass
class Figures:
    """What some responses and comments contribute to each summary table."""

    tables: dict[str, Counter[tuple[Any, ...]]] = field(
        default_factory=lambda: {name: Counter() for name in _KEYS}
    )


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _read(
    connection: Connection, response_ids: Sequence[int], comment_ids: Sequence[int], lock: bool
) -> Figures:
    figures = Figures()
    postgres = connection.dialect.name == "postgresql"
    for chunk in _chunks(response_ids):
        if lock and postgres:
            connection.execute(
                select(Response.id)
                .where(Response.id.in_(chunk))
                .order_by(Response.id)
                .with_for_update()
            )
        for name, query in (
            ("response_counts", response_totals()),
            ("answer_counts", answer_totals()),
        ):
            for *key, count in connection.execute(query.where(Response.id.in_(chunk))):
                figures.tables[name][tuple(key)] += count
    for chunk in _chunks(comment_ids):
        if lock and postgres:
            connection.execute(
                select(Comment.id)
                .where(Comment.id.in_(chunk))
                .order_by(Comment.id)
                .with_for_update()
            )
        for *key, count in connection.execute(theme_totals().where(Comment.id.in_(chunk))):
            figures.tables["comment_theme_counts"][tuple(key)] += count
    return figures


def _table(name: str) -> Table:
    return {"response_counts": RESPONSES, "answer_counts": ANSWERS, "comment_theme_counts": THEMES}[
        name
    ]


def add(connection: Connection, changes: dict[str, Counter[tuple[Any, ...]]]) -> None:
    """Add signed counts to the summary tables with one upsert per table, in key order."""
    dialect = connection.dialect.name
    if dialect == "postgresql":
        make_insert: Any = postgresql.insert
    elif dialect == "sqlite":
        make_insert = sqlite.insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"Summary upkeep needs SQLite or PostgreSQL, not {dialect}")
    for name, counts in changes.items():
        columns = _KEYS[name]
        rows = [
            {**dict(zip(columns, key, strict=True)), "count": count}
            for key, count in sorted(counts.items(), key=lambda item: tuple(map(str, item[0])))
            if count
        ]
        if not rows:
            continue
        table = _table(name)
        statement = make_insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=list(columns), set_={"count": table.c.count + statement.excluded.count}
        )
        connection.execute(statement, rows)


def _difference(before: Figures, after: Figures) -> dict[str, Counter[tuple[Any, ...]]]:
    changes: dict[str, Counter[tuple[Any, ...]]] = {}
    for name in _KEYS:
        delta: Counter[tuple[Any, ...]] = Counter()
        old, new = before.tables[name], after.tables[name]
        for key in old.keys() | new.keys():
            delta[key] = new.get(key, 0) - old.get(key, 0)
        changes[name] = delta
    return changes


# --- explicit upkeep, for statements that bypass the ORM -----------------------------------


@dataclass
class Change:
    """The figures of some responses and comments before a bulk statement changed them."""

    response_ids: list[int]
    comment_ids: list[int]
    before: Figures


def before_change(*, response_ids: Sequence[int] = (), comment_ids: Sequence[int] = ()) -> Change:
    """Flush, lock (PostgreSQL) and read what these rows count for, before a bulk statement."""
    db.session.flush()
    connection = db.session.connection()
    before = _read(connection, response_ids, comment_ids, lock=True)
    return Change(list(response_ids), list(comment_ids), before)


def after_change(change: Change) -> None:
    """Add the difference the bulk statement made to the totals (same transaction)."""
    connection = db.session.connection()
    after = _read(connection, change.response_ids, change.comment_ids, lock=False)
    add(connection, _difference(change.before, after))


# --- ORM upkeep: session events --------------------------------------------------------------


def _ids_of(target: Any, attribute: str) -> set[int]:
    """The current and previous values of a foreign key column attribute."""
    history = inspect(target).attrs[attribute].history
    return {v for v in (*history.added, *history.unchanged, *history.deleted) if v is not None}


@dataclass
class _Touched:
    responses: list[Any] = field(default_factory=list)
    comments: list[Any] = field(default_factory=list)
    response_ids: set[int] = field(default_factory=set)
    comment_ids: set[int] = field(default_factory=set)
    before: Figures = field(default_factory=Figures)

    def all_response_ids(self) -> list[int]:
        return sorted(self.response_ids | {r.id for r in self.responses if r.id is not None})

    def all_comment_ids(self) -> list[int]:
        return sorted(self.comment_ids | {c.id for c in self.comments if c.id is not None})


def _never_submitted(response: Any) -> bool:
    """True for a response that is a draft now and was one when loaded: it counts nowhere.

    Saving a parent's answer to a draft then costs no summary queries at all.
    """
    state = inspect(response)
    if "status" in state.unloaded:
        return False  # expired or never set: not known here, so it is counted
    history = state.attrs["status"].history
    return "submitted" not in (*history.added, *history.unchanged, *history.deleted)


def _draft_in_session(session: Session, response_id: int) -> bool:
    """True if this session holds the response, unchanged, as a draft (no query)."""
    key = session.identity_key(Response, response_id)
    response = session.identity_map.get(key)
    return response is not None and _never_submitted(response)


def _touched(session: Session) -> _Touched:
    touched = _Touched()
    for target in (*session.new, *session.dirty, *session.deleted):
        if isinstance(target, Response):
            if not _never_submitted(target):
                touched.responses.append(target)
        elif isinstance(target, Answer):
            parent = target.__dict__.get("response")
            if parent is not None and not _never_submitted(parent):
                touched.responses.append(parent)
            touched.response_ids |= {
                response_id
                for response_id in _ids_of(target, "response_id")
                if not _draft_in_session(session, response_id)
            }
        elif isinstance(target, Comment):
            touched.comments.append(target)
        elif isinstance(target, CommentTheme):
            parent = target.__dict__.get("comment")
            if parent is not None:
                touched.comments.append(parent)
            touched.comment_ids |= _ids_of(target, "comment_id")
    return touched


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    touched = _touched(session)
    if not (touched.responses or touched.comments or touched.response_ids or touched.comment_ids):
        return
    connection = session.connection()
    touched.before = _read(
        connection, touched.all_response_ids(), touched.all_comment_ids(), lock=True
    )
    session.info.setdefault(_PENDING, []).append(touched)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    pending: list[_Touched] = session.info.pop(_PENDING, [])
    if not pending:
        return
    connection = session.connection()
    for touched in pending:
        after = _read(connection, touched.all_response_ids(), touched.all_comment_ids(), False)
        add(connection, _difference(touched.before, after))


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


# --- from scratch ------------------------------------------------------------------------------


def rebuild() -> dict[str, int]:
    """Recount every summary table from the rows themselves; commit. Idempotent.

    On PostgreSQL the tables are locked first, so a submission running meanwhile either
    finished before the recount (and is in it) or adds its own difference after it.
    """
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        names = ", ".join(_KEYS)
        connection.exec_driver_sql(f"LOCK TABLE {names} IN EXCLUSIVE MODE")
    rows: dict[str, int] = {}
    for table, query in (
        (RESPONSES, response_totals()),
        (ANSWERS, answer_totals()),
        (THEMES, theme_totals()),
    ):
        connection.execute(delete(table))
        columns = [*_KEYS[table.name], "count"]
        connection.execute(insert(table).from_select(columns, query))
        rows[table.name] = connection.execute(select(func.count()).select_from(table)).scalar_one()
    db.session.commit()
    return rows


def recount() -> dict[str, dict[tuple[Any, ...], int]]:
    """Every total counted from scratch, without writing (for checks and tests)."""
    out: dict[str, dict[tuple[Any, ...], int]] = {}
    for name, query in (
        ("response_counts", response_totals()),
        ("answer_counts", answer_totals()),
        ("comment_theme_counts", theme_totals()),
    ):
        out[name] = {tuple(key): count for *key, count in db.session.execute(query)}
    return out


def stored() -> dict[str, dict[tuple[Any, ...], int]]:
    """The summary tables as they are, leaving out rows that have come down to zero."""
    out: dict[str, dict[tuple[Any, ...], int]] = {}
    for name in _KEYS:
        table = _table(name)
        columns = [table.c[column] for column in _KEYS[name]]
        query = select(*columns, table.c.count).where(table.c.count != 0)
        out[name] = {tuple(key): count for *key, count in db.session.execute(query)}
    return out
