"""Per theme of one eval set: its name and the friction frame (``labels/frames.yaml``) the
most of its statements say, with their share, and sample statements saying it.

Usage::

    .venv/bin/python bench/frame_shares.py airline|cfpb|banking77 [--all] [--quotes 5]

A reading aid for the frame library (:mod:`voc.themes.frames`): clusters as
``bench/eval_names.py`` does (cached under ``out/bench_cache/``); without ``--all`` only
themes named "mixed complaints ..." or "X problems"/"X issues", or renamed by a frame.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_names as E  # noqa: E402

#: A plain "X problems" name (one or two subjects, no problem said).
PLAIN = re.compile(r"^[\w-]+( [\w-]+)?( and [\w-]+)? (problems|issues)$")


def main(argv: list[str] | None = None) -> int:
    from voc.embed import Embedder
    from voc.themes.frames import frame_share, frame_vectors, load_frames, statement_frames
    from voc.themes.naming import key_phrases, theme_name

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", choices=["banking77", "airline", "cfpb"])
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--quotes", type=int, default=5)
    args = ap.parse_args(argv)
    texts, y, vecs, _, _, groups = E.themes_of(args.set)
    phrases = key_phrases([[texts[i] for i in g] for g in groups], n_phrases=8)
    names = {f.id: f.name for f in load_frames().frames}
    group_names = {g.name for g in load_frames().groups}
    with frame_vectors(texts, vecs, Embedder()):
        for g, ph in zip(groups, phrases, strict=True):
            tx = [texts[i] for i in g]
            name = theme_name(ph, tx, tx[0])
            framed = name in names.values() or name in group_names or name.startswith("won't ")
            if not (args.all or framed or name.startswith("mixed") or PLAIN.match(name)):
                continue
            fid, n, share = frame_share(tx)
            uniq = list(dict.fromkeys(tx))
            top = Counter(y[g].tolist()).most_common(1)
            ids = statement_frames(uniq)
            grouped = max(((sum(f in gr.frames for f in ids), gr.name)
                           for gr in load_frames().groups), default=(0, ""))
            print(f"### {name!r} n={len(uniq)} frame={names.get(fid, '-')!r} "
                  f"{n}/{len(uniq)}={share:.2f} group {grouped[1]!r} "
                  f"{grouped[0]}/{len(uniq)}={grouped[0] / len(uniq):.2f} {top}")
            said = [t for t, f in zip(uniq, ids, strict=True) if f == fid]
            for t in said[: args.quotes]:
                print("   +", t[:140].replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
