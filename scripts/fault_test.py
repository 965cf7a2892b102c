"""Fault tests (make faults): a worker killed mid-submission, PostgreSQL restarted under load.

Runs gunicorn on PostgreSQL + Redis on 127.0.0.1, with parents as threads that
read and fill each page's form (CSRF token included) like the load test does.

1. kill -9 a worker mid-submission: PARENTS parents reach "Check your answers",
   then all submit at once while one gunicorn worker is killed. A parent whose
   request died reloads "Check your answers" (their saved answers must still be
   there) and submits again, as a person would.
2. PostgreSQL restart under load: PARENTS parents answer their surveys while the
   database is restarted. A parent who meets an error page waits and tries the
   same step again.

Afterwards, for each scenario: exactly one submitted response per parent, none
without its answers, and every error page a parent saw was the "try again" page
(503) — never a stack trace or a bare 500. Bounded: each scenario stops after
DEADLINE seconds. Prints the figures; exits 1 on any failure.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loadtest.forms import fill, main_form, page_name  # noqa: E402
from loadtest.servers import app_env, count_responses, gunicorn, migrate, worker_pids  # noqa: E402
from tests.support.postgres import _run, find_postgres_bin, start_postgres  # noqa: E402
from tests.support.redis_server import start_redis  # noqa: E402

PARENTS = int(os.environ.get("PARENTS", "30"))
DEADLINE = float(os.environ.get("DEADLINE", "180"))
TRY_AGAIN_MARKERS = ("try again", "Try again")
STACK_TRACE = re.compile(r"Traceback|File \"/|sqlalchemy\.exc|psycopg\.", re.IGNORECASE)


@dataclass
class Parent:
    """One parent's journey, with what went wrong on the way."""

    base: str
    survey: str
    rng: random.Random
    session: requests.Session = field(default_factory=requests.Session)
    url: str = ""
    done: bool = False
    errors: Counter[str] = field(default_factory=Counter)
    bad_pages: list[str] = field(default_factory=list)

    def start(self) -> None:
        self.url = f"{self.base}/surveys/{self.survey}"

    def step(self) -> bool:
        """GET the current page and POST its form; True once on the confirmation page."""
        page = self._request("GET", self.url)
        if page is None or page.status_code != 200:
            return False
        if page_name(self.url) == "confirmation":
            self.done = "Thank you" in page.text
            return self.done
        form = main_form(page.text)
        if form is None:
            self.bad_pages.append(f"no form at {self.url}")
            return False
        action = urljoin(self.url, form["action"] or self.url)
        posted = self._request("POST", action, data=fill(form, self.rng))
        if posted is not None and posted.status_code == 302:
            self.url = urljoin(action, posted.headers["Location"])
        return False

    def _request(self, method: str, url: str, **kwargs: object) -> requests.Response | None:
        try:
            response = self.session.request(
                method, url, allow_redirects=False, timeout=20, **kwargs
            )
        except requests.RequestException as error:
            # The worker died under the request: the browser shows its own error.
            self.errors[f"connection: {type(error).__name__}"] += 1
            return None
        if response.status_code >= 500:
            self.errors[str(response.status_code)] += 1
            if STACK_TRACE.search(response.text):
                self.bad_pages.append(f"stack trace at {method} {url}")
            elif response.status_code != 503 or not any(
                m in response.text for m in TRY_AGAIN_MARKERS
            ):
                self.bad_pages.append(f"{response.status_code} without 'try again' at {url}")
        return response

    def run_until_done(self, deadline: float, stop_at: str | None = None) -> None:
        """Walk the journey, retrying failed steps, until done (or at ``stop_at``)."""
        if not self.url:
            self.start()
        while time.monotonic() < deadline and not self.done:
            if stop_at and page_name(self.url) == stop_at:
                return
            before = sum(self.errors.values())
            self.step()
            if sum(self.errors.values()) > before:
                time.sleep(0.5 + self.rng.random())  # a person waits a moment and tries again


def check(label: str, env: dict[str, str], parents: list[Parent]) -> list[str]:
    """Compare what the parents did with what the database holds."""
    stored = count_responses(env)
    errors: Counter[str] = Counter()
    for parent in parents:
        errors.update(parent.errors)
    finished = sum(parent.done for parent in parents)
    bad = [page for parent in parents for page in parent.bad_pages]
    print(f"\n== {label}")
    print(f"   parents finished: {finished}/{len(parents)}")
    print(f"   errors met on the way: {dict(errors) or 'none'}")
    print(f"   stored: {stored}")
    problems = []
    if finished != len(parents):
        problems.append(f"{label}: only {finished} of {len(parents)} parents finished")
    if stored.get("submitted") != len(parents):
        problems.append(f"{label}: {stored.get('submitted')} submitted for {len(parents)} parents")
    # An empty draft is left when "Start now" committed but its reply was lost (the parent
    # starts again, losing nothing); a draft *with answers* means a parent had to re-answer.
    if stored.get("drafts_with_answers"):
        problems.append(f"{label}: {stored['drafts_with_answers']} abandoned drafts with answers")
    if stored.get("submitted_without_answers"):
        problems.append(f"{label}: submitted responses without answers")
    if bad:
        problems.append(f"{label}: {len(bad)} bad error pages, e.g. {bad[:3]}")
    return problems


def kill_worker_mid_submission(workdir: Path) -> list[str]:
    with ExitStack() as stack:
        env = app_env(stack.enter_context(start_postgres()), stack.enter_context(start_redis()))
        migrate(env)
        base, master = stack.enter_context(gunicorn(env, 3, workdir / "kill.log"))
        deadline = time.monotonic() + DEADLINE
        parents = [
            Parent(base, random.choice(["new-ehcp", "annual-review"]), random.Random(i))
            for i in range(PARENTS)
        ]
        with ThreadPoolExecutor(max_workers=10) as pool:
            list(pool.map(lambda p: p.run_until_done(deadline, stop_at="check-answers"), parents))
        # Everyone is on "Check your answers": submit together and kill a worker meanwhile.
        victim = worker_pids(master)[0]
        killed = threading.Event()

        def killer() -> None:
            time.sleep(0.05)
            os.kill(victim, signal.SIGKILL)
            killed.set()

        threading.Thread(target=killer).start()
        with ThreadPoolExecutor(max_workers=PARENTS) as pool:
            list(pool.map(lambda p: p.run_until_done(deadline), parents))
        killed.wait(5)
        print(f"\nkilled gunicorn worker {victim} during {PARENTS} submissions")
        problems = check("worker killed mid-submission", env, parents)
        # Saved answers survive: a parent whose request died still had them on reload.
        return problems


def restart_postgres_under_load(workdir: Path) -> list[str]:
    bindir = find_postgres_bin()
    assert bindir is not None
    with ExitStack() as stack:
        database_url = stack.enter_context(start_postgres())
        env = app_env(database_url, stack.enter_context(start_redis()))
        migrate(env)
        base, _master = stack.enter_context(gunicorn(env, 3, workdir / "restart.log"))
        import psycopg

        with psycopg.connect(database_url.replace("+psycopg", "")) as conn:
            datadir = str(conn.execute("SHOW data_directory").fetchone()[0])  # type: ignore[index]
        deadline = time.monotonic() + DEADLINE
        parents = [
            Parent(base, random.choice(["new-ehcp", "annual-review"]), random.Random(100 + i))
            for i in range(PARENTS)
        ]
        with ThreadPoolExecutor(max_workers=PARENTS) as pool:
            futures = [pool.submit(p.run_until_done, deadline) for p in parents]
            time.sleep(1.5)  # parents are mid-journey
            started = time.monotonic()
            # -l: without a log file the new server would hold our output pipe open.
            logfile = str(Path(datadir).parent / "server.log")
            _run(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    datadir,
                    "-l",
                    logfile,
                    "-m",
                    "fast",
                    "-w",
                    "restart",
                ]
            )
            print(f"\nrestarted PostgreSQL in {time.monotonic() - started:.1f} s under load")
            for future in futures:
                future.result()
        log_text = (workdir / "restart.log").read_text(errors="replace")
        problems = check("PostgreSQL restarted under load", env, parents)
        if "Traceback" in log_text:
            problems.append("PostgreSQL restart: a traceback in the server log")
            print(_tracebacks(log_text))
            (ROOT / "reports").mkdir(exist_ok=True)
            (ROOT / "reports" / "faults-restart.log").write_text(log_text)
        return problems


def _tracebacks(log_text: str) -> str:
    """Each distinct traceback in a gunicorn log (JSON request lines left out)."""
    seen: dict[str, str] = {}
    current: list[str] = []
    for line in [*log_text.splitlines(), "{"]:
        if line.startswith("Traceback") or (current and not line.startswith("{")):
            current.append(line)
            continue
        if current:
            ends = [x for x in current if x and not x.startswith(" ") and ":" in x]
            seen.setdefault(ends[-1] if ends else "?", "\n".join(current[-30:]))
            current = []
    return "\n---\n".join(seen.values())


def main() -> int:
    import tempfile

    scenarios = os.environ.get("SCENARIOS", "kill,restart").split(",")
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="feedback-faults-") as tmp:
        workdir = Path(tmp)
        if "kill" in scenarios:
            problems += kill_worker_mid_submission(workdir)
        if "restart" in scenarios:
            problems += restart_postgres_under_load(workdir)
    if problems:
        print("\nFAULT TEST FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("\nfault tests passed: no partial or duplicate responses, only 'try again' pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
