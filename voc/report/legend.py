"""What each part of the impact score means, with the run's weights, for the ranked table.

A product manager reads the ranked table, not the methods section: the parts shown with
each theme ("severity 0.81 · momentum 1.00 · score factor 1.12") need their meaning next
to the table. The definitions come from the formula the rank step recorded with the
themes (``impact_parts.formula``, built from the pipeline's ``rank.with.weights``), so
the legend shows the weights the run used, not the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

#: What each part measures, in a reader's words (the formula says how it is computed).
MEANINGS: dict[str, str] = {
    "impact": "the share of all customers who raised the theme, weighted up when they are"
    " more negative, the theme is growing or it costs score points",
    "severity": "how negative the theme's statements are; mean negativity runs from 0"
    " (neutral or positive) to 1 (most negative)",
    "momentum": "whether the theme is growing; growth is the theme's share of the items"
    " dated in the recent weeks over its share before them (×1.0 steady), and only"
    " growth raises the impact",
    "score factor": "what the theme costs in scores; score effect is how much NPS or CSAT"
    " would rise if the theme's items were removed (no scores: 1.00)",
}


@dataclass(frozen=True)
class LegendEntry:
    """One part of the impact score: its name, how it is computed, what it means."""

    part: str
    formula: str
    meaning: str


def impact_legend(formula: str) -> list[LegendEntry]:
    """The impact score and its factors, each with its formula (the run's weights) and
    meaning; empty when the run recorded no formula.

    >>> [e.part for e in impact_legend(
    ...     "impact = 100 × customer share × severity; severity = 0.50 + 0.50 × mean negativity")]
    ['impact', 'severity']
    """
    out: list[LegendEntry] = []
    for clause in formula.split(";"):
        name, sep, rhs = clause.partition("=")
        part = name.strip().lower()
        if not sep or part not in MEANINGS:
            continue
        out.append(LegendEntry(part, f"{part} = {rhs.strip()}", MEANINGS[part]))
    return out
