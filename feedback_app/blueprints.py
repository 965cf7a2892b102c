"""The list of blueprints, one per user-facing area, and where they are mounted."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Mount every blueprint. Imported here, inside the factory, to avoid import cycles."""
    from feedback_app.auth.routes import bp as auth_bp
    from feedback_app.pages.routes import bp as pages_bp
    from feedback_app.staff.routes import bp as staff_bp
    from feedback_app.surveys.routes import bp as surveys_bp

    app.register_blueprint(pages_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(surveys_bp, url_prefix="/surveys")
    app.register_blueprint(staff_bp, url_prefix="/staff")
