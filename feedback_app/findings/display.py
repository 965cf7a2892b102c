"""How findings figures read on a page: whole percents, and words for hidden figures."""

from __future__ import annotations

from typing import Any

HIDDEN = "not shown"


def pct(value: Any) -> str:
    """A percent rounded to a whole number, or "not shown" for a suppressed figure."""
    if value is None:
        return HIDDEN
    return f"{round(float(value))}%"


def figure(value: Any) -> str:
    """A count, or "not shown" for a suppressed figure."""
    return HIDDEN if value is None else f"{value:,}" if isinstance(value, int) else str(value)


def change(value: Any, unit: str = " points") -> str:
    """A change since the previous period, with its direction in words."""
    if value is None:
        return "no comparison"
    number = round(float(value))
    if number == 0:
        return "no change"
    word = "up" if number > 0 else "down"
    return f"{word} {abs(number)}{unit}"


def base_text(value: Any, threshold: int, withheld: Any = False) -> str:
    """A base, or "fewer than N" when the base itself was too small to show, or "not
    shown" when it was hidden because, with figures already published, it would reveal
    a smaller group."""
    if value is None:
        return HIDDEN if withheld else f"fewer than {threshold}"
    return f"{value:,}"


def atom_time(value: Any) -> str:
    """An RFC 3339 timestamp for Atom; stored times without a zone are UTC."""
    from datetime import UTC

    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return str(value.isoformat(timespec="seconds"))
