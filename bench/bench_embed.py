"""Embedding throughput per backend, in one process, against plain sentence-transformers float32.

For each text set (airline tweets from ``../shared/eval`` and statements split from
generated messages) every backend embeds the same texts; rounds are interleaved so
that a change of machine load hits all backends alike, and each backend's best round
is reported as statements/s, its ratio to plain ``SentenceTransformer(path).encode``
float32 in the same run, and its minimum and mean cosine to those float32 vectors.

Run one benchmark at a time on a shared machine::

    flock /work/bench.lock python bench/bench_embed.py --n 1000 --rounds 2
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

TWEETS = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "airline_tweets"


def tweets(n: int, seed: int) -> list[str]:
    """``n`` airline tweets (a seeded sample of dev.csv), or [] when ../shared is absent."""
    import pandas as pd

    path = TWEETS / "dev.csv"
    if not path.is_file():
        print(f"skipping tweets: {path} not found", file=sys.stderr)
        return []
    texts = pd.read_csv(path)["text"].astype(str).tolist()
    random.Random(seed).shuffle(texts)
    return texts[:n]


def generated_statements(n: int, seed: int) -> list[str]:
    """``n`` statements split (as voc does) from generated support messages."""
    from generate_inbox import message

    from voc.segment import split_statements

    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        out.extend(split_statements(message(rng)[1]))
    return out[:n]


def _fixed_batches() -> type:
    from types import SimpleNamespace

    from voc.embed import Embedder

    class Fixed(Embedder):
        @property
        def model_(self) -> object:  # no ``batches``: Embedder falls back to fixed batches
            return SimpleNamespace(encode=super().model_.encode)

    return Fixed


def _FixedBatches(**kw: object) -> object:  # noqa: N802
    return _fixed_batches()(**kw)


def backends(names: list[str]) -> dict[str, Callable[[list[str]], np.ndarray]]:
    """The embedders to compare, each ``texts -> unit vectors``."""
    from sentence_transformers import SentenceTransformer

    from voc.embed import Embedder, default_model_path

    path = default_model_path()
    plain = SentenceTransformer(path, device="cpu")
    out: dict[str, Callable[[list[str]], np.ndarray]] = {
        "plain-st-float32": lambda t: plain.encode(t, normalize_embeddings=True),
    }
    for name in names:
        if name.startswith("voc-") and name != "voc-onnx-fixed":
            spec = name[4:]
            precision, _, bs = spec.partition("@")
            emb = Embedder(precision=precision, batch_size=int(bs or 64))
            out[name] = emb.encode
        elif name == "st-maxlen128":
            short = SentenceTransformer(path, device="cpu")
            short.max_seq_length = 128
            out[name] = lambda t, m=short: m.encode(t, normalize_embeddings=True)
        elif name == "fast-static":
            from voc.embed import get_embedder

            out[name] = get_embedder(fast=True).encode
        elif name == "fast-static-model2vec":  # the pooling fast mode used before part H
            from voc.cosine import unit
            from voc.embed import get_embedder

            st = get_embedder(fast=True)
            out[name] = lambda t, s=st: unit(
                unit(np.asarray(s.model_.encode(t, show_progress_bar=False), np.float32))
                - s.center_
            )
        elif name == "voc-onnx-fixed":  # fixed batches of 64 by character length (before H)
            out[name] = _FixedBatches(precision="onnx").encode
    return out


def run(label: str, texts: list[str], fns: dict, rounds: int) -> list[dict]:
    """Interleaved rounds; each backend's best wall time; cosines to plain float32."""
    best: dict[str, float] = {}
    vecs: dict[str, np.ndarray] = {}
    for fn in fns.values():  # warm-up: load models, export ONNX, fill caches
        fn(texts[:32])
    for _ in range(rounds):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            v = np.asarray(fn(texts), dtype=np.float32)
            dt = time.perf_counter() - t0
            best[name] = min(best.get(name, dt), dt)
            vecs[name] = v
    ref = vecs["plain-st-float32"]
    rows = []
    for name in fns:
        v = vecs[name] / np.linalg.norm(vecs[name], axis=1, keepdims=True)
        cos = (ref * v).sum(axis=1)
        rows.append(
            {
                "texts": label,
                "backend": name,
                "n": len(texts),
                "per_s": len(texts) / best[name],
                "x_plain": best["plain-st-float32"] / best[name],
                "cos_min": float(cos.min()),
                "cos_mean": float(cos.mean()),
            }
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="texts per set")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--backends",
        default="voc-float32,voc-onnx,voc-onnx@32,voc-onnx@128,voc-int8,st-maxlen128,fast-static",
        help="comma list: voc-<precision>[@batch], voc-onnx-fixed, st-maxlen128, fast-static, "
        "fast-static-model2vec",
    )
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    warnings.simplefilter("ignore")
    import torch

    from voc.embed import choose_precision, default_model_path

    print(
        f"torch threads {torch.get_num_threads()}, cores {os.cpu_count()}, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    print("auto precision:", choose_precision(default_model_path()))
    fns = backends(args.backends.split(","))
    rows = []
    for label, texts in (
        ("airline tweets", tweets(args.n, args.seed)),
        ("generated statements", generated_statements(args.n, args.seed)),
    ):
        if texts:
            rows += run(label, texts, fns, args.rounds)
    print(f"load after {os.getloadavg()[0]:.1f}")
    print("| texts | backend | n | statements/s | x plain float32 | cos min | cos mean |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['texts']} | {r['backend']} | {r['n']} | {r['per_s']:.0f} | "
            f"{r['x_plain']:.2f} | {r['cos_min']:.4f} | {r['cos_mean']:.5f} |"
        )


if __name__ == "__main__":
    main()
