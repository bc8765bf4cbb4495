"""Absolute blind reads of theme names: every theme of some runs listed, verdicts scored.

``themes OUT.txt TAG=RUN.duckdb ...`` writes every theme of each run (ranked, "other"
left out) as ``### TAG-K | n=N | name: NAME`` and 8 of its friction statements spread
over it; no key phrases, scores or sub-themes. A reader (who sees nothing else) writes
``id,coherent,name,yours,reason``: ``coherent`` yes when most statements shown share one
problem a short phrase could name, no for a grab-bag; ``name`` keep when NAME is a short
phrase a person would write for the theme, naming its problem and fitting most
statements, else reject; ``yours`` the name the reader would give. ``score THEMES.txt
VERDICTS.csv`` counts per tag and overall: themes kept, the share of statements under a
kept name, coherent themes and names kept among them. Where ``paired_names.py`` asks
which of two names is better, this asks how many names hold at all.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from collections.abc import Sequence

import duckdb
from paired_names import spread

HEADER = re.compile(r"### (\S+) \| n=(\d+) \| name: (.*)")


def themes(out: str, runs: Sequence[str]) -> int:
    """Write the listing of every ``TAG=RUN.duckdb`` in ``runs`` to ``out``; themes listed."""
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for arg in runs:
            tag, db = arg.split("=", 1)
            con = duckdb.connect(db, read_only=True)
            rows = con.execute(
                "select theme_id, name, n_statements from themes where theme_id <> 'other' "
                "and not lower(name) like 'other%' order by rank").fetchall()
            for k, (tid, name, size) in enumerate(rows, 1):
                texts = [r[0] for r in con.execute(
                    "select text from statements where theme_id = ? and is_friction "
                    "order by statement_id", [tid]).fetchall()]
                fh.write(f"### {tag}-{k} | n={size} | name: {name}\n")
                fh.writelines("  - " + " ".join(t.split())[:300] + "\n" for t in spread(texts, 8))
                fh.write("\n")
                n += 1
            con.close()
    return n


def score(listing: str, verdicts: str) -> dict[str, dict[str, float]]:
    """Per tag and "all": themes, kept, kept share, share of statements under a kept
    name, coherent themes and the share of them whose name was kept."""
    sizes: dict[str, int] = {}
    with open(listing, encoding="utf-8") as fh:
        for line in fh:
            if m := HEADER.match(line):
                sizes[m[1]] = int(m[2])
    tally: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    with open(verdicts, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            tid = row["id"].strip()
            kept = row["name"].strip().lower() == "keep"
            coherent = row["coherent"].strip().lower() == "yes"
            for key in (tid.rsplit("-", 1)[0], "all"):
                t = tally[key]
                t[0] += 1
                t[1] += kept
                t[2] += sizes[tid]
                t[3] += sizes[tid] * kept
                t[4] += coherent
                t[5] += kept and coherent
    return {k: {"themes": t[0], "kept": t[1], "kept_share": round(t[1] / t[0], 3),
                "statements_kept": round(t[3] / max(t[2], 1), 3), "coherent": t[4],
                "kept_of_coherent": round(t[5] / max(t[4], 1), 3)}
            for k, t in sorted(tally.items())}


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "themes":
        print(f"{themes(argv[1], argv[2:])} themes listed")
        return 0
    if len(argv) == 3 and argv[0] == "score":
        for tag, counts in score(argv[1], argv[2]).items():
            print(tag, counts)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
