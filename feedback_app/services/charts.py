"""Server-rendered SVG charts: pure functions returning safe markup, no chart JavaScript.

Each chart has a viewBox and no fixed size (CSS makes it 100% wide), a title and a
description for ``role="img"``, and only presentation attributes and classes, since
the content security policy forbids inline styles. Pages put a text summary and a
data table beside every chart, so nothing is only in the picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask import current_app
from markupsafe import Markup, escape

from feedback_app.findings import display

WIDTH = 320
ROW = 22
LABEL_CHARS = 50


@dataclass(frozen=True)
class Segment:
    """Part of a stacked bar: a value (percent or count), a CSS modifier and a label."""

    value: float
    kind: str
    label: str


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its label and its segments, left to right."""

    label: str
    segments: Sequence[Segment]


def _text(
    x: float, y: float, content: str, css: str = "app-chart__label", anchor: str = "start"
) -> str:
    return (
        f'<text class="{css}" x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}">'
        f"{escape(content)}</text>"
    )


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    scale_max: float,
    show_values: bool = False,
) -> Markup:
    """A horizontal (optionally stacked) bar chart; ``scale_max`` is the full width's value."""
    height = max(len(bars), 1) * ROW * 2 + 10
    parts = [
        f'<svg class="app-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img"'
        f' aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    scale = (WIDTH - (40 if show_values else 0)) / scale_max if scale_max else 0
    for index, bar in enumerate(bars):
        top = 10 + index * ROW * 2
        parts.append(_text(0, top + 14, _short(bar.label, LABEL_CHARS)))
        x = 0.0
        for segment in bar.segments:
            width = max(segment.value, 0) * scale
            if width <= 0:
                continue
            parts.append(
                f'<rect class="app-chart__bar app-chart__bar--{escape(segment.kind)}"'
                f' x="{x:.1f}" y="{top + 20}" width="{width:.1f}" height="{ROW - 8}">'
                f"<title>{escape(segment.label)}</title></rect>"
            )
            x += width
        if show_values and bar.segments:
            value = f"{bar.segments[0].value:g}"
            parts.append(_text(x + 4, top + 32, value, "app-chart__value"))
    parts.append(
        f'<line class="app-chart__axis" x1="0" y1="{height - 4}" x2="{WIDTH}" y2="{height - 4}"/>'
    )
    parts.append("</svg>")
    # Every piece of text above went through escape(); the rest is our own markup.
    return Markup("".join(parts))  # noqa: S704


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def statement_chart(chart_id: str, questions: Sequence[dict[str, object]]) -> Markup:
    """Stacked bars of % positive, % neither and % negative per statement; hidden parts grey."""
    bars = []
    for row in questions:
        if row.get("base") is None:
            # A base hidden only because, with published figures, it would reveal a
            # smaller group was not small: say "not shown", as the table does.
            hidden = (
                "not shown"
                if row.get("withheld")
                else f"fewer than {current_app.config['SUPPRESSION_THRESHOLD']} answers"
            )
            bars.append(Bar(str(row["text"]), [Segment(0, "hidden", hidden)]))
            continue
        segments = []
        shown = 0.0
        for kind, word in (("positive", "agree"), ("neither", "neither"), ("negative", "disagree")):
            value = row.get(f"percent_{kind}")
            if isinstance(value, int | float):
                segments.append(Segment(float(value), kind, f"{display.share(row, kind)} {word}"))
                shown += float(value)
        if shown < 99.95:
            segments.append(Segment(100 - shown, "hidden", "not shown"))
        bars.append(Bar(str(row["text"]), segments))
    return bar_chart(
        chart_id,
        "How families answered each statement",
        "Stacked bars per statement: the share who agreed, neither agreed nor disagreed, and "
        "disagreed, as a percentage of those who answered. The table below gives the figures.",
        bars,
        100,
    )


def theme_chart(chart_id: str, themes: Sequence[dict[str, object]]) -> Markup:
    """Bars of comment counts per theme (hidden counts are left out)."""
    shown = [t for t in themes if isinstance(t.get("count"), int)]
    counts = [(str(t.get("name") or t["slug"]), int(str(t["count"]))) for t in shown]
    top = max((count for _, count in counts), default=0)
    bars = [
        Bar(name, [Segment(float(count), "count", f"{count} comments")]) for name, count in counts
    ]
    return bar_chart(
        chart_id,
        "What families' comments were about",
        "Bars show how many comments mentioned each theme. The table below gives the figures, "
        "including how positive or negative the comments were.",
        bars,
        float(top or 1),
        show_values=True,
    )
