"""What a change to one theme's rules would do, checked before it is saved.

Saving new rules re-analyses every comment, so an admin should see the effect first:
against the themes analysts gave the comments they reviewed (would the theme be
suggested more often where analysts gave it, and less often where they did not?), and
on the newest comments (which would gain the theme, which would lose it). Both the
rules in use and the proposed ones are run with the model in use, so the figures say
what saving would change and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Row, select

from feedback_app import analysis
from feedback_app.analysis.evaluation import PRF
from feedback_app.analysis.themes import keyword_pattern, split_weight
from feedback_app.extensions import db
from feedback_app.models import Comment
from feedback_app.services.comments import AnalysisContext

__all__ = ["CHECKED_COMMENTS", "EXAMPLES", "ChangedComment", "RulesCheck", "check_rules"]

#: How many reviewed comments, and how many of the newest comments, are run with both
#: sets of rules (the newest of each). About 0.2 ms a comment for both sets.
CHECKED_COMMENTS = 1000
#: How many comments that would gain or lose the theme are shown.
EXAMPLES = 5

# The columns read for each comment checked: id, text, redacted, safeguarding, label.
_Columns = tuple[int, str, str, bool, list[str] | None]


@dataclass(frozen=True)
class ChangedComment:
    """A comment whose suggestion for the theme would change; its text as redacted."""

    comment_id: int
    redacted: str


@dataclass(frozen=True)
class RulesCheck:
    """The effect of proposed rules for one theme, against the rules in use."""

    slug: str
    #: Reviewed comments checked, and the theme's counts against analysts' labels.
    reviewed: int
    now: PRF
    proposed: PRF
    #: Newest comments checked, how many would gain or lose the theme, and examples.
    checked: int
    gained: int
    lost: int
    gained_examples: tuple[ChangedComment, ...]
    lost_examples: tuple[ChangedComment, ...]
    #: Rule lines with no word in them, which match nothing.
    unused_lines: tuple[str, ...]
    #: Whether the proposal retires the theme (so it is suggested for nothing).
    retired: bool = False


def check_rules(slug: str, keywords: str, *, retired: bool = False) -> RulesCheck:
    """Run the theme's proposed rules (admin textarea text) beside the rules in use; a
    retired theme is suggested for nothing, as saving it retired would do."""
    context = AnalysisContext.load()
    current = list(context.rules)
    proposed_rule = analysis.ThemeRule(
        slug=slug, name=slug, description="", keywords=analysis.parse_keywords(keywords)
    )
    proposed = [rule for rule in current if rule.slug != slug]
    if not retired:
        proposed.append(proposed_rule)

    columns = (
        Comment.id,
        Comment.text,
        Comment.redacted,
        Comment.safeguarding,
        Comment.label_themes,
    )
    reviewed = db.session.execute(
        select(*columns)
        .where(Comment.review_status != "unreviewed")
        .order_by(Comment.reviewed_at.desc().nulls_last(), Comment.id.desc())
        .limit(CHECKED_COMMENTS)
    ).all()
    newest = db.session.execute(
        select(*columns).order_by(Comment.id.desc()).limit(CHECKED_COMMENTS)
    ).all()
    suggested = _suggested(
        {comment.id: comment.text for comment in [*reviewed, *newest]},
        slug,
        [current, proposed],
        context.learned,
    )

    now, after = PRF(), PRF()
    for comment in reviewed:
        tagged = slug in (comment.label_themes or [])
        for counts, has_theme in zip((now, after), suggested[comment.id], strict=True):
            _count(counts, suggested=has_theme, tagged=tagged)

    gained = [c for c in newest if suggested[c.id] == (False, True)]
    lost = [c for c in newest if suggested[c.id] == (True, False)]
    return RulesCheck(
        slug=slug,
        reviewed=len(reviewed),
        now=now,
        proposed=after,
        checked=len(newest),
        gained=len(gained),
        lost=len(lost),
        gained_examples=_examples(gained),
        lost_examples=_examples(lost),
        unused_lines=tuple(
            line
            for line in proposed_rule.keywords
            if keyword_pattern(split_weight(line)[0]) is None
        ),
        retired=retired,
    )


def _suggested(
    texts: dict[int, str],
    slug: str,
    rule_sets: Sequence[Sequence[analysis.ThemeRule]],
    learned: analysis.LearnedModel | None,
) -> dict[int, tuple[bool, ...]]:
    """For each comment, whether each set of rules would suggest the theme."""
    return {
        comment_id: tuple(
            slug in themes for themes in analysis.suggest_themes(text, rule_sets, learned)
        )
        for comment_id, text in texts.items()
    }


def _count(counts: PRF, *, suggested: bool, tagged: bool) -> None:
    if suggested and tagged:
        counts.tp += 1
    elif suggested:
        counts.fp += 1
    elif tagged:
        counts.fn += 1


def _examples(comments: Sequence[Row[_Columns]]) -> tuple[ChangedComment, ...]:
    """The first few, leaving out comments withheld for safeguarding."""
    shown = [c for c in comments if not c.safeguarding][:EXAMPLES]
    return tuple(ChangedComment(comment_id=c.id, redacted=c.redacted) for c in shown)
