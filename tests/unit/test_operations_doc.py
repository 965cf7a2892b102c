"""docs/operations.md says what the worker runs and how migrations are shaped, truly.

Found by an operations tester: the guide said the worker ran "analysis of new comments,
reminders, safeguarding alerts" while only password reset emails and retraining or
re-analysis went through the queue, and that "each area has its own migration branch,
hence heads" while there was one head.
"""

from __future__ import annotations

import ast
import re

from alembic.config import Config
from alembic.script import ScriptDirectory

from feedback_app import ROOT

GUIDE = (ROOT / "docs" / "operations.md").read_text()
ENQUEUERS = {"enqueue", "enqueue_after_commit", "enqueue_for_worker"}
#: Each job function, and the words the guide's worker paragraph names it by.
JOBS = {
    "alert_lead": "the safeguarding lead's alert",
    "email_link": "password reset links",
    "retrain_in_background": "retraining the analyser",
    "reanalyse_all": "re-analysing every comment",
    # services/contact_requests.notify_mailbox hands the sender itself to the queue.
    "send": "a family asked to be contacted",
}


def jobs_in_the_source() -> set[str]:
    """The functions the package hands to ``jobs.enqueue*``."""
    found = set()
    for path in (ROOT / "feedback_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ENQUEUERS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "jobs"
                and node.args
            ):
                job = node.args[0]
                found.add(job.attr if isinstance(job, ast.Attribute) else ast.unparse(job))
    return found


def worker_paragraph() -> str:
    match = re.search(r"- \*\*The RQ worker\*\*(.*?)\n- ", GUIDE, re.DOTALL)
    assert match, "docs/operations.md describes the RQ worker"
    return " ".join(match.group(1).split())


def test_every_job_is_named_in_the_guide_and_nothing_else_is_claimed() -> None:
    assert jobs_in_the_source() == set(JOBS), (
        "a job was added or removed: update JOBS and the guide"
    )
    words = worker_paragraph()
    for job, named in JOBS.items():
        assert named in words, job
    # Neither runs on the worker: analysis is in the request, reminders a timer.
    assert "Analysis of a new comment is not a job" in words
    assert "Reminders are not jobs either" in words


def test_the_guide_counts_the_migration_heads_there_are() -> None:
    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    heads = ScriptDirectory.from_config(config).get_heads()
    upgrades = " ".join(re.search(r"## Upgrades(.*?)\n## ", GUIDE, re.DOTALL).group(1).split())  # type: ignore[union-attr]
    assert len(heads) == 1
    assert "The migrations form one line with one head" in upgrades
    assert "its own migration branch" not in upgrades
