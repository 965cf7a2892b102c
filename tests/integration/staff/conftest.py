"""Fixtures shared by the staff pages' tests."""

import pytest

from feedback_app.extensions import db
from feedback_app.models import Theme

_THEME_FIELDS = ("name", "description", "keywords", "position", "retired")


@pytest.fixture
def restore_themes(app):  # type: ignore[no-untyped-def]
    """Themes are reference data, kept between tests when the suite shares a PostgreSQL
    database: put back what a test changed, so later tests analyse with the default rules."""
    saved = {
        theme.slug: tuple(getattr(theme, field) for field in _THEME_FIELDS)
        for theme in db.session.query(Theme)
    }
    yield
    db.session.rollback()
    for theme in db.session.query(Theme):
        if theme.slug not in saved:
            db.session.delete(theme)
        else:
            for field, value in zip(_THEME_FIELDS, saved[theme.slug], strict=True):
                setattr(theme, field, value)
    db.session.commit()
