"""A name of its own for a theme whose drafted name another theme holds (its twin).

Two themes can draft one name and stay two (CFPB, seed 42: "account issues" 48 twice,
0.76 close, under the same-name merge's 0.8). :mod:`voc.themes.distinct` tells them apart
by a phrase one says and the other does not; written as "<name>: <phrase>" ("account
issues: number", "can't get through by phone: hold") it read as two labels glued
together to every blind reader. A twin is named instead, as a person would write it:

1. by that phrase worked into the span its statements write with it
   (:func:`voc.themes.subphrase.worked_in`: "no response to letter"), when the span holds
   a word of the name or a problem word; for a question name, into what they ask
   (:func:`asked_span`: "how to transfer money: credit card" is "transfer money using
   credit card");
2. else by the problem phrase (:func:`voc.themes.said.phrases_said`, said of a thing or a
   blocked action) the most of its distinct statements say, at least
   :func:`voc.themes.pairs.need` of them, and :data:`MIN_LIFT` times as often as any twin's
   statements say its words ("hours on hold" beside "can't get through by phone").

"" when neither gives a name no other theme holds: the caller glues the phrase on after a
colon (it still says what sets the twin apart), or numbers a twin without one, the last
resort.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from voc.themes.bestsaid import of_thing
from voc.themes.evidence import code_like, norm_word, said_by, said_words
from voc.themes.lemmas import STOPWORDS
from voc.themes.pairs import need
from voc.themes.qualify import name_key
from voc.themes.question import QWORDS, YES_NO
from voc.themes.said import phrases_said
from voc.themes.subphrase import spans_holding, worked_in

#: A twin's own phrase is said by this many times the share of any other twin's statements.
MIN_LIFT = 1.5
#: Words a twin's name may have at most.
MAX_WORDS = 6


def _share(phrase: str, said: Sequence[frozenset[str]]) -> float:
    """Share of statements (their words) saying every word of ``phrase``."""
    return said_by(phrase, said) / len(said) if said else 0.0


def _free(name: str, own: str, used: Collection[tuple[str, ...]]) -> bool:
    """A candidate name that reads apart from the twin's drafted ``own``, no other theme
    holds, and says no word twice ("hours on hold on hold")."""
    key, words = name_key(name), name.lower().split()
    return bool(key) and key != name_key(own) and key not in used \
        and len(words) <= MAX_WORDS and len(set(words)) == len(words)


def own_phrase(
    name: str, texts: Sequence[str], others: Sequence[Sequence[str]],
    used: Collection[tuple[str, ...]] = (),
) -> str:
    """The problem phrase the most distinct ``texts`` say (at least :func:`need`) that
    every twin's statements (``others``) say :data:`MIN_LIFT` times less often, said of
    a thing or a blocked action, no code in it, free (not ``name`` nor a ``used`` key);
    "" when none."""
    uniq = list(dict.fromkeys(t.strip() for t in texts))
    mine = [said_words(t) for t in uniq]
    theirs = [[said_words(t) for t in dict.fromkeys(o)] for o in others]
    least = need(len(uniq))
    for s in phrases_said(uniq, ()):
        if s.support < least:
            break
        if not of_thing(s) or any(code_like(w, uniq) for w in s.text.split()):
            continue
        if not _free(s.text, name, used):
            continue
        share = _share(s.text, mine)
        if share and all(share >= MIN_LIFT * _share(s.text, t) for t in theirs):
            return s.text
    return ""


def worked_name(
    name: str, qualifier: str, texts: Sequence[str], used: Collection[tuple[str, ...]] = (),
) -> str:
    """``qualifier`` worked into the span ``texts`` write it in with a problem word or a
    word of ``name`` (:func:`voc.themes.subphrase.worked_in`), else, for a question name,
    into what they ask (:func:`asked_span`), when that is free; else ""."""
    if not qualifier:
        return ""
    for worked in (worked_in(name, qualifier, texts), asked_span(name, qualifier, texts)):
        if worked and _free(worked, name, used):
            return worked
    return ""


def asked_span(name: str, qualifier: str, texts: Sequence[str]) -> str:
    """For a question name ("how to transfer money", "what is top-up limit"), the span of
    ``texts`` holding ``qualifier`` and the most content words of the name (then the
    most said; said by two and a tenth of them), after the question's opening when it
    fits :data:`MAX_WORDS` ("what is" + "limit on auto top-up"; "transfer money using
    credit card" alone); "" for a name that asks nothing (a problem name wants a problem
    word: "account number" names none)."""
    words = name.lower().split()
    if not words or words[0] not in QWORDS | YES_NO:
        return ""
    content = {norm_word(w) for w in words if w not in STOPWORDS and w not in QWORDS | YES_NO}
    held = {f: (len(content & {norm_word(w) for w in f.split()}), n)
            for f, n in spans_holding(qualifier, texts).items()}
    held = {f: k for f, k in held.items() if k[0]}
    if not held:
        return ""
    # the span keeping the most of the name's words, then the most said
    span = min(held, key=lambda f: (-held[f][0], -held[f][1], len(f.split()), f))
    first = {norm_word(w) for w in span.split()}
    opening = next((words[:k] for k, w in enumerate(words) if norm_word(w) in first), [])
    asked = " ".join([*opening, span])
    return asked if len(asked.split()) <= MAX_WORDS else span


def twin_name(
    name: str, qualifier: str, texts: Sequence[str], others: Sequence[Sequence[str]],
    used: Collection[tuple[str, ...]] = (),
) -> str:
    """A name of its own for a twin named ``name`` that ``qualifier`` sets apart (see the
    module docstring), or "" (then the caller glues ``qualifier`` on, or numbers it)."""
    return worked_name(name, qualifier, texts, used) or own_phrase(name, texts, others, used)
