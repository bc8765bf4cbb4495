"""The report's journey map, trends, filter facets, charts and script pinning."""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from test_report import build_workspace

from voc.report import load_report_data, render_html, render_markdown
from voc.report.facets import ALL

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    c = build_workspace(tmp_path / "ws.duckdb")
    c.execute(
        "UPDATE statements SET emotion = CASE WHEN sentiment = 'negative' "
        "THEN 'frustration' WHEN sentiment = 'positive' THEN 'delight' ELSE 'neutral' END"
    )
    yield c
    c.close()


def test_stage_facets_add_up(con) -> None:
    data = load_report_data(con)
    f = data.facets
    assert f.sources == ["email", "transcript", "survey"]
    assert [s.key for s in f.segments] == ["plan=Basic", "plan=Premium"]
    for st in data.stages:
        counts = f.stage_counts[st.stage_id]
        assert counts[f"{ALL}|{ALL}"] == st.n_statements
        assert sum(counts.get(f"{k}|{ALL}", 0) for k in f.sources) == st.n_statements
        assert sum(counts.get(f"{ALL}|{s.key}", 0) for s in f.segments) == st.n_statements
    for t in data.themes:
        assert (
            f.theme_counts[t.theme_id][f"{ALL}|{ALL}"]
            == con.execute(
                "SELECT count(*) FROM statements WHERE theme_id = ?", [t.theme_id]
            ).fetchone()[0]
        )


def test_high_cardinality_attributes_are_not_filters(con) -> None:
    con.execute(
        "UPDATE items SET attributes = json_object('plan', attributes->>'plan', 'ticket', item_id)"
    )
    data = load_report_data(con)
    assert {s.attribute for s in data.facets.segments} == {"plan"}
    con.execute("UPDATE items SET attributes = 'not json'")
    assert load_report_data(con).facets.segments == []


def test_stage_emotions_and_mean_score(con) -> None:
    data = load_report_data(con)
    st = next(s for s in data.stages if s.n_statements)
    assert st.emotions and st.emotions[0].label in ("frustration", "delight")
    assert all(e.label != "neutral" for s in data.stages for e in s.emotions)
    assert st.mean_score is not None and -1 <= st.mean_score <= 1
    md = render_markdown(data)
    assert "| Dominant emotions |" in md and "frustration" in md


def test_trends_counted_from_statements_without_theme_trends(con) -> None:
    data = load_report_data(con)
    assert data.trend_source == "statements"
    billing = next(t for t in data.themes if t.theme_id == "t_billing")
    n = con.execute("SELECT count(*) FROM statements WHERE theme_id = 't_billing'").fetchone()[0]
    assert sum(billing.trend) == n and len(billing.trend) == len(data.trend_periods)
    assert data.trend_periods[0] == "2024-02-26"  # Monday of the first item's week
    assert not any(billing.spikes)
    html = render_html(data)
    assert html.count('class="chart chart-spark"') == 3  # one per ranked theme
    assert "▲ spike" not in html


def test_theme_trends_table_is_preferred_with_spikes(con) -> None:
    rows = [
        ("t_billing", date(2024, 3, 4), 2, 3, False),
        ("t_billing", date(2024, 3, 11), 12, 9, True),  # a spike needs >= 10 items
        ("t_setup", date(2024, 3, 4), 1, 1, False),
    ]
    df = pd.DataFrame(
        rows, columns=["theme_id", "period_start", "n_items", "n_statements", "is_spike"]
    )
    con.register("tt", df)
    con.execute("DROP TABLE IF EXISTS theme_trends")  # the workspace schema has it (empty)
    con.execute("CREATE TABLE theme_trends AS SELECT * FROM tt")
    data = load_report_data(con)
    assert data.trend_source == "theme_trends"
    assert data.trend_periods == ["2024-03-04", "2024-03-11"]
    billing = next(t for t in data.themes if t.theme_id == "t_billing")
    assert billing.trend == [3, 9] and billing.spikes == [False, True]
    slow = next(t for t in data.themes if t.theme_id == "t_slow")
    assert slow.trend == [0, 0]
    html = render_html(data)
    assert html.count("▲ spike") == 1 and "flagged as spikes" in html


def test_theme_trends_with_other_columns_falls_back(con) -> None:
    con.execute("DROP TABLE IF EXISTS theme_trends")
    con.execute("CREATE TABLE theme_trends (theme_id VARCHAR, week VARCHAR)")
    assert load_report_data(con).trend_source == "statements"


def test_csp_pins_exactly_the_inline_script(con) -> None:
    html = render_html(load_report_data(con))
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert "@VOC_SCRIPT_HASH@" not in html


def test_charts_are_inline_svg_with_labels(con) -> None:
    html = render_html(load_report_data(con))
    assert html.count('class="chart chart-journey"') == 1
    assert html.count('class="chart chart-stagemix"') == 1
    labels = re.findall(r'<svg [^>]*class="chart[^"]*"[^>]*aria-label="([^"]+)"', html)
    assert len(labels) == 5 and all(labels)
    assert "<?xml" not in html and "<!DOCTYPE svg" not in html
    ids = re.findall(r'<(?:clipPath|path|g) id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "chart element ids collide"


def test_filter_controls_and_quote_data(con) -> None:
    html = render_html(load_report_data(con))
    assert '<option value="transcript">interviews</option>' in html
    assert '<option value="plan=Premium">plan: Premium</option>' in html
    assert re.search(
        r'data-source="email" data-segments="\[&#34;plan=(Basic|Premium)&#34;\]"', html
    )
    assert html.count('class="filterable"') == 3  # rows of the ranked table


def test_synthetic_workspace_renders(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from make_workspace import make_workspace
    finally:
        sys.path.remove(str(BENCH))
    path = make_workspace(tmp_path / "bench.duckdb", 3000, seed=3)
    con = duckdb.connect(str(path), read_only=True)
    data = load_report_data(con)
    assert data.n_statements == 3000 and len(data.themes) >= 5
    assert sum(s.n_statements for s in data.stages) == 3000
    assert {s.attribute for s in data.facets.segments} == {"plan", "region"}
    html = render_html(data)
    assert "Synthetic theme" in html and html.count("<article") == len(data.themes) + 1


HOSTILE_EML = """From: Dana Customer <dana@example.org>
To: help@ledgerly.com
Subject: checkout broke
Message-ID: <hostile-1@example.org>
Date: Mon, 4 Mar 2024 10:00:00 +0000
Content-Type: text/plain; charset=utf-8

The checkout page broke: <script>alert(1)</script> shows up in my invoice.
My bank name shows as <img src=x onerror=alert(2)> and the help link is
<a href="javascript:alert(3)">this</a>, which does nothing.
"""


def test_hostile_email_from_ingest_is_shown_as_text(con, tmp_path: Path) -> None:
    from voc.ingest import ingest_paths

    eml = tmp_path / "hostile.eml"
    eml.write_text(HOSTILE_EML, encoding="utf-8")
    result = ingest_paths([eml], "email")
    assert len(result.items) == 1
    text = result.items[0].text
    assert "<script>alert(1)</script>" in text and "javascript:alert(3)" in text
    con.execute("UPDATE statements SET text = ? WHERE statement_id = 's01'", [text])
    html = render_html(load_report_data(con))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert 'href="javascript:' not in html and html.lower().count("<script") == 1
    md = render_markdown(load_report_data(con))
    assert "<script>" not in md and not re.search(r"(?<!\\)\]\(javascript:", md)
    assert r"\<script\>alert(1)\</script\> shows up" in md
