"""The reduce phase's faster helpers give exactly what the loops they replace gave.

Each reference below is the earlier implementation, kept here verbatim as the definition.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from voc.cosine import top_k
from voc.themes.cluster import (
    OTHER,
    _merge_close,
    _normalize,
    centroids,
    cluster_vectors,
    groups,
    knn_graph,
    relabel_by_size,
)
from voc.themes.table import SubTheme, ThemeDraft, subtheme_column


def _ref_centroids(x: np.ndarray, labels: np.ndarray) -> tuple[list[int], np.ndarray]:
    ids = sorted(int(c) for c in set(labels.tolist()) if c != OTHER)
    if not ids:
        return [], np.zeros((0, x.shape[1]), dtype=np.float32)
    cents = np.stack([x[labels == c].mean(axis=0) for c in ids])
    return ids, _normalize(cents)


def _ref_merge_close(x: np.ndarray, labels: np.ndarray, threshold: float) -> np.ndarray:
    labels = labels.copy()
    while True:
        ids, cents = _ref_centroids(x, labels)
        if len(ids) < 2:
            return labels
        sims = cents @ cents.T
        np.fill_diagonal(sims, -1.0)
        i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
        if sims[i, j] < threshold:
            return labels
        keep, drop = sorted((ids[i], ids[j]))
        labels[labels == drop] = keep


def _ref_relabel(labels: np.ndarray) -> np.ndarray:
    ids = [c for c in dict.fromkeys(labels.tolist()) if c != OTHER]
    first = {c: int(np.argmax(labels == c)) for c in ids}
    order = sorted(ids, key=lambda c: (-int((labels == c).sum()), first[c]))
    mapping = {c: k for k, c in enumerate(order)}
    return np.array([mapping.get(c, OTHER) for c in labels.tolist()], dtype=int)


def _ref_knn_graph(x: np.ndarray, n_neighbors: int, min_sim: float = 0.0) -> nx.Graph:
    n = len(x)
    k = min(n_neighbors, n - 1)
    g = nx.Graph()
    g.add_nodes_from(range(n))
    if k < 1:
        return g
    cols, sims = top_k(x, k, 2048)
    for i in range(n):
        order = np.argsort(cols[i], kind="stable")
        g.add_weighted_edges_from(
            (i, int(cols[i, o]), float(sims[i, o])) for o in order if sims[i, o] > min_sim
        )
    return g


def _blobs(n: int, k: int, seed: int, spread: float = 0.6) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(k, 24))
    x = centres[rng.integers(0, k, n)] + spread * rng.normal(size=(n, 24))
    return _normalize(x.astype(np.float32))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_centroids_and_groups_match_masks(seed: int) -> None:
    x = _blobs(400, 9, seed)
    labels = np.random.default_rng(seed).integers(-1, 30, 400)
    ids, cents = centroids(x, labels)
    rids, rcents = _ref_centroids(x, labels)
    assert ids == rids
    assert np.array_equal(cents, rcents)  # bit for bit, not merely close
    gids, rows = groups(labels)
    assert gids == rids
    for c, r in zip(gids, rows, strict=True):
        assert np.array_equal(r, np.flatnonzero(labels == c))


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_merge_close_matches_the_full_recomputation(seed: int) -> None:
    x = _blobs(600, 12, seed)
    labels = np.random.default_rng(seed + 10).integers(-1, 80, 600)
    for threshold in (0.5, 0.8, 0.9, 0.99):
        got = _merge_close(x, labels, threshold)
        assert np.array_equal(got, _ref_merge_close(x, labels, threshold)), threshold
    assert len(set(_merge_close(x, labels, 0.5).tolist())) < len(set(labels.tolist()))


@pytest.mark.parametrize("seed", [0, 1])
def test_relabel_by_size_matches(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for labels in (rng.integers(-1, 15, 300), np.array([5, 5, 2, 2, -1, 7]), np.full(4, -1)):
        assert np.array_equal(relabel_by_size(labels), _ref_relabel(labels))


@pytest.mark.parametrize("min_sim", [0.0, 0.3, 0.7])
def test_knn_graph_same_edges_in_the_same_order(min_sim: float) -> None:
    x = _blobs(300, 6, 4)
    got, ref = knn_graph(x, 10, min_sim), _ref_knn_graph(x, 10, min_sim)
    assert list(got.nodes()) == list(ref.nodes())
    assert list(got.edges(data="weight")) == list(ref.edges(data="weight"))
    for u in got.nodes():  # neighbour order decides Louvain's moves
        assert list(got.adj[u]) == list(ref.adj[u])


def test_cluster_vectors_finds_planted_blobs_deterministically() -> None:
    x = _blobs(500, 5, 7, spread=0.3)
    a = cluster_vectors(x, seed=3)
    assert np.array_equal(a, cluster_vectors(x, seed=3))
    assert 4 <= len(set(a.tolist()) - {OTHER}) <= 8


def test_subtheme_column_matches_the_loop() -> None:
    rng = np.random.default_rng(0)
    fidx = np.sort(rng.choice(200, 120, replace=False))
    d1 = ThemeDraft(0, np.arange(0, 60), "a", [], [], sub_labels=rng.integers(-1, 3, 60),
                    subthemes=[SubTheme(0, "x", [], 20), SubTheme(2, "y", [], 10)])
    d2 = ThemeDraft(1, np.arange(60, 120), "b", [], [], sub_labels=np.full(60, -1))
    ids = {0: "t01", 1: "t02"}
    col = subtheme_column([d1, d2], ids, fidx, 200)
    want = np.full(200, None, dtype=object)
    names = {0: "t01.1", 2: "t01.2"}
    for pos, lab in zip(d1.statement_idx, d1.sub_labels, strict=True):
        want[fidx[pos]] = names.get(int(lab))
    assert col.tolist() == want.tolist()
