"""Small-number suppression for published figures: pure functions, no Flask.

A figure from fewer than ``threshold`` respondents is never shown (primary
suppression). Where figures add up to a total that is shown, hiding one of them
is not enough: it could be worked out by subtraction. So more figures are hidden,
smallest first, until at least two are hidden and the hidden ones together come
to at least ``threshold`` (secondary suppression). A zero is safe to show on its
own, but it can still be hidden as a complement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def is_small(count: int | None, threshold: int) -> bool:
    """Whether a count reveals too few people to publish (a zero reveals no one)."""
    return count is not None and 0 < count < threshold


def suppress_parts(parts: Mapping[str, int], total: int, threshold: int) -> set[str]:
    """Return the names of the parts to hide, given that ``total`` (their sum) is shown.

    Parts are hidden when small; then, if any are hidden, more are hidden (smallest
    first) until at least two are and the hidden parts sum to at least ``threshold``,
    or every part is hidden.
    """
    if total < threshold:
        return set(parts)
    hidden = {name for name, count in parts.items() if is_small(count, threshold)}
    while hidden and (len(hidden) < 2 or sum(parts[n] for n in hidden) < threshold):
        visible = sorted((count, name) for name, count in parts.items() if name not in hidden)
        if not visible:
            break
        hidden.add(visible[0][1])
    return hidden


def whole_percent(count: int, base: int) -> int:
    """``count`` as a whole percent of ``base``, rounded once, halves up (13.46% is 13).

    Exact integer arithmetic: rounding the one-decimal ``percent`` again would turn
    13.46 into 13.5 and then 14, and Python's ``round`` takes halves to even.
    """
    return (200 * count + base) // (2 * base)


def whole_change(count: int, base: int, before: int, before_base: int) -> int:
    """The change in points from ``before / before_base`` to ``count / base``, rounded once.

    Halves round away from zero, so a rise and a fall of the same size read alike.
    """
    numerator = 100 * (count * before_base - before * base)
    denominator = base * before_base
    magnitude = (2 * abs(numerator) + denominator) // (2 * denominator)
    return magnitude if numerator >= 0 else -magnitude


def percent(count: int | None, base: int | None) -> float | None:
    """Percent of the base to one decimal place, or None when either is unknown."""
    if count is None or not base:
        return None
    return round(100.0 * count / base, 1)


def statement_figures(
    counts: Mapping[str, int], threshold: int
) -> dict[str, int | float | bool | None]:
    """Suppressed figures for one statement from its answer counts by scale value.

    ``counts`` maps scale values to counts; ``not_applicable`` is outside the base.
    """
    positive = counts.get("strongly_agree", 0) + counts.get("agree", 0)
    negative = counts.get("disagree", 0) + counts.get("strongly_disagree", 0)
    neither = counts.get("neither", 0)
    base = positive + negative + neither
    parts = {"positive": positive, "negative": negative, "neither": neither}
    if base < threshold:
        return {
            "base": None,
            "positive": None,
            "negative": None,
            "neither": None,
            "percent_positive": None,
            "percent_negative": None,
            "percent_neither": None,
            "suppressed": True,
            "base_below_threshold": True,
        }
    hidden = suppress_parts(parts, base, threshold)
    shown: dict[str, int | None] = {n: (None if n in hidden else c) for n, c in parts.items()}
    return {
        "base": base,
        "positive": shown["positive"],
        "negative": shown["negative"],
        "neither": shown["neither"],
        "percent_positive": percent(shown["positive"], base),
        "percent_negative": percent(shown["negative"], base),
        "percent_neither": percent(shown["neither"], base),
        "suppressed": bool(hidden),
        "base_below_threshold": False,
    }


SENTIMENTS = ("negative", "neutral", "positive")


def theme_rows(
    counts: Mapping[str, Mapping[str, int]], threshold: int
) -> list[dict[str, int | bool | str | None]]:
    """Suppressed theme rows from ``{slug: {sentiment: count}}``, largest first.

    A theme's count is the number of comments with it; its sentiment split is a set
    of parts of that count. Comments with no sentiment count in the total only.
    """
    rows: list[dict[str, int | bool | str | None]] = []
    for slug, split in counts.items():
        total = sum(split.values())
        parts = {s: split.get(s, 0) for s in SENTIMENTS}
        unknown = total - sum(parts.values())
        if unknown:
            parts["unknown"] = unknown
        small_total = total < threshold
        hidden = suppress_parts(parts, total, threshold)
        row: dict[str, int | bool | str | None] = {
            "slug": slug,
            "count": None if small_total else total,
        }
        for sentiment in SENTIMENTS:
            row[sentiment] = None if sentiment in hidden else parts[sentiment]
        row["suppressed"] = small_total or bool(hidden)
        rows.append(row)
    # Shown themes by size; hidden ones after, by name, so the order reveals nothing.
    rows.sort(key=lambda r: (r["count"] is None, -int(r["count"] or 0), str(r["slug"])))
    return rows


def suppress_column(
    counts: Mapping[str, int], total: int | None, threshold: int
) -> dict[str, int | None]:
    """Suppress counts by category (e.g. complaint points by theme) whose total is shown.

    With ``total`` None the total is not published, so only small counts are hidden,
    plus one more if exactly one would be hidden and the rest could reveal it
    against another published figure; pass the total whenever it is shown.
    """
    if total is None:
        total = sum(counts.values())
    hidden = suppress_parts(dict(counts), total, threshold)
    return {name: (None if name in hidden else count) for name, count in counts.items()}


def hidden_cells(values: Sequence[int | None]) -> int:
    """How many of the values are hidden (None); used in summaries."""
    return sum(1 for value in values if value is None)
