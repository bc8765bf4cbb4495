"""Tests of the report renderer on small synthetic workspaces."""

from __future__ import annotations

import json
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from voc.errors import ConfigError
from voc.report import load_report_data, render_html, render_markdown, write_reports
from voc.report.fmt import md, shorten
from voc.workspace import connect, replace_table

STAGES = [
    {"id": "awareness", "name": "Awareness"},
    {"id": "purchase", "name": "Purchase"},
    {"id": "onboarding", "name": "Onboarding"},
    {"id": "usage", "name": "Usage"},
    {"id": "support", "name": "Support"},
]
HOSTILE = [
    "<script>alert(1)</script> the checkout | broke",
    'Click <img src=x onerror=alert(1)> or <a href="javascript:alert(1)">here</a>',
    "[free refund](javascript:alert(2)) and http://evil.example/x.png",
]
FORMULA = "impact = 100 × customer share × (0.5 + 0.5 × mean negativity) × (1 + score effect)"


def _items() -> pd.DataFrame:
    rows = []
    kinds = ["email"] * 4 + ["transcript"] * 3 + ["survey"] * 3
    for i, kind in enumerate(kinds):
        rows.append(
            {
                "item_id": f"i{i}",
                "source_kind": kind,
                "source_path": f"data/{kind}.txt",
                "source_ref": f"ref {i}",
                "created_at": datetime(2024, 3, 1 + i, 9, 30),
                "customer_id": f"c{i % 8}",
                "attributes": json.dumps({"plan": "Premium" if i % 2 else "Basic"}),
                "score": float(i) if kind == "survey" else None,
                "score_kind": "nps" if kind == "survey" else "",
                "text": f"item {i} text",
            }
        )
    return pd.DataFrame(rows)


def _statements(stage_ids: list[str]) -> pd.DataFrame:
    rows = []
    sentiments = ["negative", "neutral", "positive", "negative"]
    themes = ["t_billing", "t_setup", "t_slow", "other", None]
    for n in range(24):
        stage = stage_ids[n % len(stage_ids)] if n < 22 else "unknown"
        theme = themes[n % len(themes)]
        text = f"Statement {n} about {stage}."
        if n < len(HOSTILE):
            text = HOSTILE[n]
        if n == 5:
            text = "Very long complaint " + "word " * 120
        rows.append(
            {
                "statement_id": f"s{n:02d}",
                "item_id": f"i{n % 10}",
                "position": n // 10,
                "text": text,
                "stage": stage,
                "sentiment": sentiments[n % 4],
                "sentiment_score": [-0.8, 0.0, 0.7, -0.4][n % 4],
                "is_friction": theme is not None,
                "friction_score": 0.9 if theme else 0.1,
                "theme_id": theme,
            }
        )
    return pd.DataFrame(rows)


def _theme(
    theme_id: str, rank: int, name: str, stage: str, impact: float, quotes: list[str]
) -> dict:
    return {
        "theme_id": theme_id,
        "rank": rank,
        "name": name,
        "key_phrases": json.dumps([name.lower(), "phrase"]),
        "n_statements": 5,
        "n_items": 4,
        "n_customers": 3,
        "customer_share": 3 / 8,
        "mean_sentiment": -0.55,
        "mean_negativity": 0.7,
        "score_effect": 0.4,
        "impact": impact,
        "impact_parts": json.dumps(
            {
                "customers": 3,
                "customer_share": 0.375,
                "mean_negativity": 0.7,
                "score_effect": 0.4,
                "growth": 1.8,
                "formula": FORMULA,
            }
        ),
        "stage": stage,
        "stage_mix": json.dumps({stage: 0.6, "usage": 0.4}),
        "source_mix": json.dumps({"email": 0.5, "transcript": 0.3, "survey": 0.2}),
        "segment_mix": json.dumps({"plan": {"Premium": 0.75, "Basic": 0.25}}),
        "quote_ids": json.dumps(quotes),
    }


def _themes() -> pd.DataFrame:
    rows = [
        _theme("t_setup", 2, "Setup wizard loops", "onboarding", 31.5, ["s01", "s06", "s11"]),
        _theme(
            "t_billing",
            1,
            "Surprise charges at renewal",
            "purchase",
            42.25,
            ["s00", "s05", "s10", "s15"],
        ),
        _theme("t_slow", 3, "Slow dashboard", "usage", 12.0, ["s02", "s07", "s12"]),
        _theme("other", 99, "Other", "support", 5.0, ["s03"]),
    ]
    return pd.DataFrame(rows)


def _rejects() -> pd.DataFrame:
    rows = [
        ("email", "agent reply (context only)", "skipped"),
        ("email", "agent reply (context only)", "skipped"),
        ("email", "auto-reply", "skipped"),
        ("transcript", "interviewer turn", "skipped"),
        ("survey", "undecodable row", "invalid"),
    ]
    return pd.DataFrame(
        [
            {
                "source_kind": k,
                "source_path": f"data/{k}",
                "source_ref": f"r{n}",
                "reason": r,
                "category": c,
            }
            for n, (k, r, c) in enumerate(rows)
        ]
    )


def _run(stages: list[dict], started: datetime = datetime(2024, 5, 2, 14, 3)) -> dict:
    counts = {
        "email": {"read": 7, "analysed": 4, "rejected": 3},
        "transcript": {"read": 4, "analysed": 3, "rejected": 1},
        "survey": {"read": 4, "analysed": 3, "rejected": 1},
        "total": {"read": 15, "analysed": 10, "rejected": 5},
    }
    return {
        "run_id": f"run-{started:%H%M}",
        "started_at": started,
        "finished_at": started,
        "pipeline": "acme-support",
        "config": json.dumps(
            {"steps": [{"name": "rank"}], "rank": {"weights": {"negativity": 0.5, "score": 1.0}}}
        ),
        "seed": 42,
        "versions": json.dumps({"voc": "0.1.0", "model": "all-MiniLM-L6-v2"}),
        "counts": json.dumps(counts),
        "timings": json.dumps({"ingest": 1.23, "classify": 4.5}),
        "labels": json.dumps({"stages": stages}),
    }


def build_workspace(path: Path, stages: list[dict] | None = None) -> duckdb.DuckDBPyConnection:
    """A small workspace: 10 items from 3 sources, 24 statements, 3 themes + other."""
    stages = stages or STAGES
    con = connect(path)
    replace_table(con, "items", _items())
    replace_table(con, "statements", _statements([s["id"] for s in stages]))
    replace_table(con, "themes", _themes())
    replace_table(con, "rejects", _rejects())
    older = _run(stages, datetime(2024, 4, 1, 8, 0)) | {"pipeline": "old-run"}
    replace_table(con, "runs", pd.DataFrame([older, _run(stages)]))
    return con


@pytest.fixture
def workspace(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = build_workspace(tmp_path / "ws.duckdb")
    yield con
    con.close()


@pytest.fixture
def rendered(workspace: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    data = load_report_data(workspace)
    return render_markdown(data), render_html(data)


def _positions(text: str, needles: list[str]) -> list[int]:
    found = [text.find(n) for n in needles]
    assert all(p >= 0 for p in found), [n for n, p in zip(needles, found, strict=True) if p < 0]
    return found


def test_write_reports_writes_both_files(workspace, tmp_path):
    paths = write_reports(workspace, tmp_path / "out")
    assert [p.name for p in paths] == ["report.html", "report.md"]
    assert all(p.is_file() and p.stat().st_size > 1000 for p in paths)
    only_md = write_reports(workspace, tmp_path / "md", formats=["markdown"])
    assert [p.name for p in only_md] == ["report.md"]


def test_unknown_format_is_a_config_error(workspace, tmp_path):
    with pytest.raises(ConfigError, match="pdf"):
        write_reports(workspace, tmp_path, formats=["pdf"])


def test_title_and_latest_run_line(rendered):
    md_text, html = rendered
    for text in rendered:
        assert "Voice of customer: journey friction report — acme-support" in text
        assert "2024-05-02 14:03" in text
        assert "seed 42" in text
        assert "all-MiniLM-L6-v2" in text
        assert "old-run" not in text
    assert "<title>Voice of customer: journey friction report — acme-support</title>" in html


def test_run_summary_counts(rendered):
    md_text, html = rendered
    assert "| email | 7 | 4 | 3 |" in md_text
    assert "| interviews | 4 | 3 | 1 |" in md_text
    assert "| survey | 4 | 3 | 1 |" in md_text
    assert "| **total** | **15** | **10** | **5** |" in md_text
    assert "| skipped | agent reply (context only) | 2 |" in md_text
    assert "| invalid | undecodable row | 1 |" in md_text
    for cells in (["email", "7", "4", "3"], ["interviews", "4", "3", "1"]):
        row = r"\s*".join(rf"<t[hd][^>]*>{c}</t[hd]>" for c in cells)
        assert re.search(row, html), cells
    assert "agent reply (context only)" in html


def test_counts_fall_back_to_tables_without_run(tmp_path):
    con = build_workspace(tmp_path / "ws.duckdb")
    con.execute("DELETE FROM runs")
    data = load_report_data(con)
    assert [(s.kind, s.read, s.analysed, s.rejected) for s in data.sources] == [
        ("email", 7, 4, 3),
        ("transcript", 4, 3, 1),
        ("survey", 4, 3, 1),
    ]
    assert (data.total.read, data.total.analysed, data.total.rejected) == (15, 10, 5)
    assert "no run recorded" in render_markdown(data)


def test_themes_in_rank_order_with_quotes(rendered):
    for text in rendered:
        _positions(text, ["Friction themes ranked by impact"])
        start = text.find("Friction themes ranked by impact")
        section = text[start:]
        a, b, c, other = _positions(
            section,
            [
                "Surprise charges at renewal",
                "Setup wizard loops",
                "Slow dashboard",
                "Other friction",
            ],
        )
        assert a < b < c < other
        assert "42.2" in section or "42.3" in section
        assert "×1.8" in section and "+0.4 points" in section
    md_text, html = rendered
    section = html[html.find("Friction themes ranked by impact") :]
    assert "Very long complaint" in section  # every quote in HTML, one per theme in Markdown
    assert "Statement 11 about" in section and "Statement 12 about" in section
    assert "2024-03-07" in section  # date of s06's item (i6)
    assert "### 1\\. Surprise charges at renewal" not in md_text  # numbers are not escaped
    assert "### 1. Surprise charges at renewal" in md_text


def test_only_three_quotes_and_long_quotes_shortened(rendered):
    md_text, html = rendered
    section = md_text[md_text.find("### 1. Surprise") : md_text.find("### 2. Setup")]
    assert section.count("> “") == 1  # pasteable: one quote per theme
    article = html[html.find('id="theme-1"') : html.find('id="theme-2"')]
    assert article.count("<details class=\"quote\"") == 3
    assert "statement s15" not in article
    quote = next(line for line in article.splitlines() if "Very long complaint" in line)
    assert quote.endswith("…”</p>")
    assert len(shorten("word " * 200)) <= 300


class _Tags(HTMLParser):
    """Collects the tags and attributes a browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((k, v or "") for k, v in attrs)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def test_hostile_text_is_inert_in_html(rendered):
    _, html = rendered
    parsed = _parse(html)
    assert not {"img", "iframe", "object", "embed", "link"} & set(parsed.tags)
    assert parsed.tags.count("script") == 1  # the report's own filter script, pinned by hash
    script = html[html.find("<script>") + 8 : html.find("</script>")]
    assert "alert" not in script and html.lower().count("<script") == 1
    assert not [k for k, _ in parsed.attrs if k.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;a href=&#34;javascript:alert(1)&#34;&gt;" in html


def test_hostile_text_is_inert_in_markdown(rendered):
    md_text, _ = rendered
    assert not re.search(r"(?<!\\)[<>\[\]|]", _quotes(md_text)), "unescaped markup in a quote"
    assert not re.search(r"(?<!\\)\]\(javascript:", md_text)
    assert r"\<script\>alert(1)\</script\> the checkout \| broke" in md_text
    assert r"\[free refund\](javascript:alert(2))" in md_text
    assert md("a|b\nc") == r"a\|b c"


def _quotes(md_text: str) -> str:
    return "\n".join(line[2:] for line in md_text.splitlines() if line.startswith("> “"))


def test_html_is_self_contained(rendered):
    _, html = rendered
    parsed = _parse(html)
    refs = [
        v for k, v in parsed.attrs if k in ("src", "href", "xlink:href", "action", "data", "srcset")
    ]
    assert refs and all(r.startswith("#") for r in refs), refs
    assert not re.search(r"url\((?!#)|@import|@font-face", html)
    assert "https://" not in html
    # the only absolute URL is in the customer's own text, shown as text (SVG namespaces aside)
    without_ns = re.sub(r'xmlns(:\w+)?="http://www\.w3\.org/[^"]*"', "", html)
    assert without_ns.count("http://") == without_ns.count("http://evil.example/x.png") == 1


def test_html_structure(rendered):
    _, html = rendered
    for tag in (
        "<header",
        "<main",
        "<section",
        "<figure",
        "<figcaption",
        'scope="col"',
        'scope="row"',
        "<svg",
        "#D55E00",
        "#0072B2",
        "@media print",
    ):
        assert tag in html, tag
    assert html.startswith("<!DOCTYPE html>")


def test_stages_in_taxonomy_order_then_unknown(rendered):
    for text in rendered:
        section = text[text.find("Journey stages") : text.find("Friction themes ranked")]
        positions = _positions(section, [s["name"] for s in STAGES] + ["Unknown"])
        assert positions == sorted(positions)


def test_stage_rows_count_statements_and_top_themes(workspace):
    data = load_report_data(workspace)
    rows = {s.stage_id: s for s in data.stages}
    assert [s.stage_id for s in data.stages] == [s["id"] for s in STAGES] + ["unknown"]
    assert sum(s.n_statements for s in data.stages) == 24 == data.n_statements
    assert [t.name for t in rows["purchase"].top_themes] == ["Surprise charges at renewal"]
    assert rows["support"].top_themes == []  # the catch-all theme is never a top theme
    awareness = rows["awareness"].sentiment
    assert awareness.total == rows["awareness"].n_statements


def test_deterministic(workspace, tmp_path):
    first = [p.read_bytes() for p in write_reports(workspace, tmp_path / "a")]
    second = [p.read_bytes() for p in write_reports(workspace, tmp_path / "b")]
    assert first == second
    again = load_report_data(workspace)
    assert render_html(again).encode() == first[0]


def test_custom_four_stage_taxonomy(tmp_path):
    stages = [
        {"id": "discover", "name": "Discover"},
        {"id": "try", "name": "Try it"},
        {"id": "buy", "name": "Buy"},
        {"id": "use", "name": "Use"},
    ]
    con = build_workspace(tmp_path / "ws.duckdb", stages)
    data = load_report_data(con)
    names = [s.name for s in data.stages]
    assert names == ["Discover", "Try it", "Buy", "Use", "Unknown (not classified)"]
    for text in (render_markdown(data), render_html(data)):
        section = text[text.find("Journey stages") : text.find("Friction themes ranked")]
        positions = _positions(section, ["Discover", "Try it", "Buy", "Use"])
        assert positions == sorted(positions)
        assert "Awareness" not in section


def test_empty_workspace(tmp_path):
    con = connect(tmp_path / "empty.duckdb")
    data = load_report_data(con)
    assert data.themes == [] and data.other is None
    md_text, html = render_markdown(data), render_html(data)
    for text in (md_text, html):
        assert "no friction themes" in text.lower()
    paths = write_reports(con, tmp_path / "out")
    assert len(paths) == 2


def test_run_without_themes_says_so(tmp_path):
    con = build_workspace(tmp_path / "ws.duckdb")
    con.execute("DELETE FROM themes")
    data = load_report_data(con)
    for text in (render_markdown(data), render_html(data)):
        assert "There were no friction themes in this run" in text
        assert "Setup wizard loops" not in text


def test_methods_show_formula_once_and_weights(rendered):
    for text in rendered:
        methods = text[text.find("How to read this report") :]
        assert methods.count(FORMULA) == 1 or methods.count(FORMULA.replace("×", "&times;")) == 1
        assert "negativity = 0.50" in methods
        assert "score = 1.00" in methods
        # the "other" bucket holds the small themes nothing names, and says so
        assert "share no subject to name them by" in methods
    md_text, html = rendered
    # once in the methods, once in the legend under the ranked table
    assert md_text.count(FORMULA) == 2
    assert html.count(FORMULA) == 2


def test_hostile_theme_names_and_reasons_are_escaped(tmp_path):
    con = build_workspace(tmp_path / "ws.duckdb")
    con.execute("UPDATE themes SET name = 'Slow | <b>dash</b>\nboard' WHERE theme_id = 't_slow'")
    con.execute("UPDATE rejects SET reason = 'bad | <i>row</i>' WHERE category = 'invalid'")
    data = load_report_data(con)
    md_text, html = render_markdown(data), render_html(data)
    row = next(line for line in md_text.splitlines() if line.startswith("| 3 |"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 10  # 9 columns with scores, no extra cell
    assert r"Slow \| \<b\>dash\</b\> board" in row
    assert "| invalid | bad \\| \\<i\\>row\\</i\\> | 1 |" in md_text
    assert "<b>" not in html and "<i>" not in html
    assert "Slow | &lt;b&gt;dash&lt;/b&gt;" in html


def test_partial_data_does_not_break_rendering(tmp_path):
    con = build_workspace(tmp_path / "ws.duckdb")
    con.execute(
        "UPDATE themes SET impact_parts = '{not json', stage_mix = NULL, quote_ids = '[]', "
        "score_effect = NULL, customer_share = NULL WHERE theme_id = 't_slow'"
    )
    con.execute(
        "INSERT INTO statements (statement_id, item_id, text, stage) "
        "VALUES ('x1', 'i1', 'A stage outside the taxonomy', 'renewal')"
    )
    data = load_report_data(con)
    slow = next(t for t in data.themes if t.theme_id == "t_slow")
    assert slow.impact_parts == [] and slow.customer_share is None
    assert [q.statement_id for q in slow.quotes] == ["s02", "s07", "s12"]  # fallback quotes
    assert [s.stage_id for s in data.stages][-2:] == ["renewal", "unknown"]
    for text in (render_markdown(data), render_html(data)):
        assert "Slow dashboard" in text and "Renewal" in text


def test_quote_shows_source_date_and_score(workspace):
    data = load_report_data(workspace)
    quotes = {q.statement_id: q for t in data.themes for q in t.quotes}
    assert (quotes["s07"].source_label, quotes["s07"].date, quotes["s07"].score) == (
        "survey",
        "2024-03-08",
        "NPS 7",
    )
    assert quotes["s06"].source_label == "interview"
