"""Whether a paraphrase of a theme name keeps the name's problem.

Sentence vectors put a name and a wording of another problem about the same thing close
together: in MiniLM "cash withdrawal declined" is 0.6 or more alike to "don't recognise
cash withdrawal", "money disappeared" to "money is missing" but also to spans of reverted
top-ups, "atm didn't work" to "atm swallowed my card". Counting the statements of such a
span as saying the name (:func:`voc.themes.unsaid.name_saying`) keeps names most of their
statements do not say. :func:`keeps_problem` lets a span stand for a name only when it
says the name's problem:

- the same polarity: both negated ("card not arrived", "haven't received my card") or
  neither (negations as one class: "not", "never", "no", "can't", "unable", "without");
- every problem word of the name (:func:`voc.themes.pairs.parts`, negations aside) said by
  the span, as a lemma or a word whose vector is :data:`WORD_PARAPHRASE` alike ("declined"
  and "rejected" 0.69, "disappeared" and "missing" 0.74; not "declined" and "recognise"
  0.19, "disappeared" and "reverted" 0.54); a name whose only problem word is a negation
  wants the word it negates ("arrived" of "card not arrived": "received" is 0.75 alike,
  "work" of "atm didn't work" and "swallowed" 0.25).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from voc.cosine import unit
from voc.themes.lemmas import STOPWORDS
from voc.themes.pairs import parts
from voc.themes.said import BREAK, raw_tokens, token_keys

#: Two words this alike (cosine of their vectors) say the same problem.
WORD_PARAPHRASE = 0.6
#: Keys of negations (:func:`voc.themes.said.key`) and the words that deny as they do.
NEGATION_KEYS = frozenset({"not", "can't", "never", "no", "zero", "without", "unable",
                           "nothing", "none"})


def _tokens(phrase: str) -> tuple[list[str], list[str]]:
    toks = [t for t in raw_tokens(phrase) if t != BREAK]
    return toks, token_keys(toks)


def negated(phrase: str) -> bool:
    """Whether ``phrase`` holds a negation ("haven't received", "no response", "can't")."""
    return any(k in NEGATION_KEYS for k in _tokens(phrase)[1])


def problem_words(name: str) -> list[tuple[str, str]]:
    """(word, key) of what ``name`` says is wrong, negations aside: its problem words
    ("declined" of "cash withdrawal declined") or, when its only problem word is a
    negation, the content word the negation denies ("arrived" of "card not arrived")."""
    toks, keys = _tokens(name)
    subject, problem = parts(name)
    probs = set(problem) - set(subject) - NEGATION_KEYS
    out = [(w, k) for w, k in zip(toks, keys, strict=True) if k in probs]
    if out or not any(k in NEGATION_KEYS for k in keys):
        return list(dict.fromkeys(out))
    at = next(i for i, k in enumerate(keys) if k in NEGATION_KEYS)
    return next(([(w, k)] for w, k in zip(toks[at + 1 :], keys[at + 1 :], strict=True)
                 if w not in STOPWORDS and k not in STOPWORDS and k not in NEGATION_KEYS), [])


def _content(phrase: str) -> list[tuple[str, str]]:
    toks, keys = _tokens(phrase)
    return [(w, k) for w, k in zip(toks, keys, strict=True)
            if w not in STOPWORDS and k not in STOPWORDS and k not in NEGATION_KEYS]


def keeps_problem(
    name: str, spans: Sequence[str], encode: Callable[[list[str]], np.ndarray],
) -> list[bool]:
    """For each of ``spans``, whether it says the problem of ``name`` (see the module
    doc): the same polarity, and each problem word of the name as a lemma or a word
    :data:`WORD_PARAPHRASE` alike."""
    if not spans:
        return []
    want = problem_words(name)
    neg = negated(name)
    words = [_content(s) for s in spans]
    polar = [negated(s) == neg for s in spans]
    vocab = list(dict.fromkeys([w for w, _ in want] + [w for ws in words for w, _ in ws]))
    if not want or not vocab:
        return polar
    vec = unit(np.asarray(encode(vocab), dtype=np.float32))
    at = {w: i for i, w in enumerate(vocab)}
    out: list[bool] = []
    for ok, ws in zip(polar, words, strict=True):
        keys = {k for _, k in ws}
        rows = [at[w] for w, _ in ws]
        out.append(ok and all(
            k in keys or bool(rows) and float(np.max(vec[rows] @ vec[at[w]])) >= WORD_PARAPHRASE
            for w, k in want
        ))
    return out
