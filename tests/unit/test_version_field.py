"""The hidden version an edit form carries: a missing or odd one is never the saved one."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form, StringField

from feedback_app.form_fields import VersionField


class _EditForm(Form):
    name = StringField("Name")
    version = VersionField()


def test_a_form_shown_from_a_record_carries_its_version() -> None:
    form = _EditForm(obj=SimpleNamespace(name="Sam", version=4))
    assert form.version.data == 4
    assert 'type="hidden"' in form.version() and 'value="4"' in form.version()


@pytest.mark.parametrize("sent", [[], [""], ["four"], ["4.5"]])
def test_a_post_without_a_whole_number_has_no_version_even_beside_the_record(
    sent: list[str],
) -> None:
    # The record's own version must not fill in for one the page did not send.
    posted = MultiDict([("name", "Sam"), *(("version", value) for value in sent)])
    form = _EditForm(formdata=posted, obj=SimpleNamespace(name="Sam", version=4))
    assert form.version.data is None


def test_a_post_keeps_the_version_it_was_shown_with() -> None:
    posted = MultiDict([("name", "Sam"), ("version", "3")])
    assert _EditForm(formdata=posted, obj=SimpleNamespace(version=4)).version.data == 3
