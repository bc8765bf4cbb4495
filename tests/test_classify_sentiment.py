"""Sentiment classifier: customer-service language, scores, item aggregation."""

from __future__ import annotations

import numpy as np
import pytest

from voc.classify import SentimentClassifier, item_sentiment
from voc.embed import Embedder
from voc.labels import load_sentiment

CASES = [
    ("I was charged twice and nobody has replied, thanks.", "negative"),
    ("Still waiting for my refund.", "negative"),
    ("This is the third time I'm asking for help with the export.", "negative"),
    ("Great, another outage.", "negative"),
    ("I'm not happy with the new pricing.", "negative"),
    ("How do I export my invoices to CSV?", "neutral"),
    ("Can I add a second user to my account?", "neutral"),
    ("My order number is 12345.", "neutral"),
    ("Thank you so much, everything works now!", "positive"),
    ("I love the new dashboard.", "positive"),
    ("Your agent was super helpful.", "positive"),
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


@pytest.fixture(scope="module")
def clf(embedder: Embedder) -> SentimentClassifier:
    return SentimentClassifier(load_sentiment()).fit(embedder.encode)


def test_clear_cases(clf: SentimentClassifier, embedder: Embedder) -> None:
    texts = [t for t, _ in CASES]
    labels, scores = clf.predict(texts, embedder.encode(texts))
    wrong = [
        (t, g, p, round(s, 2)) for (t, g), p, s in zip(CASES, labels, scores, strict=True) if g != p
    ]
    assert not wrong
    assert ((scores >= -1) & (scores <= 1)).all()
    signs = {"negative": -1, "positive": 1}
    for (_, gold), s in zip(CASES, scores, strict=True):
        if gold in signs:
            assert np.sign(s) == signs[gold]


def test_deterministic(embedder: Embedder) -> None:
    texts = [t for t, _ in CASES]
    vectors = embedder.encode(texts)
    a = SentimentClassifier(load_sentiment(), seed=1).fit(embedder.encode).predict(texts, vectors)
    b = SentimentClassifier(load_sentiment(), seed=1).fit(embedder.encode).predict(texts, vectors)
    assert a[0] == b[0]
    np.testing.assert_allclose(a[1], b[1])


def test_empty(clf: SentimentClassifier) -> None:
    labels, scores = clf.predict([], np.zeros((0, 384), dtype=np.float32))
    assert labels == [] and scores.shape == (0,)


def test_item_sentiment() -> None:
    # Praise plus one strong complaint: the item is negative.
    label, score = item_sentiment(["positive", "positive", "negative"], np.array([0.8, 0.7, -0.9]))
    assert label == "negative" and score < 0
    assert item_sentiment(["positive", "neutral"], np.array([0.8, 0.1]))[0] == "positive"
    assert item_sentiment(["neutral", "neutral"], np.array([0.05, -0.05]))[0] == "neutral"
    assert item_sentiment(["negative", "neutral"], np.array([-0.4, -0.1]))[0] == "negative"
    assert item_sentiment([], np.zeros(0)) == ("neutral", 0.0)
