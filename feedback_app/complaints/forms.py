"""Forms for complaints casework, compliments and the public complaint form."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    StopValidation,
)

from feedback_app.complaints.fields import GovDateField
from feedback_app.form_fields import (
    SubmissionTokenField,
    VersionField,
    strip_spaces,
    text_area,
    text_input,
)
from feedback_app.models.complaints import (
    CHANNELS,
    EHCP_STAGES,
    OUTCOME_LABELS,
    RELATIONSHIPS,
    STAGE_LABELS,
)
from feedback_app.services.import_csv import EARLIEST

# A light check: the address is for replies, and email_validator is not a dependency.
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
#: How far ahead an action may be due: enough for any agreed plan, not a mistyped year.
ACTION_YEARS_AHEAD = 5
_CHANNELS = [(k, v) for k, v in CHANNELS.items() if k != "import"]


class ComplaintForm(FlaskForm):
    """A complaint as the officer logs it."""

    received_on = GovDateField(
        "Date received", what="the date the complaint was received", earliest=EARLIEST
    )
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
    complainant_name = text_input("Complainant's name", required="Enter the complainant's name")
    contact_email = StringField(
        "Email address (optional)",
        widget=GovTextInput(),
        filters=[strip_spaces],
        validators=[
            Optional(),
            Regexp(
                EMAIL, message="Enter an email address in the correct format, like name@example.com"
            ),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
    contact_phone = text_input("Phone number (optional)", max_length=40, name="Phone number")
    contact_address = text_area("Postal address (optional)", max_length=1000, name="Postal address")
    relationship_to_child = RadioField(
        "Relationship to the child or young person",
        choices=list(RELATIONSHIPS.items()),
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the complainant's relationship to the child")],
    )
    child_reference = text_input(
        "Child's case reference (optional)", max_length=40, name="Case reference"
    )
    ehcp_stage = SelectField(
        "EHCP stage it concerns (optional)",
        choices=[("", "Not known"), *EHCP_STAGES.items()],
        widget=GovSelect(),
        validators=[Optional()],
    )
    summary = text_area(
        "What the complaint is about",
        max_length=20000,
        name="What the complaint is about",
        required="Enter what the complaint is about",
    )
    officer_id = SelectField(
        "Complaints officer", choices=[], widget=GovSelect(), validators=[Optional()]
    )
    submission_token = SubmissionTokenField()
    submit = SubmitField("Save complaint", widget=GovSubmitInput())


class ComplaintEditForm(ComplaintForm):
    """A complaint's details as the officer changes them, with the version they opened."""

    version = VersionField()
    submission_token = None  # type: ignore[assignment]  # a token is for making one, not changing it


class PublicComplaintForm(FlaskForm):
    """What a family tells us when they complain online."""

    complainant_name = text_input("Your name", required="Enter your name")
    contact_email = StringField(
        "Email address",
        widget=GovTextInput(),
        filters=[strip_spaces],
        validators=[
            DataRequired(message="Enter your email address so we can reply"),
            Regexp(
                EMAIL, message="Enter an email address in the correct format, like name@example.com"
            ),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
    contact_phone = text_input("Phone number (optional)", max_length=40, name="Phone number")
    relationship_to_child = RadioField(
        "Who are you?",
        choices=list(RELATIONSHIPS.items()),
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select who you are")],
    )
    child_reference = text_input(
        "Your child's case reference, if you know it (optional)",
        max_length=40,
        name="Case reference",
    )
    summary = text_area(
        "What is your complaint about?",
        max_length=20000,
        name="Your complaint",
        required="Enter what your complaint is about",
    )
    submission_token = SubmissionTokenField()
    submit = SubmitField("Send complaint", widget=GovSubmitInput())


class PointForm(FlaskForm):
    """One point of a complaint: its theme and outcome."""

    summary = text_area(
        "What this point is about",
        max_length=5000,
        name="What this point is about",
        required="Enter what this point is about",
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
    submission_token = SubmissionTokenField()
    submit = SubmitField("Save point", widget=GovSubmitInput())


class PointEditForm(PointForm):
    """A point as the officer changes it, with the version they opened."""

    version = VersionField()
    submission_token = None  # type: ignore[assignment]  # a token is for adding one, not changing it


class DateForm(FlaskForm):
    """One date: acknowledged, responded, escalated or closed."""

    on = GovDateField("Date", what="the date", earliest=EARLIEST)
    reference = text_input(
        "Ombudsman reference (optional)", max_length=60, name="Ombudsman reference"
    )
    # For an escalation: the stage it escalates from, so that sending it twice escalates once.
    from_stage = HiddenField()
    # For closing a complaint with work unfinished; checked by services.complaints.close.
    confirm_unfinished = BooleanField(
        "I understand that this work is unfinished and want to close the complaint",
        widget=GovCheckboxInput(),
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


class WholeNumberField(IntegerField):
    """An integer field whose message for words or decimals is in GOV.UK style."""

    def __init__(self, label: str, *, not_a_number: str, **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.not_a_number = not_a_number

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(self.not_a_number) from None

    def pre_validate(self, form: Any) -> None:
        if self.process_errors:
            raise StopValidation()  # one message, not a range message after it too


class ExtensionForm(FlaskForm):
    """An extension to the response deadline, with its reason."""

    days = WholeNumberField(
        "Working days to extend by",
        not_a_number="Enter the number of working days as a whole number, like 10",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the number of working days"),
            NumberRange(min=1, max=60, message="Working days must be a whole number from 1 to 60"),
        ],
    )
    reason = text_area(
        "Reason for the extension",
        max_length=2000,
        name="Reason",
        required="Enter the reason for the extension",
    )
    # The deadline it extends (YYYY-MM-DD), so that sending it twice extends it once.
    deadline = HiddenField()
    submit = SubmitField("Extend deadline", widget=GovSubmitInput())


class ActionForm(FlaskForm):
    """An action given to a service."""

    description = text_area(
        "What will be done",
        max_length=2000,
        name="What will be done",
        required="Enter what will be done",
    )
    team = text_input("Team or service", required="Enter the team or service", max_length=120)
    owner = text_input("Owner", required="Enter who owns the action")
    owner_email = StringField(
        "Owner's email address (optional, for reminders)",
        widget=GovTextInput(),
        filters=[strip_spaces],
        validators=[
            Optional(),
            Regexp(
                EMAIL, message="Enter an email address in the correct format, like name@example.com"
            ),
        ],
    )
    due_on = GovDateField(
        "Agreed due date",
        what="the agreed due date",
        past_only=False,
        earliest=EARLIEST,
        years_ahead=ACTION_YEARS_AHEAD,
    )
    notes = text_area("Notes (optional)", max_length=5000, name="Notes")
    you_said_we_did = BooleanField(
        "A candidate for \u201cyou said, we did\u201d", widget=GovCheckboxInput()
    )
    submission_token = SubmissionTokenField()
    submit = SubmitField("Save action", widget=GovSubmitInput())


class CompleteActionForm(FlaskForm):
    """Marking an action done, with evidence."""

    completed_on = GovDateField(
        "Date completed", what="the date the action was completed", earliest=EARLIEST
    )
    evidence = text_area(
        "Evidence it was done",
        max_length=5000,
        name="Evidence",
        required="Enter the evidence that the action was done",
    )
    submit = SubmitField("Mark as done", widget=GovSubmitInput())


class ComplimentForm(FlaskForm):
    """A compliment: theme, team, and who was praised (kept internal)."""

    received_on = GovDateField(
        "Date received", what="the date the compliment was received", earliest=EARLIEST
    )
    theme = RadioField(
        "Theme",
        choices=[],
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select a theme")],
    )
    team = text_input(
        "Team or service praised", required="Enter the team or service praised", max_length=120
    )
    person_praised = text_input("Person praised (optional, kept internal)", name="Person praised")
    summary = text_area(
        "What they said", max_length=5000, name="What they said", required="Enter what they said"
    )
    submission_token = SubmissionTokenField()
    submit = SubmitField("Save compliment", widget=GovSubmitInput())
