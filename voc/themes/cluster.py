"""Cluster friction statements into themes without being told how many.

Average-linkage agglomerative clustering on cosine distance, cut at a distance
threshold, is deterministic and needs no k. Clusters below ``min_size`` are
dissolved: their members join the nearest theme when close enough, otherwise
the explicit "other" bucket (label -1). Near-duplicate themes are merged. For
large inputs the tree is fitted on a seeded sample and the rest is assigned to
the nearest centroid, so cost stays bounded.
"""

from __future__ import annotations

import numpy as np
from sklearn.cluster import AgglomerativeClustering

OTHER = -1


def _normalize(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


def centroids(x: np.ndarray, labels: np.ndarray) -> tuple[list[int], np.ndarray]:
    """Cluster ids (sorted, excluding OTHER) and their unit-length mean vectors."""
    ids = sorted(int(c) for c in set(labels.tolist()) if c != OTHER)
    if not ids:
        return [], np.zeros((0, x.shape[1]), dtype=np.float32)
    cents = np.stack([x[labels == c].mean(axis=0) for c in ids])
    return ids, _normalize(cents)


def _merge_close(x: np.ndarray, labels: np.ndarray, threshold: float) -> np.ndarray:
    """Merge clusters whose centroids are at least ``threshold`` cosine-similar."""
    labels = labels.copy()
    while True:
        ids, cents = centroids(x, labels)
        if len(ids) < 2:
            return labels
        sims = cents @ cents.T
        np.fill_diagonal(sims, -1.0)
        i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
        if sims[i, j] < threshold:
            return labels
        keep, drop = sorted((ids[i], ids[j]))
        labels[labels == drop] = keep


def _relabel_by_size(labels: np.ndarray) -> np.ndarray:
    """Renumber clusters 0..k-1 by size (desc), ties by first member; OTHER stays -1."""
    ids = [c for c in dict.fromkeys(labels.tolist()) if c != OTHER]
    first = {c: int(np.argmax(labels == c)) for c in ids}
    order = sorted(ids, key=lambda c: (-int((labels == c).sum()), first[c]))
    mapping = {c: k for k, c in enumerate(order)}
    return np.array([mapping.get(c, OTHER) for c in labels.tolist()], dtype=int)


def cluster_vectors(
    vectors: np.ndarray,
    distance_threshold: float = 0.6,
    min_size: int = 3,
    merge_threshold: float = 0.8,
    assign_threshold: float = 0.45,
    max_fit: int = 5000,
    seed: int = 0,
) -> np.ndarray:
    """Theme label per row of ``vectors`` (0 = largest theme), or -1 for "other"."""
    n = len(vectors)
    if n == 0:
        return np.zeros(0, dtype=int)
    x = _normalize(np.asarray(vectors, dtype=np.float32))
    if n < max(2, min_size):
        return np.full(n, OTHER, dtype=int)
    rng = np.random.default_rng(seed)
    fit_idx = np.sort(rng.choice(n, size=max_fit, replace=False)) if n > max_fit else np.arange(n)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage="average",
        distance_threshold=distance_threshold,
    )
    fit_labels = model.fit_predict(x[fit_idx])
    sizes = np.bincount(fit_labels)
    fit_labels = np.where(sizes[fit_labels] >= min_size, fit_labels, OTHER)
    labels = np.full(n, OTHER, dtype=int)
    labels[fit_idx] = fit_labels
    labels = _merge_close(x, labels, merge_threshold)
    ids, cents = centroids(x, labels)
    if ids:
        unassigned = np.flatnonzero(labels == OTHER)
        if len(unassigned):
            sims = x[unassigned] @ cents.T
            best = sims.argmax(axis=1)
            ok = sims[np.arange(len(unassigned)), best] >= assign_threshold
            labels[unassigned[ok]] = np.array(ids)[best[ok]]
    return _relabel_by_size(labels)
