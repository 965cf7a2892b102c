"""A quote never shows personal data the redaction has since learned to find.

Found by probing (eleventh session): a quote approved before a redaction rule existed
(here a spelled-out email address) kept the address after re-analysis, and was published
with it; published snapshots kept old words too.
"""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from feedback_app.extensions import db
from feedback_app.models import ReleaseQuote
from feedback_app.services import comments, releases, releases_quotes, releases_shown

OLD_WORDS = "The plan was late. Please email me at jbloggs at gmail dot com about it."


def test_a_published_quote_is_redacted_again_when_shown(
    app: Flask, client: FlaskClient, factories, monkeypatch
) -> None:
    factories.add_responses(6, {"involved": "agree"})
    comment = factories.add_comment(OLD_WORDS, redacted=OLD_WORDS)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, OLD_WORDS, None)
    # Published before the redaction could find a spelled-out address: the frozen snapshot
    # keeps the words as approved.
    with monkeypatch.context() as older:
        older.setattr(releases_shown, "redact", lambda text, names=(): text)
        releases.publish(release, None)
    db.session.commit()
    assert "jbloggs" in str(release.snapshot)
    for url in ("/findings", "/findings/new-ehcp/2023-24.json", "/findings/new-ehcp/2023-24.csv"):
        body = client.get(url).get_data(as_text=True)
        assert "jbloggs" not in body, url
    assert "Please email me at [email] about it." in client.get("/findings").get_data(as_text=True)


def test_reanalysis_that_changes_the_words_sends_an_approved_draft_quote_back(
    app: Flask, factories
) -> None:
    factories.add_responses(6, {"involved": "agree"})
    comment = factories.add_comment(OLD_WORDS, redacted=OLD_WORDS)
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, OLD_WORDS, None)
    db.session.commit()
    comments.reanalyse_all()
    db.session.expire_all()
    quote = db.session.get(ReleaseQuote, quote.id)
    assert quote.status == "proposed" and quote.text == ""
    assert "[email]" in comment.redacted


def test_approving_a_quote_logs_its_ids_not_its_words(app: Flask, factories) -> None:
    from feedback_app.models import AuditEntry

    factories.add_responses(6, {"involved": "agree"})
    comment = factories.add_comment("It took 31 weeks and nobody rang back.")
    release = releases.create_draft("new_ehcp", "2023-24", None)
    quote = releases_quotes.propose_quote(release, comment.id, None)
    releases_quotes.approve_quote(release, quote.id, comment.redacted, None)
    entry = db.session.query(AuditEntry).filter_by(action="release.quote_approved").one()
    assert entry.changes == {"quote_id": quote.id, "comment_id": comment.id}
