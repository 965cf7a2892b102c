"""Form fields that many areas share, with GOV.UK-style messages built the same way."""

from __future__ import annotations

import re
import secrets
from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovTextArea, GovTextInput
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

# What ``secrets.token_urlsafe(24)`` gives; anything else posted is not one of ours.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")


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
