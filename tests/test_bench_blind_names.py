"""bench/blind_names.py: every theme listed blind, and absolute verdicts scored."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from blind_names import score, themes  # noqa: E402


def _run(path: Path, named: list[tuple[str, int]]) -> str:
    con = duckdb.connect(str(path))
    con.execute("create table themes (theme_id varchar, name varchar, n_statements int, "
                "rank int)")
    con.execute("create table statements (statement_id varchar, text varchar, "
                "theme_id varchar, is_friction boolean)")
    rows = [*named, ("other", 3)]
    for k, (name, n) in enumerate(rows):
        tid = "other" if name == "other" else f"t{k}"
        con.execute("insert into themes values (?, ?, ?, ?)", [tid, name, n, k])
        for j in range(n):
            con.execute("insert into statements values (?, ?, ?, true)",
                        [f"s{k}.{j:02d}", f"statement {j} of {name}", tid])
    con.close()
    return str(path)


def test_every_theme_listed_and_scored_by_size(tmp_path: Path) -> None:
    db = _run(tmp_path / "a.duckdb", [("lost bag", 30), ("mixed complaints", 10)])
    listing = tmp_path / "themes.txt"
    assert themes(str(listing), [f"airl={db}"]) == 2
    text = listing.read_text()
    assert "### airl-1 | n=30 | name: lost bag" in text
    assert "### airl-2 | n=10 | name: mixed complaints" in text
    assert "of other" not in text  # "other" is no theme to name
    assert text.split("### airl-2")[0].count("  - ") == 8  # eight statements spread
    verdicts = tmp_path / "v.csv"
    verdicts.write_text("id,coherent,name,yours,reason\n"
                        "airl-1,yes,keep,lost bags,fits\n"
                        "airl-2,no,reject,-,grab-bag\n")
    got = score(str(listing), str(verdicts))
    assert got["airl"] == got["all"]
    assert got["all"]["kept"] == 1 and got["all"]["kept_share"] == 0.5
    assert got["all"]["statements_kept"] == 0.75  # 30 of 40 statements
    assert got["all"]["coherent"] == 1 and got["all"]["kept_of_coherent"] == 1.0
