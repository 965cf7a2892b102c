"""Which page of a long list to show: the same rule for every staff queue."""

from __future__ import annotations


def page_bounds(total: int, page: int, size: int) -> tuple[int, int]:
    """Return ``(page, pages)``: how many pages ``total`` rows fill (at least one), and the
    asked-for page kept within them, so a page number past the end shows the last page."""
    pages = max(1, -(-total // size))
    return min(max(page, 1), pages), pages
