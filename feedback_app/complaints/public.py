"""The public "make a complaint" form; complaints land in the officer's queue."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, url_for
from werkzeug.wrappers import Response

from feedback_app.complaints.forms import PublicComplaintForm
from feedback_app.extensions import limiter
from feedback_app.services import complaints

bp = Blueprint("complaints_public", __name__)


def _public_post_limit() -> str:
    return str(current_app.config["RATELIMIT_PUBLIC_POST"])


@bp.route("/", methods=["GET", "POST"])
@limiter.limit(_public_post_limit, methods=["POST"])
def make_complaint() -> str | Response:
    """Take a complaint from a family, then confirm it was received."""
    form = PublicComplaintForm()
    if form.validate_on_submit():
        complaints.create_complaint(
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
            source="public",
        )
        return redirect(url_for(".complaint_sent"))
    return render_template("complaints/public_form.html", form=form)


@bp.get("/sent")
def complaint_sent() -> str:
    """Confirm the complaint arrived and say what happens next."""
    days = current_app.config["STAGE1_ACKNOWLEDGE_DAYS"]
    return render_template("complaints/public_sent.html", acknowledge_days=days)
