"""Paired blind reads of theme names: what changed between two runs, and the verdicts.

``pairs BEFORE.duckdb AFTER.duckdb TAG OUT.txt KEY.csv`` appends to OUT.txt every theme and
sub-theme of AFTER whose name differs from the one of BEFORE holding (nearly) the same
statements (Jaccard >= 0.8), with both names in a random order seeded by TAG as (a) and (b)
and 8 statements spread over it; KEY.csv records which is which. A reader writes
``id,a_verdict,b_verdict,better,reason`` (keep/reject; a, b or same) without seeing KEY.
``score KEY.csv VERDICTS.csv`` counts old and new names kept and preferred.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from collections.abc import Sequence

import duckdb

Unit = tuple[str, str, set[str], list[str]]  # level, name, statement ids, texts
MIN_JACCARD = 0.8


def spread(rows: Sequence[str], k: int) -> list[str]:
    """``k`` rows evenly spread over ``rows`` (all when fewer)."""
    if len(rows) <= k:
        return list(rows)
    step = len(rows) / k
    return [rows[int(i * step)] for i in range(k)]


def units(db: str) -> list[Unit]:
    """Themes and sub-themes of a run with their friction statements."""
    con = duckdb.connect(db, read_only=True)
    out: list[Unit] = []
    for tid, name, subs in con.execute(
            "select theme_id, name, subthemes from themes where theme_id <> 'other' "
            "and not lower(name) like 'other%'").fetchall():
        rows = con.execute("select statement_id, text from statements where theme_id = ? "
                           "and is_friction order by statement_id", [tid]).fetchall()
        out.append(("theme", name, {r[0] for r in rows}, [r[1] for r in rows]))
        for s in json.loads(subs or "[]"):
            srows = con.execute("select statement_id, text from statements where "
                                "subtheme_id = ? order by statement_id",
                                [s["subtheme_id"]]).fetchall()
            out.append(("sub", s["name"], {r[0] for r in srows}, [r[1] for r in srows]))
    return out


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(len(a | b), 1)


def pairs(before: str, after: str, tag: str, out_txt: str, key_csv: str) -> int:
    """Append the renamed themes of ``after`` to ``out_txt`` and the key to ``key_csv``."""
    old = units(before)
    rnd = random.Random(tag)
    lines: list[str] = []
    keys: list[str] = []
    for level, name, ids, texts in units(after):
        best = max((u for u in old if u[0] == level), default=None,
                   key=lambda u: _jaccard(u[2], ids))
        if best is None or _jaccard(best[2], ids) < MIN_JACCARD or best[1] == name:
            continue
        pair = [("old", best[1]), ("new", name)]
        rnd.shuffle(pair)
        pid = f"{tag}-{len(keys) + 1}"
        lines += [f"### {pid} | {level} | n={len(ids)}", f"  (a) {pair[0][1]}",
                  f"  (b) {pair[1][1]}"]
        lines += ["  - " + " ".join(t.split())[:300] for t in spread(texts, 8)]
        lines.append("")
        keys.append(f"{pid},{pair[0][0]},{pair[0][1]!r},{pair[1][0]},{pair[1][1]!r}")
    with open(out_txt, "a") as f:
        f.write("".join(line + "\n" for line in lines))
    with open(key_csv, "a") as f:
        f.write("".join(k + "\n" for k in keys))
    return len(keys)


def score(key_csv: str, verdicts_csv: str) -> dict[str, int]:
    """Old and new names kept, and which the reader preferred."""
    key: dict[str, tuple[str, str]] = {}
    with open(key_csv) as f:
        for line in f:
            m = re.match(r"([^,]+),(old|new),.*,(old|new),", line)
            if m:
                key[m.group(1)] = (m.group(2), m.group(3))
    c = {"pairs": 0, "old_kept": 0, "new_kept": 0, "old_better": 0, "new_better": 0, "same": 0}
    with open(verdicts_csv) as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        a, b = key[r["id"]]
        verdict = {a: r["a_verdict"], b: r["b_verdict"]}
        c["pairs"] += 1
        c["old_kept"] += verdict["old"] == "keep"
        c["new_kept"] += verdict["new"] == "keep"
        better = r["better"]
        c["same" if better == "same" else f"{a if better == 'a' else b}_better"] += 1
    return c


def main(argv: Sequence[str]) -> int:
    if len(argv) == 6 and argv[0] == "pairs":
        print(f"{argv[3]}: {pairs(*argv[1:])} changed names")
        return 0
    if len(argv) == 3 and argv[0] == "score":
        print(score(argv[1], argv[2]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
