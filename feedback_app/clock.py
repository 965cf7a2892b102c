"""Today's date where the partnership is: England, whatever time zone the server keeps.

Servers usually run on UTC. From midnight to 1 a.m. in British Summer Time, UTC is still on
yesterday, so ``date.today()`` would date a complaint sent at 00:30 on 1 July on 30 June:
the wrong quarter, and on 1 April the wrong financial year, with clocks counted from the
wrong day. Every "today" the service decides by comes from here, and times stored in UTC
are shown in UK time (``templating.format_date``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def today() -> date:
    """The date in the UK now."""
    return datetime.now(UK).date()


def in_uk(moment: datetime) -> datetime:
    """A stored time as it was in the UK (a time without a zone is taken to be UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UK)
