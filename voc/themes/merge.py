"""Merge near-duplicate themes: close in meaning AND sharing what they talk about.

Centroid similarity alone either merges distinct themes that sit close in the
sentence space ("card arrival" and "card delivery") or leaves fragments of one
theme apart ("charged twice" and "second charge this month"). A pair of themes is
merged when its sentence-vector centroids are at least ``min_similarity``
cosine-similar *and* the lemmas of their key phrases overlap by at least
``min_overlap`` (Jaccard of the content lemmas in each theme's top key phrases).

:func:`merge_duplicates`, on by default in the cluster step, compares the centroids with
the addressee taken out (:func:`voc.themes.addressee.addressee_centred`) and asks more of
both tests: 0.9 similar, and the three key lemmas of each theme (c-TF-IDF over the lemmas
said by at least 10% of its statements) sharing 30% of their union. On the airline tweets
it joins the per-airline copies of one complaint ("worst customer service" 160 and "poor
customer service" 52, mostly "@united" and "@SouthwestAir"; three "hours on hold" themes),
and nothing on Banking77 or CFPB, whose texts name no addressee.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from voc.themes.addressee import addressee_centred
from voc.themes.cluster import OTHER, centroids, relabel_by_size
from voc.themes.lemmas import lemma
from voc.themes.naming import key_phrases


def _lemma_words(phrases: Sequence[str]) -> set[str]:
    return {lemma(w) for p in phrases for w in p.lower().split()}


def _close_pairs(
    x: np.ndarray, labels: np.ndarray, min_similarity: float
) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Theme ids, their centroids' cosine matrix (diagonal -1) and the index pairs
    ``(i, j)``, ``i < j``, at least ``min_similarity`` similar (none below two themes)."""
    ids, cents = centroids(x, labels)
    if len(ids) < 2:
        return ids, np.zeros((len(ids), len(ids))), np.zeros((0, 2), dtype=int)
    sims = cents @ cents.T
    np.fill_diagonal(sims, -1.0)
    return ids, sims, np.argwhere(np.triu(sims >= min_similarity, 1))


def merge_by_phrases(
    vectors: np.ndarray,
    texts: Sequence[str],
    labels: np.ndarray,
    min_similarity: float = 0.75,
    min_overlap: float = 0.1,
    n_phrases: int = 8,
) -> np.ndarray:
    """Labels with near-duplicate themes merged (renumbered by size; "other" kept)."""
    ids, sims, pairs = _close_pairs(np.asarray(vectors, dtype=np.float32), labels, min_similarity)
    if not len(pairs):
        return labels
    groups = [[texts[i] for i in np.flatnonzero(labels == c)] for c in ids]
    words = [_lemma_words(p) for p in key_phrases(groups, n_phrases=n_phrases)]
    return _merge_pairs(labels, ids, sims, pairs, dict(enumerate(words)), min_overlap)


def _merge_pairs(
    labels: np.ndarray,
    ids: list[int],
    sims: np.ndarray,
    pairs: np.ndarray,
    words: dict[int, set[str]],
    min_overlap: float,
) -> np.ndarray:
    """Labels with the themes of ``pairs`` (indices into ``ids``) merged, most similar
    first, when their ``words`` overlap by ``min_overlap`` (Jaccard); renumbered by size."""
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
    return relabel_by_size(new)


#: :func:`merge_duplicates`: key lemmas per theme, the share of a theme's statements that
#: must say one, and the overlap (Jaccard) two themes' key lemmas need.
DUPLICATE_LEMMAS = 3
DUPLICATE_SAID = 0.1
DUPLICATE_OVERLAP = 0.3


def key_lemmas(said: list[frozenset[str]], rows: np.ndarray, df: Counter[str]) -> set[str]:
    """The :data:`DUPLICATE_LEMMAS` lemmas of one theme with the highest share of its
    statements times inverse document frequency, among those at least two and
    :data:`DUPLICATE_SAID` of its statements say (ties by lemma)."""
    own = Counter(w for i in rows.tolist() for w in said[i])
    floor = max(2.0, DUPLICATE_SAID * len(rows))
    n = len(said)
    score = {w: k / len(rows) * math.log(n / df[w]) for w, k in own.items() if k >= floor}
    return set(sorted(score, key=lambda w: (-score[w], w))[:DUPLICATE_LEMMAS])


def merge_duplicates(
    vectors: np.ndarray, texts: Sequence[str], labels: np.ndarray, min_similarity: float = 0.9
) -> np.ndarray:
    """Labels with near-duplicate themes merged, compared without their addressee: sentence
    centroids ``min_similarity`` similar once each large @handle group's offset is removed
    (:func:`voc.themes.addressee.addressee_centred`), and key lemmas (:func:`key_lemmas`)
    sharing :data:`DUPLICATE_OVERLAP` of their union. Lemmas come from the memoised lemma
    documents the clustering space was built from, so this costs no second parse."""
    from voc.themes.represent import lemma_doc

    labels = np.asarray(labels, dtype=int)
    ids, sims, pairs = _close_pairs(addressee_centred(vectors, texts), labels, min_similarity)
    if not len(pairs):
        return labels
    said = [frozenset(lemma_doc(t).split()) for t in texts]
    df = Counter(w for s in said for w in s)
    words = {
        k: key_lemmas(said, np.flatnonzero(labels == ids[k]), df)
        for k in sorted(set(pairs.ravel().tolist()))
    }
    return _merge_pairs(labels, ids, sims, pairs, words, DUPLICATE_OVERLAP)
