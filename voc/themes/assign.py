"""Assign friction statements to the codeframe's themes first, then cluster the rest.

Labels: discovered clusters are 0..k-1 (as :func:`cluster_vectors` returns them),
codeframe themes get labels from :data:`KEYED_BASE` upwards and are named by the user,
"other" is -1. ``keys`` maps a label to its stable theme id from the codeframe.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from voc.codeframe import Codeframe, CodeframeTheme, assign, load_codeframe, save_codeframe, slug
from voc.codeframe_members import load_members, member_owner, save_members, text_key
from voc.cosine import unit
from voc.themes.cluster import OTHER
from voc.themes.represent import cluster_statements

KEYED_BASE = 100_000
Encode = Callable[[Sequence[str]], np.ndarray]


@dataclass
class ClusterResult:
    """Labels per friction statement, codeframe ids per label, and the codeframe used."""

    labels: np.ndarray
    keys: dict[int, str] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    codeframe: Codeframe | None = None
    split_ids: list[str] = field(default_factory=list)

    def persist(self, drafts: list[Any], texts: np.ndarray, path: str | Path) -> None:
        """Write the codeframe back (user themes kept, split ones replaced, new ones added)
        and which theme each themed statement joined (:mod:`voc.codeframe_members`)."""
        cf = self.codeframe or Codeframe()
        kept = [t for t in cf.themes if t.id not in self.split_ids]
        taken = {t.id for t in kept}
        for d in sorted(drafts, key=lambda d: (-len(d.statement_idx), d.name)):
            if d.label < 0 or d.theme_key is not None:
                continue
            tid = slug(d.name, taken)
            taken.add(tid)
            d.theme_key = tid
            seeds = [str(texts[d.statement_idx[i]]) for i in d.quote_rows[:5]]
            kept.append(CodeframeTheme(id=tid, name=d.name, seeds=seeds, origin="discovered"))
        save_codeframe(Codeframe(assign_threshold=cf.assign_threshold, themes=kept), path)
        themed = sorted((d for d in drafts if d.label >= 0 and d.theme_key), key=lambda d: d.label)
        save_members(path, (
            (text_key(str(texts[i])), str(d.theme_key)) for d in themed for i in d.statement_idx
        ))


def _unit(x: np.ndarray) -> np.ndarray:
    return unit(np.asarray(x, dtype=np.float32))


def cluster_with_codeframe(
    vectors: np.ndarray,
    codeframe: str | Path | None,
    encode: Encode,
    seed: int,
    options: dict[str, Any],
    texts: Sequence[str] | None = None,
    stages: Sequence[str] | None = None,
) -> ClusterResult:
    """Labels for every friction statement: codeframe themes first, then discovered ones.

    Codeframe themes are matched on sentence vectors; the rest is clustered in the
    hybrid space of vectors and lemmas when ``texts`` are given
    (:func:`voc.themes.represent.cluster_statements`); with ``stages`` (journey stage per
    statement) problems at different stages are kept apart unless very similar.
    """
    x = _unit(vectors) if len(vectors) else np.zeros((0, 1), dtype=np.float32)
    if not codeframe:
        return ClusterResult(
            labels=cluster_statements(x, texts, seed=seed, stages=stages, **options)
        )
    cf = load_codeframe(codeframe)
    themes = cf.resolved(codeframe)
    labels = np.full(len(x), OTHER, dtype=int)
    keys: dict[int, str] = {}
    names: dict[int, str] = {}
    owner = assign(x, themes, encode, cf.assign_threshold)
    if texts is not None:
        index = {t.id: j for j, t in enumerate(themes)}
        index_of = {tid: index[end] for tid, end in cf.targets(codeframe).items() if end in index}
        user = np.array([t.origin == "user" for t in themes], dtype=bool)
        owner = member_owner(texts, load_members(codeframe), index_of, owner, user)
    next_label = KEYED_BASE
    split_ids: list[str] = []
    for j, t in enumerate(themes):
        idx = np.flatnonzero(owner == j)
        if t.split >= 2:
            split_ids.append(t.id)
            if len(idx) >= t.split:
                from sklearn.cluster import KMeans

                parts = KMeans(n_clusters=t.split, n_init=4, random_state=seed).fit_predict(x[idx])
                # parts become discovered themes, numbered after the clustered ones below
                labels[idx] = -2 - parts
            continue
        if len(idx) == 0 and not t.pinned:
            continue
        labels[idx] = next_label
        keys[next_label] = t.id
        names[next_label] = t.name
        next_label += 1
    rest = np.flatnonzero(labels == OTHER) if len(x) else np.zeros(0, dtype=int)
    rest = np.array([i for i in rest if owner[i] < 0 or themes[owner[i]].split < 2], dtype=int)
    rest_texts = [texts[i] for i in rest] if texts is not None else None
    rest_stages = [stages[i] for i in rest] if stages is not None else None
    sub = (
        cluster_statements(x[rest], rest_texts, seed=seed, stages=rest_stages, **options)
        if len(rest)
        else np.zeros(0, int)
    )
    labels[rest] = sub
    offset = int(sub.max()) + 1 if len(sub) and sub.max() >= 0 else 0
    split_mask = labels <= -2
    labels[split_mask] = offset + (-2 - labels[split_mask])
    return ClusterResult(labels, keys, names, cf, split_ids)
