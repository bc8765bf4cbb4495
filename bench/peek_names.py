"""Print every theme of one eval set with its name, size, labels, key phrases and quotes.

Usage::

    .venv/bin/python bench/peek_names.py airline|banking77|cfpb [--quotes 4]

A reading aid for theme names: clusters as ``bench/eval_names.py`` does (cached under
``out/bench_cache/``), names each theme with the shipped code and prints, per theme, the
name, its size, its two most common reference labels, its first key phrases and
representative quotes.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_names as E  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    from voc.themes.naming import key_phrases, theme_name
    from voc.themes.quotes import representative

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", choices=["banking77", "airline", "cfpb"])
    ap.add_argument("--quotes", type=int, default=4)
    args = ap.parse_args(argv)
    texts, y, vecs, _, _, groups = E.themes_of(args.set)
    phrases = key_phrases([[texts[i] for i in g] for g in groups], n_phrases=8)
    for g, ph in zip(groups, phrases, strict=True):
        tx = [texts[i] for i in g]
        q = representative(vecs[g], tx, k=args.quotes)
        name = theme_name(ph, tx, tx[q[0]] if q else "")
        top = Counter(y[g].tolist()).most_common(2)
        print(f"### {name!r} n={len(g)} {top}  kp={ph[:6]}")
        for i in q[: args.quotes]:
            print("   -", tx[i][:150].replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
