"""Score effects per score kind: an NPS survey and CSAT-rated tickets in one run."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from voc.report.themes import score_effects_text
from voc.themes.rank import (
    RankSettings,
    feeding_effect,
    score_effect,
    score_effects,
    score_metric,
)
from voc.themes.table import ThemeDraft, rank_themes

# four NPS respondents (a-d) and four CSAT-rated tickets (e-h)
RESP = pd.DataFrame(
    {
        "customer_id": list("abcdefgh"),
        "score": [0, 10, 10, 9, 1, 5, 5, 4],
        "score_kind": ["nps"] * 4 + ["csat"] * 4,
    }
)


def test_each_kind_is_computed_with_its_own_customers() -> None:
    eff = score_effects(RESP, {"a", "e"})
    assert list(eff) == ["csat", "nps"]  # a tie in customers: by name
    nps_base = score_metric(RESP["score"][:4], "nps")  # 3 promoters, 1 detractor: 50
    assert eff["nps"] == round(100.0 - nps_base, 3)  # without a: all promoters
    assert eff["csat"] == round(14 / 3 - 15 / 4, 3)  # without e: mean of 5, 5, 4
    # a theme raised only by CSAT customers has no effect on NPS
    only_csat = score_effects(RESP, {"e"})
    assert only_csat["nps"] == 0.0 and only_csat["csat"] > 0
    # the single-kind helper keeps its meaning: the kind with most customers
    more_nps = pd.concat([RESP, pd.DataFrame(
        {"customer_id": ["i"], "score": [10], "score_kind": ["nps"]})], ignore_index=True)
    assert score_effect(more_nps, {"a"})[1] == "nps"
    assert score_effects(RESP.iloc[0:0], {"a"}) == {}


def test_the_kind_feeding_the_score_is_the_largest_on_its_scale() -> None:
    s = RankSettings()
    # NPS +5 points is half its scale (10); CSAT +0.4 is 80% of its scale (0.5)
    assert feeding_effect({"nps": 5.0, "csat": 0.4}, s) == (0.4, "csat")
    assert feeding_effect({"nps": 9.0, "csat": 0.1}, s) == (9.0, "nps")
    # nothing positive: the kind with most customers (first), as a single-kind run
    assert feeding_effect({"nps": -2.0, "csat": None}, s) == (-2.0, "nps")
    assert feeding_effect({}, s) == (None, "")


def test_ranked_table_shows_every_kind_with_its_items() -> None:
    ids = [f"i{k}" for k in range(8)]
    items = pd.DataFrame(
        {
            "item_id": ids,
            "customer_id": list("abcdefgh"),
            "source_kind": ["survey"] * 4 + ["helpdesk"] * 4,
            "created_at": pd.to_datetime(["2026-09-01"] * 8),
            "score": RESP["score"].astype(float),
            "score_kind": RESP["score_kind"],
            "attributes": ["{}"] * 8,
        }
    )
    friction = pd.DataFrame(
        {
            "statement_id": [f"s{k}" for k in range(8)],
            "item_id": ids,
            "sentiment_score": [-0.8] * 8,
            "stage": ["usage"] * 8,
        }
    )
    drafts = [ThemeDraft(0, np.array([0, 4]), "both kinds", [], []),
              ThemeDraft(1, np.array([1, 2]), "nps only", [], [])]
    table, _ = rank_themes(drafts, friction, items, RankSettings())
    both = table.set_index("name").loc["both kinds"]
    effects = json.loads(both["score_effects"])
    assert set(effects) == {"nps", "csat"}
    parts = json.loads(both["impact_parts"])
    assert parts["score_effects"] == effects
    # CSAT +0.92 is past its full scale, NPS +50 too: a tie at 1, the kind listed first
    assert parts["score_kind"] == "csat" and both["score_effect"] == effects["csat"]
    assert "largest on its scale" in parts["formula"]
    text = score_effects_text(effects)
    assert text.startswith("CSAT +0.92, NPS +50.0")


def test_score_effects_text() -> None:
    assert score_effects_text({"nps": 1.23, "csat": 0.031}) == "NPS +1.2, CSAT +0.03"
    assert score_effects_text({"nps": None}) == ""
    assert score_effects_text(None) == ""


def test_report_shows_both_kinds_in_the_ranked_table_and_methods(tmp_path) -> None:
    """An NPS survey and CSAT-rated tickets: the report's ranked table shows each kind's
    effect, the impact parts say which one feeds the score, the methods say how."""
    from datetime import datetime

    from voc.report import load_report_data, render_html, render_markdown
    from voc.workspace import connect, replace_table

    con = connect(tmp_path / "ws.duckdb")
    items = pd.DataFrame(
        [
            {"item_id": f"i{k}", "source_kind": "survey" if k < 4 else "helpdesk",
             "source_path": "x", "source_ref": f"row {k}", "created_at": datetime(2026, 3, 2),
             "customer_id": f"c{k}", "attributes": "{}", "text": f"item {k}",
             "score": float(RESP["score"][k]), "score_kind": RESP["score_kind"][k]}
            for k in range(8)
        ]
    )
    replace_table(con, "items", items)
    parts = {"customers": 2, "score_effect": 0.917, "score_kind": "csat",
             "score_effects": {"csat": 0.917, "nps": 50.0}, "score_factor": 1.5}
    replace_table(con, "themes", pd.DataFrame([{
        "theme_id": "t01", "rank": 1, "name": "export broke", "key_phrases": "[]",
        "n_statements": 2, "n_items": 2, "n_customers": 2, "customer_share": 0.25,
        "mean_sentiment": -0.8, "mean_negativity": 0.9, "score_effect": 0.917, "impact": 10.0,
        "impact_parts": json.dumps(parts), "stage": "usage", "stage_mix": "{}",
        "source_mix": "{}", "segment_mix": "{}", "quote_ids": "[]",
        "score_effects": json.dumps(parts["score_effects"]),
    }]))
    data = load_report_data(con)
    md, html = render_markdown(data), render_html(data)
    assert "| Score effect |" in md
    assert "| CSAT +0.92, NPS +50.0 |" in md
    assert "<td>CSAT +0.92, NPS +50.0</td>" in html
    assert "score effect CSAT +0.92, NPS +50.0 (CSAT feeds the score)" in md
    assert "each kind's effect is computed with the customers who gave that kind" in md
    assert "are not used" not in md
    con.close()
