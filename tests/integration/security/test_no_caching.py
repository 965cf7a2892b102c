"""Nothing a member of staff downloads or reads is kept in a cache; open data may be."""

from __future__ import annotations

from flask import Flask


def test_staff_csv_downloads_and_pages_are_never_cached(app: Flask, sign_in) -> None:
    client = sign_in("admin")
    for path in (
        "/staff/complaints/report.csv",
        "/staff/publishing/evidence-pack.csv",
        "/staff/complaints/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers.get("Cache-Control") == "no-store", path


def test_public_pages_are_not_cached_but_static_files_may_be(app: Flask, client) -> None:
    assert client.get("/findings").headers.get("Cache-Control") == "no-store"
    assert client.get("/healthz").headers.get("Cache-Control") != "no-store"
