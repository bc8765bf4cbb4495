"""Themes whose key words carry another theme's named problem: one problem shown twice.

Fast mode's static embeddings group statements by their words, so one problem can come
out as a named theme and a very close theme named from other words: on the airline
tweets "flight delayed" 221 and "sitting on plane" 31 (passengers held on the plane by a
delay, 0.88 close with the @addressee out), whose most telling lemma after "sit" is
"delay". :func:`carried_pairs` finds such pairs: centroids at least ``min_similarity``
cosine-similar (addressee out) and a problem word of the larger theme's name
(:func:`voc.themes.qualify.problem_words`: "delay" in "flight delayed") among the smaller
one's key lemmas (:func:`voc.themes.merge.key_lemmas`: the few lemmas its statements say most
against the run, c-TF-IDF). Themes named "mixed complaints" are left out: they gather
several problems. :func:`voc.themes.samename.merge_same_names` merges the pairs found
unless one sets itself apart in words, as for same names.

On Banking77 (MiniLM) the closest such pair of different intents is 0.83 close ("card
payment declined" / "credit card declined"), below the 0.87 the name step asks. Only
the smaller theme is read for the larger's problem, so a small theme does not chain two
problems: on the bench airline set "flight missed" (4, key lemma "delay") joins "flight
delayed", while "connection missed" (59), whose key lemma "miss" is the small theme's
named problem, stays apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

import numpy as np

from voc.cosine import unit
from voc.themes.merge import key_lemmas
from voc.themes.pos import lexicon_tag
from voc.themes.qualify import problem_words
from voc.themes.samename import mergeable

#: Centroid cosine (addressee out) from which a carried problem makes two themes one.
CARRIED_SIMILARITY = 0.87


def named_events(name: str) -> set[str]:
    """Lemmas of the problem words of ``name`` (before any qualifier) that say what
    happened (verbs and nouns: "delay" in "flight delayed"), not how bad it was:
    evaluative adjectives ("worst", "rude") and negations ("no", "can't") are said of
    too many problems to carry one."""
    return {w for w in problem_words(name.split(":", 1)[0])
            if (lexicon_tag(w) or "").startswith(("VB", "NN"))}


def carries(name: str, keys: Collection[str]) -> bool:
    """Whether ``keys`` (another theme's key lemmas) hold a :func:`named_events` lemma
    of ``name``."""
    return bool(named_events(name) & set(keys))


def carried_pairs(
    names: Mapping[int, str],
    x: np.ndarray,
    labels: np.ndarray,
    said: Sequence[frozenset[str]],
    keep: Collection[int] = (),
    min_similarity: float = CARRIED_SIMILARITY,
) -> list[tuple[int, int, float]]:
    """``(label, label, cosine)`` for every two themes at least ``min_similarity`` close
    where the smaller one's key lemmas carry the larger one's named problem
    (:func:`carries`; ties by label), by labels;
    ``x`` are unit rows (addressee out), ``said`` every statement's lemma set. Neither
    "other", in ``keep`` nor mixed; ``min_similarity`` 1 or more: none."""
    if min_similarity >= 1:
        return []
    ids = mergeable(names, labels, keep)
    if len(ids) < 2:
        return []
    cents = unit(np.stack([x[labels == c].mean(axis=0) for c in ids]))
    sims = cents @ cents.T
    close = [(i, j) for i in range(len(ids)) for j in range(i + 1, len(ids))
             if sims[i, j] >= min_similarity]
    if not close:
        return []
    df = Counter(w for s in said for w in s)
    keys = {k: key_lemmas(said, np.flatnonzero(labels == ids[k]), df)
            for k in sorted({k for p in close for k in p})}
    size = {k: int(np.sum(labels == ids[k])) for k in keys}
    out = []
    for i, j in close:
        big, small = sorted((i, j), key=lambda k: (-size[k], ids[k]))
        if carries(names[ids[big]], keys[small]):
            out.append((ids[i], ids[j], round(float(sims[i, j]), 4)))
    return out
