"""The findings' running totals always equal a recount, however the rows change."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

from flask import Flask
from sqlalchemy import delete, select, text

from feedback_app.extensions import db
from feedback_app.models import Answer, Comment, Response, SurveyVersion
from feedback_app.models.findings import AnswerCount, CommentThemeCount, ResponseCount
from feedback_app.services import comments, responses, summaries
from feedback_app.services.findings import compute_findings
from feedback_app.services.responses_import import import_responses

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "new_ehcp_2023_24.csv"
MIGRATION = Path(__file__).resolve().parents[3] / "migrations" / "versions"


def assert_in_step() -> None:
    db.session.expire_all()
    assert summaries.stored() == summaries.recount()


def _parent_version(slug: str = "new_ehcp") -> SurveyVersion:
    from tests.integration.findings.conftest import survey

    return db.session.scalars(
        select(SurveyVersion).where(
            SurveyVersion.survey_id == survey(slug).id,
            SurveyVersion.audience == "parent",
            SurveyVersion.is_current,
        )
    ).one()


def _submit(answers: dict[str, str], comment: str = "", on: date = date(2023, 6, 1)) -> int:
    version = _parent_version()
    draft = responses.start_draft(version)
    questions = {q.key: q for q in version.questions}
    for key, value in answers.items():
        responses.save_answer(draft.response, questions[key], value)
    if comment:
        text_question = next(q for q in version.questions if q.kind == "text")
        responses.save_answer(draft.response, text_question, comment)
    assert responses.submit(draft.response.id, today=on)
    return draft.response.id


def test_totals_match_a_recount_after_submits_imports_labels_and_deletions(
    app: Flask, factories
) -> None:
    # Drafts count for nothing until they are submitted.
    version = _parent_version()
    draft = responses.start_draft(version)
    responses.save_answer(draft.response, version.questions[0], "agree")
    assert_in_step()
    assert summaries.stored()["answer_counts"] == {}

    first = _submit({"involved": "agree", "contact": "disagree"}, "Nobody rang me back.")
    _submit({"involved": "not_applicable"}, on=date(2024, 3, 31))
    assert not responses.submit(first)  # a second submit changes nothing
    assert_in_step()
    assert summaries.stored()["response_counts"] == {
        (version.survey_id, date(2023, 6, 1)): 1,
        (version.survey_id, date(2024, 3, 31)): 1,
    }

    import_responses(FIXTURE.read_text(encoding="utf-8"))
    factories.add_responses(3, {"involved": "agree"}, on=date(2023, 7, 1))
    factories.add_comment("The plan came late.", themes=("timeliness", "communication"))
    flagged = factories.add_comment("Worried.", safeguarding=True, sentiment="negative")
    assert_in_step()

    # An analyst relabels one comment, then another.
    comment = db.session.scalars(
        select(Comment).where(Comment.source == "survey").order_by(Comment.id)
    ).first()
    comments.label_comment(comment, themes=["health", "transport"], sentiment="positive", user=None)
    db.session.commit()
    assert_in_step()
    comments.label_comment(flagged, themes=[], sentiment="neutral", user=None)
    db.session.commit()
    assert_in_step()

    # Re-analysis keeps labels and rewrites machine themes.
    comments.reanalyse_all(batch_size=7)
    assert_in_step()

    # A comment's text blanked (the comment goes), and a record's comments erased in bulk.
    comments.record_comment(
        source="survey", source_id=first, text="", received_on=date(2023, 6, 1), survey_id=1
    )
    db.session.commit()
    assert_in_step()
    other = db.session.scalars(
        select(Comment).where(Comment.source == "survey").order_by(Comment.id.desc())
    ).first()
    comments.delete_comments_for("survey", other.source_id)
    db.session.commit()
    assert_in_step()

    # Changing or deleting submitted answers and responses through the ORM.
    answer = db.session.scalars(select(Answer).where(Answer.value == "agree")).first()
    answer.value = "disagree"
    db.session.commit()
    assert_in_step()
    db.session.delete(db.session.scalars(select(Response).order_by(Response.id.desc())).first())
    db.session.commit()
    assert_in_step()
    moved = db.session.scalars(select(Response).where(Response.status == "submitted")).first()
    moved.submitted_on = date(2022, 5, 5)
    db.session.commit()
    assert_in_step()


def test_a_rolled_back_change_leaves_the_totals_alone(app: Flask, factories) -> None:
    factories.add_responses(2, {"involved": "agree"})
    before = summaries.stored()
    response = db.session.scalars(select(Response)).first()
    response.status = "draft"
    db.session.flush()
    db.session.rollback()
    assert summaries.stored() == before
    assert_in_step()


def test_safeguarding_flagged_comments_still_count_in_themes(app: Flask, factories) -> None:
    for _ in range(6):
        factories.add_comment("Scared at home.", safeguarding=True, themes=("health",))
    data = compute_findings("new_ehcp", "2023-24")
    health = next(row for row in data["themes"] if row["slug"] == "health")
    assert health["count"] == 6


def test_rebuild_summaries_is_idempotent(app: Flask, factories) -> None:
    import_responses(FIXTURE.read_text(encoding="utf-8"))
    factories.add_comment("The plan came late.", themes=("timeliness",), sentiment="")
    expected = summaries.recount()
    before = compute_findings("new_ehcp", "2023-24")
    # Damage the totals, then rebuild twice from the command line.
    db.session.execute(delete(AnswerCount))
    db.session.execute(
        ResponseCount.__table__.update().values(count=ResponseCount.__table__.c.count + 9)
    )
    db.session.add(
        CommentThemeCount(
            survey_id=1, received_on=date(2023, 6, 2), theme="x", sentiment="y", count=4
        )
    )
    db.session.commit()
    for _ in range(2):
        result = app.test_cli_runner().invoke(args=["rebuild-summaries"])
        assert result.exit_code == 0, result.output
        assert "answer_counts:" in result.output
        db.session.expire_all()
        assert summaries.stored() == expected
    after = compute_findings("new_ehcp", "2023-24")
    before.pop("generated_at"), after.pop("generated_at")
    assert after == before
    assert ("unknown" in {key[3] for key in expected["comment_theme_counts"]}) is True


def test_the_migration_backfill_counts_like_the_rebuild(app: Flask, factories) -> None:
    import_responses(FIXTURE.read_text(encoding="utf-8"))
    factories.add_comment("The plan came late.", themes=("timeliness", "health"))
    expected = summaries.recount()
    spec = importlib.util.spec_from_file_location(
        "migration_0008", MIGRATION / "0008_findings_summaries.py"
    )
    assert spec and spec.loader
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    for table in ("response_counts", "answer_counts", "comment_theme_counts"):
        db.session.execute(text(f"DELETE FROM {table}"))
    for statement in migration.BACKFILL:
        db.session.execute(text(statement))
    db.session.commit()
    assert summaries.stored() == expected
