"""`flask retrain` learns from the redacted words analysts saw, never a family's names or
phone numbers, and keeps only the newest few models."""

from __future__ import annotations

import json
from datetime import date

import pytest

from feedback_app.analysis import learning
from feedback_app.extensions import db
from feedback_app.models import AnalysisModel
from feedback_app.services import analysis_admin, comments, comments_hiding

NAME, PHONE = "Perpetua Zanzibar", "07700 900987"
PLANTED = ["perpetua", "zanzibar", "07700", "900987"]


@pytest.fixture
def small_corpus(monkeypatch):  # type: ignore[no-untyped-def]
    # One comment in 60 of the shipped corpus: all of it takes minutes to train on.
    shipped = learning.load_corpus()[::60]
    monkeypatch.setattr(learning, "load_corpus", lambda: shipped)
    return shipped


def _labelled_comments() -> None:
    """Comments from one family, who signed each, labelled by an analyst: enough of them
    that the words would carry weight in a model trained on the raw text."""
    for number in range(1, 7):
        comment = comments.record_comment(
            source="survey",
            source_id=number,
            text=f"{NAME} here: the taxi was late again. Ring me on {PHONE} if you can.",
            received_on=date.today(),
            writer=comments.WriterDetails(names=(NAME,), phones=(PHONE,)),
        )
        assert comment is not None and NAME not in comment.redacted
        comments.label_comment(comment, themes=["transport"], sentiment="negative", user=None)
    # An analyst hid a nickname the redaction missed in another comment.
    other = comments.record_comment(
        source="survey",
        source_id=99,
        text="The new school suits zanzi well",
        received_on=date.today(),
    )
    assert other is not None
    comments_hiding.hide_personal_data(other, "zanzi", "name")
    comments.label_comment(other, themes=["placement"], sentiment="positive", user=None)
    db.session.commit()


def test_training_examples_are_the_redacted_text(app):
    _labelled_comments()
    examples = analysis_admin.corrections()
    assert len(examples) == 7
    texts = " ".join(text for text, *_ in examples).lower()
    assert [word for word in [*PLANTED, "zanzi"] if word in texts] == []
    assert "[name] here: the taxi was late again" in texts
    assert examples[-1][1:] == (["placement"], "positive", None)


def test_a_retrained_model_holds_no_name_or_phone_number(app, small_corpus):
    _labelled_comments()

    result = app.test_cli_runner().invoke(args=["retrain"])

    assert result.exit_code == 0, result.output
    stored = db.session.query(AnalysisModel).one()
    data = json.dumps(stored.data).lower()
    assert [word for word in [*PLANTED, "zanzi ", '"zanzi"'] if word in data] == []
    # It did learn from the corrections: their other words carry weight.
    assert stored.notes == "analyst corrections: 7, safeguarding decisions: 0"


def test_only_the_newest_models_are_kept(app, small_corpus):
    empty = learning.LearnedModel().to_dict()
    old = [AnalysisModel(examples=0, data=empty, notes=f"old {n}") for n in range(4)]
    db.session.add_all(old)
    db.session.commit()
    newest_old = [row.id for row in old][-(analysis_admin.KEEP_MODELS - 1) :]

    row = analysis_admin.retrain()

    kept = [model.id for model in db.session.query(AnalysisModel).order_by(AnalysisModel.id)]
    assert analysis_admin.KEEP_MODELS == 3
    assert kept == [*newest_old, row.id]
    assert comments.AnalysisContext.load().learned.examples == row.examples
