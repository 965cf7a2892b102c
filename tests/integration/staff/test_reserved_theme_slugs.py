"""A theme cannot take a slug the admin pages use in their addresses."""

from __future__ import annotations

import pytest
from flask import Flask

from feedback_app.services import taxonomy


def test_the_slug_new_is_refused_with_a_clear_message(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    response = client.post(
        "/staff/admin/themes/new", data={"slug": "new", "name": "New things", "keywords": ""}
    )
    assert response.status_code == 200
    assert "Slug cannot be &#39;new&#39;" in response.get_data(as_text=True)
    assert taxonomy.get_theme("new") is None


def test_the_service_refuses_every_reserved_slug(app: Flask) -> None:
    for slug in taxonomy.RESERVED_SLUGS:
        with pytest.raises(taxonomy.ThemeError, match="admin pages use that word"):
            taxonomy.add_theme(slug=slug, name="Anything", description="", keywords="")


def test_a_slug_that_only_starts_with_new_is_fine(app: Flask, sign_in) -> None:  # type: ignore[no-untyped-def]
    client = sign_in("admin")
    client.post(
        "/staff/admin/themes/new",
        data={"slug": "new_schools", "name": "New schools", "keywords": ""},
    )
    assert taxonomy.get_theme("new_schools") is not None
    assert client.get("/staff/admin/themes/new_schools").status_code == 200
