"""The data model. Importing this package registers every table with SQLAlchemy.

Models hold data and invariants only: no commits and no I/O (services do that).
"""

from feedback_app.models.audit import AuditEntry
from feedback_app.models.comments import (
    AnalysisModel,
    Comment,
    CommentLabel,
    CommentTheme,
    RedactionName,
    SafeguardingFlag,
)
from feedback_app.models.complaints import (
    Complaint,
    ComplaintAction,
    ComplaintPoint,
    ComplaintStage,
    Compliment,
)
from feedback_app.models.findings import (  # noqa: E402
    Improvement,
    Milestone,
    Release,
    ReleaseQuote,
    ReleaseRemark,
)
from feedback_app.models.reminders import SentReminder
from feedback_app.models.surveys import (
    Answer,
    ContactRequest,
    Question,
    Response,
    Survey,
    SurveyVersion,
)
from feedback_app.models.taxonomy import Theme
from feedback_app.models.users import PasswordResetToken, Role, SignInFailure, User

__all__ = [
    "AnalysisModel",
    "Answer",
    "AuditEntry",
    "Comment",
    "CommentLabel",
    "CommentTheme",
    "ContactRequest",
    "Question",
    "Response",
    "PasswordResetToken",
    "Role",
    "RedactionName",
    "SafeguardingFlag",
    "SentReminder",
    "SignInFailure",
    "Survey",
    "SurveyVersion",
    "Theme",
    "User",
    "Complaint",
    "ComplaintAction",
    "ComplaintPoint",
    "ComplaintStage",
    "Compliment",
    "Improvement",
    "Milestone",
    "Release",
    "ReleaseQuote",
    "ReleaseRemark",
]
