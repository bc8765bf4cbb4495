"""Journey-stage classifier: clear cases, abstention, custom maps, determinism."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voc.classify import StageClassifier, item_stage
from voc.embed import Embedder
from voc.errors import ConfigError
from voc.labels import UNKNOWN, load_stages

CLEAR = [
    ("I first heard about you in a podcast ad.", "awareness"),
    ("Is the premium plan worth it compared to the basic one?", "consideration"),
    ("Do you have a free trial for teams?", "consideration"),
    ("My discount code didn't work when I paid at checkout.", "purchase"),
    ("I couldn't complete the payment on the checkout page.", "purchase"),
    ("Card verification failed three times when I opened my account.", "onboarding"),
    ("How do I activate my new SIM?", "onboarding"),
    ("I was charged twice this month.", "usage"),
    ("The bank sync keeps failing.", "usage"),
    ("How do I export my transactions to CSV?", "usage"),
    ("I can't find where to cancel my subscription.", "retention"),
    ("I want to close my account.", "retention"),
    ("I never got my referral bonus.", "advocacy"),
    ("I recommended you to my whole team.", "advocacy"),
]
OFF_TOPIC = [
    "asdkj qwpoe zmxn",
    "My cat likes to sleep on the keyboard.",
    "The weather in Lisbon is lovely in spring.",
    "Hi,",
]


@pytest.fixture(scope="module")
def clf(embedder: Embedder) -> StageClassifier:
    return StageClassifier(load_stages()).fit(embedder.encode)


def predict(clf: StageClassifier, embedder: Embedder, texts: list[str]):
    return clf.predict(embedder.encode(texts), texts)


def test_clear_statements(clf: StageClassifier, embedder: Embedder) -> None:
    texts = [t for t, _ in CLEAR]
    labels, conf = predict(clf, embedder, texts)
    wrong = [(t, g, p) for (t, g), p in zip(CLEAR, labels, strict=True) if g != p]
    assert not wrong
    assert (conf >= clf.threshold).all()


def test_abstains_on_off_topic(clf: StageClassifier, embedder: Embedder) -> None:
    labels, conf = predict(clf, embedder, OFF_TOPIC)
    assert labels == [UNKNOWN] * len(OFF_TOPIC), list(zip(labels, conf, strict=True))


def test_vectors_only_and_shapes(clf: StageClassifier, embedder: Embedder) -> None:
    labels, conf = clf.predict(embedder.encode(["I was charged twice this month."]))
    assert labels == ["usage"] and conf.shape == (1,) and 0 <= conf[0] <= 1
    empty_labels, empty_conf = clf.predict(np.zeros((0, 384), dtype=np.float32))
    assert empty_labels == [] and empty_conf.shape == (0,)


def test_deterministic(embedder: Embedder) -> None:
    texts = [t for t, _ in CLEAR]
    vectors = embedder.encode(texts)
    a = StageClassifier(load_stages(), seed=3).fit(embedder.encode).predict(vectors, texts)
    b = StageClassifier(load_stages(), seed=3).fit(embedder.encode).predict(vectors, texts)
    assert a[0] == b[0]
    np.testing.assert_allclose(a[1], b[1])


def test_custom_taxonomy_and_extra_examples(tmp_path: Path, embedder: Embedder) -> None:
    path = tmp_path / "four.yaml"
    path.write_text(
        """
stages:
  - {id: discover, name: Discover, description: Hearing about us for the first time.,
     examples: ["I saw your ad on TV.", "A friend told me about you."]}
  - {id: buy, name: Buy, description: Paying for an order at checkout.,
     examples: ["Checkout failed.", "My coupon was rejected at payment."]}
  - {id: use, name: Use, description: Using the product every day.,
     examples: ["The app crashes.", "Sync is slow."]}
  - {id: leave, name: Leave, description: Cancelling and leaving.,
     examples: ["Cancel my plan.", "Close my account."]}
""",
        encoding="utf-8",
    )
    clf = StageClassifier(load_stages(path), threshold=0.0).fit(
        embedder.encode, extra_texts=["The export button does nothing."], extra_labels=["use"]
    )
    texts = ["Please cancel my subscription.", "The app keeps crashing."]
    labels, _ = clf.predict(embedder.encode(texts), texts)
    assert labels == ["leave", "use"]
    with pytest.raises(ConfigError, match="unknown stage"):
        clf.fit(embedder.encode, extra_texts=["x"], extra_labels=["usage"])


def test_item_stage_vote() -> None:
    stages = ["usage", UNKNOWN, "usage", "retention"]
    stage, conf = item_stage(stages, np.array([0.9, 0.1, 0.8, 0.5]))
    assert stage == "usage" and 0 < conf < 0.85
    assert item_stage([UNKNOWN], np.array([0.1])) == (UNKNOWN, 0.0)
    assert item_stage([], np.zeros(0)) == (UNKNOWN, 0.0)
    weighted, _ = item_stage(["usage", "retention"], np.array([0.6, 0.6]), np.array([1.0, 3.0]))
    assert weighted == "retention"
    tie, _ = item_stage(["retention", "usage"], np.array([0.5, 0.5]))
    assert tie == "retention"
