"""Lemmas, candidate phrases and the hybrid clustering space."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from voc.themes.lemmas import chunks, lemma, lemma_terms, phrases
from voc.themes.represent import cluster_statements, hybrid_vectors, lexical_vectors


def test_lemmas_from_lookup_table() -> None:
    assert [lemma(w) for w in ("charged", "flights", "was", "syncing", "bags")] == [
        "charge",
        "flight",
        "be",
        "sync",
        "bag",
    ]


def test_phrases_are_lemma_ngrams_inside_content_chunks() -> None:
    a = phrases("I was charged twice for my subscriptions!")
    b = phrases("They charge twice for every subscription")
    assert a["charge twice"] == "charged twice" and b["charge twice"] == "charge twice"
    assert "subscription" in a and "subscription" in b
    # never across a stop word or punctuation, never a lone kept adverb
    assert not any(k.startswith(("i ", "for ", "my ")) or k == "twice" for k in a)
    assert "twice subscription" not in a


def test_noise_tokens_split_chunks() -> None:
    got = chunks("@united flight Cancelled Flightled, waited 2 hours http://t.co/x #lostbag")
    flat = [lem for run in got for lem, _ in run]
    assert "united" not in flat and not any("/" in w or w[0].isdigit() for w in flat)
    assert [lem for lem, _ in got[0]] == ["flight", "cancel", "flightled"]
    assert "lostbag" in flat
    assert lemma_terms("the the and of") == []


def test_hybrid_cosine_mixes_meaning_and_words() -> None:
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(6, 8)).astype(np.float32)
    texts = ["bag lost", "bag lost again", "flight delayed", "flight delayed again", "x", "y"]
    w = 0.3
    h = hybrid_vectors(vecs, texts, lexical_weight=w)
    u = vecs / np.linalg.norm(vecs, axis=1, keepdims=True)
    lex = lexical_vectors(texts)
    assert np.allclose(h @ h.T, (1 - w) * (u @ u.T) + w * (lex @ lex.T), atol=1e-5)
    assert np.allclose(hybrid_vectors(vecs, texts, lexical_weight=0.0), u, atol=1e-6)
    with pytest.raises(ValueError):
        hybrid_vectors(vecs, texts[:3], lexical_weight=0.3)


def test_keywords_separate_what_vectors_blur() -> None:
    """Two complaint kinds whose sentence vectors are one blob, told apart by their words."""
    rng = np.random.default_rng(1)
    centre = rng.normal(size=32)
    vecs = centre + 0.6 * rng.normal(size=(80, 32))
    bag = [f"my bag was lost on flight {i}, lost luggage never arrived" for i in range(40)]
    hold = [f"waited on hold for hours, customer service hold time {i}" for i in range(40)]
    texts, y = bag + hold, np.array([0] * 40 + [1] * 40)
    alone = cluster_statements(vecs, texts, lexical_weight=0.0, seed=0)
    mixed = cluster_statements(vecs, texts, lexical_weight=0.5, seed=0)
    assert adjusted_rand_score(y, mixed) > 0.9 > adjusted_rand_score(y, alone)
    assert np.array_equal(mixed, cluster_statements(vecs, texts, lexical_weight=0.5, seed=0))


def test_merge_needs_close_centroids_and_shared_phrases() -> None:
    from voc.themes.merge import merge_by_phrases

    rng = np.random.default_rng(2)
    a, c = rng.normal(size=16), rng.normal(size=16)
    b = a + 0.3 * rng.normal(size=16)  # close to a
    vecs = np.vstack([v + 0.05 * rng.normal(size=(6, 16)) for v in (a, b, b, c)])
    texts = (
        [f"charged twice for plan {i}" for i in range(6)]
        + [f"second charge, charged twice again {i}" for i in range(6)]
        + [f"pricing page unclear {i}" for i in range(6)]
        + [f"charged twice on card {i}" for i in range(6)]
    )
    labels = np.repeat([0, 1, 2, 3], 6)
    merged = merge_by_phrases(vecs, texts, labels, min_similarity=0.75)
    # 0 and 1: close and both about "charged twice" -> merged
    assert len(set(merged[:12])) == 1
    # 2 is as close to 1 but shares no phrase; 3 shares phrases but is far away
    assert len(set(merged.tolist())) == 3
    assert merged[12] != merged[0] and merged[18] != merged[0]


def test_space_does_not_depend_on_the_run_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lemma LSA is fitted with one fixed seed, so two seeds cluster the same vectors."""
    import voc.themes.cluster as cluster_mod

    seen: list[np.ndarray] = []
    real = cluster_mod.cluster_vectors

    def spy(x: np.ndarray, **kw: object) -> np.ndarray:
        seen.append(np.asarray(x).copy())
        return real(x, **kw)

    monkeypatch.setattr(cluster_mod, "cluster_vectors", spy)
    rng = np.random.default_rng(2)
    vecs = rng.normal(size=(60, 16)).astype(np.float32)
    words = ["bag", "hold", "refund", "seat", "delay", "crew", "wifi", "meal"]
    texts = [" ".join(rng.choice(words, size=4)) + f" {i % 7}" for i in range(60)]
    cluster_statements(vecs, texts, seed=0, stable=False)
    cluster_statements(vecs, texts, seed=5, stable=False)
    assert len(seen) == 2 and np.array_equal(seen[0], seen[1])
