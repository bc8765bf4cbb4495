"""The vectorised theme trends and segment tests give exactly the cell-by-cell results."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy.stats import fisher_exact, poisson

from voc.themes.trends import (
    SEGMENTS_COLUMNS,
    TRENDS_COLUMNS,
    _period_start,
    _segment_columns,
    benjamini_hochberg,
    theme_segments,
    theme_trends,
)


def _reference_trends(
    statements: pd.DataFrame, items: pd.DataFrame, period: str, alpha: float, min_count: int = 3
) -> pd.DataFrame:
    """The definition, one theme and period at a time (the code before vectorising)."""
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
            expected = p_value = None
            spike = False
            if base_items > 0:
                rate = float(n_items.iloc[:i].sum()) / base_items
                expected = rate * float(totals.iloc[i])
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
                    "spike_min_count": min_count,
                }
            )
    return pd.DataFrame(rows, columns=TRENDS_COLUMNS)


def _reference_segments(statements: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
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
                if n_seg < 5 or n_seg == n_all:
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
    out["significant"] = out["q_value"] < 0.05
    return out


def _data(seed: int, n_items: int = 600, n_themes: int = 9) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2026-01-05")
    items, st = [], []
    for i in range(n_items):
        late = i > n_items * 0.9  # the last tenth: one week, mostly theme t00 (a spike)
        day = start + pd.Timedelta(days=66 if late else int(rng.integers(0, 63)))
        items.append(
            {
                "item_id": f"i{i}",
                "created_at": pd.NaT if rng.random() < 0.03 else day,
                "source_kind": "survey" if rng.random() < 0.7 else "email",
                "channel": "web",
                "attributes": json.dumps(
                    {
                        "plan": str(
                            rng.choice(["free", "pro", "team", "x"], p=[0.5, 0.3, 0.19, 0.01])
                        )
                    }
                ),
            }
        )
        for _ in range(int(rng.integers(1, 4))):
            # growing themes, so some weeks spike; None = no theme
            t = int(rng.integers(0, n_themes + 3))
            st.append(
                {
                    "item_id": f"i{i}",
                    "theme_id": "t00"
                    if late and rng.random() < 0.6
                    else (f"t{t:02d}" if t < n_themes else None),
                }
            )
    return pd.DataFrame(st), pd.DataFrame(items)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("period", ["W", "M"])
def test_trends_equal_the_cell_by_cell_definition(seed: int, period: str) -> None:
    st, items = _data(seed)
    want = _reference_trends(st, items, period, 0.01)
    got = theme_trends(st, items, period, alpha=0.01, min_count=3)
    assert want["is_spike"].any() or period == "M"
    pd.testing.assert_frame_equal(got, want)


def test_trends_single_period_has_no_baseline() -> None:
    st, items = _data(3, n_items=50)
    items["created_at"] = pd.Timestamp("2026-01-06")
    want = _reference_trends(st, items, "W", 0.01)
    got = theme_trends(st, items, "W", alpha=0.01, min_count=3)
    assert got["expected"].isna().all()
    pd.testing.assert_frame_equal(got, want)


@pytest.mark.parametrize("seed", [0, 4])
def test_segments_equal_the_theme_by_theme_definition(seed: int) -> None:
    st, items = _data(seed)
    want = _reference_segments(st, items)
    got = theme_segments(st, items)
    assert len(want) > 10
    pd.testing.assert_frame_equal(got, want)
