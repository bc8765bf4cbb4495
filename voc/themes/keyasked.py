"""Question names that keep the modifier telling the theme's object from its neighbours'.

A question name is built from the object most questions share, cut to its last two
words ("how to get virtual card"), so it can lose the modifier the theme's most
distinctive key phrase holds ("disposable virtual card"), and read like the name of the
theme beside it ("how to get virtual card" of cards that are not disposable).
:func:`keyed_question` puts that modifier back when most statements saying the object say
it too ("how to get disposable virtual card"), dropping the object's own modifiers when
the name would grow too long ("how to get disposable card").
"""

from __future__ import annotations

from collections.abc import Sequence

from voc.themes.keyrank import DISTINCT_TOP, phrase_lemmas
from voc.themes.lemmas import lemma
from voc.themes.pos import lexicon_tag
from voc.themes.wording import lemmas_said

#: Share of the statements saying the name's object that must also say the key phrase's
#: modifier for the name to take it (90 of the 98 statements saying "virtual card" say
#: "disposable virtual card").
KEY_SHARE = 0.5


def keyed_question(
    name: str, phrases: Sequence[str], texts: Sequence[str], max_words: int = 5
) -> str:
    """``name`` with the modifier of its object that one of the first
    :data:`~voc.themes.keyrank.DISTINCT_TOP` key ``phrases`` holds in front of it
    ("how to get virtual card" + "disposable virtual card" → "how to get disposable
    virtual card"), when at least :data:`KEY_SHARE` of the distinct statements saying
    the object also say the modifier; the object's own modifiers make way when the name
    would have more than ``max_words`` ("how to get disposable card"). ``name`` as it
    is otherwise."""
    words = name.split()
    if not words:
        return name
    keys = [lemma(w.lower()) for w in words]
    uniq = list(dict.fromkeys(texts))
    said = [lemmas_said(t) for t in uniq]
    for phrase in phrases[:DISTINCT_TOP]:
        pw = phrase.lower().split()
        for k in range(1, len(pw)):
            tail = [lemma(w) for w in pw[k:]]
            at = _find(keys, tail)
            mods = pw[:k]
            if at < 0 or _verb_slot(keys, at) or not _noun(pw[-1]) or (
                {lemma(w) for w in mods} & set(keys)
            ):
                continue
            with_obj = [s for s in said if set(tail) <= s]
            n = sum(phrase_lemmas(phrase) <= s for s in with_obj)
            if not with_obj or n < KEY_SHARE * len(with_obj):
                continue
            end = at + len(tail)
            out = [*words[:at], *mods, *words[at:]]
            if len(out) > max_words:  # the object's own modifiers make way
                out = [*words[:at], *mods, *words[end - 1:]]
            if len(out) <= max_words:
                return " ".join(out)
    return name


def _find(keys: Sequence[str], tail: Sequence[str]) -> int:
    """Where ``tail`` stands in ``keys`` as whole words (-1 when it does not)."""
    n = len(tail)
    for i in range(len(keys) - n + 1):
        if list(keys[i : i + n]) == list(tail):
            return i
    return -1


def _verb_slot(keys: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` is where the question says its verb: after "how to" or
    a pronoun ("how to transfer money", "can i transfer": no "bank transfer" there)."""
    return (at > 0 and keys[at - 1] in ("i", "you", "we")) or list(keys[at - 2 : at]) == [
        "how", "to"
    ]


def _noun(word: str) -> bool:
    """A noun or hyphenated compound, as an object's head is."""
    return "-" in word or lexicon_tag(word).startswith("NN")
