"""Cluster friction statements into themes without being told how many.

Default method ``graph``: a k-nearest-neighbour graph on cosine similarity is split
into communities by modularity (igraph's C implementation, seeded: 40 Leiden runs
combined by how often they put two statements together, :mod:`voc.themes.consensus`,
from ``REFERENCE_SIZE`` statements on, or at any size when the caller asks for it as
:func:`voc.themes.represent.cluster_statements` does; else three Louvain runs
intersected), which makes the partition stable across seeds and small edits. The
number of themes follows from the data (``resolution`` sets the grain). Method
``agglomerative``: average-linkage clustering on cosine distance cut at
``distance_threshold``. Either way, clusters below ``min_size`` are dissolved:
their members join the nearest theme when at least ``other_threshold`` similar to its
centroid (only statements unlike every theme stay in the explicit "other" bucket,
label -1), and near-duplicate themes are merged. For large
inputs the model is fitted on a seeded sample of ``max_fit`` statements and the
rest is assigned to the nearest centroid, so cost stays bounded.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.cluster import AgglomerativeClustering

from voc.cosine import top_k
from voc.themes.consensus import CONSENSUS_RUNS, consensus_partition

OTHER = -1
#: Graph size (statements) at and above which ``resolution`` applies unscaled.
REFERENCE_SIZE = 2000


def _normalize(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


def groups(labels: np.ndarray) -> tuple[list[int], list[np.ndarray]]:
    """Cluster ids (sorted, excluding OTHER) and the ascending row indices of each.

    One stable sort instead of one pass over all rows per cluster; each group's rows are
    in the order a boolean mask would give, so means over them are bit-identical."""
    labels = np.asarray(labels)
    order = np.argsort(labels, kind="stable")
    uniq, starts = np.unique(labels[order], return_index=True)
    bounds = [*starts.tolist(), len(order)]
    ids, rows = [], []
    for k, c in enumerate(uniq.tolist()):
        if c != OTHER:
            ids.append(int(c))
            rows.append(order[bounds[k] : bounds[k + 1]])
    return ids, rows


def centroids(x: np.ndarray, labels: np.ndarray) -> tuple[list[int], np.ndarray]:
    """Cluster ids (sorted, excluding OTHER) and their unit-length mean vectors."""
    ids, rows = groups(labels)
    if not ids:
        return [], np.zeros((0, x.shape[1]), dtype=np.float32)
    cents = np.stack([x[r].mean(axis=0) for r in rows])
    return ids, _normalize(cents)


def _merge_close(x: np.ndarray, labels: np.ndarray, threshold: float) -> np.ndarray:
    """Merge clusters whose centroids are at least ``threshold`` cosine-similar.

    The most similar pair is merged first, again and again. Only the merged cluster's
    centroid and its row of similarities are recomputed after a merge (merged-away
    clusters drop out), not all centroids and all pairs."""
    labels = labels.copy()
    ids, rows = groups(labels)
    if len(ids) < 2:
        return labels
    members = dict(zip(ids, rows, strict=True))
    cents = _normalize(np.stack([x[r].mean(axis=0) for r in rows]))
    sims = cents @ cents.T
    np.fill_diagonal(sims, -1.0)
    alive = np.ones(len(ids), dtype=bool)
    while alive.sum() >= 2:
        i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
        if sims[i, j] < threshold:
            break
        a, b = sorted((int(i), int(j)))  # ids are sorted: a keeps, b is merged into it
        keep, drop = ids[a], ids[b]
        labels[members[drop]] = keep
        rows_k = np.sort(np.concatenate([members[keep], members.pop(drop)]))
        members[keep] = rows_k
        alive[b] = False
        sims[b, :] = -np.inf
        sims[:, b] = -np.inf
        cents[a] = _normalize(x[rows_k].mean(axis=0)[None, :])[0]
        row = cents @ cents[a]
        row[~alive] = -np.inf
        row[a] = -1.0
        sims[a, :] = row
        sims[:, a] = row
    return labels


def relabel_by_size(labels: np.ndarray) -> np.ndarray:
    """Renumber clusters 0..k-1 by size (desc), ties by first member; OTHER stays -1."""
    labels = np.asarray(labels)
    uniq, first, sizes = np.unique(labels, return_index=True, return_counts=True)
    keep = uniq != OTHER
    uniq, first, sizes = uniq[keep], first[keep], sizes[keep]
    order = np.lexsort((first, -sizes))
    mapping = np.full(len(uniq), OTHER, dtype=int)
    mapping[order] = np.arange(len(order))
    out = np.full(len(labels), OTHER, dtype=int)
    if len(uniq):
        pos = np.searchsorted(uniq, labels)
        hit = (pos < len(uniq)) & (uniq[np.minimum(pos, len(uniq) - 1)] == labels)
        out[hit] = mapping[pos[hit]]
    return out


def knn_graph(
    x: np.ndarray, n_neighbors: int, min_sim: float = 0.0, chunk: int = 2048
) -> nx.Graph:
    """Undirected graph joining each unit vector to its nearest neighbours (cosine weights).

    Neighbours less similar than ``min_sim`` are not joined.
    """
    n = len(x)
    k = min(n_neighbors, n - 1)
    g = nx.Graph()
    g.add_nodes_from(range(n))
    if k < 1:
        return g
    cols, sims = top_k(x, k, chunk)
    # node by node, neighbours by index: the order edges are added in decides the order
    # Louvain visits neighbours in, so it is kept; one call instead of one per node
    order = np.argsort(cols, axis=1, kind="stable")
    cols = np.take_along_axis(cols, order, axis=1)
    sims = np.take_along_axis(sims, order, axis=1)
    keep = sims > min_sim
    src = np.broadcast_to(np.arange(n)[:, None], cols.shape)[keep]
    g.add_weighted_edges_from(
        zip(src.tolist(), cols[keep].tolist(), sims[keep].tolist(), strict=True)
    )
    return g


def knn_edges(
    x: np.ndarray, n_neighbors: int, min_sim: float = 0.0, chunk: int = 2048
) -> tuple[np.ndarray, np.ndarray]:
    """The edges of :func:`knn_graph` as arrays: ``(m, 2)`` node pairs (smaller id first,
    sorted, each pair once) and their cosine weights."""
    n = len(x)
    k = min(n_neighbors, n - 1)
    if k < 1:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float64)
    cols, sims = top_k(x, k, chunk)
    keep = sims > min_sim
    src = np.broadcast_to(np.arange(n)[:, None], cols.shape)[keep]
    dst, w = cols[keep], sims[keep].astype(np.float64)
    lo, hi = np.minimum(src, dst), np.maximum(src, dst)
    # a pair found from both ends is one edge (as in an undirected graph); its weight is
    # the same cosine either way, up to rounding: the first found (lowest source) is kept
    order = np.lexsort((src, hi, lo))
    lo, hi, w = lo[order], hi[order], w[order]
    first = np.ones(len(lo), dtype=bool)
    first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    return np.stack([lo[first], hi[first]], axis=1), w[first]


def louvain_runs(
    n: int,
    edges: np.ndarray,
    weights: np.ndarray,
    resolution: float,
    seeds: list[int],
    leiden: bool = False,
) -> np.ndarray:
    """``(n, len(seeds))`` communities: one run of igraph's Louvain
    (``community_multilevel``, C) per seed, on one graph built once; with ``leiden``, one
    iteration of igraph's Leiden algorithm on modularity instead (a quarter to a third of
    the CPU time on the airline and Banking77 graphs: its local moves visit only nodes whose
    neighbourhood changed).

    igraph visits nodes in a random order drawn from its Python random generator, which
    is set to ``random.Random(seed)`` for each run (and put back after), so the same seed
    gives the same partition. Communities are numbered by their smallest node.
    """
    import random

    import igraph as ig

    g = ig.Graph(n=n, edges=edges.tolist(), directed=False)
    w = weights.tolist()
    out = np.zeros((n, len(seeds)), dtype=int)
    for r, seed in enumerate(seeds):
        ig.set_random_number_generator(random.Random(seed))
        try:
            if leiden:
                part = g.community_leiden(
                    "modularity", weights=w, resolution=resolution, n_iterations=1
                )
            else:
                part = g.community_multilevel(weights=w, resolution=resolution)
            member = np.asarray(part.membership, dtype=int)
        finally:
            ig.set_random_number_generator(random)
        # renumber by smallest member, so labels do not depend on igraph's numbering
        first = np.full(member.max() + 1 if len(member) else 0, n, dtype=int)
        np.minimum.at(first, member, np.arange(n))
        rank = np.empty(len(first), dtype=int)
        rank[np.argsort(first, kind="stable")] = np.arange(len(first))
        out[:, r] = rank[member]
    return out


def _louvain_nx(g: nx.Graph, resolution: float, seed: int) -> np.ndarray:
    """Community per node: networkx's Louvain, seeded (graphs under ``REFERENCE_SIZE`` nodes).

    Small graphs cost little either way, and there igraph's partitions, with the resolution
    search of :func:`voc.themes.represent.stable_resolution`, came out coarser: CFPB's 578
    complaints fell from NMI 0.432 to 0.395. This is the earlier code, unchanged.
    """
    comms = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
    labels = np.zeros(g.number_of_nodes(), dtype=int)
    for c, members in enumerate(sorted(comms, key=min)):
        labels[sorted(members)] = c
    return labels


def graph_labels(
    x: np.ndarray,
    n_neighbors: int,
    resolution: float,
    seed: int,
    n_runs: int = 3,
    min_sim: float = 0.0,
    consensus_runs: int = CONSENSUS_RUNS,
    consensus_from: int = REFERENCE_SIZE,
) -> np.ndarray:
    """Consensus of seeded Louvain partitions of the k-NN graph.

    From ``consensus_from`` statements on (igraph), ``consensus_runs`` Leiden runs (seeds
    ``seed * consensus_runs + r``, so two seeds share no run) are combined by their
    co-association (:func:`voc.themes.consensus.consensus_partition`). Below that size,
    with ``consensus_runs`` 0, or past :data:`voc.themes.consensus.MAX_ATOMS` atoms, only
    graph edges whose two ends share a community in each of ``n_runs`` runs are kept and
    the connected components of what remains are the clusters (Louvain: igraph from
    ``REFERENCE_SIZE`` statements on, networkx below). Either way points on a boundary
    end up in small groups, dissolved later by ``min_size``.
    """
    # few statements: fewer neighbours, or every theme is joined to every other
    n = len(x)
    k = min(n_neighbors, max(3, n // 5))
    # modularity splits small graphs finer at the same resolution: scale it down below
    # REFERENCE_SIZE statements so a few hundred statements are not cut into fragments
    gamma = resolution * min(1.0, max(0.3, float(np.sqrt(n / REFERENCE_SIZE))))
    many_runs = consensus_runs > 0 and n >= consensus_from
    if n >= REFERENCE_SIZE or many_runs:  # igraph (C): where networkx took seconds
        edges, weights = knn_edges(x, k, min_sim)
        if many_runs:
            seeds = [seed * consensus_runs + r for r in range(consensus_runs)]
            many = louvain_runs(n, edges, weights, gamma, seeds, leiden=True)
            try:
                return consensus_partition(many)
            except ValueError:  # too many atoms for the dense co-association
                runs = list(many[:, : min(n_runs, consensus_runs)].T)
        else:
            runs = list(louvain_runs(n, edges, weights, gamma, [seed + r for r in range(n_runs)]).T)
    else:  # small graphs: networkx, exactly as before (see _louvain_nx)
        g = knn_graph(x, k, min_sim)
        runs = [_louvain_nx(g, gamma, seed + r) for r in range(n_runs)]
        edges = np.array(list(g.edges()), dtype=int).reshape(-1, 2)
    keep = np.all([lab[edges[:, 0]] == lab[edges[:, 1]] for lab in runs], axis=0)
    e = edges[keep]
    adj = coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n, n))
    _, labels = connected_components(adj, directed=False)
    return labels.astype(int)


def cluster_vectors(
    vectors: np.ndarray,
    distance_threshold: float = 0.6,
    min_size: int = 3,
    merge_threshold: float = 0.85,
    assign_threshold: float = 0.45,
    max_fit: int = 12000,
    seed: int = 0,
    method: str = "graph",
    n_neighbors: int = 10,
    resolution: float = 4.0,
    n_runs: int = 3,
    other_threshold: float | None = None,
    consensus_runs: int = CONSENSUS_RUNS,
    consensus_from: int = REFERENCE_SIZE,
) -> np.ndarray:
    """Theme label per row of ``vectors`` (0 = largest theme), or -1 for "other".

    ``assign_threshold`` joins the k-NN graph; statements left outside every cluster
    then join the nearest centroid when at least ``other_threshold`` similar (``None``:
    ``assign_threshold``), so "other" holds only what is unlike every theme. The graph
    method combines ``consensus_runs`` runs from ``consensus_from`` statements on
    (:func:`graph_labels`)."""
    n = len(vectors)
    if n == 0:
        return np.zeros(0, dtype=int)
    x = _normalize(np.asarray(vectors, dtype=np.float32))
    if n < max(2, min_size):
        return np.full(n, OTHER, dtype=int)
    rng = np.random.default_rng(seed)
    fit_idx = np.sort(rng.choice(n, size=max_fit, replace=False)) if n > max_fit else np.arange(n)
    if method == "graph" and len(fit_idx) > n_neighbors + 1:
        fit_labels = graph_labels(
            x[fit_idx],
            n_neighbors,
            resolution,
            seed,
            n_runs,
            min_sim=assign_threshold,
            consensus_runs=consensus_runs,
            consensus_from=consensus_from,
        )
    else:
        model = AgglomerativeClustering(
            n_clusters=None,
            metric="cosine",
            linkage="average",
            distance_threshold=distance_threshold,
        )
        fit_labels = model.fit_predict(x[fit_idx])
    # near-duplicates first, so fragments of one theme are merged before size is judged
    fit_labels = _merge_close(x[fit_idx], fit_labels, merge_threshold)
    sizes = np.bincount(fit_labels)
    fit_labels = np.where(sizes[fit_labels] >= min_size, fit_labels, OTHER)
    labels = np.full(n, OTHER, dtype=int)
    labels[fit_idx] = fit_labels
    ids, cents = centroids(x, labels)
    if ids:
        unassigned = np.flatnonzero(labels == OTHER)
        if len(unassigned):
            sims = x[unassigned] @ cents.T
            best = sims.argmax(axis=1)
            floor = assign_threshold if other_threshold is None else other_threshold
            ok = sims[np.arange(len(unassigned)), best] >= floor
            labels[unassigned[ok]] = np.array(ids)[best[ok]]
    return relabel_by_size(labels)
