"""Evaluate the classifiers on third-party data in ``shared/eval`` (never trained on).

One table, peers run in the same script on the same rows:

- airline_tweets/dev.csv, 3-class sentiment: VADER, TextBlob, voc zero-shot (no
  airline label used) and voc with K labelled tweets per class drawn from the
  sample (tested on the rest; mean over ``--draws`` draws).
- banking77/dev.csv + stage_map.csv, journey stage: cosine to the stage
  descriptions (zero-shot baseline), voc zero-shot, voc with K per stage.
- friction precision/recall on the hand-written set in tests/test_classify_friction.py.
- timing: embedding vs classification (stage + sentiment + emotion, fitted
  classifiers, stage adapted to the batch) of the same statements, in one process.

Rows marked ``adapted*`` use batch adaptation (:mod:`voc.classify.adapt`) where it is not
the default (sentiment); ``not adapted`` rows leave it out where it is (stage).

Usage: ``.venv/bin/python bench/eval_classify.py [--n 2000] [--shots 16] [--draws 3]``
(``--n 0`` = every row). TextBlob comes with ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

from voc.classify import EmotionClassifier, FrictionDetector, SentimentClassifier, StageClassifier
from voc.classify._match import for_embedding
from voc.classify.sentiment import vader_scores
from voc.classify.vector_cache import CachedEncoder
from voc.embed import Embedder
from voc.labels import (
    UNKNOWN,
    load_emotions,
    load_friction_cues,
    load_sentiment,
    load_stages,
)

log = logging.getLogger("eval_classify")
REPO = Path(__file__).resolve().parents[1]
Row = tuple[str, ...]


def find_eval_dir(given: str | None) -> Path | None:
    """``--eval-dir``, else /work/shared/eval, else ../shared/eval beside the repo."""
    default = [Path("/work/shared/eval"), REPO.parent / "shared" / "eval"]
    candidates = [Path(given)] if given else default
    return next((p for p in candidates if p.is_dir()), None)


def start_eval(
    given: str | None, logger: logging.Logger, missing: str = "nothing to measure"
) -> Path | None:
    """The start of every evaluation script: log plain messages to stdout and find the eval
    folder (:func:`find_eval_dir`); when there is none, say so on ``logger`` (``missing``:
    what the script does then) and return None."""
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    eval_dir = find_eval_dir(given)
    if eval_dir is None:
        logger.warning("no shared/eval folder found; %s", missing)
    return eval_dir


def label_encoder(embedder: Embedder) -> CachedEncoder:
    """Encoder for label and example texts, cached on disk as in ``voc classify``."""
    return CachedEncoder(embedder.encode, embedder.model_id)


def vader_label(compound: np.ndarray) -> list[str]:
    """VADER's customary thresholds: >= 0.05 positive, <= -0.05 negative."""
    return ["positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral" for c in compound]


def textblob_labels(texts: list[str]) -> list[str] | None:
    """TextBlob polarity with the usual cut at 0 (None when TextBlob is not installed)."""
    try:
        from textblob import TextBlob
    except ImportError:
        log.warning("textblob not installed (pip install -e '.[bench]'); skipping its row")
        return None
    out = []
    for t in texts:
        p = TextBlob(t).sentiment.polarity
        out.append("positive" if p > 0 else "negative" if p < 0 else "neutral")
    return out


def _row(task: str, method: str, gold: list[str], pred: list[str], note: str) -> Row:
    present = sorted(set(gold))
    f1 = f1_score(gold, pred, labels=present, average="macro", zero_division=0)
    return (task, method, f"{f1:.3f}", f"{accuracy_score(gold, pred):.3f}", note)


def draw_shots(gold: list[str], k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices of k examples per class (fewer if a class is smaller) and of the rest."""
    rng = np.random.default_rng(seed)
    g = np.array(gold)
    picked = [
        rng.choice(np.flatnonzero(g == c), min(k, int((g == c).sum())), replace=False)
        for c in sorted(set(gold))
    ]
    idx = np.sort(np.concatenate(picked))
    return idx, np.setdiff1d(np.arange(len(gold)), idx)


def few_shot(
    task: str,
    texts: list[str],
    gold: list[str],
    vectors: np.ndarray,
    k: int,
    draws: int,
    seed: int,
    predict: Callable[[list[str], list[str], list[str], np.ndarray], list[str]],
    zero_shot: list[str] | None = None,
) -> Row:
    """Mean (and spread) macro-F1 over ``draws`` draws of k labelled examples per class.

    With ``zero_shot`` (predictions without labels for every row), the note also gives
    the zero-shot macro-F1 on the same held-out rows, so the two compare like for like.
    """
    f1s, accs, zeros, per = [], [], [], []
    present = sorted(set(gold))
    for d in range(draws):
        idx, rest = draw_shots(gold, k, seed + d)
        tr_x, tr_y = [texts[i] for i in idx], [gold[i] for i in idx]
        pred = predict(tr_x, tr_y, [texts[i] for i in rest], vectors[rest])
        g = [gold[i] for i in rest]
        f1s.append(f1_score(g, pred, labels=sorted(set(g)), average="macro", zero_division=0))
        per.append(f1_score(g, pred, labels=present, average=None, zero_division=0))
        accs.append(accuracy_score(g, pred))
        if zero_shot is not None:
            z = [zero_shot[i] for i in rest]
            zeros.append(f1_score(g, z, labels=sorted(set(g)), average="macro", zero_division=0))
    log_per_class(f"{task} {k}/class (mean of {draws} draws)", present, np.mean(per, axis=0))
    spread = f" ±{np.std(f1s):.3f}" if draws > 1 else ""
    note = f"{len(texts) - len(idx)} (rest)"
    if zeros:
        note += f"; zero-shot there {np.mean(zeros):.3f}"
    return (
        task,
        f"voc {k}/class ({draws} draws)",
        f"{np.mean(f1s):.3f}{spread}",
        f"{np.mean(accs):.3f}",
        note,
    )


def log_per_class(what: str, classes: list[str], f1s: np.ndarray) -> None:
    """One log line of per-class F1, so the report can say which classes fail."""
    log.info(
        "per-class F1, %s: %s",
        what,
        ", ".join(f"{c}={f:.2f}" for c, f in zip(classes, f1s, strict=True)),
    )


def sample(df: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    df = df.sample(frac=1.0, random_state=seed)
    return df if n <= 0 else df.head(n)


def eval_airline(
    path: Path, n: int, seed: int, shots: int, draws: int, embedder: Embedder, timing: dict
) -> list[Row]:
    df = sample(pd.read_csv(path), n, seed)
    texts = [html.unescape(str(t)) for t in df["text"]]
    gold = df["airline_sentiment"].tolist()
    t0 = time.perf_counter()
    vectors = embedder.encode([for_embedding(t) for t in texts])  # as `voc classify` does
    timing["embed"] = time.perf_counter() - t0
    timing["n"] = len(texts)
    task = "airline sentiment"
    rows = []
    vs = vader_scores(texts)
    if np.any(vs):
        rows.append(_row(task, "VADER", gold, vader_label(vs[:, 0]), str(len(texts))))
    tb = textblob_labels(texts)
    if tb is not None:
        rows.append(_row(task, "TextBlob", gold, tb, str(len(texts))))

    t0 = time.perf_counter()
    sent = SentimentClassifier(load_sentiment(), seed=seed).fit(label_encoder(embedder))
    stage = StageClassifier(load_stages(), seed=seed).fit(label_encoder(embedder))
    emo = EmotionClassifier(load_emotions(), seed=seed).fit(label_encoder(embedder))
    timing["fit"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    labels, scores = sent.predict(texts, vectors)
    stage.predict(vectors, texts)  # with batch adaptation, as `voc classify` does
    emo.predict(texts, vectors, scores)
    timing["classify"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    stage.predict(vectors, texts, adapt=False)
    timing["stage_plain"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    stage.predict(vectors, texts)
    timing["stage_adapted"] = time.perf_counter() - t0
    rows.append(_row(task, "voc zero-shot", gold, labels, str(len(texts))))
    present = sorted(set(gold))
    log_per_class(
        f"{task} zero-shot",
        present,
        f1_score(gold, labels, labels=present, average=None, zero_division=0),
    )

    def predict(tx: list[str], ty: list[str], te: list[str], tv: np.ndarray) -> list[str]:
        clf = SentimentClassifier(load_sentiment(), seed=seed).fit(label_encoder(embedder), tx, ty)
        return clf.predict(te, tv)[0]

    rows.append(few_shot(task, texts, gold, vectors, shots, draws, seed, predict, labels))
    # Batch adaptation is off by default for sentiment (see SentimentClassifier.predict):
    # shown here so the table says what it would give.
    adapted = sent.predict(texts, vectors, adapt=True)[0]
    rows.append(_row(task, "voc zero-shot, adapted*", gold, adapted, str(len(texts))))

    def predict_adapted(tx: list[str], ty: list[str], te: list[str], tv: np.ndarray) -> list[str]:
        clf = SentimentClassifier(load_sentiment(), seed=seed).fit(label_encoder(embedder), tx, ty)
        return clf.predict(te, tv, adapt=True)[0]

    row = few_shot(task, texts, gold, vectors, shots, draws, seed, predict_adapted, adapted)
    rows.append((row[0], row[1] + ", adapted*", *row[2:]))
    return rows


def eval_banking(
    folder: Path, n: int, seed: int, shots: int, draws: int, embedder: Embedder
) -> list[Row]:
    mapping = pd.read_csv(folder / "stage_map.csv")
    stage_of = dict(zip(mapping["category"], mapping["stage"], strict=True))
    df = sample(pd.read_csv(folder / "dev.csv"), n, seed)
    texts = df["text"].astype(str).tolist()
    gold = [stage_of[c] for c in df["category"]]
    taxonomy = load_stages()
    vectors = embedder.encode([for_embedding(t) for t in texts])
    task = "banking77 stage"

    desc = embedder.encode([s.description for s in taxonomy.stages])
    base = [taxonomy.stages[i].id for i in (vectors @ desc.T).argmax(axis=1)]
    rows = [_row(task, "cosine to description", gold, base, str(len(texts)))]
    clf = StageClassifier(taxonomy, seed=seed).fit(label_encoder(embedder))
    plain, _ = clf.predict(vectors, texts, adapt=False)
    unk = sum(p == UNKNOWN for p in plain) / len(plain)
    rows.append(_row(task, "voc zero-shot, not adapted", gold, plain, f"{len(texts)} ({unk:.1%})"))
    ours, _ = clf.predict(vectors, texts)
    unk = sum(p == UNKNOWN for p in ours) / len(ours)
    rows.append(_row(task, "voc zero-shot", gold, ours, f"{len(texts)} (unknown {unk:.1%})"))
    present = sorted(set(gold))
    per_class = f1_score(gold, ours, labels=present, average=None, zero_division=0)
    log_per_class(f"{task} zero-shot", present, per_class)

    def predict(tx: list[str], ty: list[str], te: list[str], tv: np.ndarray) -> list[str]:
        c = StageClassifier(taxonomy, seed=seed).fit(label_encoder(embedder), tx, ty)
        return c.predict(tv, te)[0]

    def predict_plain(tx: list[str], ty: list[str], te: list[str], tv: np.ndarray) -> list[str]:
        c = StageClassifier(taxonomy, seed=seed).fit(label_encoder(embedder), tx, ty)
        return c.predict(tv, te, adapt=False)[0]

    row = few_shot(task, texts, gold, vectors, shots, draws, seed, predict_plain, plain)
    rows.append((row[0], row[1] + ", not adapted", *row[2:]))
    rows.append(few_shot(task, texts, gold, vectors, shots, draws, seed, predict, ours))
    return rows


def eval_friction(embedder: Embedder, seed: int) -> list[Row]:
    path = REPO / "tests" / "test_classify_friction.py"
    spec = importlib.util.spec_from_file_location("_fr", path)
    if spec is None or spec.loader is None:
        return []
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    cases: list[tuple[str, bool]] = mod.FRICTION_CASES
    texts = [t for t, _ in cases]
    gold = [g for _, g in cases]
    sent = SentimentClassifier(load_sentiment(), seed=seed).fit(label_encoder(embedder))
    _, scores = sent.predict(texts, embedder.encode(texts))
    flags, _ = FrictionDetector(load_friction_cues()).score(texts, scores)
    p, r = precision_score(gold, flags), recall_score(gold, flags)
    return [("friction hand set", "voc", f"P={p:.3f}", f"R={r:.3f}", str(len(texts)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="rows sampled per dataset (0 = all)")
    ap.add_argument("--shots", type=int, default=16, help="labelled examples per class")
    ap.add_argument("--draws", type=int, default=3, help="random draws of the labelled examples")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--eval-dir", default=None)
    ap.add_argument(
        "--no-timing",
        action="store_true",
        help="leave out the timing line (quality only: no need to hold the benchmark lock)",
    )
    ap.add_argument(
        "--tasks",
        default="airline,banking,friction",
        help="comma-separated subset of airline, banking, friction (default: all three)",
    )
    args = ap.parse_args(argv)
    tasks = set(args.tasks.split(","))
    eval_dir = start_eval(args.eval_dir, log, "skipping third-party datasets")
    embedder = Embedder()
    embedder.encode(["warm up the model"])
    rows: list[Row] = []
    timing: dict = {}
    start = time.perf_counter()
    if eval_dir is not None and "airline" in tasks:
        rows += eval_airline(
            eval_dir / "airline_tweets" / "dev.csv",
            args.n,
            args.seed,
            args.shots,
            args.draws,
            embedder,
            timing,
        )
    if eval_dir is not None and "banking" in tasks:
        rows += eval_banking(
            eval_dir / "banking77", args.n, args.seed, args.shots, args.draws, embedder
        )
    if "friction" in tasks:
        rows += eval_friction(embedder, args.seed)
    header = ("task", "method", "macro-F1", "accuracy", "rows")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, tuple("-" * w for w in widths), *rows]:
        log.info("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    if timing and not args.no_timing:
        n, emb, cls = timing["n"], timing["embed"], timing["classify"]
        log.info(
            "timing on %d airline tweets: embedding %.2f s (%.0f/s); classification "
            "(stage + sentiment + emotion) %.2f s = %.1f%% of embedding; "
            "one-off classifier fit %.2f s",
            n,
            emb,
            n / emb,
            cls,
            100 * cls / emb,
            timing["fit"],
        )
        log.info(
            "stage alone: %.3f s without batch adaptation, %.3f s with it (%.1f%% of embedding)",
            timing["stage_plain"],
            timing["stage_adapted"],
            100 * timing["stage_adapted"] / emb,
        )
    log.info("done in %.1f s", time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
