"""Readable segment names and folded values in the report, its filters and the ranked table."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pandas as pd

from voc.ingest.helpdesk_formats import zendesk_json
from voc.report import load_report_data, render_html, render_markdown
from voc.report.facets import segment_attributes
from voc.themes.rank import segment_mix, segment_spellings
from voc.themes.segments import fold_values, segment_label
from voc.workspace import connect, replace_table

SPELLINGS = ["Pro", "pro ", "PRO", "Pro", "Free", "Free"]


def _items(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "item_id": f"i{k}",
                "source_kind": "helpdesk",
                "source_path": "tickets.json",
                "source_ref": f"ticket {k}",
                "created_at": datetime(2026, 3, 1 + k % 28),
                "customer_id": f"c{k}",
                "attributes": json.dumps(
                    {"field_plan_tier": SPELLINGS[k % 6], "field_360001234": ["a", "b"][k % 2]}
                ),
                "score": None,
                "score_kind": "",
                "text": f"item {k}",
            }
            for k in range(n)
        ]
    )


def test_labels_and_folding() -> None:
    assert segment_label("field_plan_tier") == "plan tier"
    assert segment_label("field_360001234") == "field 360001234"
    assert segment_label("cf_customer_tier") == "customer tier"
    assert segment_label("plan") == "plan"
    fold = fold_values(["Pro", "pro ", "PRO", "Pro", "Free"])
    assert fold == {"Pro": "Pro", "pro ": "Pro", "PRO": "Pro", "Free": "Free"}
    # the most frequent spelling wins, not the first seen
    assert fold_values(["pro", "Pro", "Pro"])["pro"] == "Pro"


def test_segment_mix_in_the_ranked_table_is_folded_and_readable() -> None:
    items = _items(12)
    mix = segment_mix(items, segment_spellings(items))
    assert set(mix) == {"plan tier", "field 360001234"}
    assert mix["plan tier"] == {"Pro": round(8 / 12, 3), "Free": round(4 / 12, 3)}
    # a theme whose items all spell it "PRO" is shown in the run's spelling
    only = items[items["attributes"].str.contains('"PRO"')]
    assert segment_mix(only, segment_spellings(items))["plan tier"] == {"Pro": 1.0}


def test_report_filters_and_quotes_show_readable_folded_segments(tmp_path: Path) -> None:
    con = connect(tmp_path / "ws.duckdb")
    items = _items(24)
    replace_table(con, "items", items)
    replace_table(
        con,
        "statements",
        pd.DataFrame(
            [
                {"statement_id": f"s{k}", "item_id": f"i{k}", "position": 0,
                 "text": f"The export broke again on day {k}.", "stage": "usage",
                 "sentiment": "negative", "sentiment_score": -0.8, "is_friction": True,
                 "friction_score": 0.9, "theme_id": "t01"}
                for k in range(24)
            ]
        ),
    )
    replace_table(con, "themes", pd.DataFrame([{
        "theme_id": "t01", "rank": 1, "name": "export broke", "key_phrases": "[]",
        "n_statements": 24, "n_items": 24, "n_customers": 24, "customer_share": 1.0,
        "mean_sentiment": -0.8, "mean_negativity": 0.9, "score_effect": None, "impact": 10.0,
        "impact_parts": "{}", "stage": "usage", "stage_mix": '{"usage": 1.0}',
        "source_mix": '{"helpdesk": 1.0}',
        "segment_mix": json.dumps({"field_plan_tier": {"Pro": 0.5, "PRO": 0.2, "Free": 0.3}}),
        "quote_ids": json.dumps(["s1", "s2"]),
    }]))
    options = segment_attributes(con)
    tier = [o for o in options if o.attribute == "plan tier"]
    assert sorted(o.value for o in tier) == ["Free", "Pro"]
    assert next(o for o in tier if o.value == "Pro").n_items == 16
    data = load_report_data(con)
    counts = data.facets.theme_counts["t01"]
    assert counts["*|plan tier=Pro"] == 16 and counts["*|plan tier=Free"] == 8
    quotes = {q.statement_id: q for q in data.themes[0].quotes}
    assert "plan tier: Pro" in quotes["s1"].segment  # stored as "pro "
    assert "plan tier=Pro" in quotes["s2"].segment_keys  # stored as "PRO"
    html, md = render_html(data), render_markdown(data)
    for text in (html, md):
        assert "field_plan_tier" not in text and "field_360001234" not in text
    assert "plan tier" in html
    con.close()


def test_zendesk_field_titles_name_the_segment_when_the_export_has_them() -> None:
    data = {
        "tickets": [{"id": 1, "requester_id": 7, "custom_fields": [
            {"id": 360001, "value": "Pro"}, {"id": 360002, "value": "x"}],
            "comments": [{"author_id": 7, "body": "It broke."}]}],
        "ticket_fields": [{"id": 360001, "title": "Plan Tier"}],
    }
    attrs = zendesk_json(data)[0].attributes
    assert attrs["plan_tier"] == "Pro"
    assert attrs["field_360002"] == "x"  # no title in the export: the id stays
