"""Search every text in the database for personal data a test planted, as an operations
tester does after an erasure: every table, every column, JSON included."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable

from sqlalchemy import MetaData, select

from feedback_app.extensions import db


def where_found(needles: Iterable[str]) -> list[tuple[str, str, str]]:
    """Every (table, column, needle) whose stored value holds a needle, ignoring case.

    The tables are read from the database, not the models, so a table some area added in
    its own migration is searched too.
    """
    wanted = [needle.lower() for needle in needles]
    db.session.flush()
    metadata = MetaData()
    with warnings.catch_warnings():  # SQLite cannot reflect expression indexes; no matter
        warnings.simplefilter("ignore")
        metadata.reflect(bind=db.session.connection())
    found: list[tuple[str, str, str]] = []
    for table in metadata.sorted_tables:
        for row in db.session.execute(select(table)).mappings():
            for column, value in row.items():
                if value is None or isinstance(value, bool | int | float):
                    continue
                text = value if isinstance(value, str) else json.dumps(value, default=str)
                lowered = text.lower()
                found += [(table.name, column, n) for n in wanted if n in lowered]
    return sorted(set(found))
