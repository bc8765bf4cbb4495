"""A name's subject and problem words, and how many statements attest the pair.

A theme name pairs a subject with a problem word ("flight cancelled"): :func:`parts`
splits a name into the two, :func:`need` is how many of a theme's distinct statements
must say the pair, and :func:`support` counts the statements that say every problem word
within :data:`WINDOW` tokens of a subject word. :func:`has_thing` and :func:`judged` tell
a name about a thing and a judgement before a noun apart. Used by
:mod:`voc.themes.attest`, :mod:`voc.themes.bestsaid` and :mod:`voc.themes.written`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.plain import PLAIN_HEADS
from voc.themes.predicate import evaluative_lemmas
from voc.themes.said import BREAK, Vocab, is_noun, raw_tokens, token_keys, wrong_words
from voc.themes.subjects import JUDGEMENTS

__all__ = ["MIN_SHARE", "WINDOW", "has_thing", "judged", "need", "parts", "support"]

#: Tokens either side within which a problem word is said of a subject.
WINDOW = 6
#: Share of a theme's distinct statements that must attest its name (at least two).
MIN_SHARE = 0.10


def parts(name: str) -> tuple[list[str], list[str]]:
    """The subject keys and problem keys of a name ("no response" → (["response"], ["no"]))."""
    toks = [t for t in raw_tokens(name) if t != BREAK]
    keys = token_keys(toks)
    wrong = wrong_words()
    problem = [k for w, k in zip(toks, keys, strict=True)
               if k in wrong or w in wrong or w in PLAIN_HEADS]
    subject = [
        k for w, k in zip(toks, keys, strict=True)
        if k not in problem and w not in STOPWORDS and k not in STOPWORDS and len(w) > 1
    ]
    return subject, problem


def need(n: int) -> int:
    """Statements that must attest a name of a theme of ``n`` distinct statements: about
    :data:`MIN_SHARE` of them (rounded to the nearest), at least two (all when fewer)."""
    return min(n, max(2, math.floor(MIN_SHARE * n + 0.5)))


def support(name: str, texts: Sequence[str]) -> int | None:
    """How many distinct ``texts`` say every problem word of ``name`` within
    :data:`WINDOW` tokens of one of its subject words; None for a name without a
    subject or without a problem word (a bare noun, a question)."""
    subject, problem = parts(name)
    subj, probs = set(subject), set(problem) - set(subject)
    if not subj or not probs:
        return None
    n = 0
    for text in dict.fromkeys(texts):
        toks = raw_tokens(text)
        keys = token_keys(toks)
        at = [i for i, k in enumerate(keys) if k in subj]
        if at and all(
            any(abs(i - j) <= WINDOW for i, k in enumerate(keys) if k == p for j in at if j != i)
            for p in probs
        ):
            n += 1
    return n


def judged(text: str) -> bool:
    """A judgement before a noun ("worst customer service"): as written by construction."""
    first = text.split()[0]
    return first in JUDGEMENTS or lemma(first) in evaluative_lemmas()


def has_thing(name: str, phrases: Sequence[str]) -> bool:
    """Whether ``name`` names a thing (a noun, or a word of the key phrases the lexicon
    does not know) or an action the customer cannot do ("can't check in")."""
    toks = name.lower().split()
    if toks[0] in ("can't", "cannot", "unable", "couldn't"):
        return True
    known = Vocab(known=frozenset(w for p in phrases for w in p.lower().split()))
    return any(is_noun(w, known) for w in toks)



#: Negations that lead a noun ("no response"), and those that deny a verb ("not missed").
_NO = frozenset({"no", "zero"})
_DENY = frozenset({"not", "never", "nor", "no", "without"})
#: Words that end what a leading "no" negates: "no record of the account" denies a record.
_OF = frozenset({"of", "for", "to", "from", "with", "about", "on", "in", "at", "by"})


def no_led(name: str, texts: Sequence[str]) -> int | None:
    """For a name led by "no" ("no response"), how many distinct ``texts`` put "no" right
    before its subject (one word may come between: "no real response"), not before
    another noun the subject follows ("no record of the account" is no record); None
    for a name not led by "no"."""
    words = name.lower().split()
    if len(words) < 2 or words[0] not in _NO:
        return None
    subject = token_keys(raw_tokens(" ".join(words[1:])))
    if not subject:
        return None
    first = subject[0]
    n = 0
    for text in dict.fromkeys(texts):
        toks = raw_tokens(text)
        keys = token_keys(toks)
        n += any(
            toks[i] in _NO and (
                keys[i + 1 : i + 2] == [first]
                or (keys[i + 2 : i + 3] == [first] and toks[i + 1] not in _OF | {BREAK})
            )
            for i in range(len(toks) - 1)
        )
    return n


def denied(name: str, texts: Sequence[str]) -> int:
    """How many distinct ``texts`` say the problem word of a name without a negation
    ("payments missed") only denied ("I have not missed a payment", "nor missed"): the
    opposite of what the name says. 0 for a name that holds a negation itself."""
    subject, problem = parts(name)
    probs = set(problem) - set(subject) - {"not", "can't"}
    if not subject or not probs or any(
        w in _DENY or w.endswith("n't") or w in ("cannot", "unable")
        for w in name.lower().split()
    ):
        return 0
    n = 0
    for text in dict.fromkeys(texts):
        toks = raw_tokens(text)
        keys = token_keys(toks)
        at = [i for i, k in enumerate(keys) if k in probs]
        if at and all(any(_denies(toks, j) for j in range(max(0, i - 3), i)) for i in at):
            n += 1
    return n


def _denies(toks: Sequence[str], j: int) -> bool:
    return toks[j] in _DENY or toks[j].endswith("n't") or toks[j] in ("cannot", "unable")
