"""A record's own details (name, email, phone) are hidden where its text repeats them."""

from __future__ import annotations

from feedback_app.analysis.redaction import hide_phrases, own_details_in


def test_the_name_the_email_and_the_phone_as_the_record_holds_them() -> None:
    text = (
        "Zebedee Quarrington here. Zeb to friends. Write to zq@mailbox.example or ring "
        "07700 900123. Quarrington is the surname."
    )
    found = own_details_in(
        text,
        names=["Zebedee Quarrington"],
        emails=["zq@mailbox.example"],
        phones=["07700 900123"],
    )
    assert ["Zebedee Quarrington", "name"] in found
    assert ["Quarrington", "name"] in found and ["Zebedee", "name"] in found
    shown = hide_phrases(text, found)
    for detail in ("Zebedee", "Quarrington", "zq@mailbox.example", "07700 900123"):
        assert detail not in shown
    assert "[name] here" in shown and "[email]" in shown and "[phone]" in shown


def test_an_everyday_word_in_a_name_is_hidden_only_where_written_with_a_capital() -> None:
    assert own_details_in("I hope the plan comes soon.", names=["Hope Long"]) == []
    assert own_details_in("It took too long.", names=["Hope Long"]) == []
    found = own_details_in("Hope Long, mother of a year 9 pupil.", names=["Hope Long"])
    assert ["Hope Long", "name"] in found


def test_details_not_in_the_text_or_blank_add_nothing() -> None:
    assert own_details_in("The plan was late.", names=["Sam Parent"], emails=[""]) == []
    assert own_details_in("The plan was late.", names=[""], phones=["   "]) == []
