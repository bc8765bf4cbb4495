"""Theme counts over time with spike flags, and theme shares by segment.

Spikes: for each theme and period, a one-sided Poisson test of the period's item
count against the theme's own baseline rate (its share of all items in the earlier
periods, times the items in this period). A period is a spike when p < ``alpha``,
the count is at least ``min_count`` and at least twice the expected count.

Segments: for each segment attribute (plan, persona, channel, source, ...) and value,
the share of the segment's items that raise the theme against the share in all other
items, compared with Fisher's exact test; p-values are corrected for multiple
comparisons with Benjamini-Hochberg (false discovery rate) over all tests of the run.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
from scipy.stats import fisher_exact, poisson

SPIKE_TEST = "one-sided Poisson test against the theme's baseline rate in earlier periods"
SEGMENT_TEST = "Fisher's exact test, Benjamini-Hochberg corrected (FDR)"

TRENDS_COLUMNS = [
    "theme_id",
    "period_start",
    "n_items",
    "n_statements",
    "expected",
    "p_value",
    "is_spike",
]
SEGMENTS_COLUMNS = [
    "theme_id",
    "attribute",
    "value",
    "n_segment_items",
    "n_theme_items",
    "share",
    "share_rest",
    "p_value",
    "q_value",
    "significant",
]


def _period_start(dates: pd.Series, period: str) -> pd.Series:
    d = pd.to_datetime(dates, errors="coerce")
    return d.dt.to_period(period).dt.start_time


def theme_trends(
    statements: pd.DataFrame,
    items: pd.DataFrame,
    period: str = "W",
    alpha: float = 0.01,
    min_count: int = 3,
) -> pd.DataFrame:
    """Counts per theme and period (``W`` weeks, ``D``, ``M``) with a spike flag.

    ``statements`` needs item_id and theme_id; ``items`` needs item_id and created_at.
    Items without a date are not counted in any period.
    """
    items = items[["item_id", "created_at"]].copy()
    items["period_start"] = _period_start(items["created_at"], period)
    dated = items.dropna(subset=["period_start"])
    st = statements[statements["theme_id"].notna()][["item_id", "theme_id"]]
    st = st.merge(dated[["item_id", "period_start"]], on="item_id", how="inner")
    if st.empty:
        return pd.DataFrame(columns=TRENDS_COLUMNS)
    periods = sorted(dated["period_start"].unique())
    totals = dated.groupby("period_start")["item_id"].nunique().reindex(periods, fill_value=0)
    rows: list[dict[str, object]] = []
    for theme_id, g in sorted(st.groupby("theme_id"), key=lambda kv: str(kv[0])):
        n_items = g.groupby("period_start")["item_id"].nunique().reindex(periods, fill_value=0)
        n_st = g.groupby("period_start").size().reindex(periods, fill_value=0)
        for i, p in enumerate(periods):
            base_items = int(totals.iloc[:i].sum())
            count = int(n_items.iloc[i])
            expected: float | None = None
            p_value: float | None = None
            spike = False
            if base_items > 0:
                rate = float(n_items.iloc[:i].sum()) / base_items
                expected = rate * float(totals.iloc[i])
                # a theme absent from the baseline gets half an item of prior evidence
                lam = max(expected, 0.5 * float(totals.iloc[i]) / base_items)
                p_value = float(poisson.sf(count - 1, lam)) if count > 0 else 1.0
                spike = p_value < alpha and count >= min_count and count >= 2 * lam
            rows.append(
                {
                    "theme_id": str(theme_id),
                    "period_start": pd.Timestamp(p),
                    "n_items": count,
                    "n_statements": int(n_st.iloc[i]),
                    "expected": None if expected is None else round(expected, 3),
                    "p_value": None if p_value is None else round(p_value, 6),
                    "is_spike": bool(spike),
                }
            )
    return pd.DataFrame(rows, columns=TRENDS_COLUMNS)


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values), same order as ``p``."""
    p = np.asarray(p, dtype=float)
    n = len(p)
    if n == 0:
        return p
    order = np.argsort(p, kind="stable")
    ranked = p[order] * n / np.arange(1, n + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(n)
    out[order] = np.clip(q, 0.0, 1.0)
    return out


def _segment_columns(items: pd.DataFrame) -> pd.DataFrame:
    """One column per segment attribute: source, channel and the JSON attributes."""
    attrs = [json.loads(a) if isinstance(a, str) and a else {} for a in items["attributes"]]
    keys = sorted({k for a in attrs for k in a})
    seg = pd.DataFrame({"item_id": items["item_id"].to_numpy()})
    seg["source"] = items["source_kind"].fillna("").astype(str).to_numpy()
    if "channel" in items:
        seg["channel"] = items["channel"].fillna("").astype(str).to_numpy()
    for k in keys:
        seg[k] = [str(a.get(k, "") or "") for a in attrs]
    return seg


def theme_segments(
    statements: pd.DataFrame,
    items: pd.DataFrame,
    alpha: float = 0.05,
    min_segment_items: int = 5,
) -> pd.DataFrame:
    """Share of each segment's items that raise each theme, with significant differences.

    Attributes with a single value, and segment values with fewer than
    ``min_segment_items`` items, are not tested.
    """
    seg = _segment_columns(items)
    st = statements[statements["theme_id"].notna()][["item_id", "theme_id"]].drop_duplicates()
    n_all = len(seg)
    rows: list[dict[str, object]] = []
    for theme_id in sorted(st["theme_id"].astype(str).unique()):
        has = seg["item_id"].isin(set(st.loc[st["theme_id"] == theme_id, "item_id"]))
        for attr in [c for c in seg.columns if c != "item_id"]:
            values = seg[attr]
            known = values != ""
            if values[known].nunique() < 2:
                continue
            for value in sorted(values[known].unique()):
                in_seg = values == value
                n_seg = int(in_seg.sum())
                if n_seg < min_segment_items or n_seg == n_all:
                    continue
                a = int((has & in_seg).sum())
                c = int((has & ~in_seg).sum())
                n_rest = n_all - n_seg
                _, p = fisher_exact([[a, n_seg - a], [c, n_rest - c]], alternative="two-sided")
                rows.append(
                    {
                        "theme_id": theme_id,
                        "attribute": attr,
                        "value": value,
                        "n_segment_items": n_seg,
                        "n_theme_items": a,
                        "share": round(a / n_seg, 4),
                        "share_rest": round(c / n_rest, 4) if n_rest else 0.0,
                        "p_value": float(p),
                    }
                )
    out = pd.DataFrame(rows, columns=SEGMENTS_COLUMNS)
    if out.empty:
        return out
    out["q_value"] = np.round(benjamini_hochberg(out["p_value"].to_numpy()), 6)
    out["p_value"] = out["p_value"].round(6)
    out["significant"] = out["q_value"] < alpha
    return out


def trend_tables(
    statements: pd.DataFrame,
    items: pd.DataFrame,
    themes: pd.DataFrame,
    period: str = "W",
    spike_alpha: float = 0.01,
    segment_alpha: float = 0.05,
) -> dict[str, pd.DataFrame]:
    """``theme_trends`` and ``theme_segments`` tables; spike flags set on ``themes`` in place."""
    trends = theme_trends(statements, items, period, alpha=spike_alpha)
    segments = theme_segments(statements, items, alpha=segment_alpha)
    if not themes.empty:
        spiking = trends[trends["is_spike"]] if len(trends) else trends
        last = trends["period_start"].max() if len(trends) else None
        themes["has_spike"] = themes["theme_id"].isin(set(spiking["theme_id"]))
        themes["spike_in_last_period"] = themes["theme_id"].isin(
            set(spiking.loc[spiking["period_start"] == last, "theme_id"])
        )
    return {"theme_trends": trends, "theme_segments": segments}
