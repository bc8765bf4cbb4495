"""Emotion classifier: emotions follow the words and the sentiment."""

from __future__ import annotations

import numpy as np
import pytest

from voc.classify import EmotionClassifier, SentimentClassifier
from voc.embed import Embedder
from voc.labels import load_emotions, load_sentiment

CASES = [
    ("This is the third time I'm asking, I'm fed up.", "frustration"),
    ("I can't find where to change my password, the menu is confusing.", "confusion"),
    ("I think someone hacked my account, I'm really worried.", "anxiety"),
    ("I'm really disappointed, the service used to be so much better.", "disappointment"),
    ("Thanks, that fixed it.", "satisfaction"),
    ("Wow, I absolutely love the new app, amazing work!", "delight"),
    ("My order number is 12345.", "none"),
]


@pytest.fixture(scope="module")
def predicted(embedder: Embedder) -> list[str]:
    texts = [t for t, _ in CASES]
    vectors = embedder.encode(texts)
    _, scores = SentimentClassifier(load_sentiment()).fit(embedder.encode).predict(texts, vectors)
    return EmotionClassifier(load_emotions()).fit(embedder.encode).predict(texts, vectors, scores)


def test_clear_cases(predicted: list[str]) -> None:
    wrong = [(t, g, p) for (t, g), p in zip(CASES, predicted, strict=True) if g != p]
    assert not wrong


def test_polarity_follows_sentiment(embedder: Embedder) -> None:
    clf = EmotionClassifier(load_emotions()).fit(embedder.encode)
    text = ["The app update changed everything."]
    vectors = embedder.encode(text)
    negative = clf.predict(text, vectors, np.array([-0.9]))[0]
    positive = clf.predict(text, vectors, np.array([0.9]))[0]
    polarity = {e.id: e.polarity for e in load_emotions().emotions}
    assert polarity.get(negative, "negative") == "negative"
    assert polarity.get(positive, "positive") == "positive"
    assert clf.predict([], np.zeros((0, 384)), np.zeros(0)) == []


def test_deterministic(embedder: Embedder) -> None:
    texts = [t for t, _ in CASES]
    vectors = embedder.encode(texts)
    scores = np.linspace(-1, 1, len(texts))
    a = EmotionClassifier(load_emotions(), seed=2).fit(embedder.encode)
    b = EmotionClassifier(load_emotions(), seed=2).fit(embedder.encode)
    assert a.predict(texts, vectors, scores) == b.predict(texts, vectors, scores)
