"""Publishing fixes: withheld quotes on staff pages, corrections, quote links, periods."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Release, ReleaseQuote
from feedback_app.services import improvements, releases, releases_quotes
from tests.conftest import parse_html

FULL = {
    "involved": "agree",
    "aspirational": "agree",
    "contact": "disagree",
    "joint_working": "neither",
}
SECRET = "He hits me when nobody is looking."


def _flag(comment) -> None:  # type: ignore[no-untyped-def]
    comment.safeguarding = True
    db.session.commit()


def test_a_proposed_quote_raised_with_safeguarding_is_withheld_from_forum_members(
    app: Flask, sign_in, factories
) -> None:
    comment = factories.add_comment(SECRET)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    releases_quotes.propose_quote(release, comment.id, None)
    _flag(comment)
    for role in ("forum_member", "analyst"):
        page = sign_in(role).get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True)
        parse_html(page)
        assert "hits me" not in page
        assert "Withheld: raised with the safeguarding lead" in page
        assert "Approve this wording" not in page


def test_approved_quotes_flagged_later_are_withheld_on_draft_and_published_pages(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(12, FULL)
    comment = factories.add_comment(SECRET)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
    client = sign_in("forum_member")
    _flag(comment)
    page = client.get(f"/staff/publishing/releases/{release.id}").get_data(as_text=True)
    assert "hits me" not in page and "Withheld" in page
    # Published while unflagged, then flagged: the frozen snapshot still holds the words.
    comment.safeguarding = False
    db.session.commit()
    releases.publish(release, None)
    _flag(comment)
    for path in (
        f"/staff/publishing/releases/{release.id}",
        f"/staff/publishing/releases/{release.id}/preview",
    ):
        page = client.get(path).get_data(as_text=True)
        assert "hits me" not in page, path


def _published(factories) -> Release:  # type: ignore[no-untyped-def]
    factories.add_responses(10, FULL)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    releases.publish(release, None)
    return release


def test_a_second_open_correction_of_a_release_is_refused_with_a_link_to_the_first(
    app: Flask, sign_in, factories
) -> None:
    release = _published(factories)
    client = sign_in("analyst")
    path = f"/staff/publishing/releases/{release.id}/correct"
    client.post(path, data={"note": "Late returns added."}, follow_redirects=True)
    first = db.session.scalars(select(Release).where(Release.version == 2)).one()
    response = client.post(path, data={"note": "Another fix."}, follow_redirects=True)
    page = response.get_data(as_text=True)
    parse_html(page)
    assert db.session.scalars(select(Release).where(Release.version == 3)).first() is None
    assert "already open as a correction" in page
    assert f'href="/staff/publishing/releases/{first.id}"' in page


def test_an_older_version_cannot_be_published_over_a_newer_one(app: Flask, factories) -> None:
    release = _published(factories)
    v2 = releases.start_correction(release, "First fix.", None)
    # Two open corrections made before the refusal above existed.
    v3 = Release(
        survey_id=release.survey_id, period=release.period, version=3, status="draft", note="x"
    )
    db.session.add(v3)
    db.session.commit()
    releases.publish(v3, None)
    try:
        releases.publish(v2, None)
    except releases.ReleaseError as error:
        assert "Version 3 is already published" in str(error)
    else:
        raise AssertionError("publishing v2 over v3 was allowed")
    db.session.refresh(v2)
    db.session.refresh(v3)
    assert v2.is_draft and v3.status == "published"


def test_a_correction_carries_the_quote_of_linked_you_said_we_did_entries(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(10, FULL)
    comment = factories.add_comment("Nobody rang me back for weeks.")
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
    releases.publish(release, None)
    entry = improvements.create_entry(
        improvements.EntryInput(
            theme="communication",
            title="A weekly phone surgery",
            you_said="Families could not reach their caseworker.",
            we_did="Caseworkers now hold a phone surgery every week.",
            service="SEND casework",
            status="in_progress",
            quote_id=quote.id,
        )
    )
    v2 = releases.start_correction(release, "Late returns added.", None)
    releases.publish(v2, None)
    new_quote = db.session.scalars(
        select(ReleaseQuote).where(ReleaseQuote.release_id == v2.id)
    ).one()
    db.session.refresh(entry)
    assert entry.quote_id == new_quote.id
    client = sign_in("analyst")
    assert "Nobody rang me back" in client.get("/you-said-we-did").get_data(as_text=True)
    form = parse_html(
        client.get(f"/staff/publishing/improvements/{entry.id}").get_data(as_text=True)
    )
    selected = form.select("select[name=quote_id] option[selected]")
    assert [o["value"] for o in selected] == [str(new_quote.id)]


def test_a_milestone_error_keeps_the_entry_form_as_stored_and_every_form_has_an_action(
    app: Flask, sign_in, factories
) -> None:
    factories.add_responses(10, FULL)
    comment = factories.add_comment("Nobody rang me back for weeks.")
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
    releases.publish(release, None)
    entry = improvements.create_entry(
        improvements.EntryInput(
            theme="communication",
            title="A weekly phone surgery",
            you_said="Families could not reach their caseworker.",
            we_did="Caseworkers now hold a phone surgery every week.",
            service="SEND casework",
            status="in_progress",
            started_on=date(2024, 4, 2),
            due_on=date(2025, 3, 31),
            quote_id=quote.id,
            published=True,
        )
    )
    client = sign_in("analyst")
    response = client.post(
        f"/staff/publishing/improvements/{entry.id}/milestones",
        data={"milestone-description": "Recruit staff", "milestone-due_on": ["31", "2", "2025"]},
    )
    page = response.get_data(as_text=True)
    soup = parse_html(page)
    assert "The due date must be a real date" in page
    forms = soup.select("main form")
    assert all(f.get("action") for f in forms), [f.get("action") for f in forms]
    entry_form = next(f for f in forms if f.select("[name=title]"))
    assert entry_form["action"] == f"/staff/publishing/improvements/{entry.id}"
    assert entry_form.select_one("input[name=published]").has_attr("checked")
    assert [o["value"] for o in entry_form.select("select[name=quote_id] option[selected]")] == [
        str(quote.id)
    ]
    started = [i.get("value") for i in entry_form.select("input[name=started_on]")]
    due = [i.get("value") for i in entry_form.select("input[name=due_on]")]
    assert started == ["02", "04", "2024"] and due == ["31", "03", "2025"], (started, due)
    for page_path in (
        "/staff/publishing/improvements/new",
        f"/staff/publishing/improvements/{entry.id}",
    ):
        soup = parse_html(client.get(page_path).get_data(as_text=True))
        assert all(f.get("action") for f in soup.select("main form")), page_path


def test_the_findings_picker_answers_a_pair_with_nothing_published_on_the_page(
    app: Flask, client, factories
) -> None:
    factories.add_responses(10, FULL)
    releases.publish(releases.create_draft("new_ehcp", "2023-24", None), None)
    factories.add_responses(10, FULL, on=date(2024, 6, 1), slug="annual_review")
    releases.publish(releases.create_draft("annual_review", "2024-25", None), None)
    # The picker offers both periods for both surveys: new_ehcp has nothing for 2024-25.
    response = client.get("/findings?survey=new_ehcp&period=2024-25")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    soup = parse_html(page)
    assert "No findings have been published for" in page and "2024/25 yet" in page
    assert soup.select_one("select[name=survey] option[selected]")["value"] == "new_ehcp"
    assert soup.select_one("select[name=period] option[selected]")["value"] == "2024-25"
    assert client.get("/findings?survey=nothing_like_it&period=2024-25").status_code == 404
    assert client.get("/findings?survey=new_ehcp&period=2023-24&version=7").status_code == 404


def test_a_comment_from_outside_the_release_period_cannot_be_quoted(
    app: Flask, sign_in, factories
) -> None:
    outside = factories.add_comment("Much better this year.", on=date(2024, 6, 1))
    release = releases.create_draft("new_ehcp", "2023-24", None)
    client = sign_in("analyst")
    response = client.post(
        f"/staff/publishing/releases/{release.id}/quotes",
        data={"comment_id": outside.id},
        follow_redirects=True,
    )
    assert "was not received in 2023/24" in response.get_data(as_text=True)
    assert db.session.scalars(select(ReleaseQuote)).first() is None


def test_pages_say_the_configured_threshold_not_5(app: Flask, client, factories) -> None:
    app.config["SUPPRESSION_THRESHOLD"] = 10
    factories.add_responses(12, FULL)
    for n in range(3):
        factories.add_comment(f"Nobody called back, time {n}.")
    releases.publish(releases.create_draft("new_ehcp", "2023-24", None), None)
    improvements.create_entry(
        improvements.EntryInput(
            theme="communication",
            title="A weekly phone surgery",
            you_said="Families could not reach their caseworker.",
            we_did="Caseworkers now hold a phone surgery every week.",
            service="SEND casework",
            status="in_progress",
        )
    )
    for path in ("/you-said-we-did", "/findings/data-dictionary"):
        page = client.get(path).get_data(as_text=True)
        assert "fewer than 10" in page and "fewer than 5" not in page, path


def test_forum_members_read_a_quote_only_once_an_analyst_has_approved_it(
    app: Flask, sign_in, factories
) -> None:
    # A proposed quote shows the machine's redaction, which a person has not yet read for
    # anything it missed; forum members see its words only after approval.
    comment = factories.add_comment("The caseworker never rang me back.")
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    url = f"/staff/publishing/releases/{release.id}"
    forum = sign_in("forum_member")
    page = forum.get(url).get_data(as_text=True)
    assert "never rang me back" not in page
    assert "once an analyst has approved them" in page
    releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
    assert "never rang me back" in forum.get(url).get_data(as_text=True)
    forum.post("/sign-out")
    # Analysts read the proposed words, as they must to approve them.
    other = factories.add_comment("Nobody told us about the panel date.")
    releases_quotes.propose_quote(release, other.id, None)
    assert "about the panel date" in sign_in("analyst").get(url).get_data(as_text=True)
