"""Publishing a release through the staff pages, as an analyst does: the check page
first, then the confirmation it carries."""

from __future__ import annotations

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.conftest import parse_html


def checked_value(client: FlaskClient, release_id: int) -> str:
    """What the "Check before you publish" page says the analyst checked."""
    page = client.get(f"/staff/publishing/releases/{release_id}/publish")
    assert page.status_code == 200, page.status_code
    field = parse_html(page.get_data(as_text=True)).find("input", attrs={"name": "checked"})
    assert field is not None
    return str(field["value"])


def publish(client: FlaskClient, release_id: int, **options: object) -> TestResponse:
    """Check the release, then confirm: the two steps of the "Publish release" journey."""
    checked = checked_value(client, release_id)
    return client.post(
        f"/staff/publishing/releases/{release_id}/publish",
        data={"checked": checked},
        **options,  # type: ignore[arg-type]
    )
