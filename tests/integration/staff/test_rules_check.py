"""An admin checks what new rules for a theme would change before saving them."""

from datetime import date
from itertools import count

import pytest

from feedback_app.analysis.themes import malformed_weights
from feedback_app.extensions import db
from feedback_app.models import AuditEntry, Comment, Theme
from feedback_app.services import comments, taxonomy
from feedback_app.services.rules_check import EXAMPLES, check_rules
from tests.conftest import parse_html

_RESPONSE_IDS = count(1)

# The shipped model has never seen this theme, so its rules alone decide it.
_SIBLINGS = "siblings"


@pytest.fixture
def siblings_theme(restore_themes):  # type: ignore[no-untyped-def]
    taxonomy.add_theme(
        slug=_SIBLINGS, name="Brothers and sisters", description="", keywords="brother\nsister"
    )


def _comment(text: str, *, label: list[str] | None = None) -> Comment:
    comment = comments.record_comment(
        source="survey", source_id=next(_RESPONSE_IDS), text=text, received_on=date(2024, 5, 1)
    )
    assert comment is not None
    if label is not None:
        comments.label_comment(comment, themes=label, sentiment="neutral", user=None)
    db.session.commit()
    return comment


def test_the_check_counts_against_analysts_labels_and_lists_what_would_change(siblings_theme):
    _comment("Her brother got a place at the same school", label=[_SIBLINGS])
    _comment("His twin was refused a place there", label=[_SIBLINGS])
    _comment("The sister school ran the review", label=["joint_working"])
    _comment("No mention of family at all", label=["plan_quality"])
    gains = _comment("Our twins were split up by the panel")
    loses = _comment("My sister came to the meeting with me")

    check = check_rules(_SIBLINGS, "brother\ntwin*\n| 0.5")

    assert check.reviewed == 4
    # In use: "brother" found, "twin" missed, "sister school" suggested wrongly.
    assert (check.now.tp, check.now.fn, check.now.fp) == (1, 1, 1)
    # Proposed: both found, "sister" no longer a rule.
    assert (check.proposed.tp, check.proposed.fn, check.proposed.fp) == (2, 0, 0)
    assert check.checked == 6
    gained_ids = {c.comment_id for c in check.gained_examples}
    lost_ids = {c.comment_id for c in check.lost_examples}
    assert gains.id in gained_ids and loses.id in lost_ids
    assert check.gained == 2  # the reviewed twin comment too
    assert check.lost == 2  # the reviewed sister school comment too
    assert check.unused_lines == ("| 0.5",)
    # Nothing is saved by a check.
    theme = taxonomy.get_theme(_SIBLINGS)
    assert theme is not None and theme.keywords == "brother\nsister"


def test_examples_never_show_a_withheld_comment_or_unredacted_text(siblings_theme):
    withheld = _comment("My stepdad hits me and I am scared to go home")
    assert withheld.safeguarding
    named = _comment("Zayd Osei was refused the same school as his twin, call 07700 900123")

    check = check_rules(_SIBLINGS, "hits\nrefused")

    shown = {c.comment_id: c.redacted for c in check.gained_examples + check.lost_examples}
    assert withheld.id not in shown
    assert named.id in shown
    assert "Zayd" not in shown[named.id] and "07700" not in shown[named.id]
    assert check.gained == 2  # the withheld comment is still counted


def test_at_most_a_few_examples_are_shown(siblings_theme):
    for number in range(EXAMPLES + 3):
        _comment(f"Twin number {number} was left out of the plan")
    check = check_rules(_SIBLINGS, "twin")
    assert check.gained == EXAMPLES + 3
    assert len(check.gained_examples) == EXAMPLES


def test_the_admin_page_shows_the_check_and_saves_nothing(sign_in, siblings_theme):
    client = sign_in("admin")
    _comment("His twin was refused a place there", label=[_SIBLINGS])
    page = client.get(f"/staff/admin/themes/{_SIBLINGS}").get_data(as_text=True)
    assert "Check what these rules would change" in page

    response = client.post(
        f"/staff/admin/themes/{_SIBLINGS}",
        data={"name": "Brothers and sisters", "keywords": "twin", "check": "Check"},
    )

    assert response.status_code == 200
    soup = parse_html(response.get_data(as_text=True))
    section = soup.find(id="rules-check")
    assert section is not None
    text = " ".join(section.get_text(" ").split())
    assert "Nothing has been saved" in text
    assert "analysts gave this theme to 1" in text
    assert "0 of 1 (0%)" in text and "1 of 1 (100%)" in text
    # Each comment that would change links to its review card.
    link = section.find("a", string=lambda s: s and s.startswith("Review comment"))
    assert client.get(link["href"]).status_code == 200
    # The rules typed stay in the box, and the theme and audit log are untouched.
    assert soup.find("textarea", attrs={"name": "keywords"}).get_text() == "twin"
    db.session.expire_all()
    theme = db.session.query(Theme).filter_by(slug=_SIBLINGS).one()
    assert theme.keywords == "brother\nsister"
    assert db.session.query(AuditEntry).filter_by(action="theme.updated").count() == 0


def test_a_check_with_an_invalid_form_shows_the_error_and_no_check(sign_in, siblings_theme):
    client = sign_in("admin")
    response = client.post(
        f"/staff/admin/themes/{_SIBLINGS}", data={"name": "", "keywords": "twin", "check": "Check"}
    )
    soup = parse_html(response.get_data(as_text=True))
    assert "Enter the theme's name" in soup.get_text()
    assert soup.find(id="rules-check") is None


def test_with_no_comments_the_check_says_so(sign_in, siblings_theme):
    client = sign_in("admin")
    response = client.post(
        f"/staff/admin/themes/{_SIBLINGS}",
        data={"name": "Brothers and sisters", "keywords": "twin", "check": "Check"},
    )
    text = parse_html(response.get_data(as_text=True)).get_text()
    assert "No comments have been reviewed yet" in text
    assert "There are no comments yet" in text


def test_a_new_theme_has_no_rules_in_use_to_check_against(sign_in, restore_themes):
    page = sign_in("admin").get("/staff/admin/themes/new").get_data(as_text=True)
    assert "Check what these rules would change" not in page


def test_checking_with_retired_ticked_shows_the_theme_suggested_for_nothing(
    sign_in, siblings_theme
):
    tagged = _comment("Her brother got a place at the same school", label=[_SIBLINGS])
    check = check_rules(_SIBLINGS, "brother", retired=True)
    assert (check.now.tp, check.proposed.tp, check.proposed.fp) == (1, 0, 0)
    assert check.lost == 1 and check.lost_examples[0].comment_id == tagged.id

    client = sign_in("admin")
    response = client.post(
        f"/staff/admin/themes/{_SIBLINGS}",
        data={
            "name": "Brothers and sisters",
            "keywords": "brother",
            "retired": "y",
            "check": "Check",
        },
    )
    text = " ".join(parse_html(response.get_data(as_text=True)).get_text(" ").split())
    assert "“Retired” is ticked" in text
    db.session.expire_all()
    assert not db.session.query(Theme).filter_by(slug=_SIBLINGS).one().retired


def test_a_weight_that_is_not_a_number_is_a_message_not_a_phrase(sign_in, siblings_theme):
    client = sign_in("admin")
    for button in ("check", "submit"):
        response = client.post(
            f"/staff/admin/themes/{_SIBLINGS}",
            data={"name": "Brothers and sisters", "keywords": "twin\nschool | abc", button: "x"},
        )
        assert response.status_code == 200
        body = response.get_data(as_text=True)
        assert "Put a number after “|”, like “taxi | 0.5”: “school | abc” has none" in body
        assert 'id="rules-check"' not in body
    db.session.expire_all()
    assert db.session.query(Theme).filter_by(slug=_SIBLINGS).one().keywords == "brother\nsister"
    assert malformed_weights(["taxi | 0.5", "bus|-1", "school | abc"]) == ["school | abc"]
