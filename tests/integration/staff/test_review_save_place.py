"""Saving a review without JavaScript keeps the analyst's place in the queue."""

from __future__ import annotations

from datetime import date
from itertools import count
from urllib.parse import urlsplit

from feedback_app.extensions import db
from feedback_app.models import Comment
from feedback_app.services import comments
from feedback_app.services.review import PAGE_SIZE
from tests.conftest import parse_html
from tests.support.forms import form_data

_SOURCE_IDS = count(1)


def _comment(text: str) -> Comment:
    comment = comments.record_comment(
        source="survey", source_id=next(_SOURCE_IDS), text=text, received_on=date(2024, 5, 1)
    )
    db.session.commit()
    assert comment is not None
    return comment


def test_saving_from_a_filtered_page_goes_back_to_it_at_the_next_card(sign_in):
    made = [
        _comment(f"College transition review number {n} was late, nobody planned post-16")
        for n in range(PAGE_SIZE + 5)
    ]
    assert all("adulthood" in c.effective_themes for c in made)
    client = sign_in("analyst")
    queue = "/staff/review/?source=survey&theme=adulthood&page=2"
    page = client.get(queue).get_data(as_text=True)
    cards = parse_html(page).select(".app-card")
    first, second = (int(card["id"].removeprefix("comment-")) for card in cards[:2])
    action = f"/staff/review/comments/{first}"
    data = form_data(page, action=action)
    assert data["return_to"] == [queue]  # the card's form says where it came from
    data[f"c{first}-sentiment"] = ["negative"]

    response = client.post(action, data=data)

    assert response.status_code == 302
    back = urlsplit(response.location)
    assert f"{back.path}?{back.query}" == queue
    assert back.fragment == f"comment-{second}"
    shown = client.get(response.location).get_data(as_text=True)
    banner = parse_html(shown).select_one(".govuk-notification-banner--success")
    assert banner.get_text(" ", strip=True).endswith(f"Review saved for comment {first}")


def test_a_return_address_off_the_site_is_not_followed(sign_in):
    comment = _comment("The college transition was not planned")
    client = sign_in("analyst")
    response = client.post(
        f"/staff/review/comments/{comment.id}",
        data={
            f"c{comment.id}-sentiment": "negative",
            f"c{comment.id}-version": comment.version,
            "return_to": "https://example.com/staff/review/",
        },
    )
    assert response.status_code == 302
    assert urlsplit(response.location).netloc in ("", "localhost")
    assert urlsplit(response.location).path == "/staff/review/"
