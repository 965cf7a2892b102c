"""Work done once in gunicorn's master before it forks workers (deploy/gunicorn.conf.py).

Each worker then starts with the ORM mappers configured and every template compiled,
shared copy-on-write, instead of spending half a second of CPU on its first request
while a parent waits. The migration heads the health check compares the database
with are read here too, once for every worker. Nothing here opens a database connection.
"""

from __future__ import annotations

from flask import Flask
from sqlalchemy.orm import configure_mappers


def warm_up(app: Flask) -> dict[str, int]:
    """Configure the ORM mappers, compile every page template, read the migration heads."""
    from feedback_app.services import health

    with app.app_context():
        configure_mappers()
        names = app.jinja_env.list_templates(extensions=["html"])
        for name in names:
            app.jinja_env.get_template(name)
        migrations = health.expected_migrations(health.migrations_directory())
    return {"templates": len(names), "migration_heads": len(migrations.heads)}
