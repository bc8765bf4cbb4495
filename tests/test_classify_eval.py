"""The classifiers on third-party data (../shared/eval); skipped when it is absent.

Small seeded samples keep this under a minute or two; the full numbers come from
bench/eval_classify.py. Thresholds sit a little below what the full runs measure,
so a real regression fails while sampling noise does not.
"""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import f1_score

from voc.classify import SentimentClassifier, StageClassifier
from voc.classify.sentiment import vader_scores
from voc.embed import Embedder
from voc.labels import load_sentiment, load_stages

pytestmark = pytest.mark.slow

EVAL = next(
    (
        p
        for p in (
            Path(__file__).resolve().parents[2] / "shared" / "eval",
            Path("/work/shared/eval"),
        )
        if p.is_dir()
    ),
    None,
)
N = 400


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    if EVAL is None:
        pytest.skip("../shared/eval not found: third-party evaluation data is not available")
    return Embedder()


def _macro(gold: list[str], pred: list[str]) -> float:
    return float(f1_score(gold, pred, labels=sorted(set(gold)), average="macro", zero_division=0))


def test_airline_sentiment_beats_vader(embedder: Embedder) -> None:
    assert EVAL is not None
    df = pd.read_csv(EVAL / "airline_tweets" / "dev.csv").sample(n=N, random_state=1)
    texts = [html.unescape(str(t)) for t in df["text"]]
    gold = df["airline_sentiment"].tolist()
    clf = SentimentClassifier(load_sentiment()).fit(embedder.encode)
    ours = _macro(gold, clf.predict(texts, embedder.encode(texts))[0])
    compound = vader_scores(texts)[:, 0]
    vader = ["positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral" for c in compound]
    assert ours >= 0.58
    assert ours >= _macro(gold, vader) + 0.08


def test_banking_stage_zero_and_few_shot(embedder: Embedder) -> None:
    assert EVAL is not None
    mapping = pd.read_csv(EVAL / "banking77" / "stage_map.csv")
    stage_of = dict(zip(mapping["category"], mapping["stage"], strict=True))
    df = pd.read_csv(EVAL / "banking77" / "dev.csv").sample(frac=1.0, random_state=1)
    gold_all = np.array([stage_of[c] for c in df["category"]])
    # 16 labelled examples per stage, tested on N other rows.
    rng = np.random.default_rng(0)
    shots = np.concatenate(
        [
            rng.choice(np.flatnonzero(gold_all == s), 16, replace=False)
            for s in sorted(set(gold_all))
        ]
    )
    rest = np.setdiff1d(np.arange(len(df)), shots)[:N]
    texts_all = df["text"].astype(str).tolist()
    texts = [texts_all[i] for i in rest]
    gold = gold_all[rest].tolist()
    vectors = embedder.encode(texts)
    tax = load_stages()
    zero = _macro(gold, StageClassifier(tax).fit(embedder.encode).predict(vectors, texts)[0])
    desc = embedder.encode([s.description for s in tax.stages])
    cosine = _macro(gold, [tax.ids[i] for i in (vectors @ desc.T).argmax(axis=1)])
    few_clf = StageClassifier(tax).fit(
        embedder.encode, [texts_all[i] for i in shots], gold_all[shots].tolist()
    )
    few = _macro(gold, few_clf.predict(vectors, texts)[0])
    assert zero >= 0.6 and zero > cosine
    assert few >= 0.72 and few > zero
