"""Several messages at once each get a banner with its own title id."""

from __future__ import annotations

from flask import Flask, flash, render_template_string

from tests.conftest import parse_html


def test_several_flashed_messages_have_unique_banner_ids(app: Flask) -> None:
    with app.test_request_context("/"):
        flash("Saved the first thing", "success")
        flash("Could not save the second thing", "error")
        page = render_template_string('{% extends "layouts/base.html" %}')
    soup = parse_html(page)  # fails on duplicate ids
    titles = soup.select(".govuk-notification-banner__title")
    assert len(titles) == 2
    assert len({title["id"] for title in titles}) == 2
