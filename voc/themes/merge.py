"""Merge near-duplicate themes: close in meaning AND sharing what they talk about.

Centroid similarity alone either merges distinct themes that sit close in the
sentence space ("card arrival" and "card delivery") or leaves fragments of one
theme apart ("charged twice" and "second charge this month"). A pair of themes is
merged when its sentence-vector centroids are at least ``min_similarity``
cosine-similar *and* the lemmas of their key phrases overlap by at least
``min_overlap`` (Jaccard of the content lemmas in each theme's top key phrases).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from voc.themes.cluster import OTHER, _relabel_by_size, centroids
from voc.themes.lemmas import lemma
from voc.themes.naming import key_phrases


def _lemma_words(phrases: Sequence[str]) -> set[str]:
    return {lemma(w) for p in phrases for w in p.lower().split()}


def merge_by_phrases(
    vectors: np.ndarray,
    texts: Sequence[str],
    labels: np.ndarray,
    min_similarity: float = 0.75,
    min_overlap: float = 0.1,
    n_phrases: int = 8,
) -> np.ndarray:
    """Labels with near-duplicate themes merged (renumbered by size; "other" kept)."""
    ids, cents = centroids(np.asarray(vectors, dtype=np.float32), labels)
    if len(ids) < 2:
        return labels
    sims = cents @ cents.T
    np.fill_diagonal(sims, -1.0)
    pairs = np.argwhere(np.triu(sims >= min_similarity, 1))
    if not len(pairs):
        return labels
    groups = [[texts[i] for i in np.flatnonzero(labels == c)] for c in ids]
    words = [_lemma_words(p) for p in key_phrases(groups, n_phrases=n_phrases)]
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(pairs.tolist(), key=lambda p: (-sims[p[0], p[1]], p[0], p[1]))
    for i, j in order:
        a, b = words[i], words[j]
        if not a or not b or len(a & b) / len(a | b) < min_overlap:
            continue
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    if all(root(i) == i for i in range(len(ids))):
        return labels
    new = labels.copy()
    for k, c in enumerate(ids):
        new[labels == c] = ids[root(k)]
    new[labels == OTHER] = OTHER
    return _relabel_by_size(new)
