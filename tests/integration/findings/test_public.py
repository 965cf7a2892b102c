"""Public findings, downloads, "you said, we did" and its feed: nothing small, nothing unsafe."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from flask import Flask
from flask.testing import FlaskClient

from feedback_app.extensions import db
from feedback_app.models import Comment
from feedback_app.services import improvements, releases, releases_quotes
from tests.conftest import parse_html

SECRET = "Somebody hurts my son when I am not there"


def _publish_with_quote(factories) -> tuple[int, Comment]:
    # 40 agree, 3 disagree, 7 neither on "involved": 3 is small, so a second part hides too.
    factories.add_responses(40, {"involved": "agree", "contact": "agree"})
    factories.add_responses(3, {"involved": "disagree", "contact": "agree"})
    factories.add_responses(7, {"involved": "neither", "contact": "not_applicable"})
    for _ in range(2):
        factories.add_comment("Transport late.", consent=False, themes=("transport",))
    for _ in range(9):
        factories.add_comment("Call back please.", consent=False, sentiment="negative")
    factories.add_comment("Nice team.", consent=False, sentiment="positive")
    quote_comment = factories.add_comment(SECRET)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, quote_comment.id, None)
    releases_quotes.approve_quote(release, quote.id, quote_comment.redacted, None)
    releases.publish(release, None)
    return release.id, quote_comment


def test_small_numbers_never_leak_through_html_csv_or_json(
    app: Flask, client: FlaskClient, factories
) -> None:
    _publish_with_quote(factories)
    soup = parse_html(client.get("/findings").get_data(as_text=True))
    row = soup.find("tr", attrs={"data-statement": "involved"})
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert cells[0] == "50"
    assert cells[1].startswith("80%")
    assert cells[2] == "not shown"  # 3 disagree: hidden
    text = soup.get_text(" ")
    assert "6%" not in text and "14%" not in text  # 3/50 and 7/50 are never shown
    transport = soup.find("tr", attrs={"data-theme": "transport"})
    assert "fewer than 5" in transport.get_text(" ")
    assert "2" not in [td.get_text(strip=True) for td in transport.find_all("td")]
    comms = soup.find("tr", attrs={"data-theme": "communication"})
    comms_cells = [td.get_text(strip=True) for td in comms.find_all("td")]
    assert comms_cells[0] == "11" and comms_cells[1:4].count("not shown") >= 2

    data = json.loads(client.get("/findings/new_ehcp/2023-24.json").get_data(as_text=True))
    involved = next(q for q in data["questions"] if q["id"] == "involved")
    assert involved["negative"] is None and involved["neither"] is None
    assert involved["percent_negative"] is None and involved["suppressed"] is True
    transport_json = next(t for t in data["themes"] if t["slug"] == "transport")
    assert transport_json["count"] is None and transport_json["negative"] is None

    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/findings/new_ehcp/2023-24.csv").get_data(as_text=True))
        )
    )
    by = {(r["section"], r["item"], r["measure"]): r for r in rows}
    assert by[("statement", "involved", "negative")]["value"] == ""
    assert by[("statement", "involved", "neither")]["value"] == ""
    assert by[("statement", "involved", "negative")]["note"].startswith("not shown")
    assert by[("theme", "transport", "count")]["value"] == ""
    for r in rows:
        if r["value"].isdigit() and r["measure"] not in {"base"}:
            assert not 0 < int(r["value"]) < 5, r


def test_safeguarding_flag_after_approval_keeps_text_off_every_public_page(
    app: Flask, client: FlaskClient, factories
) -> None:
    _, comment = _publish_with_quote(factories)
    quote_id = improvements.published_quotes()[0]["id"]
    improvements.create_entry(
        improvements.EntryInput(
            theme="communication",
            title="Call backs",
            you_said="Calls were not returned.",
            we_did="A team phone line.",
            service="SEND team",
            status="planned",
            quote_id=quote_id,
        )
    )
    assert SECRET in client.get("/findings").get_data(as_text=True)
    assert SECRET in client.get("/you-said-we-did").get_data(as_text=True)
    comment.safeguarding = True
    db.session.commit()
    for path in [
        "/findings",
        "/findings/new_ehcp/2023-24.json",
        "/findings/new_ehcp/2023-24.csv",
        "/you-said-we-did",
        "/you-said-we-did/feed.atom",
        "/findings/data-dictionary",
        "/findings?survey=new_ehcp&period=2023-24&version=1",
    ]:
        body = client.get(path).get_data(as_text=True)
        assert SECRET not in body, path


def test_safeguarding_flag_before_publishing_drops_the_quote(app: Flask, factories) -> None:
    factories.add_responses(6, {"involved": "agree"})
    comment = factories.add_comment(SECRET)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
    db.session.get(Comment, comment.id).safeguarding = True
    db.session.commit()
    releases.publish(release, None)
    assert release.snapshot["quotes"] == []


def test_only_approved_redacted_quotes_appear(app: Flask, client: FlaskClient, factories) -> None:
    factories.add_responses(6, {"involved": "agree"})
    approved = factories.add_comment(
        "Ring [name] at the office.", redacted="Ring [name] at the office."
    )
    pending = factories.add_comment("Pending words here.")
    release = releases.create_draft("new_ehcp", "2023-24", None)
    q1 = releases_quotes.propose_quote(release, approved.id, None)
    releases_quotes.propose_quote(release, pending.id, None)
    releases_quotes.approve_quote(release, q1.id, approved.redacted, None)
    releases.publish(release, None)
    page = client.get("/findings").get_data(as_text=True)
    assert "Ring [name] at the office." in page
    assert "Pending words here." not in page


def test_you_said_we_did_filters_by_theme_and_has_a_feed(app: Flask, client: FlaskClient) -> None:
    for theme, title in (("communication", "Team phone line"), ("transport", "New bus routes")):
        improvements.create_entry(
            improvements.EntryInput(
                theme=theme,
                title=title,
                you_said="Families told us.",
                we_did="We changed it.",
                service="SEND team",
                status="done",
                completed_on=date(2024, 1, 5),
            )
        )
    page = client.get("/you-said-we-did?theme=transport").get_data(as_text=True)
    parse_html(page)
    assert "New bus routes" in page and "Team phone line" not in page
    feed = client.get("/you-said-we-did/feed.atom")
    assert feed.mimetype == "application/atom+xml"
    assert feed.get_data(as_text=True).count("<entry>") == 2


def test_entries_refuse_personal_details(app: Flask) -> None:
    entry = improvements.EntryInput(
        theme="communication",
        title="Calls",
        you_said="Call 07700 900123 or jo@example.com",
        we_did="x",
        service="SEND team",
        status="planned",
    )
    try:
        improvements.create_entry(entry)
    except improvements.ImprovementError as error:
        assert "you_said" in error.errors
    else:
        raise AssertionError("personal details were accepted")


def test_pages_parse_and_work_with_nothing_published(client: FlaskClient) -> None:
    for path in ["/findings", "/you-said-we-did", "/findings/data-dictionary"]:
        response = client.get(path)
        assert response.status_code == 200, path
        parse_html(response.get_data(as_text=True))
    # A known survey and period with nothing published is answered on the page; an
    # unknown survey or period is not found.
    page = client.get("/findings?survey=new_ehcp&period=2019-20")
    assert page.status_code == 200
    assert "No findings have been published for" in page.get_data(as_text=True)
    assert client.get("/findings?survey=no_such_survey&period=2019-20").status_code == 404
    assert client.get("/findings?survey=new_ehcp&period=2019").status_code == 404


def test_staff_pages_render(app: Flask, sign_in, factories) -> None:
    factories.add_responses(6, {"involved": "agree"})
    release = releases.create_draft("new_ehcp", "2023-24", None)
    client = sign_in("analyst")
    for path in [
        "/staff/publishing/",
        f"/staff/publishing/releases/{release.id}",
        f"/staff/publishing/releases/{release.id}/preview",
        "/staff/publishing/improvements",
        "/staff/publishing/improvements/new",
        "/staff/publishing/evidence-pack?period=2023-24",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        parse_html(response.get_data(as_text=True))
    csv_body = client.get("/staff/publishing/evidence-pack.csv?period=2023-24").get_data(
        as_text=True
    )
    assert csv_body.startswith("period,section,item,measure,value")
    response = client.post(
        "/staff/publishing/improvements/new",
        data={
            "theme": "communication",
            "title": "Phone line",
            "you_said": "Hard to reach us.",
            "we_did": "A team phone line.",
            "service": "SEND team",
            "status": "planned",
            "published": "y",
        },
    )
    assert response.status_code == 303
    assert "Phone line" in client.get("/you-said-we-did").get_data(as_text=True)


def test_the_feed_stays_valid_xml_with_ampersands_and_angle_brackets(
    app: Flask, client: FlaskClient
) -> None:
    from xml.etree import ElementTree

    improvements.create_entry(
        improvements.EntryInput(
            theme="health",
            title="Speech & language therapy waits <18 weeks",
            you_said="Waits were > a year & nobody said why.",
            we_did="We publish waits monthly.",
            service="NHS & SEND team",
            status="done",
            completed_on=date(2024, 1, 5),
        )
    )
    db.session.commit()
    feed = client.get("/you-said-we-did/feed.atom").get_data(as_text=True)
    root = ElementTree.fromstring(feed)  # well-formed, or this raises
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") for e in root.iter(f"{atom}entry")]
    assert "Speech & language therapy waits <18 weeks (Done)" in titles
