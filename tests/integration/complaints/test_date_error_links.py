"""An error summary's link to a date goes to its day box, which can take focus."""

from __future__ import annotations

from tests.conftest import parse_html


def test_the_link_to_a_missing_date_goes_to_the_day_box(sign_in):
    client = sign_in("complaints_officer")
    page = client.post("/staff/complaints/compliments/new", data={}).get_data(as_text=True)
    soup = parse_html(page)
    links = [a["href"] for a in soup.select(".govuk-error-summary a")]
    assert "#received_on-day" in links, links
    assert soup.find(id="received_on-day") is not None
    # Other fields keep their own links.
    assert all(soup.find(id=href[1:]) is not None for href in links), links
