"""Themes whose names share their subject and that sit very close: one problem shown twice.

Fast mode's static embeddings group statements by their words, so one problem can come
out as two themes named about one thing in different words: on the airline tweets (fast
run, seed 42) "can't get through by phone" 47 and "waiting for phone" 40 (0.875 close
with the @addressee out), "poor customer service" 90 and "worst customer service" 28
(0.893); seed 1: "long wait for delay" 50 and "hour delay" 17 (0.853). No other merge
joins them: the names swap no near-synonym ("can't" / "waiting", "poor" / "worst" are
0.3 alike in MiniLM), neither name's problem word is a key word of the other, and the
centroids stay under the cluster step's 0.9.

:func:`subject_pairs` finds such pairs: the names share a :func:`subject_words` lemma (a
noun of the name that is no problem word and no plain head such as "issues", or the
event it names, and not one of the run's everyday words: "phone", "service", "delay";
never "flight" on the airline tweets, said by a fifth of them) and their centroids are at
least :data:`SUBJECT_SIMILARITY` close, as close as an everyday-word or synonym merge asks
(:mod:`voc.themes.everyday`). :func:`voc.themes.samename.merge_same_names` merges them,
once nothing else merges, unless one sets itself apart in words, so two problems of one
subject stay apart ("bag lost" / "bag damaged": "damage" is said by most of one and few
of the other). Themes named "mixed complaints" gather several problems and are left out.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np

from voc.themes.plain import PLAIN_HEADS
from voc.themes.pos import lexicon_tag
from voc.themes.qualify import problem_word
from voc.themes.samename import group_pairs, mergeable, same_name_key

#: Centroid cosine (addressee out) from which two themes naming one subject are one.
SUBJECT_SIMILARITY = 0.85


def subject_words(name: str, everyday: Collection[str] = ()) -> frozenset[str]:
    """Lemmas of ``name`` (before any qualifier) that say what it is about or what
    happened: its nouns that are no problem word and no plain head ("phone" in "can't get
    through by phone", not "issues"), and its named events
    (:func:`voc.themes.carried.named_events`: "delay" in "hour delay", not "worst" or
    "can't"), none of the run's ``everyday`` words ("flight", "hour")."""
    from voc.themes.carried import named_events

    head = name.split(":", 1)[0]
    nouns = {w for w in same_name_key(head)
             if (lexicon_tag(w) or "").startswith("NN") and not problem_word(w)
             and w not in PLAIN_HEADS}
    return frozenset((nouns | named_events(head)) - set(everyday))


def subject_pairs(
    names: Mapping[int, str],
    x: np.ndarray,
    labels: np.ndarray,
    everyday: Collection[str] = (),
    keep: Collection[int] = (),
    min_similarity: float = SUBJECT_SIMILARITY,
) -> list[tuple[int, int, float]]:
    """``(label, label, cosine)`` for every two themes whose names share a
    :func:`subject_words` lemma and whose centroids are at least ``min_similarity`` close,
    neither "other", in ``keep`` nor mixed, most similar first (ties by labels); ``x`` are
    unit rows (addressee out); ``min_similarity`` 1 or more: none."""
    if min_similarity >= 1:
        return []
    groups: dict[str, list[int]] = {}
    for c in mergeable(names, labels, keep):
        for w in subject_words(names[c], everyday):
            groups.setdefault(w, []).append(c)
    best: dict[tuple[int, int], float] = {}
    for a, b, sim in group_pairs(groups.values(), x, labels):
        if sim >= min_similarity:
            best[(a, b)] = sim
    return sorted(((a, b, s) for (a, b), s in best.items()), key=lambda p: (-p[2], p[0], p[1]))
