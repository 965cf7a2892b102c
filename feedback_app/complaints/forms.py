"""Forms for complaints casework, compliments and the public complaint form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from feedback_app.complaints.fields import GovDateField
from feedback_app.models.complaints import (
    CHANNELS,
    EHCP_STAGES,
    OUTCOME_LABELS,
    RELATIONSHIPS,
    STAGE_LABELS,
)

# A light check: the address is for replies, and email_validator is not a dependency.
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_CHANNELS = [(k, v) for k, v in CHANNELS.items() if k != "import"]


def _text(label: str, message: str | None = None, max_length: int = 200) -> StringField:
    validators = [DataRequired(message=message)] if message else [Optional()]
    too_long = f"{label} must be {max_length} characters or fewer"
    return StringField(
        label,
        widget=GovTextInput(),
        validators=[*validators, Length(max=max_length, message=too_long)],
    )


class ComplaintForm(FlaskForm):
    """A complaint as the officer logs it."""

    received_on = GovDateField("Date received", what="the date the complaint was received")
    channel = RadioField(
        "How it was received",
        choices=_CHANNELS,
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select how the complaint was received")],
    )
    stage = RadioField(
        "Stage",
        choices=list(STAGE_LABELS.items()),
        default="1",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the stage of the complaint")],
    )
    complainant_name = _text("Complainant's name", "Enter the complainant's name")
    contact_email = StringField(
        "Email address (optional)",
        widget=GovTextInput(),
        validators=[
            Optional(),
            Regexp(
                EMAIL, message="Enter an email address in the correct format, like name@example.com"
            ),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
    contact_phone = _text("Phone number (optional)", max_length=40)
    contact_address = TextAreaField(
        "Postal address (optional)",
        widget=GovTextArea(),
        validators=[
            Optional(),
            Length(max=1000, message="Postal address must be 1000 characters or fewer"),
        ],
    )
    relationship_to_child = RadioField(
        "Relationship to the child or young person",
        choices=list(RELATIONSHIPS.items()),
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the complainant's relationship to the child")],
    )
    child_reference = _text("Child's case reference (optional)", max_length=40)
    ehcp_stage = SelectField(
        "EHCP stage it concerns (optional)",
        choices=[("", "Not known"), *EHCP_STAGES.items()],
        widget=GovSelect(),
        validators=[Optional()],
    )
    summary = TextAreaField(
        "What the complaint is about",
        widget=GovTextArea(),
        validators=[
            DataRequired(message="Enter what the complaint is about"),
            Length(
                max=20000, message="What the complaint is about must be 20,000 characters or fewer"
            ),
        ],
    )
    officer_id = SelectField(
        "Complaints officer", choices=[], widget=GovSelect(), validators=[Optional()]
    )
    submit = SubmitField("Save complaint", widget=GovSubmitInput())


class PublicComplaintForm(FlaskForm):
    """What a family tells us when they complain online."""

    complainant_name = _text("Your name", "Enter your name")
    contact_email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            DataRequired(message="Enter your email address so we can reply"),
            Regexp(
                EMAIL, message="Enter an email address in the correct format, like name@example.com"
            ),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
    contact_phone = _text("Phone number (optional)", max_length=40)
    relationship_to_child = RadioField(
        "Who are you?",
        choices=list(RELATIONSHIPS.items()),
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select who you are")],
    )
    child_reference = _text("Your child's case reference, if you know it (optional)", max_length=40)
    summary = TextAreaField(
        "What is your complaint about?",
        widget=GovTextArea(),
        validators=[
            DataRequired(message="Enter what your complaint is about"),
            Length(max=20000, message="Your complaint must be 20,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Send complaint", widget=GovSubmitInput())


class PointForm(FlaskForm):
    """One point of a complaint: its theme and outcome."""

    summary = TextAreaField(
        "What this point is about",
        widget=GovTextArea(),
        validators=[
            DataRequired(message="Enter what this point is about"),
            Length(max=5000, message="What this point is about must be 5,000 characters or fewer"),
        ],
    )
    theme = RadioField(
        "Theme",
        choices=[],
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select a theme")],
    )
    outcome = RadioField(
        "Outcome",
        choices=list(OUTCOME_LABELS.items()),
        default="pending",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the outcome of the point")],
    )
    submit = SubmitField("Save point", widget=GovSubmitInput())


class DateForm(FlaskForm):
    """One date: acknowledged, responded, escalated or closed."""

    on = GovDateField("Date", what="the date")
    reference = _text("Ombudsman reference (optional)", max_length=60)
    submit = SubmitField("Save", widget=GovSubmitInput())


class ExtensionForm(FlaskForm):
    """An extension to the response deadline, with its reason."""

    days = IntegerField(
        "Working days to extend by",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the number of working days"),
            NumberRange(min=1, max=60, message="Working days must be a whole number from 1 to 60"),
        ],
    )
    reason = TextAreaField(
        "Reason for the extension",
        widget=GovTextArea(),
        validators=[
            DataRequired(message="Enter the reason for the extension"),
            Length(max=2000, message="Reason must be 2,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Extend deadline", widget=GovSubmitInput())


class ActionForm(FlaskForm):
    """An action given to a service."""

    description = TextAreaField(
        "What will be done",
        widget=GovTextArea(),
        validators=[
            DataRequired(message="Enter what will be done"),
            Length(max=2000, message="What will be done must be 2,000 characters or fewer"),
        ],
    )
    team = _text("Team or service", "Enter the team or service", max_length=120)
    owner = _text("Owner", "Enter who owns the action")
    owner_email = StringField(
        "Owner's email address (optional, for reminders)",
        widget=GovTextInput(),
        validators=[
            Optional(),
            Regexp(
                EMAIL, message="Enter an email address in the correct format, like name@example.com"
            ),
        ],
    )
    due_on = GovDateField("Agreed due date", what="the agreed due date", past_only=False)
    notes = TextAreaField(
        "Notes (optional)",
        widget=GovTextArea(),
        validators=[
            Optional(),
            Length(max=5000, message="Notes must be 5,000 characters or fewer"),
        ],
    )
    you_said_we_did = BooleanField(
        "A candidate for \u201cyou said, we did\u201d", widget=GovCheckboxInput()
    )
    submit = SubmitField("Save action", widget=GovSubmitInput())


class CompleteActionForm(FlaskForm):
    """Marking an action done, with evidence."""

    completed_on = GovDateField("Date completed", what="the date the action was completed")
    evidence = TextAreaField(
        "Evidence it was done",
        widget=GovTextArea(),
        validators=[
            DataRequired(message="Enter the evidence that the action was done"),
            Length(max=5000, message="Evidence must be 5,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Mark as done", widget=GovSubmitInput())


class ComplimentForm(FlaskForm):
    """A compliment: theme, team, and who was praised (kept internal)."""

    received_on = GovDateField("Date received", what="the date the compliment was received")
    theme = RadioField(
        "Theme",
        choices=[],
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select a theme")],
    )
    team = _text("Team or service praised", "Enter the team or service praised", max_length=120)
    person_praised = _text("Person praised (optional, kept internal)")
    summary = TextAreaField(
        "What they said",
        widget=GovTextArea(),
        validators=[
            DataRequired(message="Enter what they said"),
            Length(max=5000, message="What they said must be 5,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Save compliment", widget=GovSubmitInput())
