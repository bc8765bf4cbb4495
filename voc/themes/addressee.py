"""Take the addressee out of the sentence space before themes are compared as duplicates.

Tweets and chat messages open with whom they are sent to ("@united ...", "@SouthwestAir
..."), and the sentence model encodes that handle strongly. On the airline tweets dev set
the clustering kept one "customer service is the worst" theme per airline ("worst customer
service", 74 of its first words "@united"; "poor customer service", 49 of 52
"@SouthwestAir"): their sentence centroids sat about as far apart as two different
problems, so no near-duplicate test could join them.

:func:`addressee_centred` removes each large addressee group's own offset: every statement
addressed to a handle that opens at least ``min_count`` statements (and 1% of them), and
every statement naming no one once such handles exist, is moved by the global mean minus
its group's mean, then put back on the unit sphere. What the statements say stays; whom
they say it to no longer decides which themes look alike. Texts without a large handle
(Banking77 queries, CFPB complaints) are returned unchanged, as are inputs with only one
group (its offset is common to all).

The same space finds themes the addressee holds together: :func:`addressee_held` themes are
mostly sent to one handle, and fewer of their statements sit closest to their own centroid
once addressees are taken out ("canned response", 102 airline tweets, 97 to "@united",
about anything from unanswered messages to ground staff). :func:`dissolve_held` moves
those statements to the themes they sit closest to without the addressee.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from voc.cosine import unit
from voc.themes.cluster import OTHER, centroids, relabel_by_size
from voc.themes.cluster import groups as cluster_groups  # not the addressee groups

#: An @handle, not the domain of an e-mail address ("me@example.com").
_HANDLE = re.compile(r"(?<![\w.])@\w+")


def addressee(text: str) -> str:
    """The first @handle of ``text``, lower-cased ("@United hi" → "@united"), or ""."""
    m = _HANDLE.search(text)
    return m.group(0).lower() if m else ""


def addressee_groups(
    texts: Sequence[str], min_count: int = 10, min_share: float = 0.01
) -> dict[str, np.ndarray]:
    """Rows per addressee of at least ``min_count`` texts and ``min_share`` of them (sorted;
    key "" for texts naming none, a group of its own once some handle is large: a message's
    later sentences, split into statements, name no one); empty when fewer than two such
    groups exist or none is a handle."""
    handles = np.asarray([addressee(t) for t in texts], dtype=object)
    floor = max(min_count, int(np.ceil(min_share * len(texts))))
    counts = Counter(handles.tolist())
    big = sorted(h for h, c in counts.items() if c >= floor)
    if len(big) < 2 or big == [""]:
        return {}
    return {h: np.flatnonzero(handles == h) for h in big}


def _centred(x: np.ndarray, groups: dict[str, np.ndarray]) -> np.ndarray:
    """Unit vectors ``x`` with each group's offset from the global mean removed."""
    centre = x.mean(axis=0)
    out = x.copy()
    for rows in groups.values():
        out[rows] = x[rows] - (x[rows].mean(axis=0) - centre)
    return unit(out)


def addressee_centred(
    vectors: np.ndarray, texts: Sequence[str], min_count: int = 10, min_share: float = 0.01
) -> np.ndarray:
    """Unit ``vectors`` with each large addressee group's offset from the mean removed.

    Example: two statements saying the same to different airlines move closer together;
    texts without a large handle keep their (unit) vectors.
    """
    x = unit(np.asarray(vectors, dtype=np.float32))
    if len(texts) != len(x):
        raise ValueError(f"{len(texts)} texts for {len(x)} vectors")
    found = addressee_groups(texts, min_count, min_share)
    return _centred(x, found) if found else x


#: Themes smaller than this are never judged held by their addressee: a few statements
#: share one handle by chance.
HELD_MIN_SIZE = 20


def _nearest(x: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The theme whose centroid (in the space of the unit vectors ``x``) each row is closest to."""
    ids, cents = centroids(x, labels)
    return np.asarray(ids)[(x @ cents.T).argmax(axis=1)]


def addressee_held(
    vectors: np.ndarray, texts: Sequence[str], labels: np.ndarray, min_share: float = 0.75
) -> list[int]:
    """Themes held together by whom they are sent to rather than by what they say: at least
    :data:`HELD_MIN_SIZE` statements, at least ``min_share`` of them to one large addressee,
    and fewer of them closest to their own centroid once addressees are taken out than before.

    On the airline tweets: "canned response" (102 statements, 97 to "@united": "you have
    yet to respond", "it won't help", "unfriendly ground staff"; 91% closest to their own
    centroid, 60% without addressees) and "flight problems" (72, all "@JetBlue"; 89% → 38%)
    are; "bag lost" (303, 39% "@united") is not."""
    return _held(vectors, texts, np.asarray(labels, dtype=int), min_share)[0]


def _held(
    vectors: np.ndarray, texts: Sequence[str], labels: np.ndarray, min_share: float
) -> tuple[list[int], np.ndarray]:
    """:func:`addressee_held`'s themes, and each row's nearest theme without addressees."""
    groups = addressee_groups(texts)
    if not groups or min_share >= 1:
        return [], labels
    owner = np.full(len(labels), "", dtype=object)
    for h, rows in groups.items():
        owner[rows] = h
    x = unit(np.asarray(vectors, dtype=np.float32))
    before, after = _nearest(x, labels), _nearest(_centred(x, groups), labels)
    held = []
    for c, rows in zip(*cluster_groups(labels), strict=True):
        if len(rows) < HELD_MIN_SIZE:
            continue
        top = Counter(h for h in owner[rows].tolist() if h).most_common(1)
        one_addressee = bool(top) and top[0][1] >= min_share * len(rows)
        if one_addressee and np.sum(after[rows] == c) < np.sum(before[rows] == c):
            held.append(int(c))
    return held, after


def dissolve_held(
    vectors: np.ndarray, texts: Sequence[str], labels: np.ndarray, min_share: float = 0.75
) -> np.ndarray:
    """Labels with the statements of each :func:`addressee_held` theme that sit closer to
    another theme's centroid once addressees are taken out moved to that theme (the rest
    stays); renumbered by size when any moves. ``min_share`` 1 turns this off."""
    labels = np.asarray(labels, dtype=int)
    held, near = _held(vectors, texts, labels, min_share)
    if not held:
        return labels
    move = np.isin(labels, held) & (near != labels) & (labels != OTHER)
    return relabel_by_size(np.where(move, near, labels))
