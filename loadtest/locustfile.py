"""Parents completing a survey, as a browser would: real sessions, CSRF tokens and all.

Each simulated parent opens a start page, presses "Start now", answers every
question page (reading the form the server sent, CSRF token and hidden fields
included, and leaving the honeypot empty), agrees to be quoted without leaving
contact details, checks their answers and submits. A parent who finishes counts
one journey; after JOURNEYS journeys (default 400) the run stops itself.

Between pages a parent reads and answers for THINK_MIN to THINK_MAX seconds
(uniformly). Two paces are used (loadtest/run.py): "parent", 1–4 s a page, a
fast reader on a phone (the survey is designed to take under 3 minutes, about
15 s a page; this is four to six times quicker), and "rush", 0–1 s a page, a
stress test with a fifth of the thinking time, to find where two cores saturate.

    locust -f loadtest/locustfile.py --headless -u 40 -r 40 --run-time 10m \
        --host http://127.0.0.1:8000

Any response of 500 or more, a page that is not the one expected, or a journey
that does not end on the confirmation page is a failure.
"""

from __future__ import annotations

import os
import random
import sys
import threading
from pathlib import Path
from urllib.parse import urljoin

import gevent
from locust import FastHttpUser, between, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from loadtest.forms import fill, main_form, page_name  # noqa: E402

JOURNEYS = int(os.environ.get("JOURNEYS", "400"))
SURVEYS = os.environ.get("SURVEYS", "new-ehcp,annual-review").split(",")
THINK_MIN = float(os.environ.get("THINK_MIN", "1.0"))
THINK_MAX = float(os.environ.get("THINK_MAX", "4.0"))
MAX_PAGES = 40  # a journey longer than this is stuck in a loop

_lock = threading.Lock()
_started = 0
_completed = 0


class Parent(FastHttpUser):
    """One parent or carer on a phone, answering a whole survey.

    FastHttpUser (geventhttpclient) rather than HttpUser (requests): the load generator
    shares the machine's two cores with the app, and this client costs it a fraction
    of the CPU per request, so more of the cores serve parents.
    """

    wait_time = between(THINK_MIN, THINK_MAX)

    def on_start(self) -> None:
        self.rng = random.Random()

    @task
    def complete_a_survey(self) -> None:
        global _started, _completed
        with _lock:
            if _started >= JOURNEYS:
                raise StopUser()
            _started += 1
        self.client.cookiejar.clear()  # a new parent, a new session
        survey = self.rng.choice(SURVEYS)
        url = f"/surveys/{survey}"
        for _page in range(MAX_PAGES):
            name = page_name(url)
            with self.client.get(url, name=f"GET {name}", catch_response=True) as page:
                if page.status_code != 200:
                    page.failure(f"GET {url}: {page.status_code}")
                    return
                if name == "confirmation":
                    if "Thank you" not in page.text:
                        page.failure("confirmation page without thanks")
                        return
                    with _lock:
                        _completed += 1
                        done = _completed
                    if done >= JOURNEYS:
                        # From another greenlet: quitting stops this user's greenlet too.
                        gevent.spawn_later(0.5, self.environment.runner.quit)
                    return
                form = main_form(page.text)
                if form is None:
                    page.failure(f"no form on {url}")
                    return
            self.wait()
            action = urljoin(url, form["action"] or url)
            with self.client.post(
                action,
                data=fill(form, self.rng),
                name=f"POST {page_name(action)}",
                allow_redirects=False,
                catch_response=True,
            ) as posted:
                if posted.status_code != 302:
                    posted.failure(f"POST {action}: {posted.status_code}")
                    return
                url = urljoin(action, posted.headers["Location"])
        # Ran out of pages without reaching the confirmation.
        events.request.fire(
            request_type="JOURNEY",
            name="too many pages",
            response_time=0,
            response_length=0,
            exception=RuntimeError("journey did not finish"),
        )


@events.quitting.add_listener
def _report(environment, **_kwargs) -> None:  # type: ignore[no-untyped-def]
    print(f"journeys started={_started} completed={_completed}")
