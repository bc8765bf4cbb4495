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


class Sparklines:
    """Weekly counts as small lines, spikes marked with a triangle.

    One figure is reused for every theme (only its artists are replaced), because building a
    matplotlib figure costs far more than drawing a line: this keeps ``voc report`` fast.
    """

    @_styled
    def __init__(self) -> None:
        self._fig = _new_figure((1.4, 0.32))
        self._ax = self._fig.subplots()
        self._fig.subplots_adjust(left=0.02, right=0.98, top=0.9, bottom=0.1)
        self._ax.axis("off")

    @_styled
    def render(self, key: str, counts: Sequence[int], spikes: Sequence[bool], label: str) -> str:
        """One sparkline as inline SVG."""
        ax = self._ax
        for artist in [*ax.lines, *ax.collections]:
            artist.remove()
        xs = list(range(len(counts)))
        ax.fill_between(xs, counts, color="#56B4E9", alpha=0.35, linewidth=0)
        ax.plot(xs, counts, color="#0072B2", linewidth=1.2)
        sx = [x for x, s in zip(xs, spikes, strict=True) if s]
        if sx:
            ax.plot(sx, [counts[x] for x in sx], "^", color="#D55E00", markersize=3.5)
        ax.set_ylim(0, max(1, max(counts, default=1)) * 1.15)
        ax.set_xlim(-0.3, max(0.3, len(counts) - 0.7))
        return _to_svg(self._fig, f"spark-{key}", label)

    def close(self) -> None:
        """Release the figure (kept for symmetry; no pyplot state is involved)."""
        self._fig.clear()


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
    for k, (stage, colour) in enumerate(zip(stage_names, colours, strict=True)):
        vals = [row[k] * 100 for row in shares]
        ax.barh(
            ys,
            vals,
            left=left,
            height=0.7,
            color=colour,
            edgecolor="white",
            linewidth=0.6,
            label=stage,
        )
        left = [a + b for a, b in zip(left, vals, strict=True)]
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
