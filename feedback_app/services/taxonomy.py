"""The theme taxonomy: listing, editing and adding themes. Slugs never change meaning."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Theme
from feedback_app.services import audit

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
# Words the admin pages use in theme addresses: /staff/admin/themes/new is the form to
# add a theme, so a theme called "new" could be added but never edited.
RESERVED_SLUGS = frozenset({"new"})


class ThemeError(ValueError):
    """A theme could not be saved; the message says why."""


def list_themes(include_retired: bool = True) -> list[Theme]:
    """Return themes in display order."""
    query = select(Theme).order_by(Theme.position, Theme.id)
    if not include_retired:
        query = query.where(~Theme.retired)
    return list(db.session.scalars(query))


def get_theme(slug: str) -> Theme | None:
    """Return a theme by slug."""
    return db.session.scalars(select(Theme).where(Theme.slug == slug)).first()


def update_theme(
    theme: Theme, *, name: str, description: str, keywords: str, retired: bool
) -> None:
    """Change a theme's wording, rules or retirement (never its slug), and commit."""
    changes = {}
    for field, value in (
        ("name", name.strip()),
        ("description", description.strip()),
        ("keywords", keywords.strip()),
        ("retired", retired),
    ):
        old = getattr(theme, field)
        if old != value:
            changes[field] = [old, value]
            setattr(theme, field, value)
    if changes:
        audit.record("theme.updated", "theme", theme.slug, **changes)
    db.session.commit()


def add_theme(*, slug: str, name: str, description: str, keywords: str) -> Theme:
    """Add a new theme with a new, permanent slug, and commit."""
    if not SLUG_PATTERN.match(slug):
        raise ThemeError(
            "Slug must start with a letter and use only lower-case letters, digits and _"
        )
    if slug in RESERVED_SLUGS:
        raise ThemeError(
            f"Slug cannot be '{slug}', as the admin pages use that word; choose another"
        )
    if get_theme(slug) is not None:
        raise ThemeError(f"A theme with the slug {slug} already exists")
    position = (db.session.scalar(select(func.max(Theme.position))) or 0) + 1
    theme = Theme(
        slug=slug,
        name=name.strip(),
        description=description.strip(),
        keywords=keywords.strip(),
        position=position,
    )
    db.session.add(theme)
    audit.record("theme.added", "theme", slug, name=name)
    db.session.commit()
    return theme
