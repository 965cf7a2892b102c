"""Security headers on every response, and the asset route the GOV.UK CSS needs."""

from __future__ import annotations

from flask import Flask, Response, request, send_from_directory

from feedback_app import ROOT

# No inline script or style anywhere: every script is a file of ours, so 'self' suffices.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


def register_security_headers(app: Flask) -> None:
    """Add the headers a public-sector service must send, and serve /assets/."""
    assets_dir = ROOT / "static" / "dist" / "assets"

    @app.get("/assets/<path:filename>")
    def govuk_assets(filename: str) -> Response:
        # govuk-frontend's CSS asks for /assets/images/…; the files come from npm.
        return send_from_directory(assets_dir, filename, max_age=365 * 24 * 60 * 60)

    @app.after_request
    def set_security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if app.config.get("HSTS"):
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if response.mimetype == "text/html" or request.path.startswith("/staff/"):
            # Pages may show answers or casework, and staff downloads (CSV reports, the
            # evidence pack) hold small counts: never keep them in any cache.
            headers.setdefault("Cache-Control", "no-store")
        return response
