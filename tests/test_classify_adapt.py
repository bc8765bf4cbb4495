"""Transductive adaptation: label spreading over the batch's own kNN graph."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from voc.classify import adapt
from voc.classify.adapt import knn_graph, spread


def two_clusters(n: int = 40, seed: int = 0) -> np.ndarray:
    """2n unit vectors in two tight clusters (first n near e0, last n near e1)."""
    rng = np.random.default_rng(seed)
    a = np.eye(8)[0] + 0.05 * rng.standard_normal((n, 8))
    b = np.eye(8)[1] + 0.05 * rng.standard_normal((n, 8))
    v = np.vstack([a, b])
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_small_batches_are_left_alone() -> None:
    P = np.array([[0.2, 0.8], [0.9, 0.1]])
    V = np.eye(2)
    assert np.array_equal(spread(P, V), P)


def test_a_wrong_prediction_is_carried_by_its_confident_neighbours() -> None:
    V = two_clusters()
    P = np.array([[0.9, 0.1]] * 40 + [[0.1, 0.9]] * 40)
    P[3] = [0.35, 0.65]  # an unsure, wrong member of the first cluster
    Q = spread(P, V)
    assert Q.shape == P.shape
    np.testing.assert_allclose(Q.sum(axis=1), 1.0)
    assert Q[3].argmax() == 0
    # Confident members keep their class, and the clusters do not bleed into each other.
    assert (Q[:40].argmax(axis=1) == 0).all() and (Q[40:].argmax(axis=1) == 1).all()


def test_labelled_examples_pull_their_neighbours() -> None:
    V = two_clusters()
    P = np.full((80, 3), 1 / 3)
    P[:, 2] += 0.002  # a slight, uninformed lean to class 2 everywhere
    P /= P.sum(axis=1, keepdims=True)
    seeds_v = V[[0, 1, 2, 3, 40, 41, 42, 43]] + 0.01
    seeds_y = np.eye(3)[[0, 0, 0, 0, 1, 1, 1, 1]]
    Q = spread(P, V, seeds_v, seeds_y)
    assert (Q[:40].argmax(axis=1) == 0).all()
    assert (Q[40:].argmax(axis=1) == 1).all()
    assert (spread(P, V).argmax(axis=1) == 2).all()  # without the labels nothing moves


def test_isolated_rows_keep_their_prediction() -> None:
    V = two_clusters()
    V[5] = 0.0  # no neighbours at all (e.g. an empty text)
    P = np.array([[0.9, 0.1]] * 40 + [[0.1, 0.9]] * 40)
    P[5] = [0.3, 0.7]
    np.testing.assert_allclose(spread(P, V)[5], P[5])


def test_deterministic_and_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    V = two_clusters(n=100)
    rng = np.random.default_rng(1)
    P = rng.dirichlet([1, 1, 1], size=200)
    first = spread(P, V)
    assert np.array_equal(first, spread(P, V))
    monkeypatch.setattr(adapt, "BLOCK", 70)  # 3 equal blocks of 66-67 rows
    blocked = spread(P, V)
    np.testing.assert_allclose(blocked.sum(axis=1), 1.0)
    assert not np.allclose(blocked, first)  # each block is its own graph


def test_graph_is_symmetric_without_self_loops() -> None:
    S = knn_graph(two_clusters(n=20), k=5).toarray()
    np.testing.assert_allclose(S, S.T)
    assert np.all(np.diag(S) == 0)
    assert ((S > 0).sum(axis=1) >= 5).all()


def test_bad_shapes_are_refused() -> None:
    with pytest.raises(ValueError, match="same length"):
        spread(np.ones((60, 2)) / 2, np.ones((59, 3)))


@pytest.fixture(scope="module")
def models() -> Any:
    """The fit `voc classify`, `voc eval` and the pipeline use (cached on disk)."""
    from voc.classify.batch import build_classifiers
    from voc.embed import Embedder

    return build_classifiers(Embedder())


def batch_texts() -> list[str]:
    from test_classify_stage import CLEAR, OFF_TOPIC

    return [t for t, _ in CLEAR] * 4 + OFF_TOPIC


def test_off_topic_stays_unknown_in_an_adapted_batch(models: Any) -> None:
    """Among 60 on-topic statements, spreading never lifts off-topic text above the threshold."""
    from test_classify_stage import CLEAR, OFF_TOPIC

    from voc.labels import UNKNOWN

    texts = batch_texts()
    assert len(texts) >= adapt.MIN_ROWS
    V = models.embedder.encode(texts)
    labels, _ = models.stage.predict(V, texts)
    assert labels[-len(OFF_TOPIC) :] == [UNKNOWN] * len(OFF_TOPIC)
    # Neighbours may move a borderline case (the checkout payment goes to usage among the
    # many billing statements here), but not the bulk of the clear ones.
    right = sum(p == s for p, (_, s) in zip(labels, CLEAR, strict=False))
    assert right >= len(CLEAR) - 2
    plain, _ = models.stage.predict(V, texts, adapt=False)
    assert plain[: len(CLEAR)] == [s for _, s in CLEAR]


def test_every_entry_point_classifies_a_batch_adapted(models: Any) -> None:
    """`voc classify`, `voc eval` and the pipeline step all go through classify_statements,
    which must give the adapted stage confidences (and plain sentiment scores)."""
    from voc.classify.batch import classify_statements

    texts = batch_texts()
    V = models.embedder.encode(texts)
    out = classify_statements(models, texts, V)
    _, adapted = models.stage.predict(V, texts)
    _, plain = models.stage.predict(V, texts, adapt=False)
    np.testing.assert_allclose(out["stage_confidence"], np.round(adapted, 4))
    assert not np.allclose(adapted, plain, atol=1e-3)
    _, score = models.sentiment.predict(texts, V, adapt=False)
    np.testing.assert_allclose(out["sentiment_score"], np.round(score, 4))
