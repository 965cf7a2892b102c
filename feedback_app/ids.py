"""Record ids read from addresses and forms: digits that fit the database's id columns.

Ids are PostgreSQL ``integer`` columns. A longer number typed into an address would
reach the database and fail there (SQLite cannot even take it), so it is turned away
first: as a page that does not exist, or as no id at all.
"""

from __future__ import annotations

from typing import Any

from werkzeug.routing import IntegerConverter, Map

#: The largest id a PostgreSQL ``integer`` column holds.
MAX_ID = 2**31 - 1


def parse_id(raw: str | None) -> int | None:
    """Return the id written in ``raw``, or None if it is not one (not ASCII digits, too
    large)."""
    if not raw or not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(MAX_ID)):
        return None
    value = int(raw)
    return value if value <= MAX_ID else None


class IdConverter(IntegerConverter):
    """``<int:...>`` in every route: a number too large to be an id matches no page (404)."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)
