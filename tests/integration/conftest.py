"""Fixtures shared by more than one area's integration tests."""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.models import Theme
from feedback_app.services import complaints


@pytest.fixture
def make_complaint(app):  # type: ignore[no-untyped-def]
    """Create a complaint through the service, with sensible defaults."""

    def _make(**overrides: object):  # type: ignore[no-untyped-def]
        data = {
            "received_on": date(2023, 4, 3),
            "channel": "email",
            "stage": "1",
            "complainant_name": "Sam Parent",
            "contact_email": "sam@example.com",
            "relationship_to_child": "parent_carer",
            "summary": "Nobody returned my calls about the draft plan for six weeks.",
        }
        data.update(overrides)
        return complaints.create_complaint(data)

    return _make


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
