"""Timeline charts of a series (events per period and quad class, Goldstein mean).

``.html``: one self-contained file that works offline: the chart is drawn here as inline
SVG, and a few lines of our own JavaScript add a hover read-out and series toggling from the
legend (no CDN, no library). ``.png``: drawn with matplotlib, an optional dependency (E622).
"""

from __future__ import annotations

import html
import importlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsevents.errors import Msg, StoreError

#: The series drawn as lines: column, label and colour (cooperation green/blue, conflict orange/red).
SERIES: tuple[tuple[str, str, str], ...] = (
    ("verbal_coop", "verbal cooperation (1)", "#2b8cbe"),
    ("material_coop", "material cooperation (2)", "#31a354"),
    ("verbal_conflict", "verbal conflict (3)", "#fd8d3c"),
    ("material_conflict", "material conflict (4)", "#de2d26"),
)
_WIDTH, _LEFT, _RIGHT = 960, 60, 20
_TOP, _COUNTS_H, _GAP, _GOLD_H, _BOTTOM = 40, 300, 40, 140, 50

_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById('series-data').textContent);
  var svg = document.getElementById('chart'), tip = document.getElementById('tip');
  var line = document.getElementById('cursor');
  svg.addEventListener('mousemove', function (ev) {
    var box = svg.getBoundingClientRect(), x = (ev.clientX - box.left) * data.width / box.width;
    var i = Math.round((x - data.left) / data.step);
    if (i < 0 || i >= data.rows.length) { tip.style.display = 'none'; return; }
    var row = data.rows[i], text = row.period + ': ' + row.events + ' events';
    data.series.forEach(function (s) { text += '\\n' + s[1] + ': ' + row[s[0]]; });
    text += '\\nGoldstein mean ' + row.goldstein_mean + ', sum ' + row.goldstein_sum;
    tip.textContent = text; tip.style.display = 'block';
    tip.style.left = (ev.pageX + 12) + 'px'; tip.style.top = (ev.pageY + 12) + 'px';
    var cx = data.left + i * data.step;
    line.setAttribute('x1', cx); line.setAttribute('x2', cx); line.style.display = 'inline';
  });
  svg.addEventListener('mouseleave', function () {
    tip.style.display = 'none'; line.style.display = 'none';
  });
  document.querySelectorAll('[data-toggle]').forEach(function (item) {
    item.addEventListener('click', function () {
      var path = document.getElementById('line-' + item.dataset.toggle);
      var hidden = path.style.display === 'none';
      path.style.display = hidden ? 'inline' : 'none';
      item.style.opacity = hidden ? 1 : 0.35;
    });
  });
})();
"""


def _number(value: Any) -> float:
    """Return a cell as a float (None counts as 0)."""
    return float(value) if value is not None else 0.0


def _x_positions(count: int) -> tuple[float, list[float]]:
    """Return the step between periods and the x of each one."""
    step = (_WIDTH - _LEFT - _RIGHT) / max(count - 1, 1)
    return step, [_LEFT + i * step for i in range(count)]


def _count_lines(rows: Sequence[Mapping[str, Any]], xs: list[float]) -> list[str]:
    """Return the SVG of the count axis and one polyline per quad class."""
    top = max((_number(r[name]) for r in rows for name, _, _ in SERIES), default=0.0) or 1.0
    bottom = _TOP + _COUNTS_H
    parts = [
        f'<line x1="{_LEFT}" y1="{bottom}" x2="{_WIDTH - _RIGHT}" y2="{bottom}" stroke="#999"/>',
        f'<text x="{_LEFT - 8}" y="{_TOP + 4}" text-anchor="end">{top:g}</text>',
        f'<text x="{_LEFT - 8}" y="{bottom}" text-anchor="end">0</text>',
    ]
    for name, _label, colour in SERIES:
        points = " ".join(
            f"{x:.1f},{bottom - _number(r[name]) / top * _COUNTS_H:.1f}"
            for x, r in zip(xs, rows, strict=True)
        )
        parts.append(
            f'<polyline id="line-{name}" points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
        )
    return parts


def _goldstein_bars(rows: Sequence[Mapping[str, Any]], xs: list[float], step: float) -> list[str]:
    """Return the SVG of the Goldstein mean per period: bars up (cooperation) or down (conflict)."""
    middle = _TOP + _COUNTS_H + _GAP + _GOLD_H / 2
    width = max(min(step * 0.7, 24.0), 1.0)
    parts = [
        f'<line x1="{_LEFT}" y1="{middle}" x2="{_WIDTH - _RIGHT}" y2="{middle}" stroke="#999"/>',
        f'<text x="{_LEFT - 8}" y="{middle - _GOLD_H / 2 + 4}" text-anchor="end">+10</text>',
        f'<text x="{_LEFT - 8}" y="{middle + _GOLD_H / 2}" text-anchor="end">-10</text>',
        f'<text x="{_LEFT}" y="{middle - _GOLD_H / 2 - 8}">Goldstein mean</text>',
    ]
    for x, row in zip(xs, rows, strict=True):
        value = _number(row.get("goldstein_mean"))
        height = abs(value) / 10 * (_GOLD_H / 2)
        y = middle - height if value >= 0 else middle
        colour = "#31a354" if value >= 0 else "#de2d26"
        parts.append(
            f'<rect x="{x - width / 2:.1f}" y="{y:.1f}" width="{width:.1f}" '
            f'height="{height:.1f}" fill="{colour}"/>'
        )
    return parts


def _axis_labels(rows: Sequence[Mapping[str, Any]], xs: list[float]) -> list[str]:
    """Return at most about twelve period labels under the chart."""
    every = max(1, len(rows) // 12)
    y = _TOP + _COUNTS_H + _GAP + _GOLD_H + 20
    return [
        f'<text x="{x:.1f}" y="{y}" text-anchor="middle">{html.escape(str(r["period"]))}</text>'
        for i, (x, r) in enumerate(zip(xs, rows, strict=True))
        if i % every == 0
    ]


def svg_chart(rows: Sequence[Mapping[str, Any]], title: str) -> str:
    """Return the timeline as one SVG element (counts per quad class, then the Goldstein mean)."""
    step, xs = _x_positions(len(rows))
    height = _TOP + _COUNTS_H + _GAP + _GOLD_H + _BOTTOM
    legend = [
        f'<g data-toggle="{name}" style="cursor:pointer"><rect x="{_LEFT + i * 210}" y="12" width="12" '
        f'height="12" fill="{colour}"/><text x="{_LEFT + i * 210 + 16}" y="22">{label}</text></g>'
        for i, (name, label, colour) in enumerate(SERIES)
    ]
    body = [
        *legend,
        *_count_lines(rows, xs),
        *_goldstein_bars(rows, xs, step),
        *_axis_labels(rows, xs),
        f'<line id="cursor" y1="{_TOP}" y2="{height - _BOTTOM}" stroke="#555" stroke-dasharray="3,3" '
        'style="display:none"/>',
    ]
    return (
        f'<svg id="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'width="100%" font-family="sans-serif" font-size="12"><title>{html.escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def html_page(rows: Sequence[Mapping[str, Any]], title: str) -> str:
    """Return a self-contained HTML page with the chart, its data and the interactive script."""
    step, _ = _x_positions(len(rows))
    data = {"rows": list(rows), "series": SERIES, "width": _WIDTH, "left": _LEFT, "step": step}
    payload = json.dumps(data, default=str).replace("</", "<\\/")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "#tip{position:absolute;display:none;white-space:pre;background:#fff;border:1px solid #999;"
        "padding:4px 6px;font-size:12px;pointer-events:none}</style></head><body>"
        f'<h1>{html.escape(title)}</h1>{svg_chart(rows, title)}<div id="tip"></div>'
        f'<script type="application/json" id="series-data">{payload}</script>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def _png(rows: Sequence[Mapping[str, Any]], path: Path, title: str) -> None:
    """Draw the timeline with matplotlib into a PNG file (E622 when matplotlib is missing)."""
    try:  # an optional dependency, imported by name so that type checks do not need it
        matplotlib = importlib.import_module("matplotlib")
        matplotlib.use("Agg")
        plt = importlib.import_module("matplotlib.pyplot")
    except ImportError as exc:
        raise StoreError(Msg.E622, path=path) from exc
    periods = [str(r["period"]) for r in rows]
    figure, (counts, gold) = plt.subplots(2, 1, figsize=(11, 6), sharex=True, height_ratios=(2, 1))
    for name, label, colour in SERIES:
        counts.plot(periods, [_number(r[name]) for r in rows], label=label, color=colour)
    counts.set_title(title)
    counts.set_ylabel("events")
    counts.legend(fontsize="small")
    means = [_number(r.get("goldstein_mean")) for r in rows]
    gold.bar(periods, means, color=["#31a354" if m >= 0 else "#de2d26" for m in means])
    gold.set_ylabel("Goldstein mean")
    gold.set_ylim(-10, 10)
    figure.autofmt_xdate()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def write_plot(rows: Sequence[Mapping[str, Any]], path: str | Path, *, title: str) -> Path:
    """Write a timeline as ``.html`` (interactive, offline) or ``.png`` (matplotlib); return the path."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".html", ".htm", ".png"):
        raise StoreError(Msg.E621, path=target, reason="the file name must end in .png or .html")
    if not rows:
        raise StoreError(Msg.E621, path=target, reason="no events match, so there is nothing to draw")
    try:
        if suffix == ".png":
            _png(rows, target, title)
        else:
            target.write_text(html_page(rows, title), encoding="utf-8")
    except OSError as exc:
        raise StoreError(Msg.E621, path=target, reason=exc.strerror or str(exc)) from exc
    return target
