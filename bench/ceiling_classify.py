"""Supervised ceiling of the classifiers' features: 5-fold CV with the eval labels.

How far can a linear head on our features go when it is *given* 1,600 labels of
the target data? If even that falls short of a target, no choice of written
examples or few-shot weighting reaches it with these features. Feature sets are
all taken from ONE forward pass of all-MiniLM-L6-v2 (``output_hidden_states``):

- ``mean``: the default sentence vector (mask-weighted mean of the last layer);
- ``max``: max-pooling of the last layer's token states;
- ``cls``: the last layer's first ([CLS]) token;
- ``meanL<k>``: mean of layer k's token states (k = 1..5);
- concatenations of the above, each block L2-normalised.

Each is scored with a logistic regression plus the sentiment classifier's lexical
block (airline) or the stage classifier's TF-IDF view (Banking77 stages). The
labelled rows are used only to measure, never written anywhere.

Usage: ``.venv/bin/python bench/ceiling_classify.py [--n 2000] [--folds 5]``
"""

from __future__ import annotations

import argparse
import html
import logging
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_classify import sample, start_eval  # noqa: E402

from voc.classify._match import for_embedding  # noqa: E402
from voc.classify.sentiment import LEXICAL_SCALE, SentimentClassifier  # noqa: E402
from voc.embed import Embedder  # noqa: E402
from voc.labels import load_sentiment  # noqa: E402

log = logging.getLogger("ceiling_classify")


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def pooled_features(texts: list[str], batch_size: int = 64) -> dict[str, np.ndarray]:
    """Every pooling of one forward pass, keyed by name; each block unit-normalised."""
    import torch

    model = Embedder().model_
    tok = model.tokenizer
    bert = model[0].auto_model.eval()
    max_len = model.get_max_seq_length() or 256
    out: dict[str, list[np.ndarray]] = {}
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(texts), batch_size):
        idx = order[start : start + batch_size]
        enc = tok(
            [texts[i] for i in idx],
            padding=True,
            truncation=True,
            max_length=max_len,
            return_tensors="pt",
        )
        with torch.no_grad():
            hs = bert(**enc, output_hidden_states=True).hidden_states
        m = enc["attention_mask"].unsqueeze(-1).float()
        feats = {}
        for k in range(1, len(hs)):
            h = hs[k]
            feats[f"meanL{k}"] = ((h * m).sum(1) / m.sum(1).clamp(min=1e-9)).numpy()
        last = hs[-1]
        feats["mean"] = feats.pop(f"meanL{len(hs) - 1}")
        feats["max"] = last.masked_fill(m == 0, -1e4).max(1).values.numpy()
        feats["cls"] = last[:, 0].numpy()
        for name, v in feats.items():
            out.setdefault(name, []).append((np.asarray(idx), v))
    result = {}
    for name, parts in out.items():
        arr = np.zeros((len(texts), parts[0][1].shape[1]), np.float32)
        for idx, v in parts:
            arr[idx] = v
        result[name] = _unit(arr)
    return result


def combos(f: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Feature sets to compare: single poolings and concatenations with the mean."""
    sets = {"mean": f["mean"], "max": f["max"], "cls": f["cls"]}
    sets["mean+max"] = np.hstack([f["mean"], f["max"]])
    sets["mean+cls"] = np.hstack([f["mean"], f["cls"]])
    for k in (2, 3, 4):
        sets[f"meanL{k}"] = f[f"meanL{k}"]
        sets[f"mean+meanL{k}"] = np.hstack([f["mean"], f[f"meanL{k}"]])
    sets["mean+max+meanL3"] = np.hstack([f["mean"], f["max"], f["meanL3"]])
    sets["mean(L1..6)"] = _unit(sum(f[f"meanL{k}"] for k in range(1, 6)) + f["mean"])
    return sets


def cv_f1(X: np.ndarray, y: np.ndarray, folds: int, seed: int, C: float) -> float:
    """Mean macro-F1 of a logistic regression over stratified folds."""
    f1s = []
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(X, y):
        clf = LogisticRegression(C=C, max_iter=3000, random_state=seed).fit(X[tr], y[tr])
        f1s.append(f1_score(y[te], clf.predict(X[te]), average="macro"))
    return float(np.mean(f1s))


def cv_f1_tfidf(
    X: np.ndarray, texts: list[str], y: np.ndarray, folds: int, seed: int, C: float
) -> float:
    """As :func:`cv_f1`, blended 50/50 with a TF-IDF n-gram LR (the stage classifier's views)."""
    f1s = []
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(X, y):
        a = LogisticRegression(C=C, max_iter=3000, random_state=seed).fit(X[tr], y[tr])
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        T = vec.fit_transform([texts[i] for i in tr])
        b = LogisticRegression(C=4.0, max_iter=3000, random_state=seed).fit(T, y[tr])
        Te = vec.transform([texts[i] for i in te])
        p = 0.5 * a.predict_proba(X[te]) + 0.5 * b.predict_proba(Te)
        f1s.append(f1_score(y[te], a.classes_[p.argmax(1)], average="macro"))
    return float(np.mean(f1s))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="rows sampled per dataset (0 = all)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--eval-dir", default=None)
    ap.add_argument("--sets", default="", help="comma-separated feature sets (default: all)")
    ap.add_argument("--airline-only", action="store_true", help="airline at C=1 only (quick)")
    ap.add_argument("--cache", default="/tmp/voc_ceiling", help="folder for pooled features")
    args = ap.parse_args(argv)
    eval_dir = start_eval(args.eval_dir, log)
    if eval_dir is None:
        return 0
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)

    air = sample(pd.read_csv(eval_dir / "airline_tweets" / "dev.csv"), args.n, args.seed)
    a_texts = [html.unescape(str(t)) for t in air["text"]]
    a_y = air["airline_sentiment"].to_numpy()
    bank = sample(pd.read_csv(eval_dir / "banking77" / "dev.csv"), args.n, args.seed)
    smap = pd.read_csv(eval_dir / "banking77" / "stage_map.csv")
    stage_of = dict(zip(smap["category"], smap["stage"], strict=True))
    b_texts = bank["text"].astype(str).tolist()
    b_y = np.array([stage_of[c] for c in bank["category"]])

    feats = {}
    for name, texts in (("airline", a_texts), ("banking", b_texts)):
        path = cache / f"{name}-{args.n}-{args.seed}.npz"
        if path.is_file():
            feats[name] = dict(np.load(path))
        else:
            t0 = time.perf_counter()
            feats[name] = pooled_features([for_embedding(t) for t in texts])
            log.info("%s: pooled features in %.1f s", name, time.perf_counter() - t0)
            np.savez(path, **feats[name])

    sent = SentimentClassifier(load_sentiment())
    from voc.classify._match import CueMatcher

    sent.cues_ = CueMatcher({c.id: c.cues for c in sent.taxonomy.classes})
    lex = LEXICAL_SCALE * sent._lexical(a_texts)

    log.info("feature set          airline LR+lex (C=1 / 4)   banking LR+tfidf (C=8)")
    a_sets, b_sets = combos(feats["airline"]), combos(feats["banking"])
    for name in args.sets.split(",") if args.sets else a_sets:
        Xa = np.hstack([a_sets[name], lex])
        f1 = cv_f1(Xa, a_y, args.folds, args.seed, 1.0)
        if args.airline_only:
            log.info("%-20s %.3f", name, f1)
            continue
        f4 = cv_f1(Xa, a_y, args.folds, args.seed, 4.0)
        fb = cv_f1_tfidf(b_sets[name], b_texts, b_y, args.folds, args.seed, 8.0)
        log.info("%-20s %.3f / %.3f              %.3f", name, f1, f4, fb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
