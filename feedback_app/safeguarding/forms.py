"""The form a safeguarding lead uses to record what was done."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput
from wtforms import RadioField, SubmitField
from wtforms.validators import InputRequired, ValidationError

from feedback_app.form_fields import VersionField, text_area
from feedback_app.models.comments import SAFEGUARDING_CONCERNS


class SafeguardingActionForm(FlaskForm):
    """Status, the lead's decision and the action taken."""

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
    concern = RadioField(
        "Is this a safeguarding concern?",
        widget=GovRadioInput(),
        choices=list(SAFEGUARDING_CONCERNS.items()),
        default="undecided",
        validators=[InputRequired(message="Select whether this is a safeguarding concern")],
    )
    action_taken = text_area(
        "What was done",
        max_length=5000,
        name="What was done",
        required="Enter what was done, or why no action was needed",
    )
    version = VersionField()
    submit = SubmitField("Save", widget=GovSubmitInput())

    def validate_concern(self, field: RadioField) -> None:
        if self.status.data == "closed" and field.data == "undecided":
            raise ValidationError("Select whether this is a safeguarding concern before closing it")
