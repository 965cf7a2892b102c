"""The form an analyst uses to accept or correct a comment's themes and sentiment."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput, GovSubmitInput
from wtforms import RadioField, SelectMultipleField, SubmitField
from wtforms.validators import InputRequired


class ReviewForm(FlaskForm):
    """Themes (any number) and one sentiment."""

    themes = SelectMultipleField("Themes", widget=GovCheckboxesInput(), choices=[])
    sentiment = RadioField(
        "Sentiment",
        widget=GovRadioInput(),
        choices=[("negative", "Negative"), ("neutral", "Neutral"), ("positive", "Positive")],
        validators=[InputRequired(message="Select the sentiment of the comment")],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
