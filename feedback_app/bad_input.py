"""NUL characters, which PostgreSQL refuses in any text, never reach a query.

A NUL (``%00`` in an address, ``\\x00`` in a form) is never part of an address we make,
and no one types one into a field; it only arrives in crafted or corrupted requests.
Given to PostgreSQL it fails the page, so: an address with one is a bad request (400),
and a form has them taken out of every field and name, which loses nothing anyone meant.
"""

from __future__ import annotations

from flask import Flask, Request, abort, request
from werkzeug.datastructures import ImmutableMultiDict

NUL = "\x00"


class NulFreeFormRequest(Request):
    """The app's request: submitted form fields come without NUL characters."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        form = self.__dict__.get("form")
        if form is not None and any(
            NUL in key or NUL in value for key, value in form.items(multi=True)
        ):
            self.__dict__["form"] = ImmutableMultiDict(
                (key.replace(NUL, ""), value.replace(NUL, ""))
                for key, value in form.items(multi=True)
            )


def register_bad_input_guards(app: Flask) -> None:
    """Strip NUL from forms, and refuse addresses that carry one."""
    app.request_class = NulFreeFormRequest

    @app.before_request
    def refuse_nul_in_address() -> None:
        if NUL in request.path or any(
            NUL in key or NUL in value for key, value in request.args.items(multi=True)
        ):
            abort(400)
