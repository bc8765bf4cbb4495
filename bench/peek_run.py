"""Print a run's ranked themes as its report shows them, with statements to read them by.

Usage::

    .venv/bin/python bench/peek_run.py out/eval-airline-tweets/voc.duckdb [--statements 6]

A reading aid for theme names in the product itself (not a bench re-naming): per theme,
its rank, name, statement count, key phrases, its representative quotes and a few more
of its statements spread evenly over the theme (deterministic), then its sub-themes with
their sizes. The explicit "other" bucket is listed last, like the report does.
"""

from __future__ import annotations

import argparse
import json
import sys

import duckdb


def _spread(rows: list[str], k: int) -> list[str]:
    """``k`` rows spread evenly over ``rows`` (all of them when fewer)."""
    if len(rows) <= k:
        return rows
    step = len(rows) / k
    return [rows[int(i * step)] for i in range(k)]


def peek(db: str, n_statements: int) -> str:
    """The listing of one workspace's themes."""
    con = duckdb.connect(db, read_only=True)
    themes = con.sql(
        "select theme_id, rank, name, n_statements, key_phrases, quote_ids, subthemes "
        "from themes order by rank nulls last, theme_id"
    ).fetchall()
    texts: dict[str, list[tuple[str, str]]] = {}
    for tid, sid, text in con.sql(
        "select theme_id, statement_id, text from statements where theme_id is not null "
        "order by item_id, position"
    ).fetchall():
        texts.setdefault(tid, []).append((sid, text))
    out: list[str] = []
    for tid, rank, name, n, kp, quote_ids, subs in themes:
        members = texts.get(tid, [])
        by_id = dict(members)
        quotes = [by_id[q] for q in json.loads(quote_ids or "[]") if q in by_id]
        rest = [t for s, t in members if t not in quotes]
        out.append(f"### {rank if rank is not None else '-'} {name!r} n={n} "
                   f"kp={json.loads(kp or '[]')[:6]}")
        out += [f"   q {t[:160]!r}" for t in quotes]
        out += [f"   - {t[:160]!r}" for t in _spread(rest, max(0, n_statements - len(quotes)))]
        for sub in json.loads(subs or "[]"):
            out.append(f"     sub {sub['name']!r} n={sub['n_statements']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workspace", help="a run's voc.duckdb")
    ap.add_argument("--statements", type=int, default=6,
                    help="statements shown per theme, quotes included")
    args = ap.parse_args(argv)
    print(peek(args.workspace, args.statements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
