"""Form fields that many areas share, with GOV.UK-style messages built the same way."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovTextArea, GovTextInput
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

# Enough to catch typing mistakes; whether the address works is for the person to confirm.
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


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
