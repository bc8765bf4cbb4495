"""Build the HTML report's charts (inline SVG) from :class:`ReportData`."""

from __future__ import annotations

from dataclasses import dataclass, field

from voc.report import charts
from voc.report.fmt import slug
from voc.report.model import ReportData
from voc.schema import UNKNOWN_STAGE

CURVE_EMOTIONS = 3


@dataclass
class Visuals:
    """Inline SVG strings, keyed for the template; empty strings mean "no chart"."""

    journey: str = ""
    sparklines: dict[str, str] = field(default_factory=dict)
    stage_mix: str = ""
    stage_colours: dict[str, str] = field(default_factory=dict)


def _curve_emotions(data: ReportData) -> list[str]:
    totals: dict[str, float] = {}
    for st in data.stages:
        for e in st.emotions:
            totals[e.label] = totals.get(e.label, 0.0) + e.share * st.n_statements
    return [e for e, _ in sorted(totals.items(), key=lambda x: (-x[1], x[0]))[:CURVE_EMOTIONS]]


def build_visuals(data: ReportData) -> Visuals:
    """Journey curve, one sparkline and one stage-mix bar per theme."""
    stages = [s for s in data.stages if s.stage_id != UNKNOWN_STAGE or s.n_statements]
    colours = {
        s.stage_id: charts.OKABE_ITO[k % len(charts.OKABE_ITO)] for k, s in enumerate(stages)
    }
    out = Visuals(stage_colours={s.name: colours[s.stage_id] for s in stages})
    if any(s.n_statements for s in stages):
        emotions = _curve_emotions(data)
        series = {
            e: [next((x.share for x in s.emotions if x.label == e), 0.0) for s in stages]
            for e in emotions
        }
        out.journey = charts.journey_curve(
            [s.name for s in stages],
            [
                (
                    s.sentiment.share("negative"),
                    s.sentiment.share("neutral"),
                    s.sentiment.share("positive"),
                )
                for s in stages
            ],
            [s.mean_score for s in stages],
            series,
        )
    periods = data.trend_periods
    span = f", {periods[0]} to {periods[-1]}" if periods else ""
    sparks = charts.Sparklines()
    try:
        for t in data.themes:
            if t.trend and any(t.trend):
                n_spikes = sum(t.spikes)
                label = (
                    f"Weekly statements of {t.name}{span}: "
                    + ", ".join(str(n) for n in t.trend)
                    + (f"; {n_spikes} spike week(s) marked" if n_spikes else "")
                )
                out.sparklines[t.theme_id] = sparks.render(slug(t.anchor), t.trend, t.spikes, label)
    finally:
        sparks.close()
    mixed = [t for t in data.themes if t.stage_mix_ids]
    used = []
    if mixed:
        used = [s for s in stages if any(t.stage_mix_ids.get(s.stage_id) for t in mixed)]
        mixed = [t for t in mixed if any(t.stage_mix_ids.get(s.stage_id) for s in used)]
    if mixed and used:
        out.stage_mix = charts.stage_mix_chart(
            [f"{t.rank}. {t.name}" if t.rank is not None else t.name for t in mixed],
            [s.name for s in used],
            [colours[s.stage_id] for s in used],
            [[t.stage_mix_ids.get(s.stage_id, 0.0) for s in used] for t in mixed],
        )
    return out
