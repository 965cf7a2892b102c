"""What the complaints officer's pages say and where their links go (user research fixes):
paging and Back keep the queue's filters, counts describe the filtered list, closing with
work unfinished asks first, and pages show words, not slugs or doubled phrases."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from feedback_app.extensions import db
from feedback_app.models import Complaint
from feedback_app.services import audit, complaint_points, complaints, complaints_report
from tests.conftest import parse_html

QUEUE = "/staff/complaints/"


def _date(day: date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def _text(body: str) -> str:
    return " ".join(parse_html(body).get_text(" ").split())


def _with_point(make_complaint, theme: str = "transport", outcome: str = "pending", **data):  # type: ignore[no-untyped-def]
    complaint = make_complaint(**data)
    complaint_points.add_point(complaint, theme=theme, summary="A point", outcome=outcome)
    return complaint


# --- 1. the queue's filters survive paging, htmx history and the complaint page ----------


def _many_with_one_closed(make_complaint) -> Complaint:  # type: ignore[no-untyped-def]
    for _ in range(25):
        _with_point(make_complaint, received_on=date.today() - timedelta(days=1))
    closed = _with_point(make_complaint, received_on=date(2023, 4, 3))
    complaints.close(closed, date(2023, 5, 1))
    return closed


def test_paging_links_carry_every_filter(officer_client, make_complaint):
    closed = _many_with_one_closed(make_complaint)
    page = officer_client.get(QUEUE + "?stage=1&status=all&theme=transport&officer=none")
    soup = parse_html(page.get_data(as_text=True))
    next_link = soup.select_one("a[rel=next]")["href"]
    assert parse_qs(urlsplit(next_link).query) == {
        "stage": ["1"],
        "status": ["all"],
        "theme": ["transport"],
        "officer": ["none"],
        "page": ["2"],
    }
    second = officer_client.get(next_link).get_data(as_text=True)
    assert closed.reference in second  # closed complaints sort last: "all" kept on page 2
    previous = parse_html(second).select_one("a[rel=prev]")["href"]
    assert parse_qs(urlsplit(previous).query)["status"] == ["all"]


def test_blank_status_from_an_old_link_still_means_all(officer_client, make_complaint):
    closed = _many_with_one_closed(make_complaint)
    soup = parse_html(officer_client.get(QUEUE + "?status=").get_data(as_text=True))
    assert soup.select_one("#filter-status option[selected]")["value"] == "all"
    next_link = soup.select_one("a[rel=next]")["href"]
    assert "status=all" in next_link
    assert closed.reference in officer_client.get(next_link).get_data(as_text=True)


def test_htmx_answer_holds_the_filter_form_as_filtered(officer_client, make_complaint):
    _with_point(make_complaint)
    body = officer_client.get(
        QUEUE + "?theme=transport&status=all", headers={"HX-Request": "true"}
    ).get_data(as_text=True)
    soup = BeautifulSoup(body, "html.parser")  # a fragment: no doctype to parse strictly
    assert soup.find("h1") is None  # the fragment, not the page
    form = soup.select_one("#queue form")
    assert form["hx-target"] == "#queue"
    assert form.select_one("#filter-theme option[selected]")["value"] == "transport"
    assert form.select_one("#filter-status option[selected]")["value"] == "all"
    assert soup.select_one("#queue #queue-table")


def test_history_restore_gets_the_whole_page(officer_client, make_complaint):
    _with_point(make_complaint)
    body = officer_client.get(
        QUEUE + "?theme=transport",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    ).get_data(as_text=True)
    assert parse_html(body).find("h1").get_text(strip=True) == "Complaints"


def test_back_to_complaints_returns_to_the_queue_as_filtered(officer_client, make_complaint):
    complaint = _with_point(make_complaint)
    queue = parse_html(
        officer_client.get(QUEUE + "?status=all&theme=transport").get_data(as_text=True)
    )
    link = queue.find("a", string=complaint.reference)["href"]
    page = parse_html(officer_client.get(link).get_data(as_text=True))
    back = page.select_one(".govuk-back-link")["href"]
    assert urlsplit(back).path == QUEUE
    assert parse_qs(urlsplit(back).query) == {"status": ["all"], "theme": ["transport"]}


def test_back_link_never_leaves_the_queue(officer_client, make_complaint):
    complaint = make_complaint()
    for hostile in ("//evil.example/", "https://evil.example/x", "status=all&next=//evil"):
        page = officer_client.get(
            f"/staff/complaints/{complaint.id}", query_string={"queue": hostile}
        )
        back = parse_html(page.get_data(as_text=True)).select_one(".govuk-back-link")["href"]
        assert back.startswith(QUEUE) and "evil" not in back, back


# --- 2. the counts describe the filtered list ----------------------------------------------


def test_queue_counts_follow_the_filters(officer_client, make_complaint):
    _with_point(make_complaint, theme="transport")  # received 2023: overdue
    _with_point(make_complaint, theme="transport", received_on=date.today())
    _with_point(make_complaint, theme="transport", received_on=date.today())
    for _ in range(3):
        _with_point(make_complaint, theme="health")  # overdue, not matching
    text = _text(officer_client.get(QUEUE + "?theme=transport").get_data(as_text=True))
    assert "3 complaints match these filters: 3 open, of which 1 is overdue." in text
    closed = _text(officer_client.get(QUEUE + "?status=closed").get_data(as_text=True))
    assert "0 complaints match these filters." in closed


# --- 3. closing with work unfinished ----------------------------------------------------


def _unfinished(make_complaint) -> Complaint:  # type: ignore[no-untyped-def]
    complaint = _with_point(make_complaint, outcome="pending")
    upheld = complaint_points.add_point(
        complaint, theme="health", summary="Second point", outcome="upheld"
    )
    complaint_points.add_action(
        upheld,
        {"description": "Ring the family", "team": "T", "owner": "O", "due_on": date(2023, 6, 1)},
    )
    return complaint


def test_close_page_lists_unfinished_work_and_asks_to_confirm(officer_client, make_complaint):
    complaint = _unfinished(make_complaint)
    url = f"/staff/complaints/{complaint.id}/close"
    soup = parse_html(officer_client.get(url).get_data(as_text=True))
    items = [li.get_text(" ", strip=True) for li in soup.select("#unfinished-work li")]
    assert items == [
        "No response has been recorded at stage 1.",
        "Point 1 has no outcome yet: it is pending.",
        "An action for point 2 is still open, due 1 June 2023: Ring the family",
    ]
    assert soup.find("input", attrs={"name": "confirm_unfinished", "type": "checkbox"})

    refused = officer_client.post(url, data={"on": _date(date(2023, 5, 1))})
    assert refused.status_code == 200
    summary = parse_html(refused.get_data(as_text=True)).select_one(".govuk-error-summary")
    assert "Confirm that you want to close the complaint with this work unfinished" in (
        summary.get_text()
    )
    db.session.expire_all()
    assert db.session.get(Complaint, complaint.id).closed_on is None

    closed = officer_client.post(
        url, data={"on": _date(date(2023, 5, 1)), "confirm_unfinished": "y"}, follow_redirects=True
    )
    text = _text(closed.get_data(as_text=True))
    assert f"Complaint {complaint.reference} closed" in text
    due = parse_html(closed.get_data(as_text=True)).select_one("#complaint-due").get_text(" ")
    assert "Nothing due" not in due
    assert re.search(r"Action \d+ working days overdue", due), due
    assert "Open action deadline: 1 June 2023" in " ".join(due.split())


def test_a_closed_complaints_queue_row_shows_its_open_action(officer_client, make_complaint):
    complaint = _unfinished(make_complaint)
    complaints.close(complaint, date(2023, 5, 1))
    soup = parse_html(officer_client.get(QUEUE + "?status=all").get_data(as_text=True))
    row = next(
        tr for tr in soup.select("#queue-table tbody tr") if complaint.reference in tr.get_text()
    )
    words = " ".join(row.get_text(" ").split())
    assert "Nothing due" not in words
    assert re.search(r"Action \d+ working days overdue", words), words


def test_closing_finished_work_asks_nothing(officer_client, make_complaint):
    complaint = _with_point(make_complaint, outcome="not_upheld")
    complaints.respond(complaint, date(2023, 4, 20))
    url = f"/staff/complaints/{complaint.id}/close"
    soup = parse_html(officer_client.get(url).get_data(as_text=True))
    assert soup.select_one("#unfinished-work") is None
    assert soup.find("input", attrs={"name": "confirm_unfinished"}) is None
    done = officer_client.post(url, data={"on": _date(date(2023, 5, 1))}, follow_redirects=True)
    assert f"Complaint {complaint.reference} closed" in _text(done.get_data(as_text=True))
    due = parse_html(done.get_data(as_text=True)).select_one("#complaint-due")
    assert due.get_text(strip=True) == "Nothing due"


# --- 4. the quarterly report ------------------------------------------------------------


def test_report_rows_add_up_with_one_term_and_quarter_names(officer_client, make_complaint):
    for outcome in ("upheld", "partially_upheld", "pending", "pending"):
        _with_point(make_complaint, outcome=outcome, received_on=date(2023, 4, 3))
    body = officer_client.get("/staff/complaints/report?quarter=2023-24-Q1").get_data(as_text=True)
    soup = parse_html(body)
    headers = [th.get_text(strip=True) for th in soup.select("#points-by-theme thead th")]
    assert headers == [
        "Theme",
        "Q1 2023/24",
        "Q4 2022/23",
        "Change",
        "Upheld",
        "Partially upheld",
        "Not upheld",
        "Pending",
    ]
    row = [td.get_text(strip=True) for td in soup.select("#points-by-theme tbody tr")[0]("td")]
    assert row[0] == "4" and row[3:] == ["1", "1", "0", "2"]
    assert sum(int(n) for n in row[3:]) == int(row[0])
    outcomes = soup.select_one("#outcomes").get_text(strip=True)
    assert outcomes == "Upheld 1, Partially upheld 1, Not upheld 0, Pending 2"
    text = _text(body)
    assert "Partly" not in text and "partially upheld" not in text
    assert not re.search(r"\d{4}-\d{2}-Q\d", text), re.findall(r"\d{4}-\d{2}-Q\d", text)


def test_empty_quarter_says_none_were_acknowledged(officer_client):
    body = officer_client.get("/staff/complaints/report?quarter=2023-24-Q2").get_data(as_text=True)
    soup = parse_html(body)
    assert soup.select_one("#acknowledged-on-time").get_text(strip=True) == (
        "None acknowledged in this quarter"
    )
    assert soup.select_one("#responded-on-time").get_text(strip=True) == (
        "None responded to in this quarter"
    )
    assert "No data" not in body


def test_report_csv_keeps_its_header(officer_client):
    body = officer_client.get("/staff/complaints/report.csv?quarter=2023-24-Q1").get_data(
        as_text=True
    )
    header = next(csv.reader(io.StringIO(body)))
    assert header == complaints_report.CSV_HEADER
    assert "partially_upheld" in header and "pending" in header


# --- 5. the complaint page's words and the success messages ------------------------------


def test_complaint_page_says_each_thing_once(officer_client, make_complaint):
    complaint = make_complaint(received_on=date.today() - timedelta(days=1))
    complaints.extend(
        complaint, 10, "Waiting for health advice", deadline=complaint.current_stage.respond_by
    )
    body = officer_client.get(f"/staff/complaints/{complaint.id}").get_data(as_text=True)
    text = _text(body)
    assert "Extended by 10 working days: Waiting for health advice" in text
    assert "working days: 10 working days" not in text
    assert "Not closed" in text and "Closed Open" not in text
    assert "Parent or carer" in text and "Parent carer" not in text
    due = " ".join(parse_html(body).select_one("#complaint-due").get_text(" ").split())
    assert due.count("due") + due.count("Due") <= 1, due
    assert "Acknowledgement deadline:" in due


def test_two_extensions_list_each_reason_once(officer_client, make_complaint):
    complaint = make_complaint(received_on=date.today() - timedelta(days=1))
    complaints.extend(complaint, 4, "Waiting", deadline=complaint.current_stage.respond_by)
    complaints.extend(complaint, 1, "Holiday", deadline=complaint.current_stage.respond_by)
    text = _text(officer_client.get(f"/staff/complaints/{complaint.id}").get_data(as_text=True))
    assert "Extended by 5 working days in all: 4 working days: Waiting 1 working day: Holiday" in (
        text
    )


def test_success_messages_say_what_happened(officer_client, make_complaint):
    complaint = _with_point(make_complaint, outcome="upheld")
    point = complaint.points[0]
    ref = complaint.reference
    base = f"/staff/complaints/{complaint.id}"

    def banner(response) -> str:  # type: ignore[no-untyped-def]
        soup = parse_html(response.get_data(as_text=True))
        return soup.select_one(".govuk-notification-banner--success").get_text(" ", strip=True)

    ack = officer_client.post(
        f"{base}/acknowledge", data={"on": _date(date(2023, 4, 4))}, follow_redirects=True
    )
    assert f"Acknowledgement recorded for {ref}" in banner(ack)
    action = officer_client.post(
        f"{base}/points/{point.id}/actions/new",
        data={
            "description": "Ring back",
            "team": "Casework",
            "owner": "Manager",
            "due_on": _date(date(2023, 6, 1)),
        },
        follow_redirects=True,
    )
    assert f"Action added to point 1 of complaint {ref}" in banner(action)
    respond = officer_client.post(
        f"{base}/respond", data={"on": _date(date(2023, 4, 20))}, follow_redirects=True
    )
    assert f"Response recorded for {ref}" in banner(respond)
    escalate = officer_client.post(
        f"{base}/escalate",
        data={"on": _date(date(2023, 4, 25)), "from_stage": "1"},
        follow_redirects=True,
    )
    assert f"Complaint {ref} escalated to stage 2" in banner(escalate)
    saved = officer_client.get(base).get_data(as_text=True)
    assert ": saved." not in saved


# --- 6. the open actions list -----------------------------------------------------------


def test_open_actions_name_their_complaint(officer_client, make_complaint):
    made = []
    for team in ("Casework", "Transport"):
        complaint = make_complaint()
        point = complaint_points.add_point(
            complaint, theme="transport", summary="x", outcome="upheld"
        )
        complaint_points.add_action(
            point,
            {"description": "Ring back", "team": team, "owner": "Ali", "due_on": date(2023, 6, 1)},
        )
        made.append((complaint, team))
    soup = parse_html(officer_client.get("/staff/complaints/actions").get_data(as_text=True))
    rows = soup.select("tbody tr")
    assert len(rows) == 2
    for (complaint, team), row in zip(made, rows, strict=True):
        link = row.find("a")
        assert link.get_text(" ", strip=True).startswith(complaint.reference)
        assert link["href"].startswith(f"/staff/complaints/{complaint.id}#action-")
        assert team in row.get_text() and "Ali" in row.get_text()


# --- 7. words, not slugs -----------------------------------------------------------------


def test_audit_trail_is_in_words(sign_in, make_complaint):
    complaint = _with_point(make_complaint, outcome="partially_upheld")
    complaints.close(complaint, date(2023, 5, 1))
    audit.record("complaint.updated", "complaint", complaint.id, status=["open", "closed"])
    db.session.commit()
    body = sign_in("admin").get(f"/staff/complaints/{complaint.id}/audit").get_data(as_text=True)
    text = _text(body)
    assert "Date closed: Not set → 1 May 2023" in text
    assert "Status: Open → Closed" in text
    assert "Outcome: Partially upheld" in text
    assert "Theme: Home-to-school transport" in text
    assert "Relationship to the child: Parent or carer" in text
    for slug in ("{'old'", "['open'", "partially_upheld", "parent_carer", "point_added"):
        assert slug not in body, slug
