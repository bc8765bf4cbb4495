"""The report shows sub-themes and an honest stage column (voc.report)."""

from __future__ import annotations

import json
from pathlib import Path

from test_report import build_workspace

from voc.report import load_report_data, render_html, render_markdown


def _with_subthemes(path: Path):  # noqa: ANN202
    con = build_workspace(path)
    subs = [
        {"subtheme_id": "t_billing.2", "name": "charged twice: annual plan", "n_statements": 2,
         "key_phrases": ["annual plan"]},
        {"subtheme_id": "t_billing.1", "name": "refund <never> came", "n_statements": 3,
         "key_phrases": ["refund"]},
        {"subtheme_id": "t_billing.3", "name": "", "n_statements": 1},  # malformed: skipped
    ]
    con.execute("UPDATE themes SET subthemes = ? WHERE theme_id = 't_billing'", [json.dumps(subs)])
    # most of t_slow's statements were placed at no stage
    con.execute(
        "UPDATE themes SET stage_mix = ? WHERE theme_id = 't_slow'",
        [json.dumps({"usage": 0.3, "unknown": 0.7})],
    )
    return con


def test_subthemes_are_listed_under_their_theme(tmp_path: Path) -> None:
    con = _with_subthemes(tmp_path / "ws.duckdb")
    data = load_report_data(con)
    billing = next(t for t in data.themes if t.theme_id == "t_billing")
    assert [s.name for s in billing.subthemes] == ["refund <never> came",
                                                   "charged twice: annual plan"]
    html = render_html(data)
    article = html[html.find('id="theme-1"') : html.find('id="theme-2"')]
    assert "Sub-themes" in article and "refund &lt;never&gt; came" in article
    assert "charged twice: annual plan" in article and "3 statements" in article
    md_text = render_markdown(data)
    section = md_text[md_text.find("### 1. ") : md_text.find("### 2. ")]
    assert "Sub-themes: refund \\<never\\> came (3); charged twice: annual plan (2)." in section
    assert "Key phrases: " in section
    other = html[html.find('id="theme-2"') : html.find('id="theme-3"')]
    assert "Sub-themes" not in other
    con.close()


def test_stage_column_shows_the_share_when_most_statements_have_no_stage(
    tmp_path: Path,
) -> None:
    con = _with_subthemes(tmp_path / "ws.duckdb")
    data = load_report_data(con)
    slow = next(t for t in data.themes if t.theme_id == "t_slow")
    billing = next(t for t in data.themes if t.theme_id == "t_billing")
    assert slow.stage_cell == "Usage (30%)"
    assert billing.stage_cell == billing.stage_name  # 60% at its stage: shown plain
    md_text = render_markdown(data)
    row = next(line for line in md_text.splitlines() if line.startswith("| 3 | Slow dashboard"))
    assert "| Usage (30%) |" in row
    assert "<td>Usage (30%)</td>" in render_html(data)
    con.close()
