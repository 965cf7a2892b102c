"""Text analysis for families' comments: themes, sentiment, safeguarding and redaction.

Pure functions with no Flask or database imports, so the app, the CLI and the tests
all call the same code::

    from feedback_app.analysis import analyse
    result = analyse("30 weeks and still no draft plan", question="could_be_better")
"""

from feedback_app.analysis.learning import default_model, train, train_with_defaults
from feedback_app.analysis.learning_model import LearnedModel
from feedback_app.analysis.pipeline import (
    RULES_ONLY,
    Analysis,
    Explanation,
    SentimentReason,
    ThemeReason,
    analyse,
    explain,
    suggest_themes,
)
from feedback_app.analysis.themes import (
    DEFAULT_THEME_RULES,
    ThemeRule,
    format_keywords,
    parse_keywords,
)

__all__ = [
    "DEFAULT_THEME_RULES",
    "RULES_ONLY",
    "Analysis",
    "LearnedModel",
    "Explanation",
    "SentimentReason",
    "ThemeReason",
    "ThemeRule",
    "analyse",
    "default_model",
    "explain",
    "format_keywords",
    "parse_keywords",
    "suggest_themes",
    "train",
    "train_with_defaults",
]
