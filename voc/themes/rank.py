"""Impact score of a theme, with its parts shown.

impact = 100 × customer share × severity × momentum × score factor, where
severity = (1 − w_negativity) + w_negativity × mean negativity,
momentum = 1 + w_growth × clip(growth − 1, 0, 1) and
score factor = 1 + w_score × clip(score effect / score scale, 0, 1).

Score effects are computed per score kind (NPS, CSAT, rating), each with the scored
customers of that kind only: a run with an NPS survey and CSAT-rated tickets gets both.
The kind that feeds the score factor is the one whose effect is largest on its own
scale (NPS points / ``nps_scale``, CSAT or rating points / ``mean_scale``); on a tie
(also when no effect is positive) the kind with the most scored customers.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from voc.themes.segments import fold_values, readable_labels


class RankWeights(BaseModel):
    """Weights of the impact score's parts (configurable under ``rank.with.weights``)."""

    model_config = ConfigDict(extra="forbid")

    negativity: float = 0.5
    growth: float = 0.5
    score: float = 0.5


@dataclass
class RankSettings:
    weights: RankWeights = field(default_factory=RankWeights)
    recent_weeks: int = 4
    nps_scale: float = 10.0  # NPS points for a full score factor
    mean_scale: float = 0.5  # CSAT/rating points for a full score factor


def formula_text(w: RankWeights) -> str:
    """Human-readable impact formula with the weights in force."""
    return (
        "impact = 100 × customer share × severity × momentum × score factor; "
        f"severity = {1 - w.negativity:.2f} + {w.negativity:.2f} × mean negativity; "
        f"momentum = 1 + {w.growth:.2f} × clip(growth − 1, 0, 1); "
        f"score factor = 1 + {w.score:.2f} × clip(score effect / scale, 0, 1), with the score"
        " kind whose effect is largest on its scale (NPS: 10 points, CSAT or rating: 0.5)"
    )


def score_metric(scores: pd.Series, kind: str) -> float:
    """NPS (% promoters − % detractors) for NPS scores, else the mean."""
    s = scores.dropna()
    if s.empty:
        return float("nan")
    if kind == "nps":
        return float(100.0 * ((s >= 9).mean() - (s <= 6).mean()))
    return float(s.mean())


# The theme-independent part of score_effects for the last ``respondents`` frame, kept with
# a strong reference to that frame, so ``is`` is a safe identity test: ranking calls
# score_effects once per theme with the same frame of all respondents.
_LAST_SCORED: list[tuple[pd.DataFrame, list[tuple[str, pd.DataFrame, float]]]] = []


def _by_kind(respondents: pd.DataFrame) -> list[tuple[str, pd.DataFrame, float]]:
    """(score kind, respondents of that kind, their score metric) per kind, the kind with
    most respondents first (ties by name), memoised."""
    if _LAST_SCORED and _LAST_SCORED[0][0] is respondents:
        return _LAST_SCORED[0][1]
    kinds = respondents["score_kind"].fillna("").replace("", "rating")
    counts = Counter(kinds.tolist())  # a list: pandas iterates slowly
    out = []
    for kind, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        scored = respondents[kinds == kind]
        out.append((kind, scored, score_metric(scored["score"], kind)))
    _LAST_SCORED[:] = [(respondents, out)]
    return out


def score_effects(
    respondents: pd.DataFrame, theme_customers: set[str]
) -> dict[str, float | None]:
    """Rise of each kind's score metric if the theme's customers were removed, per kind.

    ``respondents`` has one row per scored customer: customer_id, score, score_kind. Each
    kind is computed with the customers who gave a score of that kind only; the dict is
    ordered by kind, most scored customers first. Empty without scores.
    """
    if respondents.empty:
        return {}
    out: dict[str, float | None] = {}
    for kind, scored, base in _by_kind(respondents):
        rest = scored[~scored["customer_id"].isin(theme_customers)]
        if rest.empty or np.isnan(base):
            out[kind] = None
        else:
            out[kind] = round(score_metric(rest["score"], kind) - base, 3)
    return out


def score_effect(respondents: pd.DataFrame, theme_customers: set[str]) -> tuple[float | None, str]:
    """Effect of the most common score kind only, and that kind (see :func:`score_effects`)."""
    effects = score_effects(respondents, theme_customers)
    if not effects:
        return None, ""
    kind = next(iter(effects))
    return effects[kind], kind


def _scale(kind: str, settings: RankSettings) -> float:
    return settings.nps_scale if kind == "nps" else settings.mean_scale


def feeding_effect(
    effects: dict[str, float | None], settings: RankSettings
) -> tuple[float | None, str]:
    """The effect (and kind) that feeds the score factor: the largest on its own scale, the
    kind with most scored customers on a tie (``effects`` is ordered so)."""
    if not effects:
        return None, ""
    best = max(
        enumerate(effects.items()),
        key=lambda e: (
            float(np.clip((e[1][1] or 0.0) / _scale(e[1][0], settings), 0.0, 1.0)), -e[0]
        ),
    )
    return best[1][1], best[1][0]


def growth_ratio(dates: pd.Series, all_dates: pd.Series, recent_weeks: int) -> float | None:
    """Theme share of items in the last ``recent_weeks`` weeks over its earlier share."""
    all_d = pd.to_datetime(all_dates, errors="coerce").dropna()
    d = pd.to_datetime(dates, errors="coerce").dropna()
    if all_d.empty or d.empty:
        return None
    cut = all_d.max() - pd.Timedelta(weeks=recent_weeks)
    if (all_d <= cut).sum() == 0 or (all_d > cut).sum() == 0:
        return None
    recent = (d > cut).sum() / (all_d > cut).sum()
    before = (d <= cut).sum() / (all_d <= cut).sum()
    if before == 0:
        return 2.0 if recent > 0 else None
    return round(float(recent / before), 3)


def impact_score(
    customer_share: float,
    mean_negativity: float,
    growth: float | None,
    effect: float | None,
    effect_kind: str,
    settings: RankSettings,
) -> tuple[float, dict[str, float]]:
    """The impact and its factors."""
    w = settings.weights
    severity = (1 - w.negativity) + w.negativity * mean_negativity
    momentum = 1 + w.growth * float(np.clip((growth or 1.0) - 1.0, 0.0, 1.0))
    scale = _scale(effect_kind, settings)
    score_factor = 1 + w.score * float(np.clip((effect or 0.0) / scale, 0.0, 1.0))
    impact = 100.0 * customer_share * severity * momentum * score_factor
    return round(impact, 3), {
        "severity": round(severity, 3),
        "momentum": round(momentum, 3),
        "score_factor": round(score_factor, 3),
    }


def mix(values: pd.Series) -> dict[str, float]:
    """Shares of each value, largest first (ties by name)."""
    counts = Counter(v for v in values.fillna("").tolist() if v != "")
    total = sum(counts.values())
    if total == 0:
        return {}
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {k: round(v / total, 3) for k, v in items}


def majority_stage(stage_mix: dict[str, float], unknown: str = "unknown") -> str:
    """Most common stage, ignoring ``unknown`` when anything else is present."""
    known = {k: v for k, v in stage_mix.items() if k != unknown}
    pool = known or stage_mix
    if not pool:
        return unknown
    return sorted(pool.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def segment_mix(
    items: pd.DataFrame, shown: dict[str, dict[str, str]] | None = None
) -> dict[str, dict[str, float]]:
    """Share of each segment attribute value among ``items`` (attributes JSON column).

    Attributes are named as a reader sees them and values differing only in case or
    surrounding spaces are one (:mod:`voc.themes.segments`); ``shown`` (attribute label →
    raw value → shown value, from :func:`segment_spellings` over all items) makes the
    spelling the run's most frequent, not this theme's."""
    rows = [json.loads(a) if isinstance(a, str) and a else {} for a in items["attributes"]]
    rows = [r if isinstance(r, dict) else {} for r in rows]
    labels = readable_labels(k for r in rows for k in r)
    out: dict[str, dict[str, float]] = {}
    for label in sorted(set(labels.values())):
        keys = sorted(k for k, lab in labels.items() if lab == label)
        values = [
            next((str(r[k]).strip() for k in keys if str(r.get(k, "") or "").strip()), "")
            for r in rows
        ]
        fold = (shown or {}).get(label) or fold_values(v for v in values if v)
        out[label] = mix(pd.Series([fold.get(v, v) for v in values]))
    return out


def segment_spellings(items: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Attribute label → raw value → shown value, over all ``items`` (see :func:`segment_mix`)."""
    rows = [json.loads(a) if isinstance(a, str) and a else {} for a in items["attributes"]]
    rows = [r if isinstance(r, dict) else {} for r in rows]
    labels = readable_labels(k for r in rows for k in r)
    raw: dict[str, Counter[str]] = {}
    for r in rows:
        for k, v in r.items():
            text = str(v or "").strip()
            if text:
                raw.setdefault(labels[k], Counter())[text] += 1
    return {label: fold_values(c) for label, c in raw.items()}
