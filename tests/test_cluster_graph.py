"""The k-NN graph's communities: igraph's Louvain, seeded, on the same edges as before."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
from sklearn.metrics import adjusted_rand_score

from voc.cosine import unit
from voc.themes.cluster import (
    cluster_vectors,
    graph_labels,
    knn_edges,
    knn_graph,
    louvain_runs,
)


def _planted(k: int = 12, n: int = 60, dim: int = 48, noise: float = 0.9, seed: int = 0):
    """``k`` planted themes of ``n`` unit vectors each, noisy enough to touch each other."""
    rng = np.random.default_rng(seed)
    centres = unit(rng.normal(size=(k, dim)))
    y = np.repeat(np.arange(k), n)
    x = unit(
        centres[y] + noise * unit(rng.normal(size=(k * n, dim))) * rng.uniform(0.5, 1, (k * n, 1))
    )
    return x.astype(np.float32), y


def test_knn_edges_are_the_graphs_edges_once_each() -> None:
    x, _ = _planted(k=5, n=30)
    for min_sim in (0.0, 0.5):
        edges, w = knn_edges(x, 10, min_sim)
        g = knn_graph(x, 10, min_sim)
        assert len(edges) == g.number_of_edges()
        assert (edges[:, 0] < edges[:, 1]).all()
        assert len({tuple(e) for e in edges.tolist()}) == len(edges)
        for (a, b), weight in zip(edges.tolist(), w.tolist(), strict=True):
            assert abs(g[a][b]["weight"] - weight) < 1e-5


def _louvain(
    n: int, edges: np.ndarray, w: np.ndarray, resolution: float, seed: int
) -> np.ndarray:
    return louvain_runs(n, edges, w, resolution, [seed])[:, 0]


def test_louvain_is_seeded_and_leaves_the_global_generator_alone() -> None:
    import igraph as ig

    x, y = _planted()
    edges, w = knn_edges(x, 10, 0.0)
    a = _louvain(len(x), edges, w, 1.0, seed=3)
    b = _louvain(len(x), edges, w, 1.0, seed=3)
    assert (a == b).all()
    # communities numbered by their smallest member: node 0 is in community 0, and so on
    firsts = [int(np.flatnonzero(a == c)[0]) for c in range(a.max() + 1)]
    assert firsts == sorted(firsts) and firsts[0] == 0
    assert adjusted_rand_score(y, a) > 0.9
    assert ig.Graph.Erdos_Renyi  # still importable, and igraph's generator is Python's again
    random.seed(1)
    u = random.random()
    random.seed(1)
    _louvain(len(x), edges, w, 1.0, seed=4)
    assert random.random() == u  # the call drew nothing from the global generator


def test_louvain_finds_partitions_as_good_as_networkx() -> None:
    """Same graph, same resolution: igraph's modularity is no worse than networkx's."""
    x, _ = _planted(k=20, n=50, noise=1.1, seed=2)
    edges, w = knn_edges(x, 10, 0.0)
    g = nx.Graph()
    g.add_nodes_from(range(len(x)))
    g.add_weighted_edges_from(
        zip(edges[:, 0].tolist(), edges[:, 1].tolist(), w.tolist(), strict=True)
    )
    for res in (1.0, 4.0):
        ours = _louvain(len(x), edges, w, res, seed=0)
        comms = [set(np.flatnonzero(ours == c).tolist()) for c in range(ours.max() + 1)]
        ref = nx.community.louvain_communities(g, weight="weight", resolution=res, seed=0)
        q_ours = nx.community.modularity(g, comms, weight="weight", resolution=res)
        q_ref = nx.community.modularity(g, ref, weight="weight", resolution=res)
        assert q_ours >= q_ref - 0.01, (res, q_ours, q_ref)


def test_planted_themes_recovered_deterministically() -> None:
    x, y = _planted(k=15, n=80, seed=4)
    a = graph_labels(x, 10, 4.0, seed=0)
    assert (a == graph_labels(x, 10, 4.0, seed=0)).all()
    labels = cluster_vectors(x, seed=0, min_size=3)
    assert (labels == cluster_vectors(x, seed=0, min_size=3)).all()
    assert adjusted_rand_score(y, labels) > 0.9
    other = cluster_vectors(x, seed=1, min_size=3)
    assert adjusted_rand_score(labels, other) > 0.9  # little depends on the seed
