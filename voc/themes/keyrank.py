"""Which key phrases tell a theme from its neighbours: its first class-based TF-IDF
phrases (:func:`voc.themes.keyphrases.key_phrases`, most distinctive first).

A name reads right to a person when its problem word is the one that tells the theme
from the themes beside it: pending top-ups "haven't gone through", where failed ones
"didn't work"; a blocked PIN is "blocked", though many entered a "wrong" one.
:func:`key_rank` places a word among the first key phrases, and :func:`distinct_head`
lets a problem word a more distinctive key phrase holds win over the word most
statements say, when comparably many say it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from voc.themes.lemmas import lemma


def phrase_lemmas(phrase: str) -> set[str]:
    """The lemmas of ``phrase``'s words."""
    return {lemma(w) for w in phrase.lower().split()}


#: A problem word a more distinctive key phrase holds wins when at least this share of
#: as many statements say it as say the word chosen by votes ("hasn't gone through" by 23
#: of a pending top-up's 142 statements over "didn't work" by 14, the most said word of
#: a "failure" kind 30 say in "work", "wrong", "rejected", ...).
DISTINCT_SUPPORT = 0.5
#: Only the theme's first key phrases tell it from its neighbours.
DISTINCT_TOP = 3


def key_rank(word: str, phrases: Sequence[str]) -> int:
    """Position of the first of the first :data:`DISTINCT_TOP` ``phrases`` holding the
    lemma ``word``; :data:`DISTINCT_TOP` when none does."""
    for i, p in enumerate(phrases[:DISTINCT_TOP]):
        if word in phrase_lemmas(p):
            return i
    return DISTINCT_TOP


def distinct_head(
    hdf: Counter[tuple[str, str]], chosen: tuple[str, str], n: int, need: int,
    phrases: Sequence[str],
) -> tuple[str, str, int]:
    """The (kind, problem word, statements) to name: ``chosen`` (its kind said in ``n``
    statements), unless another word (``hdf``: distinct statements per kind and word) is
    held by a more distinctive key phrase (:func:`key_rank`) and said by at least ``need``
    statements and :data:`DISTINCT_SUPPORT` times as many as say the chosen word: the word
    telling the theme from its neighbours ("gone through", not "didn't work", for top-ups
    still pending beside top-ups that failed)."""
    best, rank = chosen, key_rank(chosen[1], phrases)
    least = max(need, DISTINCT_SUPPORT * hdf[chosen])
    for (kind, word), m in sorted(hdf.items(), key=lambda kv: (-kv[1], kv[0])):
        if (kind, word) != chosen and m >= least and key_rank(word, phrases) < rank:
            best, rank = (kind, word), key_rank(word, phrases)
    return (*best, n) if best == chosen else (*best, hdf[best])
