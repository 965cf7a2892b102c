"""Demo survey responses: about 150 families over 2023-24 and 2024-25.

The seeds report 132 families answering in two years, "overwhelming negativity"
about contacting caseworkers and plans that were hard to understand, and a slow
improvement once annual reviews were reorganised and caseworkers recruited. The
demo follows that: answers lean negative in 2023-24 and improve in 2024-25, and
the comments are drawn from the situations in those reports. Responses are built
directly as submitted rows (like an import); each comment goes through
``record_comment`` so it is analysed and safeguarding-checked like any other.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from feedback_app.extensions import db
from feedback_app.models import Answer, Response, Survey, SurveyVersion
from feedback_app.services import comments
from feedback_app.services import surveys as survey_service

YEARS = {"2023-24": date(2023, 4, 1), "2024-25": date(2024, 4, 1)}
RESPONSES_PER_YEAR = {"new_ehcp": 42, "annual_review": 33}
YOUNG_PEOPLE_SHARE = 0.15
COMMENT_SHARE = 0.6

# Probability weights for strongly_agree … strongly_disagree, not_applicable.
MOOD = {
    "2023-24": [8, 18, 16, 28, 26, 4],
    "2024-25": [14, 26, 18, 22, 16, 4],
}
# Statements families found hardest, nudged further towards disagreement.
HARDEST = {"contact", "joint_working", "timely_changes"}

PARENT_COMMENTS = {
    "new_ehcp": [
        "It took 31 weeks from asking for the assessment to getting the final plan. Nobody "
        "told us why it was late, and we had to chase every step ourselves.",
        "Our caseworker changed three times during the assessment. Every time we had to "
        "explain our son's needs from the beginning.",
        "The educational psychologist really listened to my daughter and her views are in "
        "the plan in her own words. That meant a lot to her.",
        "I emailed and phoned the SEND team for weeks and never got a reply. In the end the "
        "SENCO chased it for us.",
        "The plan says he will get speech and language therapy but not how much or who "
        "will give it. The school does not know what to do with it.",
        "Health and social care did not send any advice, so the plan only covers school. "
        "His needs at home are not in it at all.",
        "The draft plan was full of jargon and had another child's name in one section. "
        "It did not feel like anyone had read the reports.",
        "Our caseworker was kind and kept us updated every fortnight. It made a stressful "
        "time much easier.",
        "We were refused an assessment at first and the letter did not explain why. We got "
        "help from SENDIASS and it was agreed at mediation.",
        "Finding a special school place has been impossible. The plan names a school that "
        "said it cannot meet her needs.",
        "The outcomes are aspirational and specific, and the school is already using them "
        "in her support plan.",
        "We waited over a year for the autism assessment, so the plan was written without "
        "a diagnosis and will need changing.",
        "The Local Offer website did not tell me what happens at each stage. I only found "
        "out about the 20-week timescale from the parent carer forum.",
    ],
    "annual_review": [
        "We got the paperwork the night before the review meeting, so I could not read the "
        "reports properly or prepare my questions.",
        "Nobody from the SEND team came to the review and the changes we agreed were still "
        "not made five months later.",
        "The annual review was well organised and the school made the amendments in the "
        "meeting. We had the new plan within a few weeks.",
        "Our son is in Year 10 and nobody talked about college or what happens after 16. "
        "The plan still reads like he is in primary school.",
        "The speech and language therapist was not invited, so the health section was "
        "copied from last year.",
        "I felt listened to this time. The SENCO asked my daughter what she wanted and it "
        "went into the plan.",
        "Transport was changed after the review without telling us. The new driver did not "
        "know about his medical needs.",
        "The caseworker did not return calls for weeks after the review. We still do not "
        "know if the placement has been agreed.",
        "Her part-time timetable has gone on for a year and the review did not change it. "
        "She is missing most of her education.",
        "The social worker came to the review for the first time and it really helped to "
        "have everyone in the room together.",
        "We have had the same outcomes for three years. The review felt like a box-ticking "
        "exercise.",
    ],
}
YOUNG_PEOPLE_COMMENTS = [
    "I liked that they asked me what I want to do when I leave school.",
    "Nobody asked me what I think. The grown-ups did all the talking.",
    "My new school is better because they help me when it is too noisy.",
    "I want to go to college and do animal care but nobody talked about it.",
    "I did not understand the words in my plan.",
    "The meeting was too long and I was bored. I wish they had asked me first.",
]
ABOUT_YOU_WEIGHTS = {
    "respondent": {"parent_carer": 85, "professional": 8, "other": 4, "young_person": 3},
    "school_phase": {
        "early_years": 8,
        "primary": 38,
        "secondary": 34,
        "post_16": 12,
        "not_in_education": 4,
        "prefer_not_to_say": 4,
    },
    "primary_need": {
        "communication_interaction": 45,
        "cognition_learning": 16,
        "semh": 20,
        "sensory_physical": 9,
        "not_sure": 5,
        "prefer_not_to_say": 5,
    },
}


def seed(rng: random.Random) -> list[str]:
    """Create submitted responses for both surveys and audiences; return a summary line."""
    made = 0
    with_comments = 0
    for slug, per_year in RESPONSES_PER_YEAR.items():
        survey = survey_service.get_survey_by_slug(slug)
        if survey is None:
            continue
        versions = {
            audience: survey_service.current_version(survey, audience)
            for audience in ("parent", "young_person")
        }
        for period, year_start in YEARS.items():
            for _ in range(per_year):
                audience = "young_person" if rng.random() < YOUNG_PEOPLE_SHARE else "parent"
                version = versions[audience] or versions["parent"]
                if version is None:
                    continue
                submitted_on = year_start + timedelta(days=rng.randrange(365))
                has_comment = _seed_response(rng, survey, version, period, submitted_on)
                made += 1
                with_comments += int(has_comment)
    db.session.commit()
    return [
        f"Survey responses: {made} submitted ({with_comments} with comments) in 2023-24 and 2024-25"
    ]


def _seed_response(
    rng: random.Random,
    survey: Survey,
    version: SurveyVersion,
    period: str,
    submitted_on: date,
) -> bool:
    """Add one submitted response with its answers; return whether it has a comment."""
    submitted_at = datetime.combine(submitted_on, time(rng.randrange(7, 23), rng.randrange(60)))
    submitted_at = submitted_at.replace(tzinfo=UTC)
    response = Response(
        survey_id=survey.id,
        version_id=version.id,
        status="submitted",
        channel="web",
        created_at=submitted_at - timedelta(minutes=rng.randrange(2, 9)),
        updated_at=submitted_at,
        submitted_at=submitted_at,
        submitted_on=submitted_on,
        quote_consent=rng.random() < 0.6,
    )
    comment_text = ""
    for question in version.questions:
        value: str | None = None
        if question.kind == "scale":
            weights = list(MOOD[period])
            if question.key in HARDEST:
                weights[3] += 8
                weights[4] += 8
            value = rng.choices(question.option_values, weights=weights)[0]
        elif question.kind == "choice":
            if rng.random() < 0.3:  # about-you questions are often skipped
                continue
            wanted = ABOUT_YOU_WEIGHTS.get(question.key, {})
            options = question.option_values
            value = rng.choices(options, weights=[wanted.get(o, 1) for o in options])[0]
        elif question.kind == "text" and rng.random() < COMMENT_SHARE:
            pool = (
                YOUNG_PEOPLE_COMMENTS
                if version.audience == "young_person"
                else PARENT_COMMENTS[survey.slug]
            )
            comment_text = rng.choice(pool)
            response.answers.append(
                Answer(question_id=question.id, question_key=question.key, text=comment_text)
            )
            continue
        if value is not None:
            response.answers.append(
                Answer(question_id=question.id, question_key=question.key, value=value)
            )
    respondent = next((a.value for a in response.answers if a.question_key == "respondent"), None)
    if respondent is None and version.audience == "young_person":
        respondent = "young_person"
    response.respondent = respondent
    db.session.add(response)
    db.session.flush()
    if comment_text:
        comments.record_comment(
            source="survey",
            source_id=response.id,
            text=comment_text,
            received_on=submitted_on,
            survey_id=survey.id,
            quote_consent=response.quote_consent,
        )
    return bool(comment_text)
