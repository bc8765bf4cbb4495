"""Cosine geometry of row vectors: unit length, and nearest neighbours computed in row blocks
(never an n x n matrix for large n)."""

from __future__ import annotations

import numpy as np


def unit(x: np.ndarray) -> np.ndarray:
    """Rows of ``x`` scaled to unit length (all-zero rows stay zero)."""
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def top_k(x: np.ndarray, k: int, chunk: int) -> tuple[np.ndarray, np.ndarray]:
    """For each row of the unit vectors ``x``: its ``k`` most similar other rows and their
    cosines, as two ``(n, k)`` arrays (unordered within a row; a row is never its own
    neighbour). ``chunk`` rows of the similarity matrix are computed at once."""
    n = len(x)
    cols = np.empty((n, k), dtype=np.int64)
    sims = np.empty((n, k), dtype=x.dtype)
    for start in range(0, n, chunk):
        block = x[start : start + chunk] @ x.T
        rows = np.arange(len(block))
        block[rows, rows + start] = -np.inf  # no self-loops
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        cols[start : start + len(block)] = top
        sims[start : start + len(block)] = np.take_along_axis(block, top, axis=1)
    return cols, sims
