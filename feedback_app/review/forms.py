"""The forms an analyst uses on a comment: accept or correct its themes and sentiment, and
hide personal data the redaction missed."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import InputRequired

from feedback_app.analysis.redaction import HIDDEN_KINDS
from feedback_app.form_fields import VersionField


class ReviewForm(FlaskForm):
    """Themes (any number) and one sentiment."""

    themes = SelectMultipleField("Themes", widget=GovCheckboxesInput(), choices=[])
    sentiment = RadioField(
        "Sentiment",
        widget=GovRadioInput(),
        choices=[("negative", "Negative"), ("neutral", "Neutral"), ("positive", "Positive")],
        validators=[InputRequired(message="Select the sentiment of the comment")],
    )
    version = VersionField()
    submit = SubmitField("Save", widget=GovSubmitInput())


HIDDEN_KIND_NAMES = {
    "name": "A name",
    "address": "An address",
    "phone": "A phone number",
    "email": "An email address",
    "date_of_birth": "A date of birth",
    "reference": "A case or other reference",
    "other": "Other personal data",
}


class HideForm(FlaskForm):
    """Words in the redacted text that are personal data, and what kind.

    No version: hiding adds to what is hidden, checked against the comment as saved now,
    so a page opened before someone else's change loses nothing (``review.hide_personal_data``
    makes two hides at once both count).
    """

    phrase = StringField(
        "Words to hide",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter the words to hide")],
    )
    kind = SelectField(
        "What they are",
        widget=GovSelect(),
        choices=[(kind, HIDDEN_KIND_NAMES[kind]) for kind in HIDDEN_KINDS],
        default="name",
        validators=[InputRequired(message="Select what kind of personal data the words are")],
    )
    everywhere = BooleanField(
        "Hide this name in every comment, now and from now on", widget=GovCheckboxInput()
    )
    submit = SubmitField("Hide these words", widget=GovSubmitInput())
