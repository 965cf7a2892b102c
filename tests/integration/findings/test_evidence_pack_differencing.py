"""The evidence pack hides small numbers that a shown total would otherwise reveal."""

from __future__ import annotations

from datetime import date

from flask import Flask

from feedback_app.services import complaint_points, evidence_pack


def _complete(make_complaint, team: str, count: int) -> None:  # type: ignore[no-untyped-def]
    point = complaint_points.add_point(
        make_complaint(), theme="communication", summary="Calls", outcome="upheld"
    )
    for _ in range(count):
        action = complaint_points.add_action(
            point,
            {
                "description": "Phone surgery",
                "team": team,
                "owner": "Team manager",
                "due_on": date(2023, 5, 1),
            },
        )
        complaint_points.complete_action(action, date(2023, 6, 2), "Done")


def test_actions_by_team_are_suppressed_against_their_total(
    app: Flask, make_complaint, sign_in
) -> None:  # type: ignore[no-untyped-def]
    _complete(make_complaint, "SEND casework", 7)
    _complete(make_complaint, "Educational psychology", 6)
    _complete(make_complaint, "Transport", 2)
    pack = evidence_pack.build("2023-24")
    counts = {a["team"]: a["count"] for a in pack["actions_completed"]}
    assert pack["actions_completed_total"] == 15
    # Transport's 2 is hidden, and so is the next smallest, or 15 - 7 - 6 would show it.
    assert counts == {"SEND casework": 7, "Educational psychology": None, "Transport": None}
    csv = evidence_pack.to_csv(pack)
    assert "actions_completed,Transport,count,\n" in csv
    assert "actions_completed,all,count,15" in csv
    page = sign_in("analyst").get("/staff/publishing/evidence-pack?period=2023-24")
    text = page.get_data(as_text=True)
    assert "Transport not shown" in text and "Transport 2" not in text


def test_a_small_number_of_actions_is_not_shown(app: Flask, make_complaint) -> None:  # type: ignore[no-untyped-def]
    _complete(make_complaint, "Transport", 3)
    pack = evidence_pack.build("2023-24")
    assert pack["actions_completed_total"] is None
    assert [a["count"] for a in pack["actions_completed"]] == [None]


def test_complaint_points_by_theme_are_suppressed_against_the_published_total(
    app: Flask, make_complaint
) -> None:  # type: ignore[no-untyped-def]
    # 10 communication, 8 timeliness, 2 health: the findings page shows the total, 20,
    # so showing timeliness's 8 here would give health's 2 as 20 - 10 - 8.
    for theme, count in (("communication", 10), ("timeliness", 8), ("health", 2)):
        for _ in range(count):
            complaint_points.add_point(
                make_complaint(), theme=theme, summary="x", outcome="not_upheld"
            )
    pack = evidence_pack.build("2023-24")
    points = {row["theme"]: row["points"] for row in pack["complaint_themes"]}
    assert points == {"communication": 10, "timeliness": None, "health": None}
    hidden = [row for row in pack["complaint_themes"] if row["points"] is None]
    assert all(row["upheld"] is None and row["not_upheld"] is None for row in hidden)
    assert ",timeliness,points,8" not in evidence_pack.to_csv(pack)
