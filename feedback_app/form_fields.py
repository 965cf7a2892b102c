"""Form fields that many areas share, with GOV.UK-style messages built the same way."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from datetime import date
from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovTextArea, GovTextInput
from wtforms import Field, Form, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from feedback_app.templating import format_date

# Enough to catch typing mistakes; whether the address works is for the person to confirm.
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
# What ``secrets.token_urlsafe(24)`` gives; anything else posted is not one of ours.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")


def strip_spaces(value: Any) -> Any:
    """A form filter: spaces around what was typed are not part of it.

    An email address copied from a letter or an email often brings a space (or a
    non-breaking space) with it, which the format check would otherwise refuse.
    """
    return value.strip() if isinstance(value, str) else value


def text_area(
    label: str, *, max_length: int, name: str, required: str | None = None
) -> TextAreaField:
    """A text area, required (with ``required`` as its message) or optional, with a length cap.

    ``name`` starts the too-long message: "``name`` must be 5,000 characters or fewer".
    """
    presence = [DataRequired(message=required)] if required else [Optional()]
    too_long = Length(max=max_length, message=f"{name} must be {max_length:,} characters or fewer")
    return TextAreaField(label, widget=GovTextArea(), validators=[*presence, too_long])


def text_input(
    label: str, *, max_length: int = 200, required: str | None = None, name: str | None = None
) -> StringField:
    """A one-line text input, required or optional, with a length cap.

    ``name`` (the label if not given) starts the too-long message, so a label like
    "Phone number (optional)" can say "Phone number must be 40 characters or fewer".
    """
    presence = [DataRequired(message=required)] if required else [Optional()]
    too_long = Length(
        max=max_length, message=f"{name or label} must be {max_length:,} characters or fewer"
    )
    return StringField(label, widget=GovTextInput(), validators=[*presence, too_long])


class VersionField(HiddenField):
    """The version of the record a page was shown with (``services.edits``), sent back
    hidden with its form so that saving can tell whether someone else saved since.

    ``data`` is None when the form sent none or not a whole number: the page it came
    from is unknown, and the save is refused as out of date rather than trusted.
    """

    data: int | None

    def process_formdata(self, valuelist: list[Any]) -> None:
        # Always replace the record's own version (from ``obj``): a POST without one must
        # not pass as the version saved now.
        try:
            self.data = int(valuelist[0])
        except (IndexError, TypeError, ValueError):
            self.data = None

    def _value(self) -> str:
        return "" if self.data is None else str(self.data)


#: Fields that are not the person's answers.
_NOT_ANSWERS = ("CSRFTokenField", "SubmitField", "VersionField", "HiddenField")


def stale_form(typed: Form, saved: Form, message: str) -> list[tuple[str, str]]:
    """Put a stale form's ``message`` on ``saved`` (the same form refilled with what is
    saved now) for the error summary, and return what the person entered that differs
    from it, as (question, answer), for the page to show beside the form.

    Their answers go beside the form, not back into it: the page knows only which
    version they opened, not which questions they changed, so refilling the form with
    all their answers would quietly undo the other person's change at the next Save.
    """
    version = saved._fields["version"]
    version.errors = [message]
    return [
        (field.label.text, _answer(field))
        for field in typed
        if field.type not in _NOT_ANSWERS
        and field.name in saved._fields
        and _comparable(field.data) != _comparable(saved._fields[field.name].data)
    ]


def _comparable(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list | tuple):
        return sorted(map(str, value))
    return value


def _answer(field: Field) -> str:
    """An answer as the person would recognise it: a choice's words, a date GOV.UK style."""
    value = field.data
    choices = dict(getattr(field, "choices", None) or [])
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Iterable) and not isinstance(value, str):
        return ", ".join(str(choices.get(item, item)) for item in value)
    if value in choices:
        return str(choices[value])
    return "" if value is None else str(value).strip()


class SubmissionTokenField(HiddenField):
    """A create form's one-time token, so that sending the form twice makes one record.

    A new form is issued a fresh token; a form shown again with errors keeps the one it
    was sent with, so it is still the same record. ``sent`` is the token the form came
    back with, or None when it came back without one (a page from before forms carried
    one, or a token tampered with): the record is then made as before, without the check.
    The token is kept with the record, not in the session: both requests of a double
    click carry the same session cookie, so only the database can tell the second is a
    repeat (``services.once.make_once``).
    """

    data: Any
    sent: str | None = None

    def process(self, formdata: Any, data: Any = None, extra_filters: Any = None) -> None:
        # Never the token of a record the form was filled from (``obj=``): that belongs to
        # the form that made it, not to this one.
        super().process(formdata, None, extra_filters)
        posted = self.data if isinstance(self.data, str) else ""
        self.sent = posted if _TOKEN.fullmatch(posted) else None
        if self.sent is None:
            self.data = secrets.token_urlsafe(24)
