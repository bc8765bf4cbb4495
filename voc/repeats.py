"""Repeated keys in a batch: each distinct key once, in order of first appearance."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np


def first_seen(keys: Sequence[Hashable]) -> tuple[list, np.ndarray]:
    """(distinct keys in order of first appearance, row -> index into them)."""
    first: dict[Hashable, int] = {}
    where = np.fromiter((first.setdefault(k, len(first)) for k in keys), np.int64, len(keys))
    return list(first), where


def first_rows(where: np.ndarray) -> np.ndarray:
    """Row of each distinct key's first appearance (``where`` from :func:`first_seen`)."""
    return np.unique(where, return_index=True)[1]
