"""Survey journey routes (being built)."""

from __future__ import annotations

from flask import Blueprint, abort

bp = Blueprint("surveys", __name__)


@bp.get("/<path>")
def start(path: str) -> str:
    """Show a survey's start page."""
    abort(404)
