"""Demo safeguarding: two survey comments for the safeguarding lead's queue.

One discloses a risk of harm and waits for the lead; the other was flagged for a figure
of speech, and the lead has already decided it is not a safeguarding concern, so it is
back with the analysts. Runs last and draws nothing from ``rng``, so the other areas'
demo data stay as they are.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Answer, Comment, Question, Response, SafeguardingFlag, User
from feedback_app.services import comments, comments_safeguarding, safeguarding

DISCLOSURE = (
    "The plan is fine but things at home are not. My partner hit my son again last week "
    "when he was angry and I do not know who to tell."
)
FIGURE_OF_SPEECH = (
    "This process is killing me. He says he wants to die of boredom in maths, and I don't "
    "blame him: nobody has changed anything in his plan since Year 7."
)
DECISION = "A figure of speech about maths lessons. Spoke to the SENCO: no risk of harm."


def seed(rng: random.Random) -> list[str]:
    """Add the two comments to the newest parent responses without one; return a line."""
    responses = _responses_without_a_comment(2)
    if len(responses) < 2:
        return []
    flags = [
        _comment(response, text)
        for response, text in zip(responses, (DISCLOSURE, FIGURE_OF_SPEECH), strict=True)
    ]
    lead = db.session.scalars(select(User).where(User.role == "safeguarding_lead")).first()
    if lead is not None:
        db.session.flush()  # the new flag's version is set as it is written
        safeguarding.record_action(
            flags[1],
            status="closed",
            concern="no_concern",
            action_taken=DECISION,
            user=lead,
            version=flags[1].version,
        )
    db.session.commit()
    return ["Safeguarding: 1 open flag for the lead, 1 decided not a concern"]


def _responses_without_a_comment(count: int) -> list[Response]:
    commented = select(Comment.source_id).where(Comment.source == "survey")
    query = (
        select(Response)
        .where(Response.status == "submitted", Response.id.not_in(commented))
        .order_by(Response.id.desc())
        .limit(count)
    )
    return list(db.session.scalars(query))


def _comment(response: Response, text: str) -> SafeguardingFlag:
    question = db.session.scalars(
        select(Question).where(Question.version_id == response.version_id, Question.kind == "text")
    ).first()
    if question is not None:
        response.answers.append(
            Answer(question_id=question.id, question_key=question.key, text=text)
        )
    comment = comments.record_comment(
        source="survey",
        source_id=response.id,
        text=text,
        received_on=response.submitted_on or date.today(),
        survey_id=response.survey_id,
        quote_consent=False,
    )
    assert comment is not None  # the texts above are not empty
    flag = comments_safeguarding.safeguarding_flag_of(comment)
    assert flag is not None  # both texts are flagged (the demo's test checks which way)
    return flag
