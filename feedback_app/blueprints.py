"""The list of blueprints, one per user-facing area, and where they are mounted."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Mount every blueprint. Imported here, inside the factory, to avoid import cycles."""
    from feedback_app.admin.routes import bp as admin_bp
    from feedback_app.auth.routes import bp as auth_bp
    from feedback_app.complaints.public import bp as complaints_public_bp
    from feedback_app.complaints.routes import bp as complaints_bp
    from feedback_app.contact_requests.routes import bp as contact_requests_bp
    from feedback_app.findings.routes import bp as findings_bp
    from feedback_app.pages.routes import bp as pages_bp
    from feedback_app.publishing.routes import bp as publishing_bp
    from feedback_app.review.routes import bp as review_bp
    from feedback_app.safeguarding.routes import bp as safeguarding_bp
    from feedback_app.staff.routes import bp as staff_bp
    from feedback_app.surveys.routes import bp as surveys_bp

    # Public areas, at addresses that stay stable (SPEC §6).
    app.register_blueprint(pages_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(surveys_bp, url_prefix="/surveys")
    app.register_blueprint(findings_bp)  # /findings, /you-said-we-did
    app.register_blueprint(complaints_public_bp, url_prefix="/complaints")
    # Staff areas: every view carries roles_required.
    app.register_blueprint(staff_bp, url_prefix="/staff")
    app.register_blueprint(complaints_bp, url_prefix="/staff/complaints")
    app.register_blueprint(contact_requests_bp, url_prefix="/staff/contact-requests")
    app.register_blueprint(review_bp, url_prefix="/staff/review")
    app.register_blueprint(safeguarding_bp, url_prefix="/staff/safeguarding")
    app.register_blueprint(publishing_bp, url_prefix="/staff/publishing")
    app.register_blueprint(admin_bp, url_prefix="/staff/admin")
