"""Forms for findings releases and "you said, we did" entries."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp

from feedback_app.complaints.fields import GovDateField
from feedback_app.form_fields import SubmissionTokenField, VersionField, text_area
from feedback_app.models.findings import IMPROVEMENT_STATUSES


class CreateReleaseForm(FlaskForm):
    """Which survey and period a new draft release covers."""

    survey = SelectField("Survey", widget=GovSelect(), validate_choice=False)
    period = StringField(
        "Year or quarter",
        widget=GovTextInput(),
        validators=[
            DataRequired(message="Enter the year or quarter, like 2023-24 or 2023-24-Q1"),
            Regexp(
                r"^\d{4}-\d{2}(-Q[1-4])?$",
                message="Enter the year or quarter, like 2023-24 or 2023-24-Q1",
            ),
        ],
    )
    submit = SubmitField("Start a draft", widget=GovSubmitInput())


class RemarkForm(FlaskForm):
    """A comment on a draft from a forum member or analyst."""

    body = text_area(
        "Your comment on this draft",
        max_length=5000,
        name="Your comment",
        required="Enter your comment",
    )
    submission_token = SubmissionTokenField()
    submit = SubmitField("Add comment", widget=GovSubmitInput())


class CorrectionForm(FlaskForm):
    """Why a published release needs a new version."""

    note = text_area(
        "What does the correction change, and why?",
        max_length=2000,
        name="The note",
        required="Enter what the correction changes and why",
    )
    submit = SubmitField("Start a correction", widget=GovSubmitInput())


class ImprovementForm(FlaskForm):
    """A "you said, we did" entry in public wording."""

    theme = SelectField("Theme", widget=GovSelect(), validate_choice=False)
    title = StringField(
        "Short title",
        widget=GovTextInput(),
        validators=[Length(max=200, message="The title must be 200 characters or fewer")],
    )
    you_said = TextAreaField("You said: what families told us", widget=GovTextArea())
    we_did = TextAreaField("We did: what was done or is being done", widget=GovTextArea())
    service = StringField("Service that owns the action", widget=GovTextInput())
    status = SelectField(
        "Status",
        widget=GovSelect(),
        choices=list(IMPROVEMENT_STATUSES.items()),
        validate_choice=False,
    )
    started_on = GovDateField("Started", what="the start date", required=False, past_only=False)
    due_on = GovDateField("Due", what="the due date", required=False, past_only=False)
    completed_on = GovDateField(
        "Completed", what="the completion date", required=False, past_only=False
    )
    quote_id = SelectField("Quote (optional)", widget=GovSelect(), validate_choice=False)
    published = BooleanField("Show on the public page", widget=GovCheckboxInput(), default=True)
    submission_token = SubmissionTokenField()
    submit = SubmitField("Save", widget=GovSubmitInput())


class MilestoneForm(FlaskForm):
    """A step towards an improvement."""

    description = StringField("Milestone", widget=GovTextInput())
    due_on = GovDateField("Due", what="the due date", required=False, past_only=False)
    done_on = GovDateField("Done", what="the date it was done", required=False)
    submission_token = SubmissionTokenField()
    submit = SubmitField("Add milestone", widget=GovSubmitInput())


class MilestoneChangeForm(MilestoneForm):
    """A milestone's wording and dates as staff change them (a done date marks it done),
    with the version their page showed."""

    version = VersionField()
    submission_token = None  # type: ignore[assignment]  # a token is for adding one, not changing it
    submit = SubmitField("Save milestone", widget=GovSubmitInput())


class MilestoneRemoveForm(FlaskForm):
    """Confirm taking a milestone off its entry, with the version the page showed."""

    version = VersionField()
    submit = SubmitField("Remove milestone", widget=GovSubmitInput())
