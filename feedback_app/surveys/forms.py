"""Forms of the survey journey; a question's form is built from the question row."""

from __future__ import annotations

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import Field, HiddenField, RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, Regexp, ValidationError

from feedback_app.models import Question
from feedback_app.services.responses import clean_text

YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()\-]{10,20}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class HoneypotMixin:
    """A field people never see; bots fill it in. See templates/surveys/_honeypot.html."""

    leave_blank = StringField(_l("Leave this blank"), validators=[Optional()])

    def is_bot(self) -> bool:
        field: Any = getattr(self, "leave_blank", None)
        return bool(field is not None and (field.data or "").strip())


class StrictRadioField(RadioField):
    """A radio field whose unknown values get a clear message instead of WTForms' own."""

    def __init__(self, *args: Any, invalid_message: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message

    def pre_validate(self, form: Any) -> None:
        data: Any = getattr(self, "data", None)
        if data in (None, ""):
            return
        allowed = {str(choice[0]) for choice in self.choices or []}  # type: ignore[union-attr]
        if data not in allowed:
            self.data = None
            raise ValidationError(self.invalid_message or _l("Select one of the answers shown"))


class StartForm(HoneypotMixin, FlaskForm):
    """The "Start now" button: creates the draft."""

    submit = SubmitField(_l("Start now"), widget=GovSubmitInput())


class QuestionForm(HoneypotMixin, FlaskForm):
    """Base of every question page's form; the buttons (name ``action``) are in the template."""

    answer: Field


def _strip_controls(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def question_form(question: Question, audience: str, formdata: Any = None) -> QuestionForm:
    """Build the form for one question from its kind, options and limits."""
    hint = question.hint or ""

    class _Form(QuestionForm):
        pass

    field: Field
    if question.kind == "text":
        limit = question.max_length
        field = TextAreaField(
            question.text,
            description=hint,
            widget=GovCharacterCount(),
            filters=[_strip_controls],
            validators=[
                Optional(),
                Length(
                    max=limit,
                    message=_l("Comment must be %(limit)s characters or fewer", limit=f"{limit:,}"),
                ),
            ],
        )
    else:
        if question.kind == "scale":
            missing = (
                _l("Choose an answer")
                if audience == "young_person"
                else _l("Select how much you agree with the statement")
            )
        else:
            missing = _l("Select an answer")
        validators: list[Any] = (
            [InputRequired(message=missing)] if question.required else [Optional()]
        )
        field = StrictRadioField(
            question.text,
            description=hint,
            widget=GovRadioInput(),
            choices=[(str(o["value"]), str(o["label"])) for o in question.options],
            validators=validators,
            invalid_message=str(_l("Select one of the answers shown")),
        )
    _Form.answer = field  # type: ignore[assignment]
    return _Form(formdata=formdata) if formdata is not None else _Form()


class ConsentForm(FlaskForm):
    """Whether we may quote the family's words, and whether they want us to contact them."""

    quote_consent = StrictRadioField(
        _l("Can we quote your words?"),
        description=_l(
            "We would only use your words without your name, after a person has removed "
            "anything that could identify you or your child."
        ),
        widget=GovRadioInput(),
        choices=YES_NO,
        validators=[InputRequired(message=_l("Select yes if we can quote your words"))],
    )
    contact_consent = StrictRadioField(
        _l("Would you like us to contact you about your answers?"),
        description=_l("Your answers stay anonymous unless you choose yes."),
        widget=GovRadioInput(),
        choices=YES_NO,
        validators=[InputRequired(message=_l("Select yes if you would like us to contact you"))],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())

    def use_young_peoples_words(self) -> None:
        """Give the hints in words for a child or young person, who has no child to name."""
        self.quote_consent.description = _l(
            "We will not use your name. A person takes out anything that could show who you "
            "are first."
        )
        self.contact_consent.description = _l("Nobody will know who you are unless you choose yes.")


class ContactForm(FlaskForm):
    """How to reach a family who asked to be contacted. Email or phone is needed."""

    name = StringField(
        _l("Your name (optional)"),
        widget=GovTextInput(),
        filters=[_strip_controls],
        validators=[Length(max=200, message=_l("Name must be 200 characters or fewer"))],
    )
    email = StringField(
        _l("Email address"),
        widget=GovTextInput(),
        filters=[_strip_controls],
        validators=[
            Length(max=254, message=_l("Email address must be 254 characters or fewer")),
            Optional(),
            Regexp(
                EMAIL_PATTERN,
                message=_l("Enter an email address in the correct format, like name@example.com"),
            ),
        ],
    )
    phone = StringField(
        _l("Phone number"),
        widget=GovTextInput(),
        filters=[_strip_controls],
        validators=[
            Optional(),
            Regexp(
                PHONE_PATTERN,
                message=_l("Enter a phone number, like 01632 960 001 or 07700 900 982"),
            ),
        ],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if valid and not (self.email.data or self.phone.data):
            self.email.errors = [*self.email.errors, _l("Enter an email address or a phone number")]
            return False
        return valid


class SubmitForm(FlaskForm):
    """The Submit button on check your answers; carries the draft id for replays."""

    draft_id = HiddenField()
    submit = SubmitField(_l("Submit"), widget=GovSubmitInput())


class SaveForm(FlaskForm):
    """Ask for a new resume code from the "saved" page."""

    submit = SubmitField(_l("Get a new code"), widget=GovSubmitInput())


class ResumeForm(FlaskForm):
    """Type in a resume code."""

    code = StringField(
        _l("Resume code"),
        description=_l("For example, 4KQX-7MRT-A9HW"),
        widget=GovTextInput(),
        validators=[
            InputRequired(message=_l("Enter your resume code")),
            Length(max=40, message=_l("Resume code must be 14 characters or fewer")),
        ],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())
