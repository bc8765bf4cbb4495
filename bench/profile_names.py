"""Time (and optionally profile) the naming part of ``bench/eval_names.py`` on one set.

Usage::

    .venv/bin/python bench/profile_names.py banking77 [--cprofile /tmp/names.prof] [--top 25]

Clusters and sub-theme labels come from ``out/bench_cache/`` as ``eval_names.py`` builds
them, and quotes are picked before the clock starts; then, in one process, every theme is
named with :func:`voc.themes.naming.key_phrases` and :func:`voc.themes.naming.theme_name`,
its sub-themes with :func:`voc.themes.drafts.name_subthemes`, and the names are made
distinct (:func:`voc.themes.distinct.distinct_names`), as the name step does. Prints the
CPU seconds of this process (steadier than wall time on a shared machine) and a hash of
all the names, so a change that only saves time can show the names are the same.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_names as E  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    from voc.themes.distinct import distinct_names
    from voc.themes.drafts import name_subthemes
    from voc.themes.naming import key_phrases, theme_name
    from voc.themes.quotes import representative

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", choices=["banking77", "airline", "cfpb"])
    ap.add_argument("--cprofile", default="")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args(argv)
    texts, _, vecs, labels, ids, groups = E.themes_of(args.set)
    subs = E.subthemes_cached(args.set, texts, vecs, labels, ids)
    tx = [[texts[i] for i in g] for g in groups]
    first = [t[q[0]] if (q := representative(vecs[g], t, k=4)) else "" for g, t in zip(
        groups, tx, strict=True)]

    def run() -> list[str]:
        phrases = key_phrases(tx, n_phrases=8)
        names = [theme_name(ph, t, f) for ph, t, f in zip(phrases, tx, first, strict=True)]
        out = list(names)
        for c, t, name in zip(ids, tx, names, strict=True):
            if c in subs:
                out += [s.name for s in name_subthemes(subs[c], t, name)]
        return out + distinct_names(names, tx)

    prof = cProfile.Profile() if args.cprofile else None
    t0 = time.process_time()
    if prof is not None:
        prof.enable()
    names = run()
    if prof is not None:
        prof.disable()
    cpu = time.process_time() - t0
    digest = hashlib.sha1("\n".join(names).encode("utf-8")).hexdigest()[:12]
    print(f"{args.set}: {len(ids)} themes, {len(names)} names, {cpu:.1f} s CPU, names {digest}")
    if prof is not None:
        prof.dump_stats(args.cprofile)
        pstats.Stats(args.cprofile).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
