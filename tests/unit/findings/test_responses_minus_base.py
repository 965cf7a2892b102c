"""The number of responses minus a statement's base counts those who answered "does not
apply" or skipped it: no release may let that come to a small number."""

from __future__ import annotations

from typing import Any

from feedback_app.services.findings import protected_figures
from feedback_app.services.left_out import (
    hide_small_remainders,
    protect_left_out,
    small_remainders,
)
from feedback_app.services.periods import parse_period
from feedback_app.services.published_cells import payload_cells
from feedback_app.services.suppression import Published, is_small

T = 5
KEYS = [("involved", "I felt involved"), ("contact", "It was easy to contact")]


def _raw(responses: int, involved: dict[str, int], contact: dict[str, int]) -> dict[str, Any]:
    return {
        "responses": responses,
        "answers": {"involved": involved, "contact": contact},
        "themes": {},
    }


def _left_out(figures: dict[str, Any]) -> dict[str, int]:
    """What someone could work out: responses minus each shown base."""
    responses = figures["responses"]
    return {
        row["id"]: responses - row["base"]
        for row in figures["questions"]
        if isinstance(responses, int) and isinstance(row["base"], int)
    }


def test_small_remainders_names_the_statements_leaving_few_out() -> None:
    bases = {"a": 40, "b": 42, "c": 38, "d": None, "e": 37}
    assert small_remainders(42, bases, T) == {"a", "c"}
    assert small_remainders(None, bases, T) == set()


def test_a_payload_frozen_before_the_rule_withholds_those_statements_when_shown() -> None:
    payload = {
        "responses": 42,
        "responses_withheld": False,
        "previous_responses": 30,
        "questions": [
            {"id": "involved", "base": 40, "positive": 30, "percent_positive": 75.0},
            {"id": "contact", "base": 42, "previous_base": 27, "previous_percent_positive": 50.0},
        ],
    }
    shown = hide_small_remainders(payload, T)
    involved, contact = shown["questions"]
    assert involved["withheld"] is True and involved["suppressed"] is True
    assert involved["base"] is None and involved["positive"] is None
    assert involved["percent_positive"] is None
    assert contact["base"] == 42 and not contact.get("withheld")
    # 30 before, and a base of 27 then: its previous figures go, not this period's.
    assert contact["previous_base"] is None and contact["previous_percent_positive"] is None
    assert shown["responses"] == 42
    assert payload["questions"][0]["base"] == 40  # the stored snapshot is not changed
    safe = {**payload, "questions": [{"id": "involved", "base": 37, "previous_base": 30}]}
    assert hide_small_remainders(safe, T) == safe


def test_protect_left_out_takes_the_way_that_hides_less() -> None:
    # Nobody answered every statement: hiding the total leaves every base uncertain.
    assert protect_left_out(42, {"a": 40, "b": 38, "c": 30}, T) == (set(), True)
    # "b" gives the total away as its base: withhold the one statement leaving a few out.
    assert protect_left_out(42, {"a": 40, "b": 42, "c": 30}, T) == ({"a"}, False)
    # Two leave a few out, one gives the total away: withhold that one and hide the total.
    assert protect_left_out(42, {"a": 40, "b": 42, "c": 41}, T) == ({"b"}, True)
    # Unless other releases pin the total down.
    assert protect_left_out(42, {"a": 40, "b": 42, "c": 41}, T, responses_known=True) == (
        {"a", "c"},
        False,
    )
    assert protect_left_out(42, {"a": 37, "b": 42}, T) == (set(), False)
    assert protect_left_out(42, {"a": 37, "b": 42}, T, unsafe={"a"}) == ({"a"}, False)


def test_responses_are_hidden_when_every_base_leaves_someone_out() -> None:
    raw = _raw(42, {"agree": 30, "disagree": 10}, {"agree": 28, "disagree": 10})
    figures = protected_figures(parse_period("2023-24"), KEYS, raw, None, [], T)
    assert figures["responses"] is None and figures["responses_withheld"] is True
    # The statements, which matter more than the total, are all still shown.
    assert [row["base"] for row in figures["questions"]] == [40, 38]
    assert _left_out(figures) == {}


def test_a_statement_is_withheld_when_another_gives_the_responses_away() -> None:
    raw = _raw(42, {"agree": 30, "disagree": 10}, {"agree": 32, "disagree": 10})
    figures = protected_figures(parse_period("2023-24"), KEYS, raw, None, [], T)
    assert figures["responses"] == 42
    involved, contact = figures["questions"]
    assert involved["withheld"] is True and involved["base"] is None
    assert involved["positive"] is None and involved["percent_positive"] is None
    assert contact["base"] == 42
    assert _left_out(figures) == {"contact": 0}


def test_responses_are_shown_when_no_base_leaves_a_few_out() -> None:
    raw = _raw(42, {"agree": 27, "disagree": 10}, {"agree": 32, "disagree": 10})
    figures = protected_figures(parse_period("2023-24"), KEYS, raw, None, [], T)
    assert figures["responses"] == 42 and figures["responses_withheld"] is False
    assert _left_out(figures) == {"involved": 5, "contact": 0}


def test_a_small_base_hidden_anyway_does_not_hide_the_responses() -> None:
    raw = _raw(6, {"agree": 2}, {"agree": 6})
    figures = protected_figures(parse_period("2023-24"), KEYS, raw, None, [], T)
    assert figures["responses"] == 6
    assert figures["questions"][0]["base"] is None


def test_when_the_quarters_pin_the_responses_down_the_statement_is_withheld() -> None:
    # All four quarters show their responses, so the year's are known whatever it shows.
    quarters = [
        Published(f"2023-24-Q{n}", {"responses": count}, complete=False)
        for n, count in zip((1, 2, 3, 4), (10, 10, 10, 6), strict=True)
    ]
    raw = _raw(36, {"agree": 22, "disagree": 10}, {"agree": 24, "disagree": 10})
    alone = protected_figures(parse_period("2023-24"), KEYS, raw, None, [], T)
    assert alone["responses"] is None  # hiding the total would do, if it were not known
    figures = protected_figures(parse_period("2023-24"), KEYS, raw, None, quarters, T)
    assert figures["responses"] == 36
    assert [row["withheld"] for row in figures["questions"]] == [True, True]
    assert _left_out(figures) == {}


def test_a_correction_cannot_give_away_the_change_in_those_left_out() -> None:
    # Version 1 showed 45 responses and a base of 40 (5 left out). Version 2 has 52 and
    # 45 (7 left out): each figure moved by 5 or more, but those left out moved by 2.
    first = _raw(45, {"agree": 30, "disagree": 10}, {"agree": 35, "disagree": 10})
    v1 = protected_figures(parse_period("2023-24"), KEYS, first, None, [], T)
    assert v1["responses"] == 45 and _left_out(v1)["involved"] == 5
    published = [Published("2023-24", payload_cells(v1))]
    second = _raw(52, {"agree": 35, "disagree": 10}, {"agree": 42, "disagree": 10})
    alone = protected_figures(parse_period("2023-24"), KEYS, second, None, [], T)
    assert alone["questions"][0]["base"] == 45
    v2 = protected_figures(parse_period("2023-24"), KEYS, second, None, published, T)
    assert v2["questions"][0]["withheld"] is True
    for key, value in payload_cells(v2).items():
        before = payload_cells(v1).get(key)
        if value is not None and before is not None:
            assert not is_small(abs(value - before), T), key


def test_payload_cells_include_those_left_out() -> None:
    payload = {"responses": 42, "questions": [{"id": "involved", "base": 40}]}
    assert payload_cells(payload)["q.involved.not_counted"] == 2
    hidden = {"responses": None, "questions": [{"id": "involved", "base": 40}]}
    assert payload_cells(hidden)["q.involved.not_counted"] is None
