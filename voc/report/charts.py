"""Charts for the HTML report, drawn with matplotlib and embedded as inline SVG.

matplotlib renders at report time (its SVG backend through ``Figure``: no pyplot, no display,
no network, no change to matplotlib's global settings); the SVG is
inlined so the report stays one offline file. Text stays text (``svg.fonttype = none``) and is
XML-escaped by matplotlib. Output is deterministic: a fixed hash salt per chart and no date
metadata, so the same workspace gives byte-identical charts.

Colours are the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# Okabe-Ito: https://jfly.uni-koeln.de/color/ (colour-blind-safe qualitative palette).
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
SENTIMENT_COLOURS: dict[str, str] = {
    "negative": "#D55E00",
    "neutral": "#999999",
    "positive": "#0072B2",
}
INK = "#1a1a1a"
MUTED = "#5c5c5c"

_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.S)


STYLE: dict[str, object] = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "text.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "path.simplify": True,
}
"""Chart style, applied with ``rc_context`` so matplotlib's global settings stay untouched."""


@lru_cache(maxsize=1)
def _figure_class() -> type:
    """matplotlib's ``Figure`` (imported lazily; pyplot and GUI backends are never loaded)."""
    from matplotlib.figure import Figure

    return Figure


def _style() -> AbstractContextManager[None]:
    import matplotlib

    return matplotlib.rc_context(STYLE)


def _new_figure(figsize: tuple[float, float]) -> Any:
    return _figure_class()(figsize=figsize)


def _styled(func: F) -> F:
    """Run a chart function inside the chart style."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with _style():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _to_svg(fig: Any, key: str, label: str) -> str:
    """Serialise a figure to an inline ``<svg>`` element (no XML prolog, responsive size)."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({**STYLE, "svg.hashsalt": f"voc-{key}"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})  # type: ignore[attr-defined]
    text = buf.getvalue()
    start = text.find("<svg")
    text = text[start:].strip()
    # keep the viewBox, let CSS size it; label it for screen readers.
    opening = _SVG_OPEN.search(text)
    assert opening is not None
    tag = opening.group(0)
    view_box = re.search(r'viewBox="([^"]+)"', tag)
    from markupsafe import escape

    new_tag = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{key.split("-")[0]}" '
        f'viewBox="{view_box.group(1) if view_box else "0 0 100 100"}" '
        f'role="img" aria-label="{escape(label)}" preserveAspectRatio="xMidYMid meet">'
    )
    text = new_tag + text[opening.end() :]
    # drop the metadata block and comments: they only carry generator noise.
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->\s*", "", text, flags=re.S)
    return _scope_ids(text, re.sub(r"[^a-z0-9-]", "-", key.lower()))


_ID = re.compile(r'\bid="([^"]+)"')


def _scope_ids(svg: str, prefix: str) -> str:
    """Prefix every element id (and references to it) so charts inlined together never clash."""
    ids = set(_ID.findall(svg))
    if not ids:
        return svg
    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)

    def ref(m: re.Match[str]) -> str:
        name = m.group(2)
        return f"{m.group(1)}#{prefix}-{name}" if name in ids else m.group(0)

    return re.sub(r'(url\(|href=")#([^)"]+)', ref, svg)


@_styled
def journey_curve(
    stage_names: Sequence[str],
    shares: Sequence[tuple[float, float, float]],
    mean_scores: Sequence[float | None],
    emotion_series: dict[str, Sequence[float]],
) -> str:
    """Sentiment split per stage (stacked 100% bars) over the sentiment and emotion curves.

    ``shares`` are (negative, neutral, positive) per stage; ``mean_scores`` the mean sentiment
    score (−1..1) per stage; ``emotion_series`` maps an emotion to its share per stage.
    One x position per stage, spanning the full width so it lines up with the map's columns.
    """
    n = len(stage_names)
    fig = _new_figure((12.8, 3.8))  # 1:1 with a 1280 px wide page: text stays readable
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1.6])
    fig.subplots_adjust(left=0.0, right=1.0, top=0.97, bottom=0.09, hspace=0.18)
    xs = list(range(n))
    left = [0.0] * n
    for i, label in enumerate(("negative", "neutral", "positive")):
        vals = [s[i] * 100 for s in shares]
        top.bar(xs, vals, bottom=left, width=0.55, color=SENTIMENT_COLOURS[label], label=label)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    top.set_ylim(0, 100)
    top.set_yticks([])
    top.spines["left"].set_visible(False)
    top.set_title("Sentiment split (share of statements)", loc="left", fontsize=8, color=MUTED)
    pts = [(x, s) for x, s in zip(xs, mean_scores, strict=True) if s is not None]
    for k, (emotion, values) in enumerate(sorted(emotion_series.items())):
        colour = OKABE_ITO[k % len(OKABE_ITO)]
        style = ("--", ":", "-.")[k % 3]
        bottom.plot(
            xs, values, style, color=colour, linewidth=1.2, marker="o", markersize=3, label=emotion
        )
    if pts:
        bottom.plot(
            [p[0] for p in pts],
            [p[1] for p in pts],
            "-",
            color=INK,
            linewidth=2.2,
            marker="s",
            markersize=5,
            label="mean sentiment",
        )
    bottom.axhline(0, color="#bbbbbb", linewidth=0.8)
    bottom.set_ylim(-1, 1)
    bottom.set_yticks([-1, 0, 1], ["−1", "0", "+1"])
    bottom.tick_params(axis="y", direction="in", pad=-14)
    bottom.set_xlim(-0.5, n - 0.5)
    bottom.set_xticks(xs, list(stage_names))
    bottom.set_title(
        "Emotion curve: mean sentiment (−1..+1) and dominant emotions (share)",
        loc="left",
        fontsize=8,
        color=MUTED,
    )
    bottom.legend(loc="lower left", fontsize=8, frameon=False, ncol=min(4, 1 + len(emotion_series)))
    label = "Sentiment and emotion across stages: " + "; ".join(
        f"{name}: mean {s:+.2f}" if s is not None else f"{name}: no statements"
        for name, s in zip(stage_names, mean_scores, strict=True)
    )
    return _to_svg(fig, "journey", label)


def _num(v: float) -> str:
    """A coordinate as matplotlib's SVG backend writes it (at most 6 decimals)."""
    text = f"{v:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Sparklines:
    """Weekly counts as small lines, spikes marked with a triangle.

    Written as SVG directly, with the geometry matplotlib gave them (a 1.4 x 0.32 inch
    figure, axes from 2% to 98% of the width and 10% to 90% of the height, x from -0.3 to
    n - 0.7, y from 0 to 1.15 x the largest count): one sparkline per theme through
    matplotlib took about 20 ms each, most of a re-run's report; this takes microseconds.
    """

    WIDTH, HEIGHT = 100.8, 23.04  # points (1.4 x 0.32 inch at 72 per inch)
    LEFT, RIGHT, TOP, BOTTOM = 0.02, 0.98, 0.9, 0.1

    def render(self, key: str, counts: Sequence[int], spikes: Sequence[bool], label: str) -> str:
        """One sparkline as inline SVG."""
        from markupsafe import escape

        x0, x1 = self.LEFT * self.WIDTH, self.RIGHT * self.WIDTH
        y_top, y_bottom = (1 - self.TOP) * self.HEIGHT, (1 - self.BOTTOM) * self.HEIGHT
        lo, hi = -0.3, max(0.3, len(counts) - 0.7)
        ymax = max(1, max(counts, default=1)) * 1.15

        def px(x: float) -> float:
            return x0 + (x - lo) / (hi - lo) * (x1 - x0)

        def py(y: float) -> float:
            return y_bottom - y / ymax * (y_bottom - y_top)

        pts = [(px(x), py(c)) for x, c in enumerate(counts)]
        line = " L ".join(f"{_num(x)} {_num(y)}" for x, y in pts)
        base = _num(py(0))
        area = f"M {_num(pts[0][0])} {base} L {line} L {_num(pts[-1][0])} {base} z" if pts else ""
        scope = re.sub(r"[^a-z0-9-]", "-", f"spark-{key}".lower())
        clip = f"{scope}-clip"
        marks = "".join(
            f'<path d="M {_num(x)} {_num(y - 1.75)} L {_num(x - 1.75)} {_num(y + 1.75)} '
            f'L {_num(x + 1.75)} {_num(y + 1.75)} z" clip-path="url(#{clip})" '
            'style="fill: #d55e00; stroke: #d55e00; stroke-linejoin: miter"/>'
            for (x, y), spike in zip(pts, spikes, strict=True)
            if spike
        )
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-spark" '
            f'viewBox="0 0 {_num(self.WIDTH)} {_num(self.HEIGHT)}" role="img" '
            f'aria-label="{escape(label)}" preserveAspectRatio="xMidYMid meet">'
            f'<defs><clipPath id="{clip}"><rect x="{_num(x0)}" y="{_num(y_top)}" '
            f'width="{_num(x1 - x0)}" height="{_num(y_bottom - y_top)}"/></clipPath></defs>'
            f'<path d="M 0 {_num(self.HEIGHT)} L {_num(self.WIDTH)} {_num(self.HEIGHT)} '
            f'L {_num(self.WIDTH)} 0 L 0 0 z" style="fill: #ffffff"/>'
            + (
                f'<path d="{area}" clip-path="url(#{clip})" '
                'style="fill: #56b4e9; fill-opacity: 0.35"/>'
                f'<path d="M {line}" clip-path="url(#{clip})" style="fill: none; '
                "stroke: #0072b2; stroke-width: 1.2; stroke-linecap: square; "
                'stroke-linejoin: round"/>'
                if pts
                else ""
            )
            + marks
            + "</svg>"
        )

    def close(self) -> None:
        """Nothing to release (kept so callers need not know how sparklines are drawn)."""


@_styled
def stage_mix_chart(
    theme_names: Sequence[str],
    stage_names: Sequence[str],
    colours: Sequence[str],
    shares: Sequence[Sequence[float]],
) -> str:
    """Stage mix of every theme: one 100% stacked horizontal bar per theme, in rank order."""
    n = len(theme_names)
    fig = _new_figure((9.0, 0.9 + 0.28 * n))
    ax = fig.subplots()
    fig.subplots_adjust(
        left=0.3, right=0.99, top=1 - 0.55 / (0.9 + 0.28 * n), bottom=0.3 / (0.9 + 0.28 * n)
    )
    ys = list(range(n))
    left = [0.0] * n
    from matplotlib.collections import PolyCollection

    for k, (stage, colour) in enumerate(zip(stage_names, colours, strict=True)):
        vals = [row[k] * 100 for row in shares]
        # One collection of rectangles per stage instead of ``barh``'s patch per bar: the
        # same bars, drawn about 10x faster (a 100-theme chart took most of a report's time).
        verts = [
            [(x0, y - 0.35), (x0 + w, y - 0.35), (x0 + w, y + 0.35), (x0, y + 0.35)]
            for y, x0, w in zip(ys, left, vals, strict=True)
        ]
        bars = PolyCollection(
            verts, facecolors=colour, edgecolors="white", linewidths=0.6, label=stage
        )
        ax.add_collection(bars, autolim=True)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.autoscale_view()
    ax.set_yticks(ys, [name if len(name) <= 42 else name[:41] + "…" for name in theme_names])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    ax.tick_params(axis="y", length=0)
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=max(1, min(6, len(stage_names))),
        fontsize=7.5,
        frameon=False,
    )
    label = "Stage mix per theme: " + "; ".join(
        f"{t}: " + ", ".join(f"{st} {row[k]:.0%}" for k, st in enumerate(stage_names) if row[k] > 0)
        for t, row in zip(theme_names, shares, strict=True)
    )
    return _to_svg(fig, "stagemix", label)
