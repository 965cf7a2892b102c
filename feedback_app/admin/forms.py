"""Administration forms: users and themes."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovPasswordInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    RadioField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from feedback_app.analysis.themes import malformed_weights, parse_keywords
from feedback_app.form_fields import EMAIL_PATTERN, strip_spaces
from feedback_app.models import Role
from feedback_app.services import users


class UserForm(FlaskForm):
    """A new staff user."""

    name = StringField("Name", widget=GovTextInput(), validators=[Optional(), Length(max=120)])
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        filters=[strip_spaces],
        validators=[
            DataRequired(message="Enter an email address"),
            Regexp(
                EMAIL_PATTERN,
                message="Enter an email address in the correct format, like name@example.com",
            ),
            Length(max=254),
        ],
    )
    role = RadioField(
        "Role",
        widget=GovRadioInput(),
        choices=[(role.value, role.label) for role in Role],
        validators=[DataRequired(message="Select a role")],
    )
    password = PasswordField(
        "Temporary password",
        widget=GovPasswordInput(),
        validators=[
            DataRequired(message="Enter a temporary password"),
        ],
    )
    submit = SubmitField("Add user", widget=GovSubmitInput())

    def validate_password(self, field: PasswordField) -> None:
        """Apply the same password rules as ``flask create-user`` and ``reset-password``."""
        try:
            users.check_password(field.data or "", self.email.data or "")
        except users.UserError as error:
            raise ValidationError(str(error)) from error


class ThemeForm(FlaskForm):
    """A theme's wording and the rules the analyser uses to suggest it."""

    name = StringField(
        "Name",
        widget=GovTextInput(),
        validators=[DataRequired(message="Enter the theme's name"), Length(max=120)],
    )
    description = TextAreaField(
        "What it covers", widget=GovTextArea(), validators=[Length(max=2000)]
    )
    keywords = TextAreaField(
        "Rules",
        widget=GovTextArea(),
        validators=[Length(max=20000, message="Rules must be 20,000 characters or fewer")],
    )
    retired = BooleanField("Retired: no longer suggested or offered", widget=GovCheckboxInput())
    submit = SubmitField("Save theme", widget=GovSubmitInput())
    check = SubmitField("Check what these rules would change", widget=GovSubmitInput())

    def validate_keywords(self, field: TextAreaField) -> None:
        malformed = malformed_weights(parse_keywords(field.data or ""))
        if malformed:
            raise ValidationError(
                f"Put a number after “|”, like “taxi | 0.5”: “{malformed[0]}” has none"
            )


class NewThemeForm(ThemeForm):
    """A new theme, which needs a permanent slug."""

    #: The check compares new rules with the rules in use; a new theme has none.
    check = None

    slug = StringField(
        "Slug",
        widget=GovTextInput(),
        validators=[DataRequired(message="Enter a slug"), Length(max=40)],
    )
