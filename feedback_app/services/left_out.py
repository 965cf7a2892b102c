"""Who answered "does not apply" or skipped a statement: never a small number by subtraction.

A statement's base is everyone who answered it except "does not apply" (SPEC §4), so
the number of responses minus the base counts those who answered "does not apply" or
left it blank, as surely as if it were published. Where that would be between 1 and
the threshold - 1, either the statement is withheld or the number of responses is
hidden, whichever hides less (``protect_left_out``, which ``services.findings``
applies with the rest of suppression). The difference is also a cell of its own,
``q.<id>.not_counted`` (``services.published_cells``), so differencing against other
releases covers it. Releases frozen before this rule are shown with those statements
withheld (``hide_small_remainders``). Pure functions, no Flask.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from feedback_app.services.suppression import is_small


def shown_bases(
    keys: Sequence[str], counts: Mapping[str, int], forced: Collection[str], limit: int
) -> dict[str, int]:
    """The statements' bases that would be shown: not small, not hidden for differencing.

    ``counts`` are true cell counts (``q.<id>.base``), ``forced`` the cells hidden for
    differencing.
    """
    bases = {key: counts[f"q.{key}.base"] for key in keys}
    return {
        key: base for key, base in bases.items() if base >= limit and f"q.{key}.base" not in forced
    }


def small_remainders(
    responses: int | None, bases: Mapping[str, int | None], threshold: int
) -> set[str]:
    """The statements whose shown base, taken from the shown number of responses, leaves
    a small number: those who answered "does not apply" or skipped the statement.

    A statement's base is everyone who answered it except "does not apply", so
    ``responses - base`` counts the rest as surely as if it were published. Either
    figure hidden (None) leaves nothing to subtract.
    """
    if not isinstance(responses, int):
        return set()
    return {
        key
        for key, base in bases.items()
        if isinstance(base, int) and is_small(responses - base, threshold)
    }


def protect_left_out(
    responses: int,
    bases: Mapping[str, int],
    threshold: int,
    unsafe: Collection[str] = (),
    responses_known: bool = False,
) -> tuple[set[str], bool]:
    """Which statements to withhold, and whether to hide the number of responses, so that
    no shown base taken from the number of responses leaves a number worked out exactly
    between 1 and ``threshold`` - 1 (those who answered "does not apply" or skipped it).

    ``bases`` are the bases that would be shown; ``unsafe`` statements leave a number that
    other releases make unsafe to show. Of two ways, the one hiding fewer figures is
    taken (a statement counts for more than the total):

    * show the number of responses and withhold each statement that leaves a few out;
    * hide the number of responses, and withhold each statement everyone answered
      (its base would give the number away), so every shown base leaves at least one
      out and nobody can tell how many. Not when published releases pin the number of
      responses down (``responses_known``).
    """
    few = small_remainders(responses, bases, threshold) | (set(unsafe) & bases.keys())
    if not few:
        return set(), False
    everyone = {key for key, base in bases.items() if base == responses}
    if not responses_known and len(everyone) < len(few):
        return everyone, True
    return few, False


#: A statement's figures for its own period, hidden together when it is withheld.
STATEMENT_FIGURES = (
    "base",
    "positive",
    "negative",
    "neither",
    "percent_positive",
    "percent_negative",
    "percent_neither",
)
#: Its previous period's figures, shown for trends, and the changes worked out from them.
PREVIOUS_FIGURES = (
    "previous_base",
    "previous_positive",
    "previous_negative",
    "previous_percent_positive",
    "previous_percent_negative",
    "change_positive",
    "change_negative",
)


def hide_small_remainders(payload: Mapping[str, Any], threshold: int) -> dict[str, Any]:
    """A findings payload with every statement withheld whose base, taken from the number
    of responses, leaves a small number; and its previous period's figures (shown for
    trends) hidden where they do the same against the previous number of responses.

    Findings are computed this way (``services.findings``); this protects payloads
    published before the rule, which pages and downloads read as they were frozen.
    """
    questions = [dict(q) for q in payload.get("questions") or []]
    now = small_remainders(
        payload.get("responses"), {str(q.get("id")): q.get("base") for q in questions}, threshold
    )
    before = small_remainders(
        payload.get("previous_responses"),
        {str(q.get("id")): q.get("previous_base") for q in questions},
        threshold,
    )
    for question in questions:
        if str(question.get("id")) in now:
            question.update(dict.fromkeys(STATEMENT_FIGURES))
            question.update(suppressed=True, withheld=True, base_below_threshold=False)
            question.update(dict.fromkeys(("change_positive", "change_negative")))
        if str(question.get("id")) in before:
            question.update(dict.fromkeys(PREVIOUS_FIGURES))
    return {**payload, "questions": questions}
