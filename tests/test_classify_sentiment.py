"""Sentiment classifier: customer-service language, scores, item aggregation."""

from __future__ import annotations

import numpy as np
import pytest

from voc.classify import SentimentClassifier, item_sentiment
from voc.classify._match import for_embedding
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


def test_for_embedding_strips_handles_and_links() -> None:
    assert for_embedding("@united still waiting http://t.co/abc") == "still waiting"
    assert for_embedding("thanks @DeltaAssist! see www.x.com/y") == "thanks ! see"
    # An e-mail address is not a handle; a text of nothing but handles is kept.
    assert for_embedding("write to ann@example.com") == "write to ann@example.com"
    assert for_embedding("@united") == "@united"


# A business where a parcel left with a neighbour counts as a good outcome: the
# written taxonomy cannot know that, the user's labels teach it.
NEIGHBOUR = [
    "The courier left my parcel with the neighbour at number {n}.",
    "Parcel {n} was handed to my next-door neighbour.",
]


def test_user_examples_adapt_without_replacing(embedder: Embedder) -> None:
    texts = [t for t, _ in CASES]
    vectors = embedder.encode(texts)
    user_x = [tpl.format(n=n) for n in range(2, 22) for tpl in NEIGHBOUR]
    user_y = ["positive"] * len(user_x)
    user_x += ["My account number is 5521.", "Hello, I have a question about invoices."]
    user_y += ["neutral", "neutral"]
    base = SentimentClassifier(load_sentiment()).fit(embedder.encode)
    tuned = SentimentClassifier(load_sentiment()).fit(embedder.encode, user_x, user_y)
    probe = ["My parcel was left with the neighbour across the road."]
    pv = embedder.encode(probe)
    assert tuned.predict_proba(probe, pv)[0, 2] > base.predict_proba(probe, pv)[0, 2] + 0.2
    assert tuned.predict(probe, pv)[0] == ["positive"]
    # The written examples still count: the clear cases keep their labels.
    assert tuned.predict(texts, vectors)[0] == [g for _, g in CASES]
    with pytest.raises(ValueError, match="unknown sentiment"):
        SentimentClassifier(load_sentiment()).fit(embedder.encode, ["x"], ["great"])


def test_user_model_shares_out_only_the_classes_it_has_seen(embedder: Embedder) -> None:
    """The model trained on user labels alone is blended in with weight n / (n + prior) and
    never moves the probability of a class it has no label for."""
    from voc.classify import sentiment as S

    user_x = [tpl.format(n=n) for n in range(2, 6) for tpl in NEIGHBOUR]
    user_x += ["My account number is 5521.", "Hello, I have a question about invoices."]
    user_y = ["positive"] * 8 + ["neutral"] * 2
    tuned = SentimentClassifier(load_sentiment()).fit(embedder.encode, user_x, user_y)
    assert tuned.user_model_ is not None
    assert tuned.user_weight_ == pytest.approx(10 / (10 + S.USER_PRIOR))
    probe = ["My parcel was left with the neighbour.", "Still waiting for my refund."]
    pv = embedder.encode(probe)
    blended = tuned.predict_proba(probe, pv)
    user_model, tuned.user_model_ = tuned.user_model_, None
    main_only = tuned.predict_proba(probe, pv)
    tuned.user_model_ = user_model
    np.testing.assert_allclose(blended[:, 0], main_only[:, 0], atol=1e-9)  # negative unseen
    np.testing.assert_allclose(blended.sum(axis=1), 1.0, atol=1e-9)
    assert np.abs(blended - main_only).max() > 1e-3  # the user model does count
    one_class = SentimentClassifier(load_sentiment()).fit(embedder.encode, user_x[:8], user_y[:8])
    assert one_class.user_model_ is None and one_class.user_weight_ == 0.0


def test_pipeline_embeds_statements_without_handles_and_links() -> None:
    """The map phase embeds (and hashes) the same stripped text as `voc classify`."""
    import pandas as pd

    from voc.embed import text_hash
    from voc.state import RunContext, RunState
    from voc.stepdefs import EmbedParams, embed_step

    texts = ["@united still waiting for my bag http://t.co/x", "Plain statement."]

    class Recorder:
        model_id = "recorder"
        precision_ = "float32"
        batch_size = 64

        def __init__(self) -> None:
            self.seen: list[str] = []

        def encode(self, batch: list[str], progress: object = None) -> np.ndarray:
            self.seen += list(batch)
            return np.ones((len(batch), 384), dtype=np.float32)

    rec = Recorder()
    ctx = RunContext(seed=0, labels=None, models={"embedder": rec})
    st = pd.DataFrame({"statement_id": ["a", "b"], "item_id": ["i", "i"], "position": [0, 1]})
    st["text"] = texts
    state = RunState(items=pd.DataFrame(), statements=st)
    embed_step(state, ctx, EmbedParams())
    assert rec.seen == ["still waiting for my bag", "Plain statement."]
    assert state.statements is not None
    assert state.statements["text"].tolist() == texts  # the statement text itself is kept
    assert state.statements["text_hash"].tolist() == [text_hash(t) for t in rec.seen]
