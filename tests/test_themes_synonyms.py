"""Theme names that say one problem in other words ("lost bag", "luggage lost")."""

from __future__ import annotations

import numpy as np

from voc.themes.synonyms import (
    name_head_key,
    synonym_name_pairs,
    synonym_swap,
    word_similarity,
)

#: Word pairs a fake model calls near-synonyms (everything else is unrelated).
NEAR = {frozenset({"bag", "luggage"}), frozenset({"bag", "baggage"}),
        frozenset({"luggage", "baggage"}), frozenset({"delay", "cancel"}),
        frozenset({"isn't", "didn't"}), frozenset({"why", "what"})}


def _similar(x: str, y: str) -> float:
    return 1.0 if x == y else 0.8 if frozenset({x, y}) in NEAR else 0.1


def _swap(a: str, b: str) -> tuple[str, str] | None:
    return synonym_swap(name_head_key(a), name_head_key(b), _similar)


def test_names_that_swap_a_near_synonym_and_share_the_rest() -> None:
    assert _swap("lost bag", "luggage lost") == ("bag", "luggage")
    assert _swap("luggage lost", "lost bag") == ("luggage", "bag")
    # one noun more on one side is still the same problem ("baggage claim")
    assert _swap("baggage claim lost", "lost bag") == ("baggage", "bag")
    # the qualifier after ":" is not part of the name compared
    assert _swap("lost bag", "luggage lost: airport") == ("bag", "luggage")


def test_names_that_do_not_swap_a_synonym() -> None:
    # the shared word is only a plain head
    assert _swap("bag issues", "seat issues") is None
    # the swapped words are unrelated in the model
    assert _swap("card payment declined", "transfer declined") is None
    # a problem word is never swapped for a subject
    assert _swap("bag delayed", "luggage bag") is None
    # what is left over besides the swap must be a noun, not a negation or a problem
    assert _swap("lost bag", "luggage not lost") is None
    assert _swap("lost bag", "luggage lost damaged") is None
    # negations, contractions and question words say how, not what: never swapped
    assert _swap("card isn't working", "card didn't work") is None
    assert _swap("why card charged", "what card charged") is None
    # the same name is not a swap (same-name merging owns it)
    assert _swap("lost bag", "bag lost") is None


def test_word_similarity_is_the_cosine_of_the_encoded_words() -> None:
    table = {"bag": [1.0, 0.0], "luggage": [0.8, 0.6], "seat": [0.0, 1.0]}
    similar = word_similarity(["seat", "bag", "luggage"],
                              lambda words: np.array([table[w] for w in words]))
    assert round(similar("bag", "luggage"), 3) == 0.8
    assert round(similar("bag", "seat"), 3) == 0.0
    assert similar("bag", "plane") == 0.0


def test_pairs_leave_out_other_kept_and_mixed_themes() -> None:
    table = {"bag": [1.0, 0.0], "luggage": [0.9, 0.1], "lose": [0.0, 1.0]}

    def encode(words: list[str]) -> np.ndarray:
        return np.array([table.get(w, [0.5, 0.5]) for w in words])

    labels = np.array([0, 0, 1, 1, 2, 2, -1])
    names = {0: "lost bag", 1: "luggage lost", 2: "mixed complaints about luggage",
             -1: "other"}
    assert synonym_name_pairs(names, labels, encode) == [(0, 1, ("bag", "luggage"))]
    assert synonym_name_pairs(names, labels, encode, keep={1}) == []
    assert synonym_name_pairs(names, labels, encode, min_similarity=1.0) == []
