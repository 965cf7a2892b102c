"""The SEND family-voice platform: a Flask application factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(config_name: str | None = None, overrides: dict[str, Any] | None = None) -> Flask:
    """Build the application: settings, extensions, blueprints, error pages and commands."""
    from config import load_config
    from feedback_app import bad_input, blueprints, cli, errors, ids, logs, security, templating
    from feedback_app.auth.access import register_login_manager
    from feedback_app.services import database

    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_object(load_config(config_name))
    app.config.update(overrides or {})
    trust_proxies(app)
    # First, so that a request the extensions end early (CSRF, rate limits) has an id.
    logs.register_logging(app)
    database.quiet_reflection_warnings()

    register_extensions(app)
    database.configure_engine_events(app)
    register_login_manager(app)
    templating.register_templates(app)
    security.register_security_headers(app)
    bad_input.register_bad_input_guards(app)
    # Before any route is added: every <int:...> in an address must fit an id column.
    app.url_map.converters["int"] = ids.IdConverter
    blueprints.register_blueprints(app)
    errors.register_error_handlers(app)
    cli.register_commands(app)
    return app


def trust_proxies(app: Flask) -> None:
    """Take the client's address from X-Forwarded-For when TRUSTED_PROXIES says to.

    Behind nginx every request comes from 127.0.0.1, so without this one client could
    use up the sign-in and public form limits for everyone.
    """
    from werkzeug.middleware.proxy_fix import ProxyFix

    proxies = int(app.config.get("TRUSTED_PROXIES", 0))
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies)  # type: ignore[method-assign]


def register_extensions(app: Flask) -> None:
    """Bind every extension instance to this app."""
    import feedback_app.models  # noqa: F401  (registers every table for migrations)
    from feedback_app.extensions import babel, compress, csrf, db, htmx, limiter, migrate
    from feedback_app.services import jobs

    db.init_app(app)
    jobs.register_after_commit_jobs()
    # Batch mode lets Alembic alter tables on SQLite, which cannot ALTER most things.
    migrate.init_app(
        app, db, directory=str(ROOT / "migrations"), render_as_batch=True, compare_type=True
    )
    csrf.init_app(app)
    htmx.init_app(app)
    babel.init_app(app)
    compress.init_app(app)
    limiter.init_app(app)
