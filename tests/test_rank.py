import json

import numpy as np
import pandas as pd

from voc.themes.rank import (
    RankSettings,
    RankWeights,
    growth_ratio,
    impact_score,
    majority_stage,
    score_effect,
    score_metric,
)
from voc.themes.table import ThemeDraft, rank_themes


def test_nps_metric() -> None:
    s = pd.Series([10, 9, 8, 7, 0, 3])
    assert score_metric(s, "nps") == (2 / 6 - 2 / 6) * 100
    assert score_metric(pd.Series([4, 5]), "csat") == 4.5


def test_score_effect_is_rise_without_theme_customers() -> None:
    resp = pd.DataFrame(
        {"customer_id": list("abcd"), "score": [0, 2, 10, 10], "score_kind": ["nps"] * 4}
    )
    effect, kind = score_effect(resp, {"a", "b"})
    assert kind == "nps" and effect == 100.0 - 0.0
    assert score_effect(resp.iloc[0:0], {"a"}) == (None, "")


def test_growth_ratio_compares_recent_share_to_baseline() -> None:
    all_d = pd.Series(pd.date_range("2026-08-01", periods=100, freq="D"))
    theme = pd.Series(list(all_d[:10]) + list(all_d[-28:-18]))  # 10 early, 10 recent
    g = growth_ratio(theme, all_d, recent_weeks=4)
    # recent: 10 of 28 items; before: 10 of 72
    assert g is not None and abs(g - (10 / 28) / (10 / 72)) < 1e-3
    assert growth_ratio(pd.Series([], dtype="datetime64[ns]"), all_d, 4) is None


def test_impact_grows_with_share_negativity_and_growth() -> None:
    s = RankSettings(weights=RankWeights())
    base, _ = impact_score(0.1, 0.5, None, None, "", s)
    assert impact_score(0.2, 0.5, None, None, "", s)[0] > base
    assert impact_score(0.1, 0.9, None, None, "", s)[0] > base
    assert impact_score(0.1, 0.5, 2.0, None, "", s)[0] > base
    assert impact_score(0.1, 0.5, None, 5.0, "nps", s)[0] > base
    zero = RankSettings(weights=RankWeights(negativity=0, growth=0, score=0))
    assert impact_score(0.1, 0.9, 3.0, 9.0, "nps", zero)[0] == 10.0


def test_majority_stage_ignores_unknown() -> None:
    assert majority_stage({"unknown": 0.6, "usage": 0.4}) == "usage"
    assert majority_stage({"unknown": 1.0}) == "unknown"


def test_rank_themes_orders_by_impact_and_puts_other_last() -> None:
    items = pd.DataFrame(
        {
            "item_id": [f"i{k}" for k in range(6)],
            "customer_id": ["a", "b", "c", "d", "e", "f"],
            "source_kind": ["email", "survey", "survey", "email", "survey", "email"],
            "created_at": pd.to_datetime(["2026-09-01"] * 6),
            "score": [np.nan, 2, 9, np.nan, 3, np.nan],
            "score_kind": ["", "nps", "nps", "", "nps", ""],
            "attributes": ['{"plan": "Free"}'] * 6,
        }
    )
    friction = pd.DataFrame(
        {
            "statement_id": [f"s{k}" for k in range(6)],
            "item_id": ["i0", "i1", "i2", "i3", "i4", "i5"],
            "sentiment_score": [-0.9, -0.8, -0.2, -0.9, -0.9, -0.5],
            "stage": ["usage", "usage", "retention", "retention", "usage", "usage"],
        }
    )
    drafts = [
        ThemeDraft(0, np.array([2, 3]), "small", ["small"], ["s2"]),
        ThemeDraft(1, np.array([0, 1, 4]), "big", ["big"], ["s0"]),
        ThemeDraft(-1, np.array([5]), "other friction", [], ["s5"]),
    ]
    table, ids = rank_themes(drafts, friction, items, RankSettings())
    assert table["name"].tolist() == ["big", "small", "other friction"]
    assert table["theme_id"].tolist() == ["t01", "t02", "other"]
    assert ids == {1: "t01", 0: "t02", -1: "other"}
    big = table.iloc[0]
    assert big["n_customers"] == 3 and big["stage"] == "usage"
    parts = json.loads(big["impact_parts"])
    assert parts["customers"] == 3 and "formula" in parts
    assert json.loads(big["segment_mix"]) == {"plan": {"Free": 1.0}}
