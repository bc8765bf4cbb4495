"""bench/paired_names.py: renamed themes listed blind, and verdicts scored by the key."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from paired_names import pairs, score  # noqa: E402


def _run(path: Path, names: list[str]) -> str:
    con = duckdb.connect(str(path))
    con.execute("create table themes (theme_id varchar, name varchar, subthemes varchar)")
    con.execute("create table statements (statement_id varchar, text varchar, "
                "theme_id varchar, subtheme_id varchar, is_friction boolean)")
    for k, name in enumerate(names):
        con.execute("insert into themes values (?, ?, ?)", [f"t{k}", name, json.dumps([])])
        for j in range(5):
            con.execute("insert into statements values (?, ?, ?, null, true)",
                        [f"s{k}.{j}", f"statement {j} of {name}", f"t{k}"])
    con.close()
    return str(path)


def test_only_renamed_themes_are_listed_and_the_key_scores_them(tmp_path: Path) -> None:
    before = _run(tmp_path / "a.duckdb", ["plane stuck", "bag lost"])
    after = _run(tmp_path / "b.duckdb", ["stuck on a plane", "bag lost"])
    out, key = tmp_path / "pairs.txt", tmp_path / "key.csv"
    assert pairs(before, after, "x", str(out), str(key)) == 1
    text = out.read_text()
    assert "plane stuck" in text and "stuck on a plane" in text and "bag lost" not in text
    a_side = key.read_text().split(",")[1]
    verdicts = tmp_path / "v.csv"
    # the reader keeps and prefers (b); the key says which that was
    verdicts.write_text("id,a_verdict,b_verdict,better,reason\n"
                        "x-1,reject,keep,b,reads as written\n")
    c = score(str(key), str(verdicts))
    new_is_b = a_side == "old"
    assert c["pairs"] == 1 and c["new_kept"] == int(new_is_b) and c["old_kept"] == int(not new_is_b)
    assert c["new_better"] == int(new_is_b) and c["old_better"] == int(not new_is_b)
