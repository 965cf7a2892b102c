"""Helpers shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Mapped, declared_attr, mapped_column


def utcnow() -> datetime:
    """Return the current time in UTC, timezone-aware, for column defaults."""
    return datetime.now(UTC)


class Versioned:
    """A row that staff change through forms, with a version counter (optimistic locking).

    SQLAlchemy sets ``version`` to 1 on INSERT and raises it by one in every UPDATE of
    the row, whose WHERE clause also asks for the version it read
    (``version_id_col``): of two saves that race, the second changes no row and fails
    with ``StaleDataError`` instead of overwriting the first. Edit forms carry the
    version their page showed; ``services.edits`` compares it and explains a conflict.
    Rows made before migration 0019 start at 1 (the server default).
    """

    version: Mapped[int] = mapped_column(server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
