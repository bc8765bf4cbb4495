"""The ranked table explains its impact parts; sub-theme counts add up; unsaid names are
marked (voc.report)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from test_report import build_workspace

from voc.report import load_report_data, render_html, render_markdown
from voc.report.legend import impact_legend
from voc.themes.rank import RankWeights, formula_text

#: A pipeline's own weights, so the legend must show these, not the defaults.
WEIGHTS = RankWeights(negativity=0.3, growth=0.7, score=0.25)


def _workspace(path: Path):  # noqa: ANN202
    con = build_workspace(path)
    rows = con.execute("SELECT theme_id, impact_parts FROM themes").fetchall()
    for tid, raw in rows:
        parts = json.loads(raw)
        parts["formula"] = formula_text(WEIGHTS)
        parts.update(severity=0.79, momentum=1.56, score_factor=1.2)
        con.execute("UPDATE themes SET impact_parts = ? WHERE theme_id = ?",
                    [json.dumps(parts), tid])
    return con


def test_legend_parts_carry_the_runs_weights() -> None:
    legend = {e.part: e for e in impact_legend(formula_text(WEIGHTS))}
    assert list(legend) == ["impact", "severity", "momentum", "score factor"]
    assert legend["severity"].formula == "severity = 0.70 + 0.30 × mean negativity"
    assert "1 + 0.70 × clip(growth − 1, 0, 1)" in legend["momentum"].formula
    assert "1 + 0.25 × clip(score effect" in legend["score factor"].formula
    assert "NPS or CSAT would rise" in legend["score factor"].meaning
    assert impact_legend("") == []


def test_ranked_table_has_a_legend_in_both_reports(tmp_path: Path) -> None:
    con = _workspace(tmp_path / "ws.duckdb")
    data = load_report_data(con)
    md_text, html = render_markdown(data), render_html(data)
    # between the ranked table and the first theme's section
    md_table = md_text[md_text.find("| Rank | Theme |") : md_text.find("### 1. ")]
    assert "How to read the impact (this run's weights)" in md_table
    for part in ("**Impact**", "**Severity**", "**Momentum**", "**Score factor**"):
        assert part in md_table
    assert "severity = 0.70 + 0.30 × mean negativity" in md_table
    html_table = html[html.find('<table class="ranked">') : html.find('<article class="theme')]
    assert '<dl class="impact-legend"' in html_table
    for part in ("Impact", "Severity", "Momentum", "Score factor"):
        assert f"<dt>{part}</dt>" in html_table
    assert "1 + 0.70 × clip(growth − 1, 0, 1)" in html_table
    assert re.search(r'<th scope="col" class="n" title="[^"]+">Impact</th>', html_table)
    con.close()


def test_no_legend_without_a_recorded_formula(tmp_path: Path) -> None:
    con = build_workspace(tmp_path / "ws.duckdb")
    con.execute("UPDATE themes SET impact_parts = '{}'")
    data = load_report_data(con)
    assert "How to read the impact" not in render_markdown(data)
    assert "impact-legend" not in render_html(data).split("</style>", 1)[1]
    con.close()


def test_subtheme_remainder_is_shown_so_counts_add_up(tmp_path: Path) -> None:
    con = build_workspace(tmp_path / "ws.duckdb")
    subs = [
        {"subtheme_id": "t_billing.1", "name": "charged twice: annual plan", "n_statements": 2},
        {"subtheme_id": "t_billing.2", "name": "refund never came", "n_statements": 1},
    ]
    con.execute("UPDATE themes SET subthemes = ? WHERE theme_id = 't_billing'",
                [json.dumps(subs)])
    data = load_report_data(con)
    billing = next(t for t in data.themes if t.theme_id == "t_billing")
    rest = billing.n_statements - 3
    assert rest > 0 and billing.subtheme_rest == rest
    md_text = render_markdown(data)
    assert (f"Sub-themes: charged twice: annual plan (2); refund never came (1); "
            f"other, in no sub-theme ({rest}).") in md_text
    assert f"other, in no sub-theme <span class=\"legend\">({rest} statements)" in render_html(data)
    slow = next(t for t in data.themes if t.theme_id == "t_slow")
    assert slow.subtheme_rest == 0  # no sub-themes: no remainder line
    con.close()


def test_a_name_no_statement_says_is_marked(tmp_path: Path) -> None:
    con = build_workspace(tmp_path / "ws.duckdb")
    con.execute("UPDATE themes SET name_unsaid = (theme_id = 't_slow')")
    data = load_report_data(con)
    assert [t.theme_id for t in data.themes if t.name_unsaid] == ["t_slow"]
    md_text = render_markdown(data)
    section = md_text[md_text.find("### 3. ") :]
    assert "None of this theme's statements says a word of its name" in section
    assert md_text.count("None of this theme's statements says a word of its name") == 1
    con.close()
