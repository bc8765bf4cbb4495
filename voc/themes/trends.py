"""Theme counts over time with spike flags, and theme shares by segment.

Spikes: for each theme and period, a one-sided Poisson test of the period's item
count against the theme's own baseline rate (its share of all items in the earlier
periods, times the items in this period). A period is a spike when p < ``alpha``,
the count is at least ``min_count`` items (the rank step's ``spike_min_count``, default
10: a jump from 0 to 3 passes the test, and with dozens of themes and periods tested
some do by chance) and at least twice the expected count. Every row of the trends table
records the minimum it was flagged with (``spike_min_count``), so exports and the report
agree on which periods are spikes.

Segments: for each segment attribute (plan, persona, channel, source, ...) and value,
the share of the segment's items that raise the theme against the share in all other
items, compared with Fisher's exact test; p-values are corrected for multiple
comparisons with Benjamini-Hochberg (false discovery rate) over all tests of the run.
"""

from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy.stats import fisher_exact, poisson

from voc.themes.segments import fold_values, readable_labels

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
    "spike_min_count",
]
#: Fewest items in a period for a spike (the rank step's ``spike_min_count``).
SPIKE_MIN_COUNT = 10
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
    min_count: int = SPIKE_MIN_COUNT,
) -> pd.DataFrame:
    """Counts per theme and period (``W`` weeks, ``D``, ``M``) with a spike flag.

    ``statements`` needs item_id and theme_id; ``items`` needs item_id and created_at.
    Items without a date are not counted in any period. Computed as theme x period
    matrices (one Poisson call for all cells), in the same floating-point order as the
    cell-by-cell definition, so the numbers do not depend on how it is computed.
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
    st = st.assign(theme_id=st["theme_id"].astype(str))
    themes = sorted(st["theme_id"].unique())
    grouped = st.groupby(["theme_id", "period_start"])["item_id"]
    full = pd.MultiIndex.from_product([themes, periods], names=["theme_id", "period_start"])
    n_items = grouped.nunique().reindex(full, fill_value=0).to_numpy(np.int64)
    n_items = n_items.reshape(len(themes), len(periods))
    n_st = grouped.size().reindex(full, fill_value=0).to_numpy(np.int64)
    n_st = n_st.reshape(len(themes), len(periods))
    tot = totals.to_numpy(np.int64)
    base = np.concatenate([[0], np.cumsum(tot)[:-1]])  # items in the earlier periods
    before = np.concatenate(  # the theme's items in the earlier periods
        [np.zeros((len(themes), 1), np.int64), np.cumsum(n_items, axis=1)[:, :-1]], axis=1
    )
    has_base = np.broadcast_to(base > 0, n_items.shape)
    safe = np.where(base > 0, base, 1).astype(float)
    expected = before.astype(float) / safe * tot.astype(float)
    lam = np.maximum(expected, 0.5 * tot.astype(float) / safe)
    sf = poisson.sf(n_items - 1, lam)
    p_value = np.where(n_items > 0, sf, 1.0)
    spike = has_base & (p_value < alpha) & (n_items >= min_count) & (n_items >= 2 * lam)
    exp_col = np.where(has_base, np.round(expected, 3), np.nan).ravel()
    p_col = np.where(has_base, np.round(p_value, 6), np.nan).ravel()
    out = pd.DataFrame(
        {
            "theme_id": np.repeat(np.array(themes, dtype=object), len(periods)),
            "period_start": pd.to_datetime(np.tile(np.array(periods), len(themes))),
            "n_items": n_items.ravel(),
            "n_statements": n_st.ravel(),
            "expected": exp_col,
            "p_value": p_col,
            "is_spike": spike.ravel(),
            "spike_min_count": np.full(spike.size, int(min_count), dtype=np.int64),
        },
        columns=TRENDS_COLUMNS,
    )
    if not has_base.any():  # as the cell-by-cell version: a column of None, not NaN
        out["expected"] = pd.Series([None] * len(out), dtype=object)
        out["p_value"] = pd.Series([None] * len(out), dtype=object)
    return out


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
    """One column per segment attribute: source, channel and the JSON attributes.

    Attributes are named as a reader sees them ("field_plan_tier" → "plan tier": see
    :mod:`voc.themes.segments`), and values differing only in case or surrounding spaces
    are one value, in its most frequent spelling."""
    attrs = [json.loads(a) if isinstance(a, str) and a else {} for a in items["attributes"]]
    attrs = [a if isinstance(a, dict) else {} for a in attrs]
    seg = pd.DataFrame({"item_id": items["item_id"].to_numpy()})
    seg["source"] = items["source_kind"].fillna("").astype(str).to_numpy()
    if "channel" in items:
        seg["channel"] = items["channel"].fillna("").astype(str).to_numpy()
    labels = readable_labels(k for a in attrs for k in a)
    columns: dict[str, list[str]] = {}
    for key in sorted(labels):  # keys reading the same are one column: the first value wins
        col = columns.setdefault(labels[key], [""] * len(attrs))
        for i, a in enumerate(attrs):
            if not col[i]:
                col[i] = str(a.get(key, "") or "").strip()
    for label in sorted(columns):
        name = label if label not in seg.columns else f"{label} (attribute)"
        values = columns[label]
        shown = fold_values(v for v in values if v)
        seg[name] = [shown.get(v, v) for v in values]
    return seg


@lru_cache(maxsize=65536)
def _fisher_p(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher exact p-value of [[a, b], [c, d]] (memoised: small tables repeat)."""
    return float(fisher_exact([[a, b], [c, d]], alternative="two-sided")[1])


def theme_segments(
    statements: pd.DataFrame,
    items: pd.DataFrame,
    alpha: float = 0.05,
    min_segment_items: int = 5,
) -> pd.DataFrame:
    """Share of each segment's items that raise each theme, with significant differences.

    Attributes with a single value, and segment values with fewer than
    ``min_segment_items`` items, are not tested. The segments are found once, not once
    per theme, and identical 2x2 tables are tested once.
    """
    seg = _segment_columns(items)
    st = statements[statements["theme_id"].notna()][["item_id", "theme_id"]].drop_duplicates()
    n_all = len(seg)
    tested: list[tuple[str, str, np.ndarray]] = []  # (attribute, value, rows of its items)
    for attr in [c for c in seg.columns if c != "item_id"]:
        values = seg[attr]
        known = values != ""
        if values[known].nunique() < 2:
            continue
        for value in sorted(values[known].unique()):
            in_seg = (values == value).to_numpy()
            n_seg = int(in_seg.sum())
            if n_seg < min_segment_items or n_seg == n_all:
                continue
            tested.append((attr, value, in_seg))
    rows: list[dict[str, object]] = []
    if tested:
        ids = seg["item_id"]
        by_theme = st.groupby(st["theme_id"].astype(str))["item_id"].agg(set)
        for theme_id in sorted(by_theme.index):
            has = ids.isin(by_theme[theme_id]).to_numpy()
            n_has = int(has.sum())
            for attr, value, in_seg in tested:
                n_seg = int(in_seg.sum())
                a = int((has & in_seg).sum())
                c = n_has - a
                n_rest = n_all - n_seg
                rows.append(
                    {
                        "theme_id": theme_id,
                        "attribute": attr,
                        "value": value,
                        "n_segment_items": n_seg,
                        "n_theme_items": a,
                        "share": round(a / n_seg, 4),
                        "share_rest": round(c / n_rest, 4) if n_rest else 0.0,
                        "p_value": _fisher_p(a, n_seg - a, c, n_rest - c),
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
    spike_min_count: int = SPIKE_MIN_COUNT,
) -> dict[str, pd.DataFrame]:
    """``theme_trends`` and ``theme_segments`` tables; spike flags set on ``themes`` in place."""
    trends = theme_trends(
        statements, items, period, alpha=spike_alpha, min_count=spike_min_count
    )
    segments = theme_segments(statements, items, alpha=segment_alpha)
    if not themes.empty:
        spiking = trends[trends["is_spike"]] if len(trends) else trends
        last = trends["period_start"].max() if len(trends) else None
        themes["has_spike"] = themes["theme_id"].isin(set(spiking["theme_id"]))
        themes["spike_in_last_period"] = themes["theme_id"].isin(
            set(spiking.loc[spiking["period_start"] == last, "theme_id"])
        )
    return {"theme_trends": trends, "theme_segments": segments}
