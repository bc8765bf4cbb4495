"""bench/peek_run.py: a run's ranked themes listed as its report shows them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from peek_run import peek  # noqa: E402


def _workspace(path: Path) -> str:
    db = str(path / "voc.duckdb")
    con = duckdb.connect(db)
    con.execute("create table themes (theme_id varchar, rank integer, name varchar, "
                "n_statements integer, key_phrases varchar, quote_ids varchar, "
                "subthemes varchar)")
    con.execute("create table statements (statement_id varchar, item_id varchar, "
                "position integer, text varchar, theme_id varchar)")
    subs = json.dumps([{"subtheme_id": "t01.1", "name": "card declined at shop",
                        "n_statements": 2}])
    con.executemany("insert into themes values (?, ?, ?, ?, ?, ?, ?)", [
        ("other", None, "other friction", 1, "[]", "[]", "[]"),
        ("t02", 2, "app crashes", 1, '["app"]', '["s4"]', "[]"),
        ("t01", 1, "card declined", 3, '["card", "declined"]', '["s2"]', subs),
    ])
    con.executemany("insert into statements values (?, ?, ?, ?, ?)", [
        ("s1", "i1", 0, "My card was declined at the shop.", "t01"),
        ("s2", "i2", 0, "Card declined again, twice today.", "t01"),
        ("s3", "i3", 0, "The card got declined at the till.", "t01"),
        ("s4", "i4", 0, "The app crashes when I log in.", "t02"),
        ("s5", "i5", 0, "Nothing else to say, it was odd.", "other"),
        ("s6", "i6", 0, "Thanks for the help.", None),
    ])
    con.close()
    return db


def test_themes_in_rank_order_with_quotes_statements_and_sub_themes(tmp_path: Path) -> None:
    lines = peek(_workspace(tmp_path), n_statements=2).splitlines()
    heads = [ln for ln in lines if ln.startswith("###")]
    assert heads == [
        "### 1 'card declined' n=3 kp=['card', 'declined']",
        "### 2 'app crashes' n=1 kp=['app']",
        "### - 'other friction' n=1 kp=[]",
    ]
    card = lines[1:4]
    # the representative quote first, then statements up to the count asked for
    assert card[0] == "   q 'Card declined again, twice today.'"
    assert card[1].startswith("   - ") and "Card declined again" not in card[1]
    assert card[2] == "     sub 'card declined at shop' n=2"
    assert "Thanks for the help." not in "\n".join(lines)
