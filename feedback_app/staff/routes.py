"""The staff home page: what each role can do, at a glance."""

from __future__ import annotations

from flask import Blueprint, render_template

from feedback_app.auth.access import roles_required
from feedback_app.models import Role

bp = Blueprint("staff", __name__)


@bp.get("/")
@roles_required(*Role)
def home() -> str:
    """Show the signed-in person the areas their role opens."""
    return render_template("staff/home.html")
