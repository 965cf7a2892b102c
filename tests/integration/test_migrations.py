"""Migrations build the whole schema, with its reference data, on SQLite and PostgreSQL.

``flask db upgrade`` then ``flask db check`` must find nothing left to migrate: the
models and the migrations agree. Run on a real PostgreSQL 15 too (started by the
test; under CI it must run).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from feedback_app.extensions import db
from tests.conftest import make_app, require_or_skip
from tests.support.postgres import find_postgres_bin, start_postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    require_or_skip(find_postgres_bin() is not None, "PostgreSQL server binaries not installed")
    with start_postgres() as url:
        yield url


def test_upgrade_then_check_finds_nothing_to_migrate(empty_database: str) -> None:
    app = make_app(empty_database)
    runner = app.test_cli_runner()
    upgraded = runner.invoke(args=["db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    checked = runner.invoke(args=["db", "check"])
    assert checked.exit_code == 0, checked.output
    with app.app_context():
        themes = db.session.execute(text("SELECT count(*) FROM themes")).scalar()
        keys = set(
            db.session.execute(
                text(
                    "SELECT q.key FROM questions q JOIN survey_versions v ON v.id = q.version_id"
                    " JOIN surveys s ON s.id = v.survey_id WHERE s.slug = 'annual_review'"
                )
            ).scalars()
        )
        rules = db.session.execute(
            text("SELECT keywords FROM themes WHERE slug = 'transport'")
        ).scalar()
        db.engine.dispose()
    assert themes == 15
    assert {"aspirational", "paperwork", "right_agencies", "included", "contact"} <= keys
    assert {"timely_changes", "comment"} <= keys
    assert rules, "the default analysis rules come with the migrations"


def test_reviews_that_kept_every_suggestion_become_accepted(empty_database: str) -> None:
    """0015: a review saved as "corrected" only because the themes came in another order."""
    app = make_app(empty_database)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0014"]).exit_code == 0
    with app.app_context():
        for comment_id, themes, suggested in (
            (1, ["communication", "timeliness"], ["timeliness", "communication"]),  # same set
            (2, ["communication"], ["timeliness", "communication"]),  # a theme taken off
        ):
            db.session.execute(
                text(
                    "INSERT INTO comments (id, source, source_id, field, received_on, text,"
                    " quote_consent, redacted, machine_themes, polarity, safeguarding,"
                    " safeguarding_phrases, review_status) VALUES (:id, 'survey', :id,"
                    " 'comment', '2024-05-01', 'x', false, 'x', '[]', 0, false, '[]',"
                    " 'corrected')"
                ),
                {"id": comment_id},
            )
            db.session.execute(
                text(
                    "INSERT INTO comment_labels (comment_id, created_at, themes, sentiment,"
                    " suggested_themes, suggested_sentiment) VALUES (:id, '2024-05-02',"
                    " :themes, 'negative', :suggested, 'negative')"
                ),
                {
                    "id": comment_id,
                    "themes": json.dumps(themes),
                    "suggested": json.dumps(suggested),
                },
            )
        db.session.commit()
        db.engine.dispose()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    with app.app_context():
        statuses = dict(
            db.session.execute(text("SELECT id, review_status FROM comments ORDER BY id")).all()
        )
        db.engine.dispose()
    assert statuses == {1: "accepted", 2: "corrected"}
