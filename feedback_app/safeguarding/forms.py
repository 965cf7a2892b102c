"""The form a safeguarding lead uses to record what was done."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput
from wtforms import RadioField, SubmitField
from wtforms.validators import InputRequired

from feedback_app.form_fields import text_area


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
    action_taken = text_area(
        "What was done",
        max_length=5000,
        name="What was done",
        required="Enter what was done, or why no action was needed",
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
