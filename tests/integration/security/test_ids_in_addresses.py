"""A number too large to be a record id, typed into an address or a form, gets "not found"
or is ignored: it never reaches the database, where it would fail (a 500)."""

import pytest

from feedback_app.ids import MAX_ID, parse_id

TOO_LARGE = ["2147483648", "99999999999999999999999"]


def test_parse_id_accepts_only_digits_that_fit_an_id_column():
    assert parse_id("42") == 42
    assert parse_id(str(MAX_ID)) == MAX_ID
    for raw in [*TOO_LARGE, "", None, "-1", "4.2", "٣", " 42", "0x2a"]:
        assert parse_id(raw) is None, raw


@pytest.mark.parametrize("number", TOO_LARGE)
@pytest.mark.parametrize(
    "path",
    [
        "/staff/complaints/{}",
        "/staff/review/comments/{}",
        "/staff/safeguarding/flags/{}",
        "/staff/publishing/releases/{}/preview",
        "/staff/publishing/improvements/{}",
    ],
)
def test_staff_pages_for_an_impossible_id_are_not_found(sign_in, path, number):
    client = sign_in("admin")
    assert client.get(path.format(number)).status_code == 404


@pytest.mark.parametrize("number", TOO_LARGE)
def test_public_findings_ignore_an_impossible_version(client, number):
    for path in ["/findings", "/findings/new_ehcp/2024-25.json", "/findings/new_ehcp/2024-25.csv"]:
        assert client.get(f"{path}?version={number}").status_code in {200, 404}


def test_an_impossible_officer_filter_matches_no_complaint(sign_in, make_complaint):
    make_complaint()
    client = sign_in("complaints_officer")
    response = client.get("/staff/complaints/?officer=99999999999")
    assert response.status_code == 200
    assert "0 complaints match" in response.get_data(as_text=True)
