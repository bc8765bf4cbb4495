"""Theme trends (spike flags) and segment shares (significant differences)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from voc.themes.trends import benjamini_hochberg, theme_segments, theme_trends


def _frames(weekly: list[int], other_per_week: int = 20) -> tuple[pd.DataFrame, pd.DataFrame]:
    items, st = [], []
    start = pd.Timestamp("2026-01-05")  # a Monday
    k = 0
    for w, n_theme in enumerate(weekly):
        for j in range(other_per_week):
            iid = f"i{k}"
            k += 1
            day = start + pd.Timedelta(weeks=w, days=j % 5)
            items.append({"item_id": iid, "created_at": day})
            st.append({"item_id": iid, "theme_id": "t01" if j < n_theme else None})
    return pd.DataFrame(st), pd.DataFrame(items)


def test_spike_flagged_only_in_the_jump_week() -> None:
    st, items = _frames([1, 1, 2, 1, 1, 9])
    tr = theme_trends(st, items, "W")
    assert list(tr["n_items"]) == [1, 1, 2, 1, 1, 9]
    assert list(tr["is_spike"]) == [False] * 5 + [True]
    assert tr["p_value"].iloc[-1] < 0.01
    assert tr["period_start"].iloc[0] == pd.Timestamp("2026-01-05")


def test_steady_theme_has_no_spike() -> None:
    st, items = _frames([3, 3, 3, 3, 3, 3])
    assert not theme_trends(st, items, "W")["is_spike"].any()


def test_monthly_period_and_undated_items() -> None:
    st, items = _frames([2, 2, 2, 2, 2, 2])
    items.loc[0, "created_at"] = pd.NaT
    tr = theme_trends(st, items, "M")
    assert set(tr["period_start"].dt.day) == {1}
    assert tr["n_items"].sum() == 11  # the undated item is in no period


def test_benjamini_hochberg_matches_hand_computation() -> None:
    q = benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.5]))
    assert np.allclose(q, [0.04, 0.05333333, 0.05333333, 0.5])


def test_segment_difference_found_and_corrected() -> None:
    rng = np.random.default_rng(0)
    rows, st = [], []
    for i in range(200):
        plan = "pro" if i < 100 else "free"
        region = "eu" if rng.random() < 0.5 else "us"
        rows.append(
            {
                "item_id": f"i{i}",
                "source_kind": "survey",
                "channel": "survey",
                "attributes": json.dumps({"plan": plan, "region": region}),
            }
        )
        # the theme hits 40% of pro items, 5% of free items, regardless of region
        hit = rng.random() < (0.4 if plan == "pro" else 0.05)
        st.append({"item_id": f"i{i}", "theme_id": "t01" if hit else None})
    seg = theme_segments(pd.DataFrame(st), pd.DataFrame(rows))
    sig = seg[seg["significant"]]
    found = set(zip(sig["attribute"], sig["value"], strict=True))
    assert found == {("plan", "pro"), ("plan", "free")}
    pro = seg[(seg["attribute"] == "plan") & (seg["value"] == "pro")].iloc[0]
    assert pro["share"] > 0.3 > pro["share_rest"]
    assert (seg["q_value"] >= seg["p_value"]).all()
    # source has a single value: not tested
    assert "source" not in set(seg["attribute"])
