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
    st, items = _frames([1, 1, 2, 1, 1, 12])
    tr = theme_trends(st, items, "W")
    assert list(tr["n_items"]) == [1, 1, 2, 1, 1, 12]
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


def test_spike_minimum_is_a_parameter_recorded_on_every_row() -> None:
    """9 items against a baseline of 1 pass the Poisson test, but are below the default
    minimum of 10 items: not a spike, in the exported table as in the report."""
    from voc.themes.trends import trend_tables
    from voc.themesteps import RankParams

    st, items = _frames([1, 1, 2, 1, 1, 9])
    tr = theme_trends(st, items, "W")
    assert not tr["is_spike"].any()
    assert tr["p_value"].iloc[-1] < 0.01
    assert set(tr["spike_min_count"]) == {10} == {RankParams().spike_min_count}
    low = theme_trends(st, items, "W", min_count=3)
    assert list(low["is_spike"]) == [False] * 5 + [True]
    assert set(low["spike_min_count"]) == {3}
    themes = pd.DataFrame({"theme_id": ["t01"]})
    items["source_kind"], items["attributes"] = "survey", "{}"
    tables = trend_tables(st, items, themes, "W", spike_min_count=3)
    assert tables["theme_trends"]["is_spike"].any() and bool(themes["has_spike"].iloc[0])
    trend_tables(st, items, themes, "W")
    assert not bool(themes["has_spike"].iloc[0])


def test_segment_names_are_readable_and_values_fold_case_and_spaces() -> None:
    rng = np.random.default_rng(1)
    spell = ["Pro", "pro ", "PRO", "Pro", "Pro"]
    rows, st = [], []
    for i in range(200):
        pro = i < 100
        attrs = {"field_plan_tier": spell[i % 5] if pro else "Free",
                 "field_360001234": "yes" if i % 2 else "no", "plan_type": "a" if pro else "b"}
        rows.append({"item_id": f"i{i}", "source_kind": "helpdesk",
                     "attributes": json.dumps(attrs)})
        hit = rng.random() < (0.4 if pro else 0.05)
        st.append({"item_id": f"i{i}", "theme_id": "t01" if hit else None})
    seg = theme_segments(pd.DataFrame(st), pd.DataFrame(rows))
    assert set(seg["attribute"]) == {"plan tier", "field 360001234", "plan type"}
    tier = seg[seg["attribute"] == "plan tier"]
    assert set(tier["value"]) == {"Pro", "Free"}  # "pro ", "PRO" folded into "Pro"
    assert int(tier.loc[tier["value"] == "Pro", "n_segment_items"].iloc[0]) == 100
    assert bool(tier.loc[tier["value"] == "Pro", "significant"].iloc[0])
