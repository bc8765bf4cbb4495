"""Keep problems at different journey stages apart when the clustering grain joins them.

The clustering grain is chosen for stability (:func:`voc.themes.represent.stable_resolution`),
and the most stable grain is often a coarse one: at it, Louvain joins communities that sit
close in the sentence space although customers meet them at different steps of the
journey. On the sample, "the pricing page doesn't explain the plans" (consideration)
joined "charged twice" (usage) because both talk about plans, prices and Premium, while
the finer grain that kept them apart also cut "charged twice" in two.

:func:`split_by_stage` therefore looks inside each theme at the finer partition: parts whose
statements sit at another majority journey stage than the theme's own are split out again
unless their sentence centroid is at least ``threshold`` cosine-similar to the rest of the
theme. Parts at the same stage stay merged, as the coarse grain wanted: a different stage
asks for a higher similarity to merge, it does not forbid merging.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from voc.cosine import unit
from voc.themes.cluster import OTHER, relabel_by_size

#: Stage values that say nothing about the journey step.
NO_STAGE = frozenset({"", "unknown", "none", "nan"})


def majority_stage(stages: Sequence[str], min_count: int = 1) -> str | None:
    """The stage more than half of the known ``stages`` share (at least ``min_count``)."""
    known = [s for s in stages if s and str(s).lower() not in NO_STAGE]
    if len(known) < min_count:
        return None
    stage, n = min(Counter(known).items(), key=lambda kv: (-kv[1], kv[0]))
    return stage if n * 2 > len(known) else None


def _unit_mean(x: np.ndarray) -> np.ndarray:
    m = x.mean(axis=0)
    return m / max(float(np.linalg.norm(m)), 1e-12)


def split_by_stage(
    vectors: np.ndarray,
    labels: np.ndarray,
    fine: np.ndarray,
    stages: Sequence[str],
    threshold: float = 0.75,
    min_size: int = 3,
) -> np.ndarray:
    """Labels with each theme's other-stage parts split out (renumbered by size).

    ``fine`` is a finer partition of the same statements. Inside a theme, its fine parts
    (at least ``min_size`` statements) with the same majority stage, other than the
    theme's, are taken together; they become a theme of their own when their sentence
    centroid is less than ``threshold`` similar to the rest of the theme's.
    ``threshold`` 0 turns this off.
    """
    labels = np.asarray(labels, dtype=int)
    if threshold <= 0 or len(labels) == 0:
        return labels
    x = unit(np.asarray(vectors, dtype=np.float32))
    st = np.asarray([str(s) for s in stages], dtype=object)
    out = labels.copy()
    next_label = int(labels.max()) + 1 if labels.max() >= 0 else 0
    changed = False
    for c in sorted(set(labels.tolist()) - {OTHER}):
        members = np.flatnonzero(labels == c)
        own = majority_stage(st[members].tolist(), min_size)
        if own is None:
            continue
        by_stage: dict[str, list[int]] = {}
        for part in sorted(set(fine[members].tolist()) - {OTHER}):
            idx = members[fine[members] == part]
            stage = majority_stage(st[idx].tolist(), min_size) if len(idx) >= min_size else None
            if stage is not None and stage != own:
                by_stage.setdefault(stage, []).extend(idx.tolist())
        for stage in sorted(by_stage):
            idx = np.array(sorted(by_stage[stage]), dtype=int)
            rest = np.setdiff1d(np.flatnonzero(out == c), idx)
            if len(rest) < min_size or len(idx) * 2 >= len(members):
                continue
            if float(_unit_mean(x[idx]) @ _unit_mean(x[rest])) >= threshold:
                continue
            out[idx] = next_label
            next_label += 1
            changed = True
    return relabel_by_size(out) if changed else labels
