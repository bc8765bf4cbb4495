"""Evaluate the classifiers on third-party data in ``shared/eval`` (never trained on).

- airline_tweets/dev.csv: 3-class sentiment macro-F1, ours vs VADER.
- banking77/dev.csv + stage_map.csv: stage macro-F1 and accuracy, ours vs a
  baseline that picks the stage whose description is closest (cosine).
- friction precision/recall on the hand-written set in tests/test_classify_friction.py.

Usage: ``.venv/bin/python bench/eval_classify.py [--n 2000] [--eval-dir PATH]``
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import logging
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

from voc.classify import FrictionDetector, SentimentClassifier, StageClassifier
from voc.classify.sentiment import vader_scores
from voc.embed import Embedder
from voc.labels import UNKNOWN, load_friction_cues, load_sentiment, load_stages

log = logging.getLogger("eval_classify")
REPO = Path(__file__).resolve().parents[1]


def find_eval_dir(given: str | None) -> Path | None:
    """``--eval-dir``, else /work/shared/eval, else ../shared/eval beside the repo."""
    default = [Path("/work/shared/eval"), REPO.parent / "shared" / "eval"]
    candidates = [Path(given)] if given else default
    return next((p for p in candidates if p.is_dir()), None)


def vader_label(compound: np.ndarray) -> list[str]:
    """VADER's customary thresholds: >= 0.05 positive, <= -0.05 negative."""
    return ["positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral" for c in compound]


def eval_airline(path: Path, n: int, seed: int, embedder: Embedder) -> list[tuple[str, ...]]:
    df = pd.read_csv(path).sample(frac=1.0, random_state=seed).head(n)
    texts = [html.unescape(str(t)) for t in df["text"]]
    gold = df["airline_sentiment"].tolist()
    clf = SentimentClassifier(load_sentiment(), seed=seed).fit(embedder.encode)
    labels, _ = clf.predict(texts, embedder.encode(texts))
    rows = [
        (
            "airline sentiment",
            "ours",
            f"{f1_score(gold, labels, average='macro'):.3f}",
            f"{accuracy_score(gold, labels):.3f}",
            str(len(texts)),
        )
    ]
    vs = vader_scores(texts)
    if np.any(vs):
        vl = vader_label(vs[:, 0])
        rows.append(
            (
                "airline sentiment",
                "VADER",
                f"{f1_score(gold, vl, average='macro'):.3f}",
                f"{accuracy_score(gold, vl):.3f}",
                str(len(texts)),
            )
        )
    return rows


def eval_banking(folder: Path, n: int, seed: int, embedder: Embedder) -> list[tuple[str, ...]]:
    mapping = pd.read_csv(folder / "stage_map.csv")
    stage_of = dict(zip(mapping["category"], mapping["stage"], strict=True))
    df = pd.read_csv(folder / "dev.csv").sample(frac=1.0, random_state=seed).head(n)
    texts = df["text"].astype(str).tolist()
    gold = [stage_of[c] for c in df["category"]]
    present = sorted(set(gold))
    taxonomy = load_stages()
    vectors = embedder.encode(texts)

    clf = StageClassifier(taxonomy, seed=seed).fit(embedder.encode)
    ours, _ = clf.predict(vectors, texts)
    desc = embedder.encode([s.description for s in taxonomy.stages])
    base = [taxonomy.stages[i].id for i in (vectors @ desc.T).argmax(axis=1)]

    rows = []
    for name, pred in (("ours", ours), ("cosine to description", base)):
        f1 = f1_score(gold, pred, labels=present, average="macro", zero_division=0)
        unk = sum(p == UNKNOWN for p in pred) / len(pred)
        rows.append(
            (
                "banking77 stage",
                name,
                f"{f1:.3f}",
                f"{accuracy_score(gold, pred):.3f}",
                f"{len(texts)} (unknown {unk:.1%})",
            )
        )
    per_class = f1_score(gold, ours, labels=present, average=None, zero_division=0)
    log.info(
        "banking77 per-stage F1 (ours): %s",
        ", ".join(f"{s}={f:.2f}" for s, f in zip(present, per_class, strict=True)),
    )
    return rows


def eval_friction(embedder: Embedder, seed: int) -> list[tuple[str, ...]]:
    path = REPO / "tests" / "test_classify_friction.py"
    spec = importlib.util.spec_from_file_location("_fr", path)
    if spec is None or spec.loader is None:
        return []
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    cases: list[tuple[str, bool]] = mod.FRICTION_CASES
    texts = [t for t, _ in cases]
    gold = [g for _, g in cases]
    sent = SentimentClassifier(load_sentiment(), seed=seed).fit(embedder.encode)
    _, scores = sent.predict(texts, embedder.encode(texts))
    flags, _ = FrictionDetector(load_friction_cues()).score(texts, scores)
    p, r = precision_score(gold, flags), recall_score(gold, flags)
    return [("friction hand set", "ours", f"P={p:.3f}", f"R={r:.3f}", str(len(texts)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="rows sampled per dataset")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--eval-dir", default=None)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    embedder = Embedder()
    rows: list[tuple[str, ...]] = []
    start = time.perf_counter()
    eval_dir = find_eval_dir(args.eval_dir)
    if eval_dir is None:
        log.warning("no shared/eval folder found; skipping third-party datasets")
    else:
        rows += eval_airline(eval_dir / "airline_tweets" / "dev.csv", args.n, args.seed, embedder)
        rows += eval_banking(eval_dir / "banking77", args.n, args.seed, embedder)
    rows += eval_friction(embedder, args.seed)
    header = ("task", "method", "macro-F1", "accuracy", "rows")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, tuple("-" * w for w in widths), *rows]:
        log.info("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    log.info("done in %.1f s", time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
