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


def _qualifier_ok(phrase: str, parent: str, texts: Sequence[str], thing: bool = True) -> bool:
    """A sub-theme qualifier: a phrase of words its parent's name lacks, no glued slip,
    and usable by :func:`voc.themes.distinct._usable` (said by two distinct statements,
    no code, not only general words; with ``thing``, ending in a noun)."""
    from voc.themes.distinct import _distinct_said, _usable

    own = _lemmas(parent)
    if not phrase or _lemmas(phrase) & own or any(glued(w) for w in phrase.split()):
        return False
    return _usable(phrase, own, _distinct_said(texts), texts, thing=thing)


def _sub_name(
    parent: str, name: str, phrases: Sequence[str] = (), texts: Sequence[str] = ()
) -> str:
    """A sub-theme name that reads as a problem and differs from its parent's: its own
    when it says one ("identity check failed"), else the parent's problem with the
    sub-theme's subject ("charged twice: billing period"); when its own name is the
    parent's (or only its words), the parent's with the sub-theme's best key phrase
    of other words ("exchange rate wrong: cash withdrawal"). A qualifier is said by at
    least two of the sub-theme's statements (when ``texts`` are given) and is never a
    code or a general word ("flight delayed: minutes"); a thing named ("bag lost:
    suitcase") comes before a verb or an adjective ("bag lost: checked"), which comes
    before repeating the parent's name; without any, the sub-theme keeps its own name."""
    room = max(1, 5 - len(parent.split()))

    def ok(q: str, thing: bool) -> bool:
        if not texts:
            return bool(q) and not _lemmas(q) & _lemmas(parent)
        return _qualifier_ok(q, parent, texts, thing)

    def tail(thing: bool) -> str:
        return next((p for p in phrases if len(p.split()) <= room and ok(p, thing)), "")

    if parent and _lemmas(name) <= _lemmas(parent):
        found = tail(True) or tail(False)
        return f"{parent}: {found}" if found else name
    if is_problem(name) or not is_problem(parent) or name in parent:
        return name
    words = [w for w in name.split() if lemma(w) not in _lemmas(parent)] or name.split()
    own = " ".join(words[-room:])
    found = (own if ok(own, True) else tail(True)) or (own if ok(own, False) else tail(False))
    return f"{parent}: {found}" if found else name


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


#: Key phrases per sub-theme.
SUB_PHRASES = 5


def name_subthemes(sub: np.ndarray, texts: list[str], parent: str = "") -> list[SubTheme]:
    """Named sub-themes of one theme from its statements' sub-theme labels (none if < 2)."""
    ids = sorted(set(sub.tolist()) - {OTHER})
    if len(ids) < 2:
        return []
    groups = [np.flatnonzero(sub == c) for c in ids]
    more = key_phrases([[texts[i] for i in g] for g in groups], n_phrases=2 * SUB_PHRASES)
    phrases = [m[:SUB_PHRASES] for m in more]  # the greedy choice: a prefix of the longer
    return [
        SubTheme(
            label=c,
            name=_sub_name(
                parent,
                theme_name(ph, [texts[i] for i in g], texts[int(g[0])]),
                m,
                [texts[i] for i in g],
            ),
            key_phrases=ph,
            n_statements=len(g),
            spare_phrases=m[SUB_PHRASES:],
        )
        for c, g, ph, m in zip(ids, groups, phrases, more, strict=True)
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
    # twice as many as shown: phrases that repeat the final name are dropped later
    # (:mod:`voc.themes.evidence`); the greedy choice makes the first n the same
    more = key_phrases([texts[g].tolist() for g in groups], n_phrases=2 * n_key_phrases)
    drafts: list[ThemeDraft] = []
    for c, g, m in zip(uniq, groups, more, strict=True):
        ph = m[:n_key_phrases]
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
                spare_phrases=m[n_key_phrases:],
            )
        )
    return drafts


def names_from(result: Any) -> dict[int, str]:
    """Codeframe names per label, from a :class:`voc.themes.assign.ClusterResult`."""
    return dict(getattr(result, "names", {}) or {})
