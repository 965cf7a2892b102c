"""What each audit action did, in words: the one table every page that shows the log reads.

The admin's audit log (``audit_display``), a release's trail and a complaint's own audit
trail (``complaints_audit``) all name an entry's action through ``action_words``, so an
officer and an administrator reading the same event see the same words. Each page may
add detail of its own beside them (the complaint's trail names the point or action an
entry is about), but never words of its own for the action.

Every code passed to ``audit.record`` needs a line here:
``tests/unit/test_audit_words.py`` reads the source and fails on a code without one.
"""

from __future__ import annotations

#: What each action did, in sentence case and the past tense ("Quote proposed"), in the
#: words of the page or button that did it ("Log a complaint" → "Complaint logged"). Codes
#: not listed here (from a newer or older version of the platform) are worded from the
#: code itself.
ACTIONS: dict[str, str] = {
    "analysis.retrain_requested": "Retraining of the analyser asked for",
    "analysis.retrained": "Analyser retrained",
    "comment.labelled": "Comment reviewed",
    "comment.personal_data_hidden": "Personal data hidden in a comment",
    "complaint.acknowledged": "Complaint acknowledged",
    "complaint.action_added": "Action added",
    "complaint.action_completed": "Action marked as done",
    "complaint.action_updated": "Action changed",
    "complaint.closed": "Complaint closed",
    "complaint.created": "Complaint logged",
    "complaint.erased": "Complaint's personal data erased",
    "complaint.escalated": "Complaint escalated",
    "complaint.extended": "Response deadline extended",
    "complaint.imported": "Complaint imported",
    "complaint.point_added": "Point added",
    "complaint.point_updated": "Point changed",
    "complaint.responded": "Complaint responded to",
    "complaint.updated": "Complaint details changed",
    "complaint.viewed": "Complaint viewed",
    "complaints.imported": "Complaints and compliments imported",
    "compliment.created": "Compliment logged",
    "contact_request.marked_contacted": "Family marked as contacted",
    "contact_requests.list_viewed": "Families who asked to be contacted viewed",
    "improvement.complainant_details_hidden": (
        "Complainant's details hidden in a “you said, we did” entry (complaint erased)"
    ),
    "improvement.created": "“You said, we did” entry added",
    "improvement.followed_action": "“You said, we did” entry followed its complaint action",
    "improvement.milestone_added": "Milestone added to a “you said, we did” entry",
    "improvement.milestone_changed": "Milestone of a “you said, we did” entry changed",
    "improvement.milestone_removed": "Milestone removed from a “you said, we did” entry",
    "improvement.quote_carried": "“You said, we did” entry linked to the corrected quote",
    "improvement.updated": "“You said, we did” entry changed",
    "redaction.name_added": "Name hidden in every comment",
    "redaction.name_removed": "Name taken off the list of hidden names",
    "release.correction_started": "Correction started",
    "release.created": "Draft started",
    "release.published": "Published",
    "release.quote_approved": "Quote approved",
    "release.quote_proposed": "Quote proposed",
    "release.quote_removed": "Quote removed",
    "release.quote_reopened": "Quote sent back for approval, as its words changed",
    "release.remark_added": "Comment from the forum added",
    "release.superseded": "Replaced by a newer version",
    "safeguarding.contact_viewed": "Family's contact details viewed with a safeguarding flag",
    "safeguarding.flag_raised": "Safeguarding flag raised",
    "safeguarding.flag_reopened": "Safeguarding flag reopened",
    "safeguarding.referred": "Raised with the safeguarding lead",
    "safeguarding.updated": "Safeguarding flag updated",
    "safeguarding.viewed": "Safeguarding flag viewed",
    "surveys.retention_purge": "Old survey data erased",
    "theme.added": "Theme added",
    "theme.updated": "Theme changed",
    "user.created": "User added",
    "user.deactivated": "User deactivated",
    "user.locked": "User locked out after failed sign-ins",
    "user.password_reset": "Password reset",
    "user.password_reset_email_failed": "Password reset email could not be sent",
    "user.password_reset_link_sent": "Password reset link sent",
    "user.reactivated": "User reactivated",
    "user.role_changed": "Role changed",
    "user.unlocked": "User unlocked",
}


def code_words(code: str) -> str:
    """A code in words: ``quote_proposed`` is "Quote proposed"."""
    return code.replace(".", ": ").replace("_", " ").strip().capitalize()


def action_words(action: str) -> str:
    """What an audit action did, in words."""
    return ACTIONS.get(action) or code_words(action)
