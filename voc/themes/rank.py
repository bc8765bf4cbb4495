"""Impact score of a theme, with its parts shown.

impact = 100 × customer share × severity × momentum × score factor, where
severity = (1 − w_negativity) + w_negativity × mean negativity,
momentum = 1 + w_growth × clip(growth − 1, 0, 1) and
score factor = 1 + w_score × clip(score effect / score scale, 0, 1).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict


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
        f"score factor = 1 + {w.score:.2f} × clip(score effect / scale, 0, 1)"
    )


def score_metric(scores: pd.Series, kind: str) -> float:
    """NPS (% promoters − % detractors) for NPS scores, else the mean."""
    s = scores.dropna()
    if s.empty:
        return float("nan")
    if kind == "nps":
        return float(100.0 * ((s >= 9).mean() - (s <= 6).mean()))
    return float(s.mean())


# The theme-independent part of score_effect for the last ``respondents`` frame, kept with
# a strong reference to that frame, so ``is`` is a safe identity test: ranking calls
# score_effect once per theme with the same frame of all respondents.
_LAST_SCORED: list[tuple[pd.DataFrame, str, pd.DataFrame, float]] = []


def _scored(respondents: pd.DataFrame) -> tuple[str, pd.DataFrame, float]:
    """(most common score kind, respondents of that kind, their score metric), memoised."""
    if _LAST_SCORED and _LAST_SCORED[0][0] is respondents:
        return _LAST_SCORED[0][1], _LAST_SCORED[0][2], _LAST_SCORED[0][3]
    kinds = respondents["score_kind"].fillna("").replace("", "rating")
    kind = Counter(kinds.tolist()).most_common(1)[0][0]  # a list: pandas iterates slowly
    scored = respondents[kinds == kind]
    base = score_metric(scored["score"], kind)
    _LAST_SCORED[:] = [(respondents, kind, scored, base)]
    return kind, scored, base


def score_effect(respondents: pd.DataFrame, theme_customers: set[str]) -> tuple[float | None, str]:
    """Rise of the score metric if the theme's customers were removed.

    ``respondents`` has one row per scored customer: customer_id, score, score_kind. Its
    score kind, scored rows and base metric are derived once per frame, not once per theme.
    """
    if respondents.empty:
        return None, ""
    kind, scored, base = _scored(respondents)
    rest = scored[~scored["customer_id"].isin(theme_customers)]
    if rest.empty or np.isnan(base):
        return None, kind
    return round(score_metric(rest["score"], kind) - base, 3), kind


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
    scale = settings.nps_scale if effect_kind == "nps" else settings.mean_scale
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


def segment_mix(items: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Share of each segment attribute value among ``items`` (attributes JSON column)."""
    rows = [json.loads(a) if isinstance(a, str) and a else {} for a in items["attributes"]]
    keys = sorted({k for r in rows for k in r})
    return {k: mix(pd.Series([r.get(k, "") for r in rows])) for k in keys}
