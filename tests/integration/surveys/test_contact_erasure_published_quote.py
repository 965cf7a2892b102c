"""Erasing a family's contact details does not bring back words an analyst hid in their
comment after its quote was published: the published release keeps the quote as it was
frozen, and only the comment's hidden phrases hide the words there."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update

from feedback_app.extensions import db
from feedback_app.models import Comment, Release, ReleaseQuote, Response
from feedback_app.services import (
    releases,
    releases_quotes,
    responses,
    review,
    survey_retention,
    surveys,
)
from feedback_app.services.periods import year_of

NAME, PHONE = "Perpetua Zanzibar", "07700 900987"
# A pet name in lower case: the redaction misses it, as it may miss a name.
TEXT = f"bramble at the SEND team finally rang me back. {NAME}, {PHONE}"
AGE_DAYS = 400


def _published_quote_of_a_family_with_contact_details() -> tuple[int, int]:
    """A response with contact details whose comment is quoted in a published release;
    return the response's and the release's ids."""
    survey = surveys.get_survey_by_slug("new_ehcp")
    version = surveys.current_version(survey)
    response = responses.start_draft(version).response
    questions = {question.key: question for question in version.questions}
    responses.save_answer(response, questions["comment"], TEXT)
    responses.save_consent(response, quote=True, contact=True)
    responses.save_contact(response, name=NAME, email="", phone=PHONE)
    submitted = date.today() - timedelta(days=AGE_DAYS)
    assert responses.submit(response.id, today=submitted)
    comment = db.session.scalars(select(Comment).where(Comment.source_id == response.id)).one()
    assert comment.redacted.startswith("bramble at the SEND team")
    assert NAME not in comment.redacted and PHONE not in comment.redacted

    release = releases.create_draft("new_ehcp", year_of(submitted).label, None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
    releases.publish(release, None)
    db.session.execute(
        update(Response)
        .where(Response.id == response.id)
        .values(submitted_at=datetime.now(UTC) - timedelta(days=AGE_DAYS))
    )
    db.session.commit()
    return response.id, release.id


def test_words_hidden_after_publication_stay_hidden_after_erasure(app, client):
    response_id, release_id = _published_quote_of_a_family_with_contact_details()
    release = db.session.get(Release, release_id)
    url = f"/findings/new_ehcp/{release.period}.json"
    comment = db.session.scalars(select(Comment).where(Comment.source_id == response_id)).one()
    review.hide_personal_data(comment, "bramble", "name")
    assert [q["text"] for q in client.get(url).get_json()["quotes"]] == [
        "[name] at the SEND team finally rang me back. [name], [phone]"
    ]

    assert survey_retention.purge_expired().contacts_erased == 1

    db.session.expire_all()
    quotes = client.get(url).get_json()["quotes"]
    assert [q["text"] for q in quotes] == [
        "[name] at the SEND team finally rang me back. [name], [phone]"
    ]
    comment = db.session.get(Comment, comment.id)
    assert comment.text == "[name] at the SEND team finally rang me back. [name], [phone]"
    # Kept only because the frozen quote still shows it; the family's details are gone.
    assert comment.hidden_phrases == [["bramble", "name"]]
    stored = db.session.scalars(select(ReleaseQuote)).one()
    assert "bramble" not in stored.text


def test_a_phrase_no_quote_shows_goes_with_the_words(app):
    response_id, _ = _published_quote_of_a_family_with_contact_details()
    comment = db.session.scalars(select(Comment).where(Comment.source_id == response_id)).one()
    # Hidden before anything was published: the frozen quote never showed it.
    assert ["Perpetua Zanzibar", "name"] in comment.hidden_phrases

    survey_retention.purge_expired()

    db.session.expire_all()
    assert db.session.get(Comment, comment.id).hidden_phrases is None
