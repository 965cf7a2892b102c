"""The public "make a complaint" form; complaints land in the officer's queue."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, session, url_for
from werkzeug.wrappers import Response

from feedback_app.complaints.forms import PublicComplaintForm
from feedback_app.extensions import limiter
from feedback_app.services import complaints

bp = Blueprint("complaints_public", __name__)

#: The reference of the complaint this browser sent last, for the "sent" page.
SESSION_SENT_REFERENCE = "complaint_sent_reference"


def _public_post_limit() -> str:
    return str(current_app.config["RATELIMIT_PUBLIC_POST"])


@bp.route("/", methods=["GET", "POST"])
@limiter.limit(_public_post_limit, methods=["POST"])
def make_complaint() -> str | Response:
    """Take a complaint from a family, then confirm it was received.

    The form carries a one-time token. The token is kept with the complaint, not only
    in the session: the session is a cookie, and both requests of a double click carry
    the same one, so only the database can tell that the second is a repeat. A form
    sent without a token (a page from before this change) is still taken.
    """
    form = PublicComplaintForm()
    if form.validate_on_submit():
        complaint = complaints.create_public_complaint(
            {
                "received_on": complaints.today(),
                "channel": "online",
                "stage": "1",
                "complainant_name": form.complainant_name.data.strip(),
                "contact_email": form.contact_email.data.strip(),
                "contact_phone": (form.contact_phone.data or "").strip(),
                "relationship_to_child": form.relationship_to_child.data,
                "child_reference": (form.child_reference.data or "").strip(),
                "summary": form.summary.data.strip(),
            },
            submission_token=form.submission_token.sent,
        )
        session[SESSION_SENT_REFERENCE] = complaint.reference
        return redirect(url_for(".complaint_sent"))
    return render_template("complaints/public_form.html", form=form)


@bp.get("/sent")
def complaint_sent() -> str:
    """Confirm the complaint arrived, give its reference and say what happens next.

    The reference comes from this browser's session, never from the address, so
    nobody is shown a reference they did not just make.
    """
    return render_template(
        "complaints/public_sent.html", reference=session.get(SESSION_SENT_REFERENCE)
    )
