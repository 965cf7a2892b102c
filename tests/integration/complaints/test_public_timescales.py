"""Public pages promise families the timescales and retention periods that are set.

With a stage 1 acknowledgement of 3 working days, a response of 20 and complaints kept
730 days, the complaint form still promised "5 working days … 10 working days" and
"6 years", and the privacy notice "6 years", while the sent page said 3 days.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from feedback_app.templating import period_in_words, working_days
from tests.conftest import parse_html
from tests.integration.surveys.helpers import start


def _text(client: FlaskClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    soup: BeautifulSoup = parse_html(response.get_data(as_text=True))
    main = soup.find("main")
    assert main is not None
    return re.sub(r"\s+", " ", main.get_text(" "))


def _contact_page(client: FlaskClient) -> str:
    """The survey's contact details page, reached as a family would, saying yes to contact."""
    first = start(client, "new-ehcp")
    words = first.rsplit("/questions/", 1)[0] + "/your-words"
    sent = client.post(
        words, data={"action": "continue", "quote_consent": "no", "contact_consent": "yes"}
    )
    assert sent.status_code == 302 and sent.location.endswith("/contact-details"), sent.location
    return _text(client, sent.location)


def test_public_pages_state_the_configured_timescales_and_retention(
    app: Flask, client: FlaskClient
) -> None:
    app.config.update(
        STAGE1_ACKNOWLEDGE_DAYS=3,
        STAGE1_RESPOND_DAYS=20,
        COMPLAINT_RETENTION_DAYS=730,
        SURVEY_CONTACT_RETENTION_DAYS=90,
    )
    form = _text(client, "/complaints/")
    assert "acknowledge your complaint within 3 working days" in form
    assert "reply in full within 20 working days after that" in form
    assert "We keep your complaint for 2 years after it is closed" in form
    assert "within 3 working days to acknowledge" in _text(client, "/complaints/sent")
    privacy = _text(client, "/privacy")
    assert "If you do, we delete them after 90 days." in privacy
    assert "We keep complaint records for 2 years after the complaint is closed" in privacy
    assert "we delete them after 90 days." in _contact_page(client)
    for page in (form, privacy):
        assert not re.search(r"\b(5|10) working days|6 years|a year\b", page), page


def test_the_defaults_read_as_before(client: FlaskClient) -> None:
    form = _text(client, "/complaints/")
    assert "within 5 working days and reply in full within 10 working days" in form
    assert "We keep your complaint for 6 years" in form
    privacy = _text(client, "/privacy")
    assert "we delete them after 1 year." in privacy and "records for 6 years" in privacy


def test_one_working_day_and_odd_periods_read_as_plain_words(
    app: Flask, client: FlaskClient
) -> None:
    app.config.update(
        STAGE1_ACKNOWLEDGE_DAYS=1, COMPLAINT_RETENTION_DAYS=400, SURVEY_CONTACT_RETENTION_DAYS=365
    )
    form = _text(client, "/complaints/")
    assert "within 1 working day and" in form and "We keep your complaint for 400 days" in form
    assert "we delete them after 1 year." in _contact_page(client)


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (2190, "6 years"),
        (730, "2 years"),
        (365, "1 year"),
        (366, "366 days"),
        (400, "400 days"),
        (90, "90 days"),
        (30, "30 days"),
        (1, "1 day"),
    ],
)
def test_periods_in_words(days: int, words: str) -> None:
    assert period_in_words(days) == words


def test_working_days_in_words() -> None:
    assert [working_days(n) for n in (1, 5, 20)] == [
        "1 working day",
        "5 working days",
        "20 working days",
    ]
