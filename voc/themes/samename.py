"""Merge themes that draft the same name and are close in meaning.

Two themes named alike ("account closed" and "account was closed", "waiting for hours"
twice: equal by :func:`voc.themes.qualify.name_key`) read as one problem shown twice,
even once :mod:`voc.themes.distinct` tells them apart by a qualifier or a number
("waiting for hours (2)"). When their centroids, with the @addressee taken out
(:func:`voc.themes.addressee.addressee_centred`, as :mod:`voc.themes.merge` compares
them), are at least :data:`SAME_NAME_SIMILARITY` cosine-similar, they are one theme: the
larger keeps its label and takes every statement of the smaller, unless one of them
sets itself apart in words: a lemma that :data:`APART_SAID` of its statements say and at
most :data:`APART_OTHER` of the other's ("how to get virtual card" twice on Banking77,
0.83 close, where one says "disposable" in 92% of its statements and the other never).
Same-name themes that are further apart stay apart and are told apart as before.
Themes from the user's codeframe (pinned, named or kept from an earlier run) are never
merged this way.

Names that say the same in other words are one name here too: "lost bag" and "luggage
lost" (:func:`voc.themes.synonyms.synonym_swap`: the names share a lemma and swap one
for a near-synonym in the run's embedding model, given as ``encode``). For such a pair
the swapped words count as one word when :func:`set_apart` looks for a word only one
of them says ("luggage" is not what sets "luggage lost" apart from "lost bag").

Names that differ only by the run's everyday words are one name too: "flight delayed"
and "hour delay" (:mod:`voc.themes.everyday`: "flight" said by a fifth of the airline
statements, "hour" a time unit), compared as closely as a synonym swap.

A theme that took another is compared again with its merged statements, round after
round, until nothing more merges: on the airline tweets "luggage lost" takes "baggage
claim lost" (0.91) and is then 0.88 close to "bag lost", which it was only 0.845 close to
alone (fast run, seed 42).

Only themes whose drafted names clash or swap a synonym are compared, so this costs one
centroid per such theme.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

import numpy as np

from voc.themes.addressee import addressee_centred
from voc.themes.cluster import OTHER
from voc.themes.pos import lexicon_tag
from voc.themes.qualify import name_key

#: Centroid cosine (addressee taken out) from which two same-name themes are one.
SAME_NAME_SIMILARITY = 0.8

#: Centroid cosine from which two themes whose names swap a near-synonym are one: above
#: the same-name threshold, as the names agree less.
SYNONYM_NAME_SIMILARITY = 0.85

#: A lemma that this share of one theme's statements say, and at most
#: :data:`APART_OTHER` of the other's, keeps two same-name themes apart.
APART_SAID = 0.8
APART_OTHER = 0.1

#: Lemmas a name can add or drop and still say the same: "account was closed" is
#: "account closed", "late on payments" is "payments late".
_AUXILIARY = frozenset({"be", "do", "have", "get", "on"})
_GLUE_TAGS = frozenset({"IN", "DT", "TO", "CC"})


def same_name_key(name: str) -> tuple[str, ...]:
    """:func:`voc.themes.qualify.name_key` without auxiliaries, prepositions and articles:
    "flight was cancelled" and "flight cancelled" have one key; negations and modals stay
    ("can't pay" is not "pay")."""
    return tuple(w for w in name_key(name)
                 if w not in _AUXILIARY and (lexicon_tag(w) or "") not in _GLUE_TAGS)


def _centroid(x: np.ndarray, labels: np.ndarray, c: int) -> np.ndarray:
    m = x[labels == c].mean(axis=0)
    return m / (np.linalg.norm(m) or 1.0)


def same_name_pairs(
    names: Mapping[int, str],
    x: np.ndarray,
    labels: np.ndarray,
    keep: Collection[int] = (),
) -> list[tuple[int, int, float]]:
    """``(label, label, cosine)`` for every two themes with equal :func:`name_key`, not in
    ``keep`` and not "other", most similar first (ties by labels); ``x`` are unit rows."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for c in mergeable(names, labels, keep, mixed=True):
        groups.setdefault(same_name_key(names[c]), []).append(c)
    return group_pairs(groups.values(), x, labels)


def mergeable(
    names: Mapping[int, str], labels: np.ndarray, keep: Collection[int] = (),
    mixed: bool = False,
) -> list[int]:
    """Labels of ``names`` a merge may take, in order: not "other", not in ``keep``, with
    statements in ``labels``, and not named "mixed complaints" unless ``mixed``."""
    from voc.themes.mixed import is_mixed

    return [c for c in sorted(names) if c != OTHER and c not in keep and np.any(labels == c)
            and (mixed or not is_mixed(names[c]))]


def group_pairs(
    groups: Iterable[list[int]], x: np.ndarray, labels: np.ndarray
) -> list[tuple[int, int, float]]:
    """``(label, label, cosine)`` for every two labels of one group, most similar first
    (ties by labels); ``x`` are unit rows."""
    cent: dict[int, np.ndarray] = {}
    pairs: list[tuple[int, int, float]] = []
    for group in groups:
        for c in group:
            cent[c] = _centroid(x, labels, c)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                pairs.append((a, b, round(float(cent[a] @ cent[b]), 4)))
    return sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))


def synonym_pairs(
    names: Mapping[int, str],
    x: np.ndarray,
    labels: np.ndarray,
    encode: Callable[[list[str]], np.ndarray],
    keep: Collection[int] = (),
    min_word_similarity: float | None = None,
) -> list[tuple[int, int, float, tuple[str, str]]]:
    """``(label, label, cosine, swapped words)`` for every two themes whose names say the
    same in other words (:func:`voc.themes.synonyms.synonym_name_pairs`, words at least
    ``min_word_similarity`` alike, default :data:`voc.themes.synonyms.SYNONYM_SIMILARITY`),
    most similar first (ties by labels); ``x`` are unit rows."""
    from voc.themes.synonyms import SYNONYM_SIMILARITY, synonym_name_pairs

    words = SYNONYM_SIMILARITY if min_word_similarity is None else min_word_similarity
    found = synonym_name_pairs(names, labels, encode, keep, words)
    cent = {c: _centroid(x, labels, c) for a, b, _ in found for c in (a, b)}
    pairs = [(a, b, round(float(cent[a] @ cent[b]), 4), swap) for a, b, swap in found]
    return sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))


def _shares(
    said: Mapping[int, frozenset[str]], rows: np.ndarray, same: Mapping[str, str] | None = None
) -> dict[str, float]:
    """Lemma -> share of ``rows`` saying it; ``same`` maps a lemma to the one it counts as."""
    same = same or {}
    counts = Counter(w for i in rows.tolist() for w in {same.get(v, v) for v in said[i]})
    return {w: k / len(rows) for w, k in counts.items()}


def set_apart(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """True when either theme (lemma -> share of its statements saying it) has a lemma
    that :data:`APART_SAID` of its statements say and :data:`APART_OTHER` of the other's
    at most."""
    return any(
        s >= APART_SAID and other.get(w, 0.0) <= APART_OTHER
        for own, other in ((a, b), (b, a)) for w, s in own.items()
    )


def merge_same_names(
    labels: np.ndarray,
    names: Mapping[int, str],
    vectors: np.ndarray,
    texts: Sequence[str],
    keep: Collection[int] = (),
    min_similarity: float = SAME_NAME_SIMILARITY,
    encode: Callable[[list[str]], np.ndarray] | None = None,
    synonym_similarity: float | None = None,
    synonym_min_similarity: float = SYNONYM_NAME_SIMILARITY,
    carried_similarity: float = 1.0,
    everyday: bool = True,
    subject_similarity: float = 1.0,
) -> tuple[np.ndarray, list[tuple[int, int, float]]]:
    """Labels with same-name themes at least ``min_similarity`` close merged (the larger
    keeps its label; ties by the smaller label), and the merges made as ``(kept label,
    merged label, cosine)``; pairs :func:`set_apart` in words stay apart. With
    ``everyday``, names equal once the run's everyday words are set aside
    (:mod:`voc.themes.everyday`: "flight delayed", "hour delay") count as the same
    name. With ``encode`` (the run's embedding model), themes whose names swap words at
    least ``synonym_similarity`` alike (:func:`synonym_pairs`) are compared the same way,
    at least ``synonym_min_similarity`` close; themes ``carried_similarity`` close where
    one's key lemmas carry the other's named problem
    (:func:`voc.themes.carried.carried_pairs`; 1: none) too, and themes
    ``subject_similarity`` close whose names share their subject noun
    (:func:`voc.themes.samesubject.subject_pairs`; 1: none), these only once nothing
    else merges ("worst customer service" twice is one theme before "poor customer
    service" takes it). Pairs are taken most similar
    first, and a theme already merged into another takes no part in later pairs of that
    round: merges do not chain through it ("plane delayed" into "flight delayed" does not
    take "plane delay" along). A theme that took another is compared again in a next
    round, with its merged statements, until no pair is close enough ("luggage lost",
    once it has taken "baggage claim lost", is as close to "bag lost" as a swap needs).
    ``keep`` are labels never merged (the codeframe's). Lemmas come from the memoised
    lemma documents the clustering space was built from."""
    from voc.themes.everyday import everyday_words

    labels = np.asarray(labels, dtype=int)
    if len(names) < 2:
        return labels, []
    x = addressee_centred(vectors, texts)
    common = everyday_words([str(t) for t, c in zip(texts, labels, strict=True)
                             if c != OTHER]) if everyday else None
    merges: list[tuple[int, int, float]] = []
    while True:
        found, said = _candidates(labels, names, x, texts, keep, min_similarity, encode,
                                  synonym_similarity, synonym_min_similarity,
                                  carried_similarity, common)
        labels, done = _merge_found(labels, texts, found, said)
        if not done and subject_similarity < 1:  # shared subjects once nothing else merges
            from voc.themes.samesubject import subject_pairs as shared_subject

            seen = {p[:2] for p in found}  # set apart already, as the pair they are
            found = [(a, b, sim, ("", "")) for a, b, sim in
                     shared_subject(names, x, labels, common or (), keep, subject_similarity)
                     if (a, b) not in seen]
            labels, done = _merge_found(labels, texts, found, said)
        if not done:
            return labels, merges
        merges += done


Found = list[tuple[int, int, float, tuple[str, str]]]


def _candidates(
    labels: np.ndarray,
    names: Mapping[int, str],
    x: np.ndarray,
    texts: Sequence[str],
    keep: Collection[int],
    min_similarity: float,
    encode: Callable[[list[str]], np.ndarray] | None,
    synonym_similarity: float | None,
    synonym_min_similarity: float,
    carried_similarity: float,
    everyday: Collection[str] | None,
) -> tuple[Found, dict[int, frozenset[str]]]:
    """The pairs one round of :func:`merge_same_names` may merge, on unit rows ``x``
    (addressee out), unsorted, with every statement's lemmas when the carried-problem
    pairs needed them (else empty)."""
    from voc.themes.represent import lemma_doc

    found = [(*p, ("", "")) for p in same_name_pairs(names, x, labels, keep)
             if p[2] >= min_similarity]
    if everyday is not None:  # names agreeing less need closer themes
        from voc.themes.everyday import subject_pairs

        found += [(*p, ("", "")) for p in subject_pairs(names, x, labels, everyday, keep)
                  if p[2] >= max(min_similarity, synonym_min_similarity)]
    if encode is not None:
        found += [p for p in synonym_pairs(names, x, labels, encode, keep, synonym_similarity)
                  if p[2] >= max(min_similarity, synonym_min_similarity)]
    said: dict[int, frozenset[str]] = {}
    if carried_similarity < 1:
        from voc.themes.carried import carried_pairs

        every = [frozenset(lemma_doc(str(t)).split()) for t in texts]
        said = dict(enumerate(every))
        seen = {p[:2] for p in found}
        found += [(a, b, sim, ("", "")) for a, b, sim in
                  carried_pairs(names, x, labels, every, keep, carried_similarity)
                  if (a, b) not in seen]
    return found, said


def _merge_found(
    labels: np.ndarray, texts: Sequence[str], found: Found,
    said: Mapping[int, frozenset[str]],
) -> tuple[np.ndarray, list[tuple[int, int, float]]]:
    """Labels with the ``found`` pairs merged, most similar first, but for the pairs one
    of which sets itself apart in words (``said``: every statement's lemmas, or empty and
    then computed here for the pairs' rows), and the merges made."""
    from voc.themes.represent import lemma_doc

    found = sorted(found, key=lambda p: (-p[2], p[0], p[1]))
    if not found:
        return labels, []
    said = said or {i: frozenset(lemma_doc(str(texts[i])).split())
                    for c in {c for p in found for c in p[:2]}
                    for i in np.flatnonzero(labels == c)}
    pairs = []
    for a, b, sim, (u, v) in found:
        same = {v: u} if u else {}
        rows_a, rows_b = np.flatnonzero(labels == a), np.flatnonzero(labels == b)
        if not set_apart(_shares(said, rows_a, same), _shares(said, rows_b, same)):
            pairs.append((a, b, sim))
    size = {c: int(np.sum(labels == c)) for p in pairs for c in p[:2]}
    parent = {c: c for c in size}

    def root(c: int) -> int:
        while parent[c] != c:
            c = parent[c]
        return c

    merges: list[tuple[int, int, float]] = []
    for a, b, sim in pairs:
        ra, rb = root(a), root(b)
        if ra == rb or ra != a or rb != b:  # no chaining through a theme merged away
            continue
        big, small = sorted((ra, rb), key=lambda c: (-size[c], c))
        parent[small] = big
        size[big] += size[small]
        merges.append((big, small, sim))
    new = labels.copy()
    for c in parent:
        new[labels == c] = root(c)
    return new, merges
