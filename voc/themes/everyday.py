"""Words of a name that tell no problem apart: the run's everyday subject and time units.

"flight delayed" and "hour delay" name one problem on the airline tweets: "flight" is
said by a fifth of the run's friction statements (the subject nearly every complaint is
about), and "hour" only says how long. :func:`everyday_words` are such words: lemmas
that :data:`voc.themes.distinct.COMMON_SHARE` of a run's statements say, and the time
units of :mod:`voc.themes.durations` (never a problem word: a run that says "delay"
everywhere still tells "delay" from "cancel"). :func:`subject_key` is a name's
:func:`voc.themes.samename.same_name_key` without them, so two names that differ only
by such words share one key ("delay",) while "card payment declined" and "transfer
declined" keep theirs (("decline", "payment") and ("decline", "transfer") on Banking77,
whose everyday word is "card"). :func:`subject_pairs` finds the themes whose names
differ only by such words; :func:`voc.themes.samename.merge_same_names` merges them when
their centroids are as close as a synonym swap needs (0.85: the names agree less than
same names do), unless one sets itself apart in words. A key left without a content
word (only a negation or a question word: "don't", "how") is no key at all: the
everyday words were what it named.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import numpy as np

from voc.themes.distinct import COMMON_SHARE, common_lemmas
from voc.themes.durations import UNITS
from voc.themes.qualify import problem_word
from voc.themes.samename import group_pairs, mergeable, same_name_key
from voc.themes.synonyms import content_word


def everyday_words(texts: Sequence[str], share: float = COMMON_SHARE) -> frozenset[str]:
    """Lemmas ``share`` of ``texts`` say (at least two), and the time units ("hour")."""
    return common_lemmas(texts, share) | frozenset(UNITS)


def subject_key(name: str, everyday: Collection[str]) -> tuple[str, ...]:
    """:func:`same_name_key` of ``name`` (before any qualifier) without ``everyday``
    words, or ``()`` when no content word is left ("flight delayed" → ("delay",) when
    "flight" is everyday). Problem words stay, however often the run says them: they
    are what the name says went wrong."""
    key = tuple(w for w in same_name_key(name.split(":", 1)[0])
                if w not in everyday or problem_word(w))
    return key if any(content_word(w) for w in key) else ()


def subject_pairs(
    names: Mapping[int, str],
    x: np.ndarray,
    labels: np.ndarray,
    everyday: Collection[str],
    keep: Collection[int] = (),
) -> list[tuple[int, int, float]]:
    """``(label, label, cosine)`` for every two themes with equal :func:`subject_key` and
    different :func:`same_name_key` (those are same names), neither "other", in ``keep``
    nor mixed, most similar first (ties by labels); ``x`` are unit rows."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for c in mergeable(names, labels, keep):
        key = subject_key(names[c], everyday)
        if key:
            groups.setdefault(key, []).append(c)
    return [p for p in group_pairs(groups.values(), x, labels)
            if same_name_key(names[p[0]]) != same_name_key(names[p[1]])]
