"""Analysts find comments to review by words, sentiment, status, source and theme, a page
at a time."""

from datetime import date
from itertools import count
from urllib.parse import parse_qs, urlparse

from feedback_app.extensions import db
from feedback_app.models import Comment
from feedback_app.services import comments, review
from feedback_app.services.review import PAGE_SIZE, ReviewFilters
from tests.conftest import parse_html

_RESPONSE_IDS = count(1)


def _comment(text: str, source: str = "survey") -> Comment:
    comment = comments.record_comment(
        source=source, source_id=next(_RESPONSE_IDS), text=text, received_on=date(2024, 5, 1)
    )
    db.session.commit()
    assert comment is not None
    return comment


def _ids(filters: ReviewFilters) -> set[int]:
    return {comment.id for comment in review.review_queue(filters).comments}


def test_words_are_found_in_any_case_in_the_comment_as_shown(app):
    review_meeting = _comment("The Annual Review meeting was moved three times")
    other = _comment("The taxi was late all term")
    assert _ids(ReviewFilters(words="annual  review")) == {review_meeting.id}
    assert _ids(ReviewFilters(words="ANNUAL")) == {review_meeting.id}
    assert _ids(ReviewFilters(words="")) == {review_meeting.id, other.id}


def test_words_never_find_personal_data_the_redaction_hid(app):
    phoned = _comment("Please ring me on 07700 900123 about the plan")
    assert _ids(ReviewFilters(words="07700")) == set()
    assert _ids(ReviewFilters(words="[phone]")) == {phoned.id}


def test_percent_and_underscore_are_read_as_written(app):
    share = _comment("Only 50% of the plan was ever delivered")
    _comment("Only 50 of the pages were read")
    _comment("The file name was plan_final")
    assert _ids(ReviewFilters(words="50%")) == {share.id}
    assert _ids(ReviewFilters(words="n_f")) == {
        c.id for c in db.session.query(Comment) if "n_f" in c.redacted
    }
    assert len(_ids(ReviewFilters(words="n_f"))) == 1


def test_sentiment_is_the_analysts_label_where_there_is_one(app):
    praised = _comment("The caseworker was brilliant and rang back the same day")
    relabelled = _comment("The caseworker was brilliant and rang back the same day, eventually")
    assert praised.machine_sentiment == relabelled.machine_sentiment == "positive"
    comments.label_comment(relabelled, themes=["communication"], sentiment="negative", user=None)
    db.session.commit()
    any_status = ReviewFilters(status="all")
    assert _ids(ReviewFilters(status="all", sentiment="positive")) == {praised.id}
    assert _ids(ReviewFilters(status="all", sentiment="negative")) == {relabelled.id}
    assert _ids(any_status) == {praised.id, relabelled.id}
    # The default shows only comments nobody has reviewed yet.
    assert _ids(ReviewFilters()) == {praised.id}


def test_filters_combine(app):
    wanted = _comment("The taxi took a new route and nobody told us", source="complaint")
    _comment("The taxi took a new route and nobody told us")
    _comment("The school took a new approach and nobody told us", source="complaint")
    _comment("The taxi driver was late", source="complaint")
    found = _ids(ReviewFilters(source="complaint", theme="transport", words="nobody told us"))
    assert found == {wanted.id}


def test_the_page_keeps_the_filters_and_pages_by_previous_and_next(sign_in):
    for number in range(2 * PAGE_SIZE + 1):
        _comment(f"Annual review number {number} was late")
    _comment("Nothing to do with it")
    client = sign_in("analyst")

    body = client.get("/staff/review/?words=annual+review&page=2").get_data(as_text=True)

    soup = parse_html(body)
    assert soup.find("input", attrs={"name": "words"})["value"] == "annual review"
    assert f"{2 * PAGE_SIZE + 1} comments." in soup.get_text()
    assert "Page 2 of 3" in soup.get_text()
    nav = soup.find("nav", class_="govuk-pagination")
    links = {a["rel"][0]: parse_qs(urlparse(a["href"]).query) for a in nav.find_all("a")}
    assert links["prev"] == {"words": ["annual review"]}
    assert links["next"] == {"words": ["annual review"], "page": ["3"]}
    # One link each way, not a link to every page.
    assert len(nav.find_all("a")) == 2


def test_an_empty_search_says_so_and_is_no_error(sign_in):
    _comment("The taxi was late")
    client = sign_in("analyst")
    response = client.get("/staff/review/?words=" + "x" * 5000 + "&sentiment=cross&page=-4")
    assert response.status_code == 200
    assert "There are no comments to review with these filters." in response.get_data(as_text=True)
