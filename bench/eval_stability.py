"""How much theme discovery moves when the seed or the input changes a little.

Usage::

    .venv/bin/python bench/eval_stability.py [--sets airline,banking77,cfpb]
        [--seeds 0,1,2] [--drops 3] [--edits 3] [--out out/bench_stability.json]

On each evaluation set of ``bench/eval_themes.py`` (same texts, same cached MiniLM
vectors) the cluster step as shipped (:func:`voc.themes.represent.cluster_statements`,
``ClusterParams`` defaults) is run:

- once per seed: adjusted Rand index (ARI) between every pair of seeds (min and mean);
- ``--drops`` times on the input with 1% of its statements left out at random (seed 0
  both runs): ARI against the full run on the statements both runs share;
- ``--edits`` times on the input with 5 texts changed (a word left out, as when a name is
  redacted; the 5 texts are embedded again): ARI against the unchanged run, all statements.

Also reported: NMI of the seed-0 run against the labels, theme count, "other" count and
the median clustering wall time. Eval data is read in place, never copied.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_themes import EVAL, ROOT, embed, load_set, write_results  # noqa: E402

log = logging.getLogger("eval_stability")

#: Texts changed per edit trial, and the share of statements left out per drop trial.
N_EDITS = 5
DROP_SHARE = 0.01


def _options() -> dict[str, object]:
    from voc.themesteps import ClusterParams

    skip = {"codeframe", "update_codeframe", "subtheme_min_size", "max_sample"}
    return ClusterParams().model_dump(exclude=skip)


def _cluster(vecs: np.ndarray, texts: list[str], seed: int) -> tuple[np.ndarray, float]:
    from voc.themes.represent import cluster_statements

    t0 = time.perf_counter()
    labels = cluster_statements(vecs, texts, seed=seed, **_options())
    return np.asarray(labels), time.perf_counter() - t0


def edited(text: str, rng: np.random.Generator) -> str:
    """``text`` with one word (not the first: it is often the @addressee) left out."""
    words = text.split()
    if len(words) < 3:
        return text + " please"
    k = int(rng.integers(1, len(words)))
    return " ".join(words[:k] + words[k + 1 :])


def stability(
    name: str, seeds: list[int], drops: int, edits: int, embedder: object
) -> dict[str, object]:
    """Seed, drop and edit ARIs of one set (see the module docstring)."""
    from voc.themes.cluster import OTHER

    texts, y = load_set(name)
    vecs = embed(name, texts)
    n = len(texts)
    runs, times = [], []
    for s in seeds:
        lab, sec = _cluster(vecs, texts, s)
        runs.append(lab)
        times.append(sec)
    base = runs[0]
    seed_aris = [adjusted_rand_score(a, b) for a, b in itertools.combinations(runs, 2)]
    drop_aris = []
    for r in range(drops):
        rng = np.random.default_rng(1000 + r)
        keep = np.sort(rng.choice(n, size=n - max(1, round(DROP_SHARE * n)), replace=False))
        lab, _ = _cluster(vecs[keep], [texts[i] for i in keep], seeds[0])
        drop_aris.append(adjusted_rand_score(base[keep], lab))
    edit_aris = []
    for r in range(edits):
        rng = np.random.default_rng(2000 + r)
        rows = np.sort(rng.choice(n, size=N_EDITS, replace=False))
        new_texts = list(texts)
        for i in rows.tolist():
            new_texts[i] = edited(texts[i], rng)
        new_vecs = vecs.copy()
        new_vecs[rows] = embedder.encode([new_texts[i] for i in rows])  # type: ignore[attr-defined]
        lab, _ = _cluster(new_vecs, new_texts, seeds[0])
        edit_aris.append(adjusted_rand_score(base, lab))

    def r4(v: float) -> float:
        return round(float(v), 4)

    return {
        "n": n,
        "nmi": r4(normalized_mutual_info_score(y, base)),
        "n_themes": len(set(base.tolist()) - {OTHER}),
        "n_themes_per_seed": [len(set(lab.tolist()) - {OTHER}) for lab in runs],
        "n_other": int((base == OTHER).sum()),
        "ari_seeds_min": r4(min(seed_aris)) if seed_aris else None,
        "ari_seeds_mean": r4(np.mean(seed_aris)) if seed_aris else None,
        "ari_drop_1pct": [r4(a) for a in drop_aris],
        "ari_drop_1pct_mean": r4(np.mean(drop_aris)) if drop_aris else None,
        "ari_edit_5": [r4(a) for a in edit_aris],
        "ari_edit_5_mean": r4(np.mean(edit_aris)) if edit_aris else None,
        "seconds": round(float(np.median(times)), 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="airline,banking77,cfpb")
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--drops", type=int, default=3, help="trials leaving 1%% out")
    ap.add_argument("--edits", type=int, default=3, help="trials changing 5 texts")
    ap.add_argument("--out", default=str(ROOT / "out" / "bench_stability.json"))
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not EVAL.exists():
        print(f"error: {EVAL} not found (the shared eval data)", file=sys.stderr)
        return 1
    from voc.embed import Embedder

    embedder = Embedder()
    seeds = [int(s) for s in args.seeds.split(",")]
    results = {}
    for name in args.sets.split(","):
        results[name] = stability(name, seeds, args.drops, args.edits, embedder)
        log.info("%s: %s", name, results[name])
    write_results(results, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
