"""Small inline SVG charts for the site (`kehoach site`): a bar chart and a line chart.

Our own module rather than a plotting library: a chart here is a few rectangles or
one polyline, which this writes in well under a millisecond and a kilobyte or two;
matplotlib's SVG backend takes a second to import and writes ~20 KB per chart with
embedded glyphs and ids that change from run to run unless pinned, and pygal pulls
in JavaScript that the site must not load. Colours come from the page's stylesheet
(CSS classes), so the charts follow the print and screen styles. Every text is
escaped; numbers are formatted with fixed precision so the output is byte-stable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup, escape

from kehoach import text_vn as vn


def _n(x: float) -> str:
    """A coordinate: at most one decimal, no trailing zeros (stable, short)."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def bar_chart(bars: Sequence[tuple[str, int, str]], label: str) -> Markup:
    """Horizontal bars: (text, value, css class) each; `label` is the chart's accessible name."""
    row, gap, left, width, value_room = 24, 6, 168, 200, 40
    top = max((v for _, v, _ in bars), default=0) or 1
    height = len(bars) * (row + gap) + gap
    parts = [
        f'<svg class="chart bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {left + width + value_room} {height}"'
        f' role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>'
    ]
    for i, (text, value, css) in enumerate(bars):
        y = gap + i * (row + gap)
        w = width * value / top
        parts.append(
            f'<text class="name" x="{left - 8}" y="{_n(y + row * 0.68)}" text-anchor="end">{escape(text)}</text>'
            f'<rect class="{escape(css)}" x="{left}" y="{y}" width="{_n(w)}" height="{row}"/>'
            f'<text class="value" x="{_n(left + w + 6)}" y="{_n(y + row * 0.68)}">{value}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(points: Sequence[tuple[dt.date, float]], label: str, unit: str | None) -> Markup:
    """One series over time (at least two dates), oldest first; y from its minimum to its maximum."""
    w, h, left, right, top, bottom = 360, 150, 64, 20, 12, 30
    xs = [d.toordinal() for d, _ in points]
    ys = [v for _, v in points]
    x0, x1 = xs[0], xs[-1]
    y0, y1 = min(ys), max(ys)
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1
    if y0 > 0 and y0 < (y1 - y0):  # start at zero when it does not flatten the line
        y0 = 0.0
    plot_w, plot_h = w - left - right, h - top - bottom

    def px(x: int) -> float:
        return left + plot_w * (x - x0) / ((x1 - x0) or 1)

    def py(y: float) -> float:
        return top + plot_h * (1 - (y - y0) / (y1 - y0))

    coords = " ".join(f"{_n(px(x))},{_n(py(y))}" for x, y in zip(xs, ys, strict=True))
    first, last = points[0], points[-1]
    summary = (
        f"{label}: {len(points)} số liệu, từ {vn.so_luong(first[1], unit)} ngày {vn.ngay_ngan(first[0])} "
        f"đến {vn.so_luong(last[1], unit)} ngày {vn.ngay_ngan(last[0])}"
    )
    parts = [
        f'<svg class="chart line" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img"'
        f' aria-label="{escape(summary)}"><title>{escape(summary)}</title>',
        f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}"/>',
        f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{w - right}" y2="{top + plot_h}"/>',
        f'<text class="tick" x="{left - 6}" y="{_n(top + 4)}" text-anchor="end">{escape(vn.so(_round(y1)))}</text>',
        f'<text class="tick" x="{left - 6}" y="{_n(top + plot_h)}" text-anchor="end">{escape(vn.so(_round(y0)))}</text>',
        f'<text class="tick" x="{left}" y="{h - 10}">{vn.ngay_ngan(first[0])}</text>',
        f'<text class="tick" x="{w - right}" y="{h - 10}" text-anchor="end">{vn.ngay_ngan(last[0])}</text>',
        f'<polyline class="series" points="{coords}"/>',
    ]
    if len(points) <= 60:
        parts += [f'<circle class="dot" cx="{_n(px(x))}" cy="{_n(py(y))}" r="3"/>' for x, y in zip(xs, ys, strict=True)]
    parts.append("</svg>")
    return Markup("".join(parts))


def _round(value: float) -> float:
    return round(value, 2)
