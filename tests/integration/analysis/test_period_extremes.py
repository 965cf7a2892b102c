"""Period labels at the ends of the calendar get the usual clear message, never a traceback
or a 500: from every command and page that reads a period."""

from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.services import comments
from tests.conftest import parse_html

EXTREMES = ["9999-00-Q4", "0000-01-Q1", "9999-00", "0000-01"]


@pytest.fixture
def reviewed(app):
    """One reviewed comment, so the agreement figures filter by the period's dates."""
    comment = comments.record_comment(
        source="survey", source_id=1, text="The taxi was late", received_on=date(2024, 5, 1)
    )
    assert comment is not None
    comments.label_comment(comment, themes=["transport"], sentiment="negative", user=None)
    db.session.commit()
    return comment


@pytest.mark.parametrize("label", EXTREMES)
@pytest.mark.parametrize(
    "command",
    [
        ["complaints-report", "--quarter"],
        ["findings", "--survey", "new_ehcp", "--period"],
        ["agreement", "--period"],
    ],
)
def test_commands_refuse_extreme_periods_with_a_clear_error(app, reviewed, command, label):
    result = app.test_cli_runner().invoke(args=[*command, label])
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), result.exception  # a click error
    assert "Error:" in result.output and "Traceback" not in result.output
    assert "'0-01'" not in result.output


def test_findings_quotes_the_label_as_typed(app):
    result = app.test_cli_runner().invoke(
        args=["findings", "--survey", "new_ehcp", "--period", "0000-01"]
    )
    assert result.exit_code == 1
    assert "'0000-01'" in result.output and "2000-01" in result.output


@pytest.mark.parametrize("label", EXTREMES)
def test_pages_that_take_a_period_give_a_page_not_a_500(sign_in, reviewed, label):
    admin = sign_in("admin")
    for address, message in [
        (f"/staff/review/agreement?period={label}", "Choose a quarter from the list"),
        (f"/staff/complaints/report?quarter={label}", "is not a quarter"),
    ]:
        response = admin.get(address)
        assert response.status_code == 200, address
        body = response.get_data(as_text=True)
        parse_html(body)
        assert message in body, address
    # The evidence pack answers any malformed period with its not-found page, as before.
    assert admin.get(f"/staff/publishing/evidence-pack?period={label}").status_code == 404
    assert admin.get(f"/staff/publishing/evidence-pack.csv?period={label}").status_code == 404
    assert admin.get(f"/findings?survey=new-ehcp&period={label}").status_code == 404
