"""Theme names that say one problem in other words: "lost bag" and "luggage lost".

The clustering keeps apart statements that say one problem with different words when the
words weigh more than the meaning (fast mode's static embeddings, the lemma part of the
hybrid space): on the airline tweets, "lost bag", "luggage lost" and "baggage claim lost"
are three themes of people whose bags did not arrive. Their names share what went wrong
("lost") and swap one word for a near-synonym ("bag" / "luggage"). :func:`synonym_swap`
finds that shape from the names alone: the two names' keys
(:func:`voc.themes.samename.same_name_key`) share a lemma that is not a plain head
("issues", "problems"), each has at least one lemma the other lacks, and one content lemma
of each (no negation, contraction or question word), both problem words or both not, is
at least :data:`SYNONYM_SIMILARITY` cosine-similar in the run's own embedding model;
besides that swap, at most :data:`MAX_LEFTOVER` lemma may be left, and only a noun
("claim" in "baggage claim lost"). "card payment declined" and "transfer declined"
share "declined" but "payment" and "transfer" are not near-synonyms; "flight cancelled"
and "flight delayed" share "flight" and "cancel" is no synonym of "delay".

Word similarity alone over-reaches ("airline"/"airport" are as close as "bag"/"luggage"),
so a swap only proposes a pair: :func:`voc.themes.samename.merge_same_names` still asks
their centroids to be closer than same-name themes' (0.85) and neither theme to set itself
apart in words, with the swapped words counted as one. On Banking77 the closest pairs a
swap would join are different intents ("card payment declined" / "credit card declined",
0.83 close, "payment" / "credit" 0.62 alike in MiniLM): both gates keep them apart.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

import numpy as np

from voc.cosine import unit
from voc.themes.plain import PLAIN_HEADS
from voc.themes.pos import lexicon_tag
from voc.themes.qualify import problem_word
from voc.themes.samename import mergeable, same_name_key

#: Cosine of two lemmas' embeddings from which they may be a synonym swap.
SYNONYM_SIMILARITY = 0.7

#: Lemmas (nouns only) a name may hold besides the shared ones and the swapped pair.
MAX_LEFTOVER = 1

Encode = Callable[[list[str]], np.ndarray]


def name_head_key(name: str) -> tuple[str, ...]:
    """The :func:`same_name_key` of the name before any qualifier ("debt disputed:
    collection" → ("debt", "dispute"))."""
    return same_name_key(name.split(":", 1)[0])


def _noun(lemma: str) -> bool:
    tag = lexicon_tag(lemma)
    return not tag or tag.startswith("NN")


#: Tags of words that say how, not what: never swapped ("isn't" / "didn't", "why" / "what").
_FUNCTION_TAGS = ("W", "MD", "RB", "DT", "IN", "CC", "TO", "PRP", "EX", "RP")


def content_word(lemma: str) -> bool:
    """A word that can be swapped for a synonym: no contraction, negation or question word."""
    tag = lexicon_tag(lemma) or ""
    return "'" not in lemma and not tag.startswith(_FUNCTION_TAGS)


def synonym_swap(
    a: Sequence[str],
    b: Sequence[str],
    similar: Callable[[str, str], float],
    min_similarity: float = SYNONYM_SIMILARITY,
) -> tuple[str, str] | None:
    """The ``(lemma of a, lemma of b)`` near-synonyms two name keys swap while sharing
    the rest (see the module docstring), or None; ``similar`` is a word cosine."""
    shared = set(a) & set(b)
    if not shared - set(PLAIN_HEADS):
        return None
    ra, rb = sorted(set(a) - shared), sorted(set(b) - shared)
    if not ra or not rb or len(ra) + len(rb) > 2 + MAX_LEFTOVER:
        return None
    best = max(((similar(x, y), x, y) for x in ra for y in rb
                if problem_word(x) == problem_word(y) and content_word(x) and content_word(y)),
               default=None)
    if best is None or best[0] < min_similarity:
        return None
    _, x, y = best
    rest = [w for w in ra + rb if w not in (x, y)]
    if any(problem_word(w) or not _noun(w) for w in rest):
        return None
    return x, y


def word_similarity(words: Collection[str], encode: Encode) -> Callable[[str, str], float]:
    """Cosine of two of ``words`` embedded one by one with ``encode`` (0 for others)."""
    order = sorted(set(words))
    if not order:
        return lambda x, y: 0.0
    vecs = unit(np.asarray(encode(order), dtype=np.float32))
    row = {w: i for i, w in enumerate(order)}

    def similar(x: str, y: str) -> float:
        if x not in row or y not in row:
            return 0.0
        return float(vecs[row[x]] @ vecs[row[y]])

    return similar


def synonym_name_pairs(
    names: Mapping[int, str],
    labels: np.ndarray,
    encode: Encode,
    keep: Collection[int] = (),
    min_similarity: float = SYNONYM_SIMILARITY,
) -> list[tuple[int, int, tuple[str, str]]]:
    """``(label, label, (word, word))`` for every two themes whose names differ by a
    :func:`synonym_swap` at ``min_similarity`` (keys not equal; neither "other", in
    ``keep`` nor mixed; 1 or more: none), by labels."""
    if min_similarity >= 1:
        return []
    keys = {c: name_head_key(names[c]) for c in mergeable(names, labels, keep)}
    similar = word_similarity({w for k in keys.values() for w in k}, encode)
    out: list[tuple[int, int, tuple[str, str]]] = []
    ids = sorted(keys)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            swap = None if keys[a] == keys[b] else synonym_swap(
                keys[a], keys[b], similar, min_similarity)
            if swap:
                out.append((a, b, swap))
    return out
