"""A GOV.UK date field that never crashes on odd input.

govuk-frontend-wtf's ``GovDateInput`` unpacks exactly three values and answers a
POST that omits the field (or sends one part) with a server error; this field
always hands it three, and gives GOV.UK-style messages for each mistake.
``earliest`` and ``years_ahead`` keep dates plausible: a typo such as year 0001 or
9999 is refused here rather than stored (and counted in working days).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovDateInput
from wtforms import Field
from wtforms.validators import ValidationError

from feedback_app import clock
from feedback_app.templating import format_date


class GovDateField(Field):
    """Day, month and year boxes read into a ``date``; ``what`` names it in messages."""

    widget = GovDateInput()
    data: date | None

    def __init__(
        self,
        label: str,
        *,
        what: str,
        required: bool = True,
        past_only: bool = True,
        earliest: date | None = None,
        years_ahead: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(label, **kwargs)
        self.what = what  # e.g. "the date the complaint was received"
        self.required = required
        self.past_only = past_only
        self.earliest = earliest
        self.years_ahead = years_ahead
        self._problem: str | None = None

    def process_formdata(self, valuelist: list[Any]) -> None:
        parts = [str(v).strip() for v in list(valuelist)[:3]]
        parts += [""] * (3 - len(parts))
        self.raw_data = parts
        self.data = None
        self._problem = None
        day, month, year = parts
        if not any(parts):
            return
        missing = [
            name for name, value in zip(("day", "month", "year"), parts, strict=True) if not value
        ]
        if missing:
            self._problem = f"{self.what.capitalize()} must include a {' and a '.join(missing)}"
            return
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            self._problem = f"{self.what.capitalize()} must be a real date"
            return
        try:
            self.data = date(int(year), int(month), int(day))
        except ValueError:
            self._problem = f"{self.what.capitalize()} must be a real date"

    def pre_validate(self, form: Any) -> None:
        if self._problem:
            raise ValidationError(self._problem)
        if self.data is None:
            if self.required:
                raise ValidationError(f"Enter {self.what}")
            return
        today = clock.today()
        if self.past_only and self.data > today:
            raise ValidationError(f"{self.what.capitalize()} must be today or in the past")
        if self.earliest is not None and self.data < self.earliest:
            raise ValidationError(
                f"{self.what.capitalize()} must be on or after {format_date(self.earliest)}"
            )
        if self.years_ahead is not None:
            latest = _years_after(today, self.years_ahead)
            if self.data > latest:
                raise ValidationError(
                    f"{self.what.capitalize()} must be on or before {format_date(latest)}, "
                    f"{self.years_ahead} years from today"
                )

    def _value(self) -> str:
        return self.data.strftime("%d %m %Y") if self.data else ""


def _years_after(on: date, years: int) -> date:
    try:
        return on.replace(year=on.year + years)
    except ValueError:  # 29 February
        return on.replace(year=on.year + years, day=28)
