"""The staff sign-in form, and the forms to reset a forgotten password."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Length, Regexp

from feedback_app.form_fields import EMAIL_PATTERN, strip_spaces


class SignInForm(FlaskForm):
    """Email address and password."""

    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        filters=[strip_spaces],
        validators=[
            DataRequired(message="Enter your email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[
            DataRequired(message="Enter your password"),
            Length(max=500, message="Password must be 500 characters or fewer"),
        ],
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class ForgottenPasswordForm(FlaskForm):
    """The email address to send a reset link to."""

    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        filters=[strip_spaces],
        validators=[
            DataRequired(message="Enter your email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
            Regexp(
                EMAIL_PATTERN,
                message="Enter an email address in the correct format, like name@example.com",
            ),
        ],
    )
    submit = SubmitField("Send link", widget=GovSubmitInput())


class NewPasswordForm(FlaskForm):
    """A new password; the rules are ``users.check_password``'s, applied by the service."""

    password = PasswordField(
        "New password",
        widget=GovPasswordInput(),
        validators=[DataRequired(message="Enter a new password")],
    )
    submit = SubmitField("Change password", widget=GovSubmitInput())
