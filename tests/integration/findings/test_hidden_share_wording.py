"""A statement whose agree or disagree share is hidden reads as a sentence, not as
"not shown agreed and not shown disagreed"."""

from __future__ import annotations

from flask import Flask

from feedback_app.services import releases
from tests.conftest import parse_html


def _statement(body: str, words: str) -> str:
    """The sentence about the statement whose wording contains ``words``."""
    for item in parse_html(body).select("#statements + ul li"):
        text = " ".join(item.get_text(" ").split())
        if words in text:
            return text
    raise AssertionError(f"no statement with {words!r}")


def test_hidden_shares_are_said_in_words(app: Flask, sign_in, factories) -> None:
    # "involved": 2 agree, 5 disagree. 2 is too few to show, and 5 would give it away.
    factories.add_responses(2, {"involved": "agree"})
    factories.add_responses(5, {"involved": "disagree"})
    # "aspirational": 3 agree, 5 disagree, 3 neither: only the agreeing share is hidden.
    factories.add_responses(3, {"aspirational": "agree"})
    factories.add_responses(5, {"aspirational": "disagree"})
    factories.add_responses(3, {"aspirational": "neither"})
    release = releases.create_draft("new_ehcp", "2023-24", None)
    client = sign_in("analyst")
    body = client.get(f"/staff/publishing/releases/{release.id}/preview").get_data(as_text=True)

    both = _statement(body, "involved")
    assert both.endswith(
        "7 people answered; we do not show how they answered, so that no one can be identified."
    ), both
    one = _statement(body, "aspirational")
    assert one.endswith(
        "45% disagreed, of 11 who answered; we do not show how many agreed, so that no one "
        "can be identified."
    ), one
    assert "not shown agreed" not in body and "not shown disagreed" not in body
