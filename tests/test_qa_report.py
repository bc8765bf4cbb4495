"""The report as a VP would read it, on small synthetic workspaces (QA round)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from voc.report import load_report_data, render_html, render_markdown
from voc.report.facets import segment_attributes
from voc.report.trends import load_trends
from voc.workspace import connect, replace_table


def _items(rows: list[tuple[str, dict]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "item_id": f"i{n}",
                "source_kind": kind,
                "source_path": f"{kind}.csv",
                "source_ref": f"row {n}",
                "created_at": datetime(2026, 3, 1 + n % 28),
                "customer_id": f"c{n}",
                "attributes": json.dumps(attrs),
                "score": None,
                "score_kind": "",
                "text": f"item {n}",
            }
            for n, (kind, attrs) in enumerate(rows)
        ]
    )


def test_survey_segments_not_crowded_out_by_helpdesk_fields(tmp_path: Path) -> None:
    """Many helpdesk ticket fields and a smaller survey: the survey's department and division
    are still offered as filters."""
    helpdesk = [
        (
            "helpdesk",
            {
                "status": ["open", "closed"][n % 2],
                "priority": ["low", "high"][n % 2],
                "type": ["incident", "question"][n % 2],
                "source": ["email", "chat"][n % 2],
                "plan": ["Free", "Pro"][n % 2],
                "group": ["L1", "L2"][n % 2],
            },
        )
        for n in range(40)
    ]
    survey = [
        ("survey", {"department": ["Tops", "Dresses"][n % 2], "division": ["A", "B"][n % 2]})
        for n in range(10)
    ]
    con: duckdb.DuckDBPyConnection = connect(tmp_path / "ws.duckdb")
    replace_table(con, "items", _items(helpdesk + survey))
    attrs = {s.attribute for s in segment_attributes(con)}
    assert {"department", "division"} <= attrs
    assert len(attrs) <= 6
    con.close()


def test_a_spike_of_three_items_is_not_claimed(tmp_path: Path) -> None:
    """The trend table flags a week with 3 items (expected 0.2) and one with 12: the report
    marks only the one with enough items to act on."""
    rows = []
    for theme, spike_n in (("t_small", 3), ("t_big", 12)):
        for week in range(6):
            n = spike_n if week == 5 else 1
            rows.append(
                {
                    "theme_id": theme,
                    "period_start": datetime(2026, 3, 2) + pd.Timedelta(weeks=week),
                    "n_items": n,
                    "n_statements": n,
                    "expected": 0.2 if theme == "t_small" else 2.0,
                    "p_value": 0.001 if week == 5 else 0.5,
                    "is_spike": week == 5,
                }
            )
    con = connect(tmp_path / "ws.duckdb")
    replace_table(con, "theme_trends", pd.DataFrame(rows))
    trends = load_trends(con, {"theme_trends"})
    assert trends.by_theme["t_small"].counts[-1] == 3
    assert not any(trends.by_theme["t_small"].spikes)
    assert trends.by_theme["t_big"].spikes == [False] * 5 + [True]
    con.close()


def _theme_row(theme_id: str, rank: int, mix: dict, parts: dict) -> dict:
    return {
        "theme_id": theme_id,
        "rank": rank,
        "name": f"theme {theme_id}",
        "key_phrases": "[]",
        "n_statements": 3,
        "n_items": 3,
        "n_customers": 3,
        "customer_share": 0.3,
        "mean_sentiment": -0.8,
        "mean_negativity": 0.9,
        "score_effect": parts.get("score_effect"),
        "impact": 10.0 / rank,
        "impact_parts": json.dumps(parts),
        "stage": "usage",
        "stage_mix": json.dumps(mix),
        "source_mix": json.dumps({"email": 1.0}),
        "segment_mix": "{}",
        "quote_ids": "[]",
    }


def _stage_workspace(tmp_path: Path, themes: list[dict]) -> duckdb.DuckDBPyConnection:
    """10 e-mails; 7 friction statements the stage model left unknown, 3 at usage."""
    con = connect(tmp_path / "ws.duckdb")
    replace_table(con, "items", _items([("email", {}) for _ in range(10)]))
    replace_table(
        con,
        "statements",
        pd.DataFrame(
            [
                {
                    "statement_id": f"s{n}",
                    "item_id": f"i{n}",
                    "position": 0,
                    "text": f"The export broke again on day {n}.",
                    "stage": "unknown" if n < 7 else "usage",
                    "sentiment": "negative",
                    "sentiment_score": -0.8,
                    "is_friction": True,
                    "friction_score": 0.9,
                    "theme_id": "t01" if n % 2 else "t02",
                }
                for n in range(10)
            ]
        ),
    )
    replace_table(con, "themes", pd.DataFrame(themes))
    return con


def test_unknown_stage_is_not_called_where_friction_is(tmp_path: Path) -> None:
    """Most friction unclassified: the summary names the busiest real stage and counts the
    rest; a theme 66% unknown is not said to be "mostly at Usage"."""
    no_scores = {"customers": 3, "score_effect": None, "score_kind": "", "score_factor": 1.0}
    nps = {"customers": 3, "score_effect": 3.14, "score_kind": "nps", "score_factor": 1.2}
    con = _stage_workspace(
        tmp_path,
        [
            _theme_row("t01", 1, {"unknown": 0.66, "usage": 0.32, "onboarding": 0.02}, no_scores),
            _theme_row("t02", 2, {"usage": 0.8, "unknown": 0.2}, nps),
        ],
    )
    data = load_report_data(con)
    md, html = render_markdown(data), render_html(data)
    for text in (md, html):
        assert "Most friction at the <strong>Unknown" not in text
        assert "Most friction at the **Unknown" not in text
        assert "7 more friction statements were not placed at any stage" in text
        assert "mostly not placed at a stage (66%), otherwise at Usage (32%)" in text
    assert "mostly at Usage" in md  # t02: 80% at usage
    # scores: the kind goes with the effect, and a theme without scores says so
    assert "score kind" not in md and "score kind" not in html
    assert "score effect +3.1 NPS points" in md
    assert "score effect – (no scores in these items)" in md
    con.close()


def test_mixed_score_kinds_say_which_one_the_effect_uses(tmp_path: Path) -> None:
    """Helpdesk CSAT and survey NPS in one run: the methods say the effect uses CSAT only."""
    csat = {"customers": 3, "score_effect": 0.2, "score_kind": "csat", "score_factor": 1.1}
    con = _stage_workspace(tmp_path, [_theme_row("t01", 1, {"usage": 1.0}, csat)])
    items = _items([("helpdesk", {}) for _ in range(6)] + [("survey", {}) for _ in range(4)])
    items["score"] = [1.0, 5.0, 4.0, 2.0, 5.0, 3.0, 0.0, 9.0, 10.0, 6.0]
    items["score_kind"] = ["csat"] * 6 + ["nps"] * 4
    replace_table(con, "items", items)
    md = render_markdown(load_report_data(con))
    assert "the effect uses the most common one, CSAT (6 customers); NPS of 4 customers" in md
    assert "score effect +0.20 CSAT points" in md  # hundredths of a 1-5 mean, not "+0.2"
    con.close()


def test_only_tested_segment_differences_are_claimed(tmp_path: Path) -> None:
    """A segment is said to raise a theme more only when the trend step's test found it
    significant and over-represented; under-represented or untested ones are not claimed."""
    parts = {"customers": 3, "score_effect": None, "score_kind": ""}
    con = _stage_workspace(tmp_path, [_theme_row("t01", 1, {"usage": 1.0}, parts)])
    seg = [
        ("t01", "plan", "Pro", 40, 12, 0.3, 0.05, 0.0001, 0.001, True),
        ("t01", "plan", "Free", 60, 1, 0.0167, 0.3, 0.0001, 0.001, True),  # under: not claimed
        ("t01", "region", "EU", 10, 3, 0.3, 0.12, 0.2, 0.4, False),  # not significant
    ]
    cols = ["theme_id", "attribute", "value", "n_segment_items", "n_theme_items", "share",
            "share_rest", "p_value", "q_value", "significant"]
    replace_table(con, "theme_segments", pd.DataFrame(seg, columns=cols))
    data = load_report_data(con)
    md, html = render_markdown(data), render_html(data)
    assert data.themes[0].over_segments == ["plan: Pro (30.0% of them vs 5.0% of the others)"]
    assert "raised more by plan: Pro (30.0% of them vs 5.0% of the others)" in md
    assert "Raised more by" in html and "Free (" not in html and "EU (" not in md
    con.close()
