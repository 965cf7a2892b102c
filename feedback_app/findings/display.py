"""How findings figures read on a page: whole percents, and words for hidden figures."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from feedback_app.services.suppression import whole_change, whole_percent

HIDDEN = "not shown"


def _half_up(value: Any) -> int:
    """A stored one-decimal figure to a whole number, halves away from zero (12.5 is 13)."""
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def pct(value: Any) -> str:
    """A stored percent as a whole number, or "not shown" for a suppressed figure.

    Prefer ``share``, which rounds from the counts; this is for figures published
    without them.
    """
    if value is None:
        return HIDDEN
    return f"{_half_up(value)}%"


def share(row: Mapping[str, Any], part: str, base_key: str = "base") -> str:
    """A row's ``part`` as a whole percent of its base, rounded once from the counts.

    Falls back to the row's stored ``percent_<part>`` (one decimal place) when the
    counts are not in it, as in findings published before the counts were kept.
    """
    count, base = row.get(part), row.get(base_key)
    if isinstance(count, int) and isinstance(base, int) and base:
        return f"{whole_percent(count, base)}%"
    return pct(row.get(f"percent_{part}"))


def change_in(row: Mapping[str, Any], part: str) -> str:
    """A statement's change in ``part`` (positive or negative) since the previous period.

    Rounded once from the two periods' counts where the row holds them; otherwise
    from the stored one-decimal change.
    """
    count, base = row.get(part), row.get("base")
    before, before_base = row.get(f"previous_{part}"), row.get("previous_base")
    if (
        isinstance(count, int)
        and isinstance(base, int)
        and isinstance(before, int)
        and isinstance(before_base, int)
        and base
        and before_base
    ):
        return _change_words(whole_change(count, base, before, before_base), " points")
    return change(row.get(f"change_{part}"))


def figure(value: Any) -> str:
    """A count, or "not shown" for a suppressed figure."""
    return HIDDEN if value is None else f"{value:,}" if isinstance(value, int) else str(value)


def change(value: Any, unit: str = " points") -> str:
    """A change since the previous period, with its direction in words."""
    if value is None:
        return "no comparison"
    return _change_words(_half_up(value), unit)


def _change_words(number: int, unit: str) -> str:
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


def _and(names: list[str]) -> str:
    """Names as a sentence lists them: "a", "a and b", "a, b and c"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def most_common(themes: list[Mapping[str, Any]]) -> str:
    """The sentence naming the most common theme of comments, or "" with none shown.

    Themes that tie are all named ("school places and delays, in 6 comments each"). A
    hidden theme could be bigger than every shown one, so when any is hidden the
    sentence says it is the most common of the themes we can show.
    """
    shown = [t for t in themes if isinstance(t.get("count"), int) and t["count"] > 0]
    if not shown:
        return ""
    top = max(int(t["count"]) for t in shown)
    names = [str(t.get("name") or t.get("slug")).lower() for t in shown if t["count"] == top]
    comments = "comment" if top == 1 else "comments"
    each = " each" if len(names) > 1 else ""
    if any(t.get("count") is None for t in themes):
        verb = "were" if len(names) > 1 else "was"
        return (
            f"Of the themes we can show, the most common {verb} {_and(names)}, "
            f"in {top} {comments}{each}."
        )
    if len(names) > 1:
        return f"The most common themes were {_and(names)}, in {top} {comments} each."
    return f"The most common theme was {names[0]}, in {top} {comments}."


def atom_time(value: Any) -> str:
    """An RFC 3339 timestamp for Atom; stored times without a zone are UTC."""
    from datetime import UTC

    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return str(value.isoformat(timespec="seconds"))
