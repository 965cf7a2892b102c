"""The form a safeguarding lead uses to record what was done."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput, GovTextArea
from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length


class SafeguardingActionForm(FlaskForm):
    """Status and the action taken."""

    status = RadioField(
        "Status",
        widget=GovRadioInput(),
        choices=[
            ("open", "Open: not yet looked into"),
            ("in_progress", "In progress"),
            ("closed", "Closed: action taken or no concern"),
        ],
        validators=[InputRequired(message="Select the status of this flag")],
    )
    action_taken = TextAreaField(
        "What was done",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Enter what was done, or why no action was needed"),
            Length(max=5000, message="What was done must be 5,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
