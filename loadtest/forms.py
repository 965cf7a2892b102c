"""Reading and filling the survey's forms as a browser would (load and fault tests)."""

from __future__ import annotations

import random
from html.parser import HTMLParser
from urllib.parse import urlsplit

COMMENTS = [
    "The caseworker changed three times and nobody told us.",
    "Our SENCO was brilliant; the plan still took 30 weeks.",
    "We were listened to at the review, thank you.",
    "Speech and language therapy never happened. Très difficile 😞",
    "",
]


class FormParser(HTMLParser):
    """Collect the POST forms of a page: action, fields, and submit buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self._form = {"action": a.get("action", ""), "fields": [], "buttons": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            self._form["fields"].append(
                (a.get("type", "text"), a.get("name", ""), a.get("value", ""), "checked" in a)
            )
        elif tag == "textarea":
            self._textarea = a.get("name", "")
            self._form["fields"].append(("textarea", self._textarea, "", False))
        elif tag == "button" and a.get("name"):
            self._form["buttons"].append((a["name"], a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None


def main_form(html: str) -> dict | None:
    """The page's journey form: a POST form that is not sign-out or a language switch."""
    parser = FormParser()
    # Only the forms matter: skipping the head, header and footer keeps the load
    # generator's parsing (it shares the cores with the app) to a fraction.
    start, end = html.find("<form"), html.rfind("</form>")
    parser.feed(html[start : end + len("</form>")] if start != -1 and end != -1 else html)
    for form in parser.forms:
        if "sign-out" not in form["action"]:
            return form
    return None


def fill(form: dict, rng: random.Random) -> dict[str, str]:
    """Answer a form as a parent would: one option per question, some words, no honeypot."""
    data: dict[str, str] = {}
    radios: dict[str, list[str]] = {}
    for kind, name, value, _checked in form["fields"]:
        if not name or name == "leave_blank":
            continue
        if kind in {"hidden", "submit"}:
            data[name] = value
        elif kind == "radio":
            radios.setdefault(name, []).append(value)
        elif kind == "checkbox":
            if rng.random() < 0.5:
                data[name] = value
        elif kind == "textarea":
            data[name] = rng.choice(COMMENTS)
        elif kind in {"text", "email", "tel"}:
            data[name] = ""
    for name, values in radios.items():
        # Consent to quotes yes, contact no: no personal data in a load test.
        if name == "contact_consent":
            data[name] = "no" if "no" in values else values[-1]
        elif name == "quote_consent":
            data[name] = "yes" if "yes" in values else values[0]
        else:
            data[name] = rng.choice(values)
    buttons = dict(form["buttons"])
    if "action" in buttons:
        data["action"] = "continue"
    return data


def page_name(url: str) -> str:
    """Group URLs by step, so p50/p95 are per kind of page, not per question."""
    path = urlsplit(url).path.rstrip("/")
    parts = path.split("/")
    if "questions" in parts:
        return "question"
    if len(parts) == 3:  # /surveys/<path>
        return "start"
    return parts[-1]
