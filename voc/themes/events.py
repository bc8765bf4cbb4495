"""Spans that say what happened, as written: a verb with its object or its subject.

A theme's statements often write what happened to them without a problem word: "sat on
the plane for three hours", "the ATM kept my card", "my top-up was reverted".
:func:`voc.themes.centred.spans` keeps only spans that read as problems, so the statements
saying "sat on the plane" never count for "stuck on the plane". :func:`event_spans` adds
the candidate spans (:func:`voc.themes.centred.candidates`) that read as an event
(:func:`reads_as_event`): a content verb and a noun, ending in the noun ("sitting on the
plane", "kept my card") or in a past form of the verb after its subject ("top-up
reverted"); a bare noun phrase ("customer service", "hour wait") or a dangling
participle ("plane waiting") is no event. :mod:`voc.themes.unsaid` lets them count for
the problem spans they paraphrase; an event alone never names a theme ("contacted
equifax", "tried transferring to an account" say no problem).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from voc.themes import centred as c
from voc.themes.lemmas import STOPWORDS, lemma

#: Tags of a noun a span may end in (the object, or the subject before its verb).
_NOUN = frozenset({"NN", "NNS", "NNP", "NNPS"})
#: Tags of a verb that may end a span after its subject ("top-up reverted", "card kept").
_PAST = frozenset({"VBD", "VBN"})
#: Tags of the words an event's key leaves out: determiners and possessive pronouns.
_DETERMINERS = frozenset({"DT", "PDT", "PRP$", "WDT"})


def _content_verb(word: str, tag: str) -> bool:
    return tag.startswith("VB") and word not in STOPWORDS and lemma(word) not in STOPWORDS


def reads_as_event(span: Sequence[tuple[str, str]]) -> bool:
    """Whether the tagged ``span`` says what happened: a content verb and a noun, the
    span ending in a noun after the verb or in a past verb after the noun."""
    verbs = [i for i, (w, t) in enumerate(span) if _content_verb(w, t)]
    nouns = [i for i, (_, t) in enumerate(span) if t in _NOUN]
    if not verbs or not nouns:
        return False
    last = len(span) - 1
    if span[last][1] in _NOUN:
        return verbs[0] < last
    return span[last][1] in _PAST and last in verbs and nouns[0] < last


@lru_cache(maxsize=65536)
def event_spans(text: str) -> dict[str, str]:
    """Spans of ``text`` that read as a problem or as an event, lemma key → surface."""
    out = dict(c.spans(text))
    for span, phrase in c.candidates(text):
        if reads_as_event(span):
            out.setdefault(event_key(span), phrase)
    return out


def event_key(span: Sequence[tuple[str, str]]) -> str:
    """Lemma key of an event span without its determiners: "sat on a plane" and "sitting
    on this plane" are one event, "sit on plane" (:func:`voc.themes.centred.says` lets
    a statement put them back)."""
    return " ".join(c._norm(w) for w, t in span if t not in _DETERMINERS)
