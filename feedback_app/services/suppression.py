"""Small-number suppression for published figures: pure functions, no Flask.

A figure from fewer than ``threshold`` respondents is never shown (primary
suppression). Where figures add up to a total that is shown, hiding one of them
is not enough: it could be worked out by subtraction. So more figures are hidden,
smallest first, until at least two are hidden and the hidden ones together come
to at least ``threshold`` (secondary suppression). A zero is safe to show on its
own, but it can still be hidden as a complement.

A statement's base leaves out those who answered "does not apply" or skipped it, so
the number of responses minus a base counts them: where that would be small, either
the statement or the number of responses is not shown (``services.left_out``).

Differencing across releases
----------------------------

Suppression within one release is not enough once several are published: the
public can subtract one release's figures from another's. Two kinds of release
overlap (SPEC §2 periods only nest, they never partly overlap):

* versions of one release (a correction), which differ by the responses added or
  recoded since: v2 − v1 = the change;
* a financial year and its quarters, which differ by the quarters not subtracted:
  year − (Q1 + Q2 + Q3) = Q4, and year − Q1 = Q2 + Q3 + Q4.

A release also shows the previous period's figures (for trends), so those count
as a partial release of that period too.

Every figure is a *cell* with a key such as ``q.involved.positive``,
``t.communication.count`` or ``c.points`` (the same key in every release), and
:func:`differencing_hides` compares a new release's cells with the cells already
published (:class:`Published`, every version, superseded ones too, since old
versions stay public). A cell the new release would show is hidden when its value
minus a published value of the same period, or a year's value minus any sum of
its quarters' published values (or a quarter's, against the year and its other
quarters), comes to between 1 and ``threshold`` − 1 in either direction. A
difference of 0 reveals no one and is safe. A cell the new release hides is
treated as *known* when published cells pin it down (a year's cell when all four
quarters show it; a quarter's when the year and the other three do), and then the
release's own secondary suppression hides another part in its place. The caller
repeats suppression and these checks until nothing changes, because each hide can
call for a complement. What is published already never changes: only the new
release hides more.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from feedback_app.services.periods import FinancialYear, Period, parse_period


def is_small(count: int | None, threshold: int) -> bool:
    """Whether a count reveals too few people to publish (a zero reveals no one)."""
    return count is not None and 0 < count < threshold


def suppress_parts(
    parts: Mapping[str, int],
    total: int,
    threshold: int,
    forced: Collection[str] = (),
    known: Collection[str] = (),
) -> set[str]:
    """Return the names of the parts to hide, given that ``total`` (their sum) is shown.

    Parts are hidden when small or ``forced`` (hidden to stop differencing against
    other releases); then, if any are hidden, more are hidden (smallest first) until
    at least two are and the hidden parts sum to at least ``threshold``, or every part
    is hidden. Hidden parts in ``known`` can be worked out from other releases, so
    they do not count towards that protection.
    """
    if total < threshold:
        return set(parts)
    hidden = {name for name, count in parts.items() if is_small(count, threshold) or name in forced}

    def unprotected() -> bool:
        secret = [name for name in hidden if name not in known]
        return bool(secret) and (len(secret) < 2 or sum(parts[n] for n in secret) < threshold)

    while hidden and unprotected():
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
    counts: Mapping[str, int],
    threshold: int,
    forced: Collection[str] = (),
    known: Collection[str] = (),
) -> dict[str, int | float | bool | None]:
    """Suppressed figures for one statement from its answer counts by scale value.

    ``counts`` maps scale values to counts; ``not_applicable`` is outside the base.
    ``forced`` and ``known`` name parts (``positive``, ``negative``, ``neither``) as for
    :func:`suppress_parts`; a forced ``base`` hides the whole statement, as its parts
    would add up to it. Such a statement has ``withheld`` true: its base was not small.
    """
    positive = counts.get("strongly_agree", 0) + counts.get("agree", 0)
    negative = counts.get("disagree", 0) + counts.get("strongly_disagree", 0)
    neither = counts.get("neither", 0)
    base = positive + negative + neither
    parts = {"positive": positive, "negative": negative, "neither": neither}
    if base < threshold or "base" in forced:
        return {
            "base": None,
            "positive": None,
            "negative": None,
            "neither": None,
            "percent_positive": None,
            "percent_negative": None,
            "percent_neither": None,
            "suppressed": True,
            "base_below_threshold": base < threshold,
            "withheld": base >= threshold,
        }
    hidden = suppress_parts(parts, base, threshold, forced, known)
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
        "withheld": False,
    }


SENTIMENTS = ("negative", "neutral", "positive")


def theme_rows(
    counts: Mapping[str, Mapping[str, int]],
    threshold: int,
    forced: Mapping[str, Collection[str]] | None = None,
    known: Mapping[str, Collection[str]] | None = None,
) -> list[dict[str, int | bool | str | None]]:
    """Suppressed theme rows from ``{slug: {sentiment: count}}``, largest first.

    A theme's count is the number of comments with it; its sentiment split is a set
    of parts of that count. Comments with no sentiment count in the total only.
    ``forced`` and ``known`` give, by slug, sentiments as for :func:`suppress_parts`;
    a forced ``count`` hides the whole row (``withheld``: the count was not small).
    """
    forced = forced or {}
    known = known or {}
    rows: list[dict[str, int | bool | str | None]] = []
    for slug, split in counts.items():
        total = sum(split.values())
        parts = {s: split.get(s, 0) for s in SENTIMENTS}
        unknown = total - sum(parts.values())
        if unknown:
            parts["unknown"] = unknown
        small_total = total < threshold
        withheld = not small_total and "count" in forced.get(slug, ())
        hidden = (
            set(parts)
            if withheld
            else suppress_parts(parts, total, threshold, forced.get(slug, ()), known.get(slug, ()))
        )
        row: dict[str, int | bool | str | None] = {
            "slug": slug,
            "count": None if small_total or withheld else total,
        }
        for sentiment in SENTIMENTS:
            row[sentiment] = None if sentiment in hidden else parts[sentiment]
        row["suppressed"] = small_total or bool(hidden)
        row["withheld"] = withheld
        rows.append(row)
    # Shown themes by size; hidden ones after, by name, so the order reveals nothing.
    rows.sort(key=lambda r: (r["count"] is None, -int(r["count"] or 0), str(r["slug"])))
    return rows


def suppress_column(
    counts: Mapping[str, int],
    total: int | None,
    threshold: int,
    forced: Collection[str] = (),
    known: Collection[str] = (),
) -> dict[str, int | None]:
    """Suppress counts by category (e.g. complaint points by theme) whose total is shown.

    With ``total`` None the total is not published, so only small counts are hidden,
    plus one more if exactly one would be hidden and the rest could reveal it
    against another published figure; pass the total whenever it is shown.
    ``forced`` and ``known`` name categories as for :func:`suppress_parts`.
    """
    if total is None:
        total = sum(counts.values())
    hidden = suppress_parts(dict(counts), total, threshold, forced, known)
    return {name: (None if name in hidden else count) for name, count in counts.items()}


def hidden_cells(values: Sequence[int | None]) -> int:
    """How many of the values are hidden (None); used in summaries."""
    return sum(1 for value in values if value is None)


# --- differencing across releases --------------------------------------------------------

#: Cells whose key is missing from a whole release mean zero: a theme with no comments
#: has no row. Anything else missing (a statement not asked then) is unknown.
ZERO_IF_ABSENT = ("t.", "c.theme.", "c.compliment.")
#: At most this many different published values of one cell are tried per period, so the
#: sums over a year's quarters stay a few thousand at worst.
MAX_VALUES = 6


@dataclass(frozen=True)
class Published:
    """The cells of a period as some published release shows them (None: hidden).

    ``complete`` is true for a release's own figures, where a missing theme means none;
    false for the previous period's figures a release shows beside its own, which list
    only some themes.
    """

    period: str
    cells: Mapping[str, int | None]
    complete: bool = True


def _shown_values(published: Iterable[Published], period: str, key: str) -> list[int]:
    values: set[int] = set()
    for release in published:
        if release.period != period:
            continue
        if key in release.cells:
            value = release.cells[key]
        elif release.complete and key.startswith(ZERO_IF_ABSENT):
            value = 0
        else:
            value = None
        if value is not None:
            values.add(int(value))
    return sorted(values)[:MAX_VALUES]


def _sums(choices: Sequence[list[int]]) -> Iterable[tuple[int, bool]]:
    """Every sum of at most one value from each choice, with whether any was taken."""
    for picked in itertools.product(*[[None, *values] for values in choices]):
        taken = [value for value in picked if value is not None]
        yield sum(taken), bool(taken)


def differencing_hides(
    period: Period | str,
    counts: Mapping[str, int],
    hidden: Collection[str],
    published: Sequence[Published],
    threshold: int,
) -> tuple[set[str], set[str]]:
    """Cells of a new release that differencing against published releases would expose.

    ``counts`` are the new release's true counts by cell key and ``hidden`` the keys it
    hides already; ``published`` are cells already public, for this period and any
    period nesting with it (others are ignored). Returns ``(unsafe, known)``: shown
    cells whose difference from published figures would be between 1 and
    ``threshold`` − 1 (hide them), and hidden cells that published figures pin down
    (so a different part must be hidden to protect their group).
    """
    if not published:
        return set(), set()
    # A period object as well as a label: the year before the first a label may name
    # (2000-01) has no label that parses, yet a release of 2000-01 shows its figures.
    target = parse_period(period) if isinstance(period, str) else period
    if isinstance(target, FinancialYear):
        whole: str | None = None
        others = [quarter.label for quarter in target.quarters]
    else:
        whole = target.year.label
        others = [q.label for q in target.year.quarters if q != target]
    unsafe: set[str] = set()
    known: set[str] = set()
    for key, value in counts.items():
        same = _shown_values(published, target.label, key)
        parts = [_shown_values(published, label, key) for label in others]
        totals = _shown_values(published, whole, key) if whole else []
        if key in hidden:
            pinned = all(parts) and (whole is None or bool(totals))
            if pinned:
                known.add(key)
            continue
        if any(is_small(abs(value - other), threshold) for other in same):
            unsafe.add(key)
        elif whole is None:
            # A year: the year minus any of its quarters' published values.
            if any(
                taken and is_small(abs(value - total), threshold) for total, taken in _sums(parts)
            ):
                unsafe.add(key)
        elif any(
            is_small(abs(year - value - rest), threshold)
            for year in totals
            for rest, _ in _sums(parts)
        ):
            # A quarter: the year minus this quarter and any of the other quarters.
            unsafe.add(key)
    return unsafe, known
