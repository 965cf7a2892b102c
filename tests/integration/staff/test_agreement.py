"""How often analysts agree with the analyser: first suggestions against labels."""

from datetime import UTC, date, datetime
from itertools import count

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Comment, CommentLabel
from feedback_app.services import comments
from feedback_app.services.agreement import agreement
from feedback_app.services.periods import parse_period
from tests.conftest import parse_html

_RESPONSE_IDS = count(1)


def _suggested(text: str, themes: list[str], sentiment: str) -> Comment:
    """A stored comment whose analyser suggestion is set, so the counts are known."""
    comment = comments.record_comment(
        source="survey", source_id=next(_RESPONSE_IDS), text=text, received_on=date(2024, 5, 1)
    )
    assert comment is not None
    comment.machine_themes = themes
    comment.machine_sentiment = sentiment
    db.session.commit()
    return comment


def _label(comment: Comment, themes: list[str], sentiment: str) -> CommentLabel:
    label = comments.label_comment(comment, themes=themes, sentiment=sentiment, user=None)
    db.session.commit()
    return label


def _three_reviews() -> list[Comment]:
    late = _suggested("The taxi was late all term", ["transport", "timeliness"], "negative")
    kind = _suggested("Kind caseworker who rang back", ["communication"], "positive")
    plain = _suggested("The review was in June", [], "neutral")
    _label(late, ["transport"], "negative")
    _label(kind, ["communication", "staff_attitude"], "positive")
    _label(plain, [], "negative")
    return [late, kind, plain]


def test_a_label_keeps_what_the_analyser_suggested(app):
    comment = _suggested("No reply to my emails for weeks", ["communication"], "negative")
    label = _label(comment, ["communication", "timeliness"], "negative")
    assert label.suggested_themes == ["communication"]
    assert label.suggested_sentiment == "negative"


def test_a_comment_never_analysed_has_no_suggestion_to_count(app):
    comment = _suggested("Imported before analysis", [], "neutral")
    comment.analysed_at = None
    db.session.commit()
    label = _label(comment, ["information"], "neutral")
    assert label.suggested_themes is None and label.suggested_sentiment is None
    assert agreement().reviewed == 0


def test_counts_kept_removed_and_added_themes_and_sentiment(app):
    _three_reviews()
    result = agreement()
    assert result.reviewed == 3
    counts = {
        theme.slug: (theme.counts.tp, theme.counts.fp, theme.counts.fn) for theme in result.themes
    }
    assert counts == {
        "transport": (1, 0, 0),
        "timeliness": (0, 1, 0),
        "communication": (1, 0, 0),
        "staff_attitude": (0, 0, 1),
    }
    assert (result.pooled.tp, result.pooled.fp, result.pooled.fn) == (2, 1, 1)
    assert result.sentiment_kept == 2
    assert result.sentiment["negative"] == {"negative": 1, "neutral": 1}
    names = [theme.name for theme in result.themes]
    assert names == sorted(names, key=str.lower) and "Home-to-school transport" in names


def test_the_first_suggestion_is_compared_with_the_latest_label(app):
    late, _kind, _plain = _three_reviews()
    # Retrained, the analyser now agrees with the first label; an analyst then adds a theme.
    late.machine_themes = ["transport"]
    db.session.commit()
    _label(late, ["transport", "staff_attitude"], "negative")
    result = agreement()
    assert result.reviewed == 3
    counts = {
        theme.slug: (theme.counts.tp, theme.counts.fp, theme.counts.fn) for theme in result.themes
    }
    assert counts["timeliness"] == (0, 1, 0)  # the first suggestion, not the later one
    assert counts["staff_attitude"] == (0, 0, 2)  # the latest label


def test_labels_given_before_suggestions_were_kept_are_left_out(app):
    late, _kind, _plain = _three_reviews()
    first = db.session.scalars(select(CommentLabel).filter_by(comment_id=late.id)).one()
    first.suggested_themes = None
    first.suggested_sentiment = None
    db.session.commit()
    assert agreement().reviewed == 2


def test_a_period_counts_the_comments_first_reviewed_in_it(app):
    late, kind, plain = _three_reviews()
    moments = {
        late.id: datetime(2024, 5, 2, 10, tzinfo=UTC),
        kind.id: datetime(2024, 11, 5, 10, tzinfo=UTC),
        plain.id: datetime(2024, 11, 6, 10, tzinfo=UTC),
    }
    for label in db.session.scalars(select(CommentLabel)):
        label.created_at = moments[label.comment_id]
    db.session.commit()
    quarters = [
        (row.quarter.label, row.reviewed, row.sentiment_kept) for row in agreement().by_quarter
    ]
    assert quarters == [("2024-25-Q1", 1, 1), ("2024-25-Q3", 2, 1)]
    autumn = agreement(parse_period("2024-25-Q3"))
    assert autumn.reviewed == 2
    assert {theme.slug for theme in autumn.themes} == {"communication", "staff_attitude"}
    assert len(autumn.by_quarter) == 2  # the trend always shows every quarter


def test_the_page_shows_the_figures_to_analysts(sign_in):
    _three_reviews()
    client = sign_in("analyst")
    response = client.get("/staff/review/agreement")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    soup = parse_html(body)
    summary = soup.select_one(".govuk-summary-list").get_text(" ", strip=True)
    assert "Comments counted 3" in summary
    assert "67% (2 of 3)" in summary  # suggested themes kept, and sentiment kept
    assert "fewer than 30" in body
    rows = {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in soup.select("table")[0].select("tbody tr")
    }
    assert rows["How staff treated us"] == ["0", "0", "1", "–", "0%"]
    assert rows["Timeliness and delays"] == ["0", "1", "0", "0%", "–"]
    assert "The taxi was late" not in body  # figures only: no comment text
    assert soup.select("table")[0].find("a") is None  # theme rules are for admins


def test_admins_go_from_a_theme_s_figures_to_its_rules(sign_in):
    _three_reviews()
    client = sign_in("admin")
    soup = parse_html(client.get("/staff/review/agreement").get_data(as_text=True))
    links = {
        a.get_text(" ", strip=True): a["href"] for a in soup.select("table")[0].select("tbody a")
    }
    assert links["How staff treated us : its rules"] == "/staff/admin/themes/staff_attitude"
    assert client.get(links["How staff treated us : its rules"]).status_code == 200


def test_a_period_not_in_the_list_is_a_clear_message_not_an_error(sign_in):
    _three_reviews()
    client = sign_in("analyst")
    response = client.get("/staff/review/agreement?period=last-summer")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    parse_html(body)
    assert "Choose a quarter from the list" in body
    assert "Comments counted" in body


def test_with_no_reviews_the_page_says_so(sign_in):
    client = sign_in("analyst")
    body = client.get("/staff/review/agreement").get_data(as_text=True)
    parse_html(body)
    assert "No reviewed comments to count" in body


def test_only_analysts_and_admins_see_the_page(sign_in):
    assert sign_in("forum_member").get("/staff/review/agreement").status_code == 403


def test_admins_reach_the_page_from_their_home(sign_in):
    client = sign_in("admin")
    home = parse_html(client.get("/staff/admin/").get_data(as_text=True))
    link = home.find("a", string="How often analysts agree with the analyser")
    assert link is not None
    assert client.get(link["href"]).status_code == 200


def test_flask_agreement_prints_the_figures_as_analyse_eval_does(app):
    _three_reviews()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["agreement"])
    assert result.exit_code == 0, result.output
    assert "comments first reviewed: 3" in result.output
    assert "  micro           0.667     0.667  0.667" in result.output
    assert "  accuracy  0.667" in result.output
    empty = runner.invoke(args=["agreement", "--period", "2019-20-Q1"])
    assert empty.exit_code == 0 and "No reviewed comments to count in Q1 2019/20." in empty.output
    wrong = runner.invoke(args=["agreement", "--period", "last summer"])
    assert wrong.exit_code != 0 and "use the form 2023-24" in wrong.output
