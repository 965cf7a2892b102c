"""Demo complaints and compliments from January 2023 to March 2025 (2022-23 Q4 to 2024-25).

Point counts by theme follow the seeds: communication is the largest category
(63 points in Q4 2022/23, 58 in Q1 2023/24) and decision making halves (29 to
14); collaborative working leads the compliments. Rows are built directly (not
through the casework service, which commits and audits each change) so that
seeding takes seconds; free text still goes through ``record_comment``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Complaint, ComplaintAction, ComplaintPoint, Compliment, User
from feedback_app.services import comments
from feedback_app.services.clocks import add_working_days, is_working_day
from feedback_app.services.complaints import new_stage, refresh
from feedback_app.services.periods import Quarter, quarters_between

BASE_POINTS = {
    "communication": 55,
    "timeliness": 30,
    "decisions": 16,
    "placement": 12,
    "school_support": 10,
    "health": 9,
    "involvement": 8,
    "plan_quality": 8,
    "information": 6,
    "joint_working": 5,
    "staff_attitude": 5,
    "transport": 4,
    "social_care": 3,
    "adulthood": 3,
    "child_voice": 2,
}
SEED_QUARTERS = {
    "2022-23-Q4": {"communication": 63, "decisions": 29},
    "2023-24-Q1": {"communication": 58, "decisions": 14},
}
WORDS = {
    "communication": [
        "My calls to the caseworker were not returned for three weeks.",
        "Emails to the SEND team went unanswered and nobody told us what was happening.",
    ],
    "timeliness": [
        "The final plan was issued at 31 weeks, well past the 20-week timescale.",
        "Amendments agreed at the annual review still have not been made.",
    ],
    "decisions": [
        "The refusal to assess was not explained and the letter gave no reasons.",
        "The panel decision was made without reading the school's evidence.",
    ],
    "placement": ["No special school place has been named for September."],
    "school_support": ["My son has been on a part-time timetable for months."],
    "health": ["We have waited over a year for speech and language therapy."],
    "involvement": ["Our views were not included in the draft plan."],
    "plan_quality": ["The plan's outcomes are vague and out of date."],
    "information": ["We did not receive the paperwork before the review meeting."],
    "joint_working": ["Health advice was never requested, so the plan has no health section."],
    "staff_attitude": ["The officer was dismissive when I raised my concerns."],
    "transport": ["The taxi to school has been late most mornings this term."],
    "social_care": ["Short breaks in the plan have not been provided."],
    "adulthood": ["There was no transition review in Year 9 and no college plan."],
    "child_voice": ["My daughter's own wishes were left out of her plan."],
}
COMPLIMENT_THEMES = {
    "joint_working": 9,
    "staff_attitude": 6,
    "communication": 4,
    "school_support": 3,
    "involvement": 2,
    "health": 2,
}
TEAMS = [
    "SEND casework",
    "SEND assessment",
    "Placement panel",
    "Educational psychology",
    "Home-to-school transport",
    "Speech and language therapy (ICB)",
]
NAMES = [
    "A. Patel",
    "J. Morgan",
    "S. Evans",
    "K. Hughes",
    "L. Ahmed",
    "R. Taylor",
    "M. Kowalski",
    "D. Brown",
]


def _weekday_in(rng: random.Random, quarter: Quarter) -> date:
    while True:
        day = quarter.start + timedelta(
            days=rng.randrange((quarter.end_exclusive - quarter.start).days)
        )
        if is_working_day(day):
            return day


def _points_for(quarter: Quarter, index: int, rng: random.Random) -> list[str]:
    counts = dict(BASE_POINTS)
    counts = {
        theme: max(1, round(n * (1 - 0.02 * index) + rng.randint(-2, 2)))
        for theme, n in counts.items()
    }
    counts.update(SEED_QUARTERS.get(quarter.label, {}))
    points = [theme for theme, n in counts.items() for _ in range(n)]
    rng.shuffle(points)
    return points


def seed(rng: random.Random) -> list[str]:
    """Create demo complaints, points, clocks, actions and compliments; commit."""
    today = date.today()
    officer_id = db.session.scalar(select(User.id).where(User.role == "complaints_officer"))
    quarters = quarters_between(Quarter(2022, 4), Quarter(2024, 4))
    totals = {"complaints": 0, "points": 0, "actions": 0, "compliments": 0}
    for index, quarter in enumerate(quarters):
        points = _points_for(quarter, index, rng)
        while points:
            size = min(len(points), rng.choice((1, 1, 2, 2, 2, 3, 3, 4)))
            themes, points = points[:size], points[size:]
            _complaint(rng, quarter, themes, officer_id, today, totals)
        for theme, weight in COMPLIMENT_THEMES.items():
            for _ in range(weight + rng.randint(-1, 2)):
                compliment = Compliment(
                    received_on=_weekday_in(rng, quarter),
                    theme=theme,
                    team=rng.choice(TEAMS),
                    person_praised=rng.choice(NAMES),
                    reference="",
                    summary="Thank you: everyone worked together and kept us informed.",
                )
                db.session.add(compliment)
                db.session.flush()
                compliment.reference = f"CPL-{compliment.id:06d}"
                comments.record_comment(
                    source="compliment",
                    source_id=compliment.id,
                    text=compliment.summary,
                    received_on=compliment.received_on,
                )
                totals["compliments"] += 1
        db.session.commit()
    return [
        f"Complaints: {totals['complaints']} complaints ({totals['points']} points), "
        f"{totals['actions']} actions and {totals['compliments']} compliments, "
        "2022-23 Q4 to 2024-25 Q4"
    ]


def _complaint(
    rng: random.Random,
    quarter: Quarter,
    themes: list[str],
    officer_id: int | None,
    today: date,
    totals: dict[str, int],
) -> None:
    received = _weekday_in(rng, quarter)
    summary = " ".join(rng.choice(WORDS[theme]) for theme in themes)
    complaint = Complaint(
        reference=f"pending-{totals['complaints']}",
        received_on=received,
        channel=rng.choice(("email", "email", "phone", "online", "letter")),
        complainant_name=f"Demo complainant {totals['complaints'] + 1}",
        contact_email=f"family{totals['complaints'] + 1}@example.com",
        contact_phone="",
        contact_address="",
        relationship_to_child="parent_carer",
        child_reference="",
        summary=summary,
        ehcp_stage=rng.choice(("assessment", "annual_review", "draft_plan", "")),
        officer_id=officer_id,
    )
    stage = new_stage("1", received)
    complaint.stages.append(stage)
    settled = received < date(2025, 3, 1)  # the last month of the demo is still open
    if settled:
        assert stage.acknowledge_by is not None
        stage.acknowledged_on = add_working_days(received, rng.choice((1, 2, 3, 4, 5, 5, 7)))
        stage.respond_by = add_working_days(stage.acknowledged_on, 10)
        stage.responded_on = add_working_days(
            stage.acknowledged_on, rng.choice((5, 8, 9, 10, 10, 12, 14))
        )
        complaint.closed_on = stage.responded_on
    for position, theme in enumerate(themes, start=1):
        outcome = (
            rng.choices(("upheld", "partially_upheld", "not_upheld"), (30, 25, 45))[0]
            if settled
            else "pending"
        )
        point = ComplaintPoint(
            theme=theme, summary=WORDS[theme][0], outcome=outcome, stage="1", position=position
        )
        complaint.points.append(point)
        if outcome in ("upheld", "partially_upheld"):
            assert stage.responded_on is not None
            due = stage.responded_on + timedelta(days=rng.choice((28, 42, 56)))
            done = due < today and rng.random() < 0.85
            point.actions.append(
                ComplaintAction(
                    description=_action_text(theme),
                    team=rng.choice(TEAMS),
                    owner=rng.choice(NAMES),
                    owner_email="",
                    due_on=due,
                    notes="",
                    status="done" if done else "open",
                    evidence="Confirmed with the team manager" if done else "",
                    completed_on=due - timedelta(days=rng.randint(0, 10)) if done else None,
                    you_said_we_did=done
                    and theme in ("communication", "decisions", "information")
                    and rng.random() < 0.3,
                )
            )
            totals["actions"] += 1
    if settled and rng.random() < 0.08:
        assert stage.responded_on is not None
        complaint.closed_on = None
        complaint.stages.append(new_stage("2", add_working_days(stage.responded_on, 10)))
    refresh(complaint)
    db.session.add(complaint)
    db.session.flush()
    complaint.reference = f"CMP-{complaint.id:06d}"
    comments.record_comment(
        source="complaint", source_id=complaint.id, text=summary, received_on=received
    )
    totals["complaints"] += 1
    totals["points"] += len(themes)


def _action_text(theme: str) -> str:
    return {
        "communication": "Caseworkers to return calls within 2 working days"
        " through the weekly phone surgery",
        "decisions": "Decision letters to explain the reasons and the right to mediation",
        "information": "Send meeting paperwork to families at least 2 weeks before reviews",
        "timeliness": "Weekly tracker of plans at risk of missing 20 weeks,"
        " reviewed by the team manager",
    }.get(theme, "Share the learning from this complaint with the team and update the guidance")
