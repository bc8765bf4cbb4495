"""Turn cluster labels into named theme drafts, with sub-themes for large themes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from voc.themes.cluster import OTHER
from voc.themes.lemmas import lemma
from voc.themes.naming import key_phrases, theme_name
from voc.themes.pos import glued
from voc.themes.predicate import is_problem
from voc.themes.quotes import representative
from voc.themes.represent import cluster_statements
from voc.themes.table import SubTheme, ThemeDraft


def _lemmas(phrase: str) -> set[str]:
    return {lemma(w) for w in phrase.lower().replace(":", " ").split()}


def _sub_name(parent: str, name: str, phrases: Sequence[str] = ()) -> str:
    """A sub-theme name that reads as a problem and differs from its parent's: its own
    when it says one ("identity check failed"), else the parent's problem with the
    sub-theme's subject ("charged twice: billing period"); when its own name is the
    parent's (or only its words), the parent's with the sub-theme's best key phrase
    of other words ("exchange rate wrong: cash withdrawal")."""
    if parent and _lemmas(name) <= _lemmas(parent):
        own = _lemmas(parent)
        tail = next(
            (p for p in phrases if not _lemmas(p) & own and not any(glued(w) for w in p.split())),
            "",
        )
        if not tail:
            return name
        name = tail
    elif is_problem(name) or not is_problem(parent) or name in parent:
        return name
    words = [w for w in name.split() if lemma(w) not in _lemmas(parent)] or name.split()
    room = max(1, 5 - len(parent.split()))
    return f"{parent}: {' '.join(words[-room:])}"


def subtheme_labels(vecs: np.ndarray, texts: list[str], min_size: int, seed: int) -> np.ndarray:
    """Sub-theme label per statement of a large theme (-1: none), clustered at a finer grain."""
    return cluster_statements(
        vecs,
        texts,
        min_size=max(3, min_size // 4),
        # 1.0 (scaled down for a few dozen statements) never split a theme of the sample
        resolution=2.0,
        assign_threshold=0.0,
        seed=seed,
        stable=False,
    )


def name_subthemes(sub: np.ndarray, texts: list[str], parent: str = "") -> list[SubTheme]:
    """Named sub-themes of one theme from its statements' sub-theme labels (none if < 2)."""
    ids = sorted(set(sub.tolist()) - {OTHER})
    if len(ids) < 2:
        return []
    groups = [np.flatnonzero(sub == c) for c in ids]
    phrases = key_phrases([[texts[i] for i in g] for g in groups], n_phrases=5)
    return [
        SubTheme(
            label=c,
            name=_sub_name(parent, theme_name(ph, [texts[i] for i in g], texts[int(g[0])]), ph),
            key_phrases=ph,
            n_statements=len(g),
        )
        for c, g, ph in zip(ids, groups, phrases, strict=True)
    ]


def _subthemes(
    vecs: np.ndarray, texts: list[str], min_size: int, seed: int, parent: str = ""
) -> tuple[np.ndarray, list[SubTheme]]:
    """Sub-theme label per statement of a large theme (-1: none) and the sub-themes."""
    sub = subtheme_labels(vecs, texts, min_size, seed)
    subs = name_subthemes(sub, texts, parent)
    if not subs:
        return np.full(len(texts), OTHER, dtype=int), []
    return sub, subs


def build_drafts(
    st: pd.DataFrame,
    vectors: np.ndarray,
    fidx: np.ndarray,
    labels: np.ndarray,
    keys: dict[int, str],
    n_key_phrases: int = 8,
    n_quotes: int = 4,
    subtheme_min_size: int = 12,
    seed: int = 0,
    names: dict[int, str] | None = None,
) -> list[ThemeDraft]:
    """One draft per label (and per pinned codeframe theme), named, with quotes."""
    names = names or {}
    uniq = sorted(set(labels.tolist()) | set(keys), key=lambda c: (c < 0, c))
    texts = st["text"].to_numpy()[fidx]
    ids = st["statement_id"].to_numpy()[fidx]
    groups = [np.flatnonzero(labels == c) for c in uniq]
    phrases = key_phrases([texts[g].tolist() for g in groups], n_phrases=n_key_phrases)
    drafts: list[ThemeDraft] = []
    for c, g, ph in zip(uniq, groups, phrases, strict=True):
        vecs = vectors[fidx[g]]
        tx = texts[g].tolist()
        q = representative(vecs, tx, k=n_quotes) if len(g) else []
        if c < 0:
            name = "other friction"
        elif c in names:
            name = names[c]
        else:
            name = theme_name(ph, tx, tx[q[0]] if q else "")
        sub_labels, subs = (
            _subthemes(vecs, tx, subtheme_min_size, seed, name)
            if c >= 0 and len(g) >= subtheme_min_size
            else (np.full(len(g), OTHER, dtype=int), [])
        )
        drafts.append(
            ThemeDraft(
                label=int(c),
                statement_idx=g,
                name=name,
                key_phrases=ph,
                quote_ids=[str(ids[g][i]) for i in q],
                theme_key=keys.get(int(c)),
                quote_rows=q,
                sub_labels=sub_labels,
                subthemes=subs,
            )
        )
    return drafts


def names_from(result: Any) -> dict[int, str]:
    """Codeframe names per label, from a :class:`voc.themes.assign.ClusterResult`."""
    return dict(getattr(result, "names", {}) or {})
