"""NUL characters never reach the database, which (on PostgreSQL) refuses them in text:
an address with one is a bad request, and forms lose them from every field."""

import pytest

from feedback_app.extensions import db
from feedback_app.models import Theme, User


@pytest.mark.parametrize(
    "address",
    [
        "/findings?survey=%00&period=%00",
        "/findings/new_ehcp/%00.json",
        "/surveys/%00",
        "/you-said-we-did?theme=%00",
        "/staff/review/?words=a%00b",
        "/staff/complaints/?theme=%00",
        "/staff/admin/audit?type=%00&id=%00",
        "/staff/%00",
    ],
)
def test_an_address_with_a_nul_is_a_bad_request_not_an_error(sign_in, address):
    client = sign_in("admin")
    response = client.get(address)
    assert response.status_code == 400
    assert "Bad Request" in response.get_data(as_text=True)


def test_form_fields_lose_their_nul_characters_and_nothing_else(sign_in, restore_themes):
    client = sign_in("admin")
    response = client.post(
        "/staff/admin/themes/transport",
        data={"name": "Home-to-school\x00 transport", "keywords": "taxi\x00\nminibus"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    theme = db.session.query(Theme).filter_by(slug="transport").one()
    assert theme.name == "Home-to-school transport"
    assert theme.keywords == "taxi\nminibus"

    response = client.post(
        "/staff/admin/users",
        data={
            "email": "new\x00.analyst@example.gov.uk",
            "role": "analyst",
            "password": "a long enough secret",
        },
    )
    assert response.status_code == 302
    assert db.session.query(User).filter_by(email="new.analyst@example.gov.uk").count() == 1
