"""Benchmark theme discovery on ../shared/eval, side by side with BERTopic and k-means.

Usage::

    .venv/bin/python bench/eval_themes.py [--sets banking77,airline,cfpb] [--no-bertopic]
        [--seeds 0,1,2] [--out out/bench_themes.json]

For each set the texts are embedded once with the local all-MiniLM-L6-v2 (vectors cached
under ``out/bench_cache/``), then clustered by

- ``voc``: the cluster step as shipped (:func:`voc.themes.represent.cluster_statements`
  with the ``ClusterParams`` defaults: MiniLM vectors joined with lemma LSA vectors),
  not told k; ``--ablation`` adds ``voc_vectors_only`` (``lexical_weight`` 0);
- ``voc_fast_N`` (``--fast-samples N,...``, instead of the others): fast mode's themes, a
  seeded sample of N clustered on MiniLM vectors, the rest placed by static centroid;
- ``kmeans_true_k``: scikit-learn k-means given the true number of classes;
- ``bertopic_default`` / ``bertopic_tuned``: BERTopic (UMAP + HDBSCAN) on the same vectors,
  the embedding model loaded from the local folder with ``SentenceTransformer(path)``;
  default ``min_topic_size=10`` and a tuned ``min_topic_size``, once per seed (UMAP's
  ``random_state``): median NMI, each seed's NMI, topics and outliers, ARI across seeds.

Reported per method: NMI against the labels (outliers count as one cluster, as a user
would see them), number of clusters, outlier / "other" share (and for voc the count
``n_other``), wall time (median over seeds), and the adjusted Rand index between runs
with different seeds.

Sets: Banking77 dev (77 intents, every query treated as a friction statement), airline
tweets dev (negative tweets with a reason other than "Can't Tell": 9 reasons), CFPB
complaints dev (themes against ``Issue``). Eval data is read in place, never copied.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import itertools
import json
import logging
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
CACHE = ROOT / "out" / "bench_cache"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

log = logging.getLogger("eval_themes")


def load_set(name: str) -> tuple[list[str], np.ndarray]:
    """Texts and labels of one evaluation set."""
    if name == "banking77":
        df = pd.read_csv(EVAL / "banking77" / "dev.csv")
        return df["text"].astype(str).tolist(), df["category"].to_numpy()
    if name == "airline":
        df = pd.read_csv(EVAL / "airline_tweets" / "dev.csv")
        df = df[(df["airline_sentiment"] == "negative") & df["negativereason"].notna()]
        df = df[df["negativereason"] != "Can't Tell"].drop_duplicates("tweet_id")
        texts = [html.unescape(t) for t in df["text"].astype(str)]
        return texts, df["negativereason"].to_numpy()
    if name == "cfpb":
        df = pd.read_csv(EVAL / "cfpb_complaints" / "dev.csv")
        df = df[df["Consumer complaint narrative"].notna() & df["Issue"].notna()]
        return df["Consumer complaint narrative"].astype(str).tolist(), df["Issue"].to_numpy()
    raise SystemExit(f"unknown set {name!r}")


def embed(name: str, texts: list[str], precision: str = "float32") -> np.ndarray:
    """MiniLM vectors of ``texts``, cached on disk by content hash (and precision, when not
    float32: ``onnx`` is the same arithmetic, faster)."""
    from voc.embed import Embedder

    key = hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:12]
    tag = "" if precision == "float32" else f"-{precision}"
    path = CACHE / f"{name}-{key}{tag}.npy"
    if path.exists():
        return np.load(path)
    CACHE.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    vecs = Embedder(precision=precision).encode(texts)
    log.info("%s: embedded %d texts in %.1fs", name, len(texts), time.perf_counter() - t0)
    np.save(path, vecs)
    return vecs


def _nmi(y: np.ndarray, labels: np.ndarray) -> float:
    return round(float(normalized_mutual_info_score(y, labels)), 4)


def run_voc(
    texts: list[str], vecs: np.ndarray, y: np.ndarray, seeds: list[int], **overrides: object
) -> dict[str, object]:
    """The cluster step as shipped: its default parameters, hybrid space of vectors and lemmas."""
    from voc.themes.cluster import OTHER
    from voc.themes.represent import cluster_statements
    from voc.themesteps import ClusterParams

    skip = {"codeframe", "update_codeframe", "subtheme_min_size", "max_sample"}
    opts = {**ClusterParams().model_dump(exclude=skip), **overrides}
    runs = []
    times = []
    for s in seeds:
        t0 = time.perf_counter()
        runs.append(cluster_statements(vecs, texts, seed=s, **opts))
        times.append(time.perf_counter() - t0)
    labels = runs[0]
    aris = [adjusted_rand_score(a, b) for a, b in itertools.combinations(runs, 2)]
    return {
        "nmi": _nmi(y, labels),
        "n_clusters": len(set(labels.tolist()) - {OTHER}),
        "outlier_share": round(float((labels == OTHER).mean()), 4),
        "n_other": int((labels == OTHER).sum()),
        "n_other_per_seed": [int((lab == OTHER).sum()) for lab in runs],
        "ari_across_seeds_min": round(float(min(aris)), 4) if aris else None,
        "seconds": round(float(np.median(times)), 2),
        "_labels": labels,
    }


def run_fast_sample(
    texts: list[str], vecs: np.ndarray, y: np.ndarray, seeds: list[int], size: int
) -> dict[str, object]:
    """Fast mode's themes on one set: a seeded sample of ``size`` texts clustered on MiniLM
    vectors as the cluster step does, every other text placed by the nearest static centroid
    of the sample under the calibrated threshold (as :func:`voc.reduce_sample.place_all`)."""
    from voc.fast import StaticEmbedder
    from voc.reduce_sample import _centroids, _nearest, calibrated_threshold, sample_positions
    from voc.themes.cluster import OTHER
    from voc.themes.represent import cluster_statements
    from voc.themesteps import ClusterParams

    static = static_vectors(texts, StaticEmbedder())
    skip = {"codeframe", "update_codeframe", "subtheme_min_size", "max_sample"}
    opts = ClusterParams().model_dump(exclude=skip)
    nmis, others, times = [], [], []
    for s in seeds:
        t0 = time.perf_counter()
        pos = sample_positions(len(texts), size, s)
        lab_s = cluster_statements(vecs[pos], [texts[i] for i in pos], seed=s, **opts)
        ids, cents = _centroids(static[pos], lab_s)
        thr = calibrated_threshold(static[pos], lab_s, ids, cents, opts["assign_threshold"])
        labels = _nearest(static, ids, cents, thr)
        labels[pos] = lab_s
        times.append(time.perf_counter() - t0)
        nmis.append(_nmi(y, labels))
        others.append(int((labels == OTHER).sum()))
    return {
        "sample": min(size, len(texts)),
        "nmi": round(float(np.median(nmis)), 4),
        "nmi_per_seed": nmis,
        "n_other_per_seed": others,
        "seconds": round(float(np.median(times)), 2),
    }


def static_vectors(texts: list[str], embedder: object) -> np.ndarray:
    """Fast mode's static vectors of ``texts`` (unit rows)."""
    from voc.cosine import unit

    return unit(np.asarray(embedder.encode(texts), dtype=np.float32))  # type: ignore[attr-defined]


def theme_names(
    texts: list[str], labels: np.ndarray, y: np.ndarray, n: int = 15
) -> list[dict[str, object]]:
    """Names of the ``n`` largest themes as the name step gives them (c-TF-IDF key
    phrases over all themes, subject + problem predicate), with each theme's size and
    majority reference label, to judge whether they read as problems."""
    from collections import Counter

    from voc.themes.cluster import OTHER
    from voc.themes.naming import key_phrases, theme_name

    ids = [c for c, _ in Counter(labels.tolist()).most_common() if c != OTHER]
    groups = [np.flatnonzero(labels == c) for c in ids]
    phrases = key_phrases([[texts[i] for i in g] for g in groups], n_phrases=8)
    out = []
    for g, ph in list(zip(groups, phrases, strict=True))[:n]:
        tx = [texts[i] for i in g]
        label, k = Counter(y[g].tolist()).most_common(1)[0]
        out.append(
            {"name": theme_name(ph, tx, tx[0]), "n": len(g), "label": str(label),
             "label_share": round(k / len(g), 2)}
        )
    return out


def run_kmeans(vecs: np.ndarray, y: np.ndarray, seed: int) -> dict[str, object]:
    k = len(set(y.tolist()))
    t0 = time.perf_counter()
    labels = KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(vecs)
    return {
        "nmi": _nmi(y, labels),
        "n_clusters": k,
        "outlier_share": 0.0,
        "seconds": round(time.perf_counter() - t0, 2),
    }


def _bertopic_once(
    texts: list[str], vecs: np.ndarray, min_topic_size: int, seed: int
) -> tuple[np.ndarray, float]:
    from bertopic import BERTopic
    from sentence_transformers import SentenceTransformer
    from umap import UMAP

    from voc.embed import default_model_path

    model = SentenceTransformer(default_model_path(), device="cpu")
    # BERTopic's default UMAP (bertopic/_bertopic.py), with a fixed random_state so the
    # run is repeatable; HDBSCAN is BERTopic's own default (min_cluster_size=min_topic_size,
    # euclidean, "eom" selection)
    umap_model = UMAP(
        n_neighbors=15,
        n_components=5,
        min_dist=0.0,
        metric="cosine",
        low_memory=False,
        random_state=seed,
    )
    t0 = time.perf_counter()
    topic_model = BERTopic(
        embedding_model=model, umap_model=umap_model, min_topic_size=min_topic_size
    )
    topics, _ = topic_model.fit_transform(texts, embeddings=vecs)
    return np.asarray(topics), time.perf_counter() - t0


def run_bertopic(
    texts: list[str], vecs: np.ndarray, y: np.ndarray, min_topic_size: int, seeds: list[int]
) -> dict[str, object]:
    """BERTopic once per UMAP seed: median NMI, per-seed results and ARI across seeds.

    One seed alone can mislead: on the airline set UMAP seed 0 leaves a 12-tweet island
    apart and HDBSCAN's "eom" selection then keeps the rest as one topic (NMI 0.003),
    while seeds 1 and 2 give 27-29 topics.
    """
    runs = [_bertopic_once(texts, vecs, min_topic_size, s) for s in seeds]
    labels = [r[0] for r in runs]
    nmis = [_nmi(y, lab) for lab in labels]
    aris = [adjusted_rand_score(a, b) for a, b in itertools.combinations(labels, 2)]
    return {
        "nmi": round(float(np.median(nmis)), 4),
        "nmi_per_seed": nmis,
        "n_clusters_per_seed": [len(set(lab.tolist()) - {-1}) for lab in labels],
        "outlier_share_per_seed": [round(float((lab == -1).mean()), 4) for lab in labels],
        "ari_across_seeds_min": round(float(min(aris)), 4) if aris else None,
        "min_topic_size": min_topic_size,
        "seconds": round(float(np.median([r[1] for r in runs])), 2),
    }


def write_results(results: dict[str, object], out: str) -> None:
    """Write ``results`` as JSON to ``out`` (folders made) and print them."""
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results, indent=2))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="banking77,airline,cfpb")
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--method", default="graph")
    ap.add_argument("--no-bertopic", action="store_true")
    ap.add_argument(
        "--only-bertopic", action="store_true", help="BERTopic alone (a second, shorter run)"
    )
    ap.add_argument(
        "--ablation", action="store_true", help="also run voc on sentence vectors alone"
    )
    ap.add_argument("--tuned-min-topic-size", default="banking77:20,airline:50,cfpb:5")
    ap.add_argument("--names", type=int, default=15, help="name this many largest themes")
    ap.add_argument(
        "--precision", default="float32", help="MiniLM path for the set's vectors (onnx: faster)"
    )
    ap.add_argument(
        "--fast-samples",
        default="",
        help="fast mode only: MiniLM sample sizes to cluster (the rest placed by static "
        "centroid), e.g. 500,1000,3000",
    )
    ap.add_argument("--out", default=str(ROOT / "out" / "bench_themes.json"))
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not EVAL.exists():
        print(f"error: {EVAL} not found (the shared eval data)", file=sys.stderr)
        return 1
    seeds = [int(s) for s in args.seeds.split(",")]
    tuned = dict(kv.split(":") for kv in args.tuned_min_topic_size.split(","))
    results: dict[str, dict[str, object]] = {}
    for name in args.sets.split(","):
        texts, y = load_set(name)
        vecs = embed(name, texts, args.precision)
        res: dict[str, object] = {"n": len(texts), "n_classes": len(set(y.tolist()))}
        if args.fast_samples:
            for size in [int(x) for x in args.fast_samples.split(",")]:
                res[f"voc_fast_{size}"] = run_fast_sample(texts, vecs, y, seeds, size)
                log.info("%s voc fast, sample %d: %s", name, size, res[f"voc_fast_{size}"])
            results[name] = res
            continue
        if args.only_bertopic:
            res["bertopic_default"] = run_bertopic(texts, vecs, y, 10, seeds)
            log.info("%s bertopic default: %s", name, res["bertopic_default"])
            res["bertopic_tuned"] = run_bertopic(texts, vecs, y, int(tuned.get(name, 10)), seeds)
            log.info("%s bertopic tuned: %s", name, res["bertopic_tuned"])
            results[name] = res
            continue
        res["voc"] = run_voc(texts, vecs, y, seeds)
        labels = res["voc"].pop("_labels")  # type: ignore[union-attr]
        log.info("%s voc: %s", name, res["voc"])
        if args.names:
            t0 = time.perf_counter()
            res["voc_names"] = theme_names(texts, np.asarray(labels), y, args.names)
            res["voc_naming_seconds"] = round(time.perf_counter() - t0, 2)
            for row in res["voc_names"]:  # type: ignore[union-attr]
                log.info("%s theme: %s", name, row)
        if args.ablation:
            res["voc_vectors_only"] = run_voc(texts, vecs, y, seeds, lexical_weight=0.0)
            res["voc_vectors_only"].pop("_labels")  # type: ignore[union-attr]
            log.info("%s voc vectors only: %s", name, res["voc_vectors_only"])
        res["kmeans_true_k"] = run_kmeans(vecs, y, seeds[0])
        log.info("%s kmeans: %s", name, res["kmeans_true_k"])
        if not args.no_bertopic:
            res["bertopic_default"] = run_bertopic(texts, vecs, y, 10, seeds)
            log.info("%s bertopic default: %s", name, res["bertopic_default"])
            mts = int(tuned.get(name, 10))
            res["bertopic_tuned"] = run_bertopic(texts, vecs, y, mts, seeds)
            log.info("%s bertopic tuned: %s", name, res["bertopic_tuned"])
        results[name] = res
    write_results(results, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
