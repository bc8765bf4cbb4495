"""Names whose problem the statements say of their subject: attested names.

A theme name pairs a subject with a problem word ("flight cancelled"). The pairing is
*attested* when the theme's statements say that problem of that subject: the two within
:data:`WINDOW` tokens of each other, in either order, in at least
``max(2, MIN_SHARE × n)`` of its ``n`` distinct statements (all of them when fewer).
A pairing built from a subject in one clause and a failure verb in another ("response
missed" over statements saying "still no response") is not. :func:`attested_name`
keeps an attested name and replaces a bare or glued one by the problem phrase most
statements say (:func:`best_said`, over :func:`voc.themes.said.phrases_said`, weighted
by how distinctive its subject is among the theme's class-based TF-IDF key phrases).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from voc.themes.asked import QWORDS
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pos import glued, lexicon_tag
from voc.themes.problems import SMALL_THEME
from voc.themes.said import (
    BREAK,
    Said,
    Vocab,
    is_noun,
    key,
    phrases_said,
    raw_tokens,
    said_of_thing,
    token_keys,
    wrong_words,
)

__all__ = ["MIN_SHARE", "WINDOW", "Said", "attested_name", "best_said", "key", "need", "parts",
           "phrases_said", "said_of_thing", "said_with", "support"]

#: Tokens either side within which a problem word is said of a subject.
WINDOW = 6
#: Share of a theme's distinct statements that must attest its name (at least two).
MIN_SHARE = 0.10

def parts(name: str) -> tuple[list[str], list[str]]:
    """The subject keys and problem keys of a name ("no response" → (["response"], ["no"]))."""
    toks = [t for t in raw_tokens(name) if t != BREAK]
    keys = token_keys(toks)
    wrong = wrong_words()
    problem = [k for w, k in zip(toks, keys, strict=True) if k in wrong or w in wrong]
    subject = [
        k for w, k in zip(toks, keys, strict=True)
        if k not in problem and w not in STOPWORDS and k not in STOPWORDS and len(w) > 1
    ]
    return subject, problem


def need(n: int) -> int:
    """Statements that must attest a name of a theme of ``n`` distinct statements."""
    return min(n, max(2, math.ceil(MIN_SHARE * n - 1e-9)))


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


def _distinct(subject: str, phrases: Sequence[str]) -> float:
    """1 plus twice how high the subject's words rank among the key phrases (1 when
    absent)."""
    want = {lemma(w) for w in subject.split()}
    for rank, p in enumerate(phrases):
        if want & {lemma(w) for w in p.lower().split()}:
            return 1.0 + 2.0 * (len(phrases) - rank) / max(len(phrases), 1)
    return 1.0


def best_said(
    texts: Sequence[str],
    phrases: Sequence[str] = (),
    subject: str = "",
    least: int = 0,
    same_subject: bool = False,
    things: bool = False,
) -> Said | None:
    """The problem phrase most distinct statements say (see :func:`phrases_said`),
    weighted by the distinctiveness of what it is said of (:func:`_distinct` over the key
    ``phrases``, and ``subject`` when given); None unless ``least`` statements (default:
    :func:`need`) say it; with ``same_subject`` only phrases said of ``subject``, with
    ``things`` only phrases said of a thing (:func:`said_of_thing`)."""
    uniq = list(dict.fromkeys(texts))
    least = least or need(len(uniq))
    subj = {lemma(w) for w in subject.lower().split()}
    known = Vocab(known=frozenset(w for p in phrases for w in p.lower().split()))
    best: tuple[float, Said] | None = None
    for s in phrases_said(uniq, phrases):
        if s.support < least:
            break
        score = s.support * _distinct(s.subject, phrases)
        if not is_noun(s.subject.split()[-1], known):
            score *= 0.35  # "doesn't help": no thing it is said of
        if subj & {lemma(w) for w in s.subject.split()}:
            score *= 1.5
        elif same_subject:
            continue
        if things and not said_of_thing(s):
            continue
        if len(s.text.split()) > 4:
            score *= 0.8
        if best is None or score > best[0]:
            best = (score, s)
    return best[1] if best else None


#: Negations and vague words that never complete a subject on their own ("credit report not").
_NOT_ALONE = frozenset({"not", "can't", "never", "no", "zero", "without", "down", "long", "full",
                        "lack", "stop", "late"})


def said_with(subject: str, texts: Sequence[str]) -> Said | None:
    """The subject with the problem word the most distinct statements say within
    :data:`WINDOW` tokens of it, in the order they say it ("credit report" +
    "inaccurate" → "inaccurate credit report"; "fee" + "charged" → "fee charged"); None
    unless two statements do. The word goes where most of them put it."""
    subj = [key(w) for w in subject.lower().split()]
    if not subj:
        return None
    wrong = wrong_words()
    df: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    after: Counter[str] = Counter()
    for text in dict.fromkeys(texts):
        toks = raw_tokens(text)
        keys = token_keys(toks)
        at = [i for i in range(len(keys)) if keys[i : i + len(subj)] == subj]
        seen: set[str] = set()
        for i, (w, k) in enumerate(zip(toks, keys, strict=True)):
            if k in subj or k in _NOT_ALONE or w in _NOT_ALONE or w in STOPWORDS or glued(w) \
                    or k in seen:
                continue
            if not (k in wrong or w in wrong) or lexicon_tag(w) in ("NN", "NNS", "VB", "VBP"):
                continue  # a noun ("error") or an action ("cancel") is not what is wrong
            near = [j for j in at if -WINDOW <= i - j <= WINDOW + len(subj) - 1]
            if near:
                seen.add(k)
                forms.setdefault(k, Counter())[w] += 1
                after[k] += i > near[0]
        df.update(seen)
    if not df:
        return None
    k, n = min(df.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < 2:
        return None
    word = min(forms[k].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    named = [*subject.split(), word] if after[k] * 2 > n else [word, *subject.split()]
    return Said(" ".join(named), subject, n)


def attested_name(name: str, phrases: Sequence[str], texts: Sequence[str]) -> str:
    """``name`` when its statements say its problem of its subject (attested, see
    :mod:`voc.themes.attest`), else the problem phrase most of them say.

    A bare subject ("week"), or a subject glued to a problem word said of something
    else ("response missed" over "still no response"), gives way to the phrase most
    distinct statements say ("no response"); so does an attested pairing when a phrase
    about the same subject is said by at least twice as many ("flight delayed" where
    most say "flight cancelled"). Questions ("how to top up") are kept.
    """
    words = name.lower().split()
    uniq = list(dict.fromkeys(texts))
    if not uniq or not words or words[0] in QWORDS or words[0] in ("can", "could"):
        return name
    said = support(name, uniq)
    subject, _ = parts(name)
    if said is None or said < need(len(uniq)):
        # unattested or bare: the phrase most say about the same subject, else about
        # anything, said by two at least (by one, for a bare name whose statements share
        # no phrase: in a small theme, or said of a thing)
        about = " ".join(subject)
        glued = not said  # bare, or its problem is never said near its subject
        best = (
            best_said(uniq, phrases, about, least=2, same_subject=True, things=True)
            or (_said_with(_subject_words(name, subject), uniq, glued) if subject else None)
            or (best_said(uniq, phrases, " ".join(phrases[:3]), least=2, same_subject=True)
                if glued else None)
            or (best_said(uniq, phrases, about, least=2) if said is None else None)
            or (best_said(uniq, phrases, about, least=1)
                if said is None and len(uniq) <= SMALL_THEME else None)
            or (best_said(uniq, phrases, about, least=1, things=True) if said is None else None)
        )
        return best.text if best is not None and (said is None or best.support > said) else name
    best = best_said(uniq, phrases, " ".join(subject))
    if best is None:
        return name
    if not said_of_thing(best):
        return name
    if best.support >= 2 * said and set(subject) & {lemma(w) for w in best.subject.split()}:
        return best.text
    if {lemma(w) for w in words} < {lemma(w) for w in best.text.split()} \
            and len(best.text.split()) <= 4:
        return best.text  # the fuller wording they use: "can't check" → "can't check in"
    return name


def _said_with(subject: str, texts: Sequence[str], glued: bool) -> Said | None:
    """The subject with the problem word most say near it (:func:`said_with`), when the
    name's own problem is never said near it, or when this one is said by enough."""
    found = said_with(subject, texts)
    if found is None or not (glued or found.support >= need(len(texts))):
        return None
    return found


def _subject_words(name: str, keys: Sequence[str]) -> str:
    """The words of ``name`` that are its subject (``keys``: their lemma keys), as
    written ("credit report refused" → "credit report")."""
    return " ".join(w for w in name.split() if key(w.lower()) in keys)
