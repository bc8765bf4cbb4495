"""Consensus of many modularity runs: statements grouped by how often runs put them together.

One Louvain run on a k-NN graph of short texts is one of many near-equal partitions: the
order it visits nodes in decides where the boundaries of loosely knit themes fall. Keeping
only what three runs all agree on (the earlier rule) is a noisy test of the same thing: a
boundary one run draws splits a theme, so a new seed, or 1% of the statements left out,
redrew the airline themes (adjusted Rand index 0.69 between the full and the reduced input).

:func:`consensus_partition` takes many runs (:data:`CONSENSUS_RUNS` by default; the caller,
:func:`voc.themes.cluster.graph_labels`, runs one iteration of Leiden on modularity for each:
a quarter to a third of Louvain's CPU time, about as many themes and as much agreement) and
estimates, for every pair of statements, the share of runs that put them together (the
co-association, evidence accumulation clustering). Statements every run treats alike form
one *atom*; atoms are joined by average linkage while the mean co-association of two groups
is at least ``agreement``. With 40 runs the share is measured, not drawn, so a few changed
statements or another seed move few boundaries.
"""

from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

#: Louvain runs whose co-association decides the themes, and the share of them two groups
#: of statements must be together in on average to be one theme.
CONSENSUS_RUNS = 40
CONSENSUS_AGREEMENT = 0.7
#: Above this many atoms (distinct label rows over all runs) the dense co-association
#: would cost too much memory: the caller falls back to the intersection of runs.
MAX_ATOMS = 4000


def atoms(runs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct label rows of ``runs`` (``(n, R)``, one column per run) and each
    statement's row among them: statements no run separates share an atom."""
    uniq, inverse = np.unique(runs, axis=0, return_inverse=True)
    return uniq, inverse.ravel()


def co_association(uniq: np.ndarray) -> np.ndarray:
    """Share of runs (columns) in which each pair of atoms (rows) share a label."""
    n_atoms, n_runs = uniq.shape
    offsets = np.concatenate([[0], np.cumsum(uniq.max(axis=0) + 1)[:-1]])
    cols = (uniq + offsets[None, :]).ravel()
    rows = np.repeat(np.arange(n_atoms), n_runs)
    onehot = csr_matrix(
        (np.ones(len(cols), dtype=np.float32), (rows, cols)),
        shape=(n_atoms, int(cols.max()) + 1),
    )
    return np.asarray((onehot @ onehot.T).todense(), dtype=np.float32) / n_runs


def consensus_partition(runs: np.ndarray, agreement: float = CONSENSUS_AGREEMENT) -> np.ndarray:
    """One label per statement from ``runs`` (``(n, R)`` labels of R partitions, >= 0).

    Atoms (:func:`atoms`) are joined by average linkage on ``1 - co-association`` while two
    groups are together in at least ``agreement`` of the runs on average; labels are numbered
    by first statement. Raises ``ValueError`` past :data:`MAX_ATOMS` atoms.

    >>> consensus_partition(np.array([[0, 0], [0, 0], [1, 1], [1, 0]])).tolist()
    [0, 0, 1, 2]
    """
    runs = np.asarray(runs, dtype=np.int64)
    uniq, inverse = atoms(runs)
    if len(uniq) > MAX_ATOMS:
        raise ValueError(f"{len(uniq)} atoms, more than {MAX_ATOMS}")
    if len(uniq) == 1:
        return np.zeros(len(runs), dtype=int)
    dist = 1.0 - co_association(uniq)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist.astype(np.float64), checks=False), method="average")
    group = fcluster(tree, t=1.0 - agreement + 1e-9, criterion="distance")[inverse]
    # number by first statement, so labels do not depend on scipy's numbering
    _, first = np.unique(group, return_index=True)
    rank = np.empty(group.max() + 1, dtype=int)
    rank[group[np.sort(first)]] = np.arange(len(first))
    return rank[group]
