"""The production shape's Redis: shared rate limits across workers and hosts, and the RQ queue.

Uses REDIS_URL when the suite runs in the PostgreSQL + Redis configuration
(`make test-postgres`), otherwise starts a private redis-server on a loopback
port. Under CI a missing redis-server fails these tests rather than skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis import Redis
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.services import jobs
from tests.conftest import PASSWORD, make_app, require_or_skip
from tests.support.redis_server import find_redis_server, start_redis


@pytest.fixture(scope="module")
def redis_server() -> Iterator[str]:
    url = os.environ.get("REDIS_URL")
    if url:
        yield url
        return
    require_or_skip(find_redis_server() is not None, "redis-server not installed")
    with start_redis() as started:
        yield started


@pytest.fixture
def redis_url(redis_server: str) -> str:
    """A Redis database emptied for this test (database 1, so a shared server's 0 is spared)."""
    url = redis_server.rsplit("/", 1)[0] + "/1"
    Redis.from_url(url).flushdb()
    return url


def test_rate_limits_are_shared_between_workers_through_redis(
    database_url: str, redis_url: str
) -> None:
    settings = {
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": redis_url,
        "RATELIMIT_SIGN_IN": "2 per minute",
    }
    form = {"email": "nobody@example.gov.uk", "password": "wrong password!"}
    first_worker = make_app(database_url, **settings)
    with first_worker.app_context():
        client = first_worker.test_client()
        assert client.post("/sign-in", data=form).status_code == 200
        assert client.post("/sign-in", data=form).status_code == 200
        db.engine.dispose()

    # Another worker (or host) starts with empty memory, but the count lives in Redis.
    second_worker = make_app(database_url, **settings)
    with second_worker.app_context():
        response = second_worker.test_client().post("/sign-in", data=form)
        db.engine.dispose()
    assert response.status_code == 429
    assert Redis.from_url(redis_url).keys("LIMIT*")


def test_a_redis_outage_does_not_break_public_forms(database_url: str) -> None:
    # config.py sets RATELIMIT_SWALLOW_ERRORS and RATELIMIT_IN_MEMORY_FALLBACK_ENABLED:
    # while Redis is down each worker counts in its own memory instead of failing.
    app = make_app(
        database_url,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0",
    )
    with app.app_context():
        response = app.test_client().post(
            "/sign-in", data={"email": "nobody@example.gov.uk", "password": "wrong password!"}
        )
        db.engine.dispose()
    assert response.status_code == 200


def write_marker(path: str, text: str) -> None:
    """A job: write a file (module level, so the worker imports it by name)."""
    Path(path).write_text(text)


def create_user_job(email: str) -> None:
    """A job that needs the app context and the database."""
    from feedback_app.services import users

    users.create_user(email=email, role="analyst", password=PASSWORD)


def test_jobs_go_through_the_queue_and_flask_worker_runs_them(
    database_url: str, redis_url: str, tmp_path: Path
) -> None:
    app = make_app(database_url, REDIS_URL=redis_url, JOBS_SYNC=False)
    marker = tmp_path / "ran.txt"
    with app.app_context():
        handles = [
            jobs.enqueue(write_marker, str(marker), "from the worker"),
            jobs.enqueue(create_user_job, "queued@example.gov.uk"),
        ]
        assert [handle.status for handle in handles] == ["queued", "queued"]
        assert not marker.exists()  # not run in the web process

        result = app.test_cli_runner().invoke(args=["worker", "--burst"])
        assert result.exit_code == 0, result.output

        assert marker.read_text() == "from the worker"
        from feedback_app.models import User

        db.session.remove()
        assert db.session.scalar(select(User.email).where(User.email == "queued@example.gov.uk"))
        db.session.remove()
        db.engine.dispose()


def test_under_test_redis_jobs_run_at_once_through_rq(database_url: str, redis_url: str) -> None:
    app = make_app(database_url, REDIS_URL=redis_url)
    with app.app_context():
        handle = jobs.enqueue(create_user_job, "sync@example.gov.uk")
        assert handle.status == "finished"
        from feedback_app.models import User

        assert db.session.scalar(select(User.email).where(User.email == "sync@example.gov.uk"))
        with pytest.raises(RuntimeError, match="failed"):
            jobs.enqueue(create_user_job, "not-an-email")
        db.session.remove()
        db.engine.dispose()


def test_an_admin_retrains_through_the_queue_and_the_worker_reanalyses(
    database_url: str, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from feedback_app.analysis import learning
    from feedback_app.models import AnalysisModel, Comment
    from feedback_app.services import analysis_admin, comments, users

    # One comment in 60 of the corpus: training on all of it takes minutes.
    shipped = learning.load_corpus()[::60]
    monkeypatch.setattr(learning, "load_corpus", lambda: shipped)
    app = make_app(database_url, REDIS_URL=redis_url, JOBS_SYNC=False)
    with app.app_context():
        comment = comments.record_comment(
            source="survey", source_id=1, text="The escort was kind", received_on=date.today()
        )
        assert comment is not None
        comments.label_comment(comment, themes=["transport"], sentiment="positive", user=None)
        users.create_user(email="boss@example.gov.uk", role="admin", password=PASSWORD)
        db.session.commit()
        client = app.test_client()
        client.post("/sign-in", data={"email": "boss@example.gov.uk", "password": PASSWORD})
        assert "Retrain the analyser" in client.get("/staff/admin/").get_data(as_text=True)

        response = client.post("/staff/admin/retrain", follow_redirects=True)
        body = response.get_data(as_text=True)
        assert "Retraining has started" in body
        assert "Retraining was asked for at" in body  # and the button is gone meanwhile
        assert "Retrain the analyser" not in body
        again = client.post("/staff/admin/retrain", follow_redirects=True)
        assert "already been asked for" in again.get_data(as_text=True)
        assert db.session.query(AnalysisModel).count() == 0  # the web process did not train

        before = db.session.scalar(select(Comment.analysed_at).where(Comment.id == comment.id))
        result = app.test_cli_runner().invoke(args=["worker", "--burst"])
        assert result.exit_code == 0, result.output

        db.session.remove()
        model = db.session.query(AnalysisModel).one()
        assert model.notes == "analyst corrections: 1, safeguarding decisions: 0"
        after = db.session.scalar(select(Comment.analysed_at).where(Comment.id == comment.id))
        assert after is not None and before is not None and after > before  # re-analysed
        status = analysis_admin.learning_status()
        assert status.retrain_requested_at is None and status.new_corrections == 0
        db.session.remove()
        db.engine.dispose()
