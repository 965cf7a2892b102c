"""Redaction: every kind of personal data replaced by its label."""

import pytest

from feedback_app.analysis import RULES_ONLY, analyse
from feedback_app.analysis.redaction import redact


@pytest.mark.parametrize(
    ("text", "secret", "label"),
    [
        ("email me at jo.bloggs+send@example.co.uk please", "jo.bloggs", "[email]"),
        ("call 07700 900123 after 3", "900123", "[phone]"),
        ("call 07700900123", "07700900123", "[phone]"),
        ("ring +44 7700 900123", "7700 900123", "[phone]"),
        ("office 0121 496 0123", "496 0123", "[phone]"),
        ("office (01905) 765 432", "765 432", "[phone]"),
        ("London 020 7946 0123", "7946", "[phone]"),
        ("we live in B91 3QQ", "B91 3QQ", "[postcode]"),
        ("postcode wr5 2np", "wr5 2np", "[postcode]"),
        ("NHS number 943 476 5919", "943 476 5919", "[NHS number]"),
        ("his number is 9434765919", "9434765919", "[NHS number]"),
        ("we live at 12 Acacia Avenue now", "Acacia", "[address]"),
        ("Flat 3, the block by the park", "Flat 3", "[address]"),
        ("DOB 14/06/2013", "14/06/2013", "[date of birth]"),
        ("born on 3rd March 2015", "March 2015", "[date of birth]"),
        ("case ref EHCP-2023-0412", "0412", "[reference]"),
        ("ref 12345 still open", "12345", "[reference]"),
        ("case number 22-118734", "118734", "[reference]"),
    ],
)
def test_kinds_of_personal_data(text, secret, label):
    out = redact(text)
    assert secret not in out
    assert label in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mrs Patel the SENCO was lovely", "Patel"),
        ("Dr. O'Brien discharged him", "O'Brien"),
        ("my son Jacob is 9", "Jacob"),
        ("my son jacob is 9", "jacob"),
        ("our caseworker called Sarah never rang", "Sarah"),
        ("I spoke to Emma in the team", "Emma"),
        ("signed, Jo", "Jo"),
        ("Thanks Will for all your help", "Will"),
        ("Oliver has come on so much", "Oliver"),
        ("Ruby-Rose came home upset", "Ruby-Rose"),
        ("Priya Sharma was brilliant", "Sharma"),
    ],
)
def test_names(text, name):
    assert name not in redact(text)
    assert "[name]" in redact(text)


def test_known_names_from_the_system():
    out = redact("Ask Zebedee Quorn about it, Quorn knows", known_names=["Zebedee Quorn"])
    assert "Zebedee" not in out and "Quorn" not in out


@pytest.mark.parametrize(
    "text",
    [
        "In May we had the review",
        "I will chase it and hope for the best",
        "SENDIASS and CAMHS were at the meeting with the SENCO",
        "Grace and hope keep us going",
        "The Local Offer website was helpful",
        "Bill from the council arrived",  # an ambiguous name with no context stays
        "We waited 20 weeks and 3 days",
        "He is in Year 9 at a mainstream school",
        "The plan from 2023 had 12 outcomes",
    ],
)
def test_ordinary_words_are_kept(text):
    assert redact(text) == text


def test_text_without_personal_data_is_untouched():
    text = "The plan was late 😞 and nobody rang back. لا تعليق"
    assert redact(text) == text
    assert redact("") == ""


def test_analyse_redacts_with_known_names():
    result = analyse("Kwabena was kind", known_names=["Kwabena"], learned=RULES_ONLY)
    assert result.redacted == "[name] was kind"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Quick pre-tests skip patterns; these make sure each pattern still runs when needed.
        ("NHS number 943 476 5919 please", "NHS number [NHS number] please"),
        ("ring 07700 900123 today", "ring [phone] today"),
        ("DOB: 01/02/2015 on file", "DOB: [date of birth] on file"),
        ("met on 12th March 2020 at school", "met on [date] at school"),
        ("case number AB12345 closed", "case number [reference] closed"),
        ("EHCP number 123456 issued", "EHCP number [reference] issued"),
        ("we live at flat 3 now", "we live at [address] now"),
        ("lives at 12 High Street", "lives at [address]"),
        ("we live in SW1A 1AA", "we live in [postcode]"),
        # Non-ASCII text cannot use the lower-cased pre-test, so the pattern always runs.
        ("caſe number AB12345 closed", "caſe number [reference] closed"),
    ],
)
def test_pre_tests_do_not_hide_personal_data(text, expected):
    assert redact(text) == expected
