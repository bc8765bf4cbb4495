"""Sentiment and friction against star ratings, on review text the taxonomy was not written on.

``../shared/eval/womens_clothing_reviews/dev.csv`` (title and review text, 1-5 stars) is
split into statements as a pipeline splits them, and each statement is classified with the
packaged sentiment model (or ``--sentiment``) and the friction detector (or ``--cues``).
The stars are the customer's own verdict on the whole review, so they judge the model
without hand labels:

- **ranking** (no threshold): ROC AUC of the negativity ``-score`` telling statements of
  1-2 star reviews from statements of 5-star reviews. A change to the written examples
  that moves every score without telling complaints from the rest better leaves it alone;
- **at the product's thresholds**: share of statements read negative and flagged as
  friction, per star; and per review (:func:`voc.classify.sentiment.item_sentiment`) the
  share of 1-2 star reviews read negative and of 4-5 star reviews read positive.

Usage: ``.venv/bin/python bench/eval_sentiment_ratings.py [--fast] [--sentiment F.yaml]``
(``--fast``: the static embeddings of ``voc run --fast``).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from eval_classify import start_eval
from sklearn.metrics import roc_auc_score

log = logging.getLogger("eval_sentiment_ratings")
REVIEWS = Path("womens_clothing_reviews") / "dev.csv"


def load_reviews(path: Path) -> pd.DataFrame:
    """``text`` (title and review joined by a blank line, as the pipeline's column mapping
    joins them) and ``rating`` of every review with text and a rating."""
    df = pd.read_csv(path)
    parts = df[["Title", "Review Text"]].fillna("").astype(str)
    text = parts.apply(lambda r: "\n\n".join(p.strip() for p in r if p.strip()), axis=1)
    out = pd.DataFrame({"text": text, "rating": pd.to_numeric(df["Rating"], errors="coerce")})
    return out[(out.text != "") & out.rating.notna()].reset_index(drop=True)


def rating_report(
    rating: np.ndarray,
    score: np.ndarray,
    label: list[str],
    flag: np.ndarray,
    item: np.ndarray,
) -> dict[str, float]:
    """The numbers of the module docstring, one row per statement (``item``: its review).

    >>> r = rating_report(np.array([1, 1, 5, 5]), np.array([-0.9, -0.2, 0.3, -0.5]),
    ...     ["negative", "neutral", "positive", "negative"], np.array([1, 0, 0, 1], bool),
    ...     np.array([0, 1, 2, 3]))
    >>> r["auc_low_vs_5"], r["friction_1-2"], r["friction_5"]
    (0.75, 0.5, 0.5)
    """
    from voc.classify.sentiment import item_sentiment

    rating = np.asarray(rating, dtype=float)
    neg = np.array([lab == "negative" for lab in label])
    low, top = rating <= 2, rating == 5
    out: dict[str, float] = {"statements": float(len(rating))}
    pair = low | top
    if low.any() and top.any():
        out["auc_low_vs_5"] = round(float(roc_auc_score(low[pair], -score[pair])), 4)
    groups = {"1-2": low, "3": rating == 3, "4": rating == 4, "5": top}
    for name, m in groups.items():
        if m.any():
            out[f"negative_{name}"] = round(float(neg[m].mean()), 4)
            out[f"friction_{name}"] = round(float(flag[m].mean()), 4)
    items = pd.DataFrame({"item": item, "rating": rating, "score": score, "label": label})
    verdict = {
        k: item_sentiment(g["label"].tolist(), g["score"].to_numpy())[0]
        for k, g in items.groupby("item", sort=False)
    }
    per_item = items.groupby("item", sort=False)["rating"].first()
    said = per_item.index.map(verdict)
    if (per_item <= 2).any():
        out["items_1-2_negative"] = round(float((said[per_item <= 2] == "negative").mean()), 4)
    if (per_item >= 4).any():
        out["items_4-5_positive"] = round(float((said[per_item >= 4] == "positive").mean()), 4)
    return out


def main(argv: list[str] | None = None) -> int:
    from voc.classify import FrictionDetector
    from voc.classify._match import for_embedding
    from voc.classify.batch import build_classifiers, classify_statements
    from voc.embed import get_embedder
    from voc.labels import load_friction_cues
    from voc.segment import split_many

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fast", action="store_true", help="static embeddings (voc run --fast)")
    ap.add_argument("--sentiment", default=None, help="sentiment YAML (default: packaged)")
    ap.add_argument("--cues", default=None, help="friction cue YAML (default: packaged)")
    ap.add_argument("--seed", type=int, default=42, help="model seed (the eval pipelines' 42)")
    ap.add_argument("--eval-dir", default=None)
    args = ap.parse_args(argv)
    eval_dir = start_eval(args.eval_dir, log)
    if eval_dir is None:
        return 0
    reviews = load_reviews(eval_dir / REVIEWS)
    texts: list[str] = []
    item: list[int] = []
    for i, parts in enumerate(split_many(reviews.text.tolist())):
        texts += parts
        item += [i] * len(parts)
    embedder = get_embedder(fast=args.fast)
    models = build_classifiers(
        embedder=embedder,
        sentiment=Path(args.sentiment) if args.sentiment else None,
        seed=args.seed,
    )
    vectors = embedder.encode([for_embedding(t) for t in texts])
    out = classify_statements(models, texts, vectors)
    score = out["sentiment_score"].to_numpy()
    det = FrictionDetector(load_friction_cues(Path(args.cues) if args.cues else None))
    flag, _ = det.score(texts, score)
    rating = reviews.rating.to_numpy()[np.array(item)]
    report = rating_report(rating, score, out["sentiment"].tolist(), flag, np.array(item))
    log.info("%d reviews, %s", len(reviews), ", ".join(f"{k} {v:g}" for k, v in report.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
