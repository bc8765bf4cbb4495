"""Plain names for themes whose statements attest no subject+problem phrase.

When no problem is said of a subject as written (:mod:`voc.themes.written`) by enough of a
theme's statements, nothing is glued together: the theme is named by the most distinctive
noun phrase many of its statements share (the best-ranked class-based TF-IDF key phrase
that is a noun phrase, said by at least ``max(2, SUBJECT_SHARE × n)`` of them) plus a
plain problem head: a problem noun its statements say ("delays", "disputes", "errors"),
else "problems" or "issues" as they write it ("mortgage payment problems", "dividend miles
issues").
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from voc.themes.idioms import unidiom
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pos import glued, lexicon_tag, parse
from voc.themes.predicate import problem_lemmas
from voc.themes.wording import (
    REDACTED,
    TIME_WORDS,
    boilerplate,
    lemma_key,
    proper_names,
    surface,
    tokens,
)

#: Share of a theme's distinct statements that must say the subject of a plain name.
SUBJECT_SHARE = 0.15
#: Heads people write after a subject when no one problem is shared.
PLAIN_HEADS = ("problems", "issues", "problem", "issue")
#: Nouns too vague to be a subject ("time", "way", "thing").
_VAGUE = frozenset(
    {"one", "way", "thing", "things", "time", "times", "lot", "day", "days", "hour", "hours",
     "minute", "minutes", "week", "weeks", "month", "months", "year", "years", "people",
     "guy", "guys", "someone", "anyone", "everyone", "nothing", "something", "anything",
     "problem", "problems", "issue", "issues", "thanks", "reason", "fact", "point", "help",
     "kind", "sort", "bit", "today", "letter", "complaint", "complaints", "information",
     "info", "matter", "need", "home", "work", "experience", "trip", "life", "family",
     "friend", "friends", "address", "addresses", "place", "stuff", "job", "part", "end"}
)


#: Nouns that name a kind of problem, as people write them after what it is about ("debt
#: collection disputes", "flight delays"), besides the cue file's problem nouns.
HEAD_NOUNS = frozenset(
    {"dispute", "delay", "error", "mistake", "fraud", "scam", "harassment", "cancellation",
     "denial", "overcharge", "outage", "glitch", "failure", "breach", "theft",
     "discrepancy", "foreclosure", "repossession", "shortage", "overdraft", "default"}
)


@lru_cache(maxsize=1)
def problem_nouns() -> frozenset[str]:
    """Lemmas of nouns that name a problem: :data:`HEAD_NOUNS` and the cue file's problem
    words the lexicon tags as nouns ("delay", "error", "glitch")."""
    return HEAD_NOUNS | frozenset(w for w in problem_lemmas() if lexicon_tag(w).startswith("NN"))


def _says(phrase: str, text: str) -> bool:
    want = [lemma(w) for w in phrase.lower().split()]
    lems = [lemma(w) for w in tokens(text)]
    n = len(want)
    return any(lems[i : i + n] == want for i in range(len(lems) - n + 1))


def plain_subject(phrases: Sequence[str], texts: Sequence[str]) -> str:
    """The best-ranked key phrase that is a noun phrase (not a name, time, redaction or
    boilerplate) said as one phrase by ``max(2, SUBJECT_SHARE × n)`` distinct statements."""
    uniq = list(dict.fromkeys(texts))
    least = max(2, math.ceil(SUBJECT_SHARE * len(uniq) - 1e-9))
    names = proper_names(uniq)
    for p in phrases:
        words = p.lower().split()
        if not words or p.lower() in names or boilerplate(p) or any(
            REDACTED.fullmatch(w) or w in TIME_WORDS or w in STOPWORDS or glued(w)
            or w in names for w in words
        ) or words[-1] in _VAGUE or len(words[-1]) < 3:
            continue
        if lemma_key(p) not in parse(p).nouns and not lexicon_tag(words[-1]).startswith("NN"):
            continue
        if len(words) == 1 and not lexicon_tag(words[0]).startswith("NN") and "-" not in p:
            continue  # a word the lexicon does not know alone: mostly a name ("navient", "jfk")
        key = lemma_key(p)
        # said as a noun phrase (not "book" of "trying to book") by enough of them
        # never a noun said only in a fixed expression ("attempt" of "in an attempt to")
        n = sum(any(f" {key} " in f" {k} " for k in parse(unidiom(t)).nouns) for t in uniq)
        if n >= least:
            return singular(_fuller(key, p, uniq, max(least, (n + 1) // 2)), uniq)
    return ""


def _of_what(problem: str, texts: Sequence[str]) -> str:
    """A problem noun with the noun most statements say it of as written ("flight
    delays"), in the form they write it; "" when none is said by two. A noun the problem
    is written before as its modifier is not what it happens to ("fraud department" is a
    department, not a "department fraud")."""
    from voc.themes.written import clauses, says

    want = frozenset({lemma(problem.split()[-1].lower())})
    df: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for text in dict.fromkeys(texts):
        seen: set[str] = set()
        for words, keys in clauses(text):
            for w, k in zip(words, keys, strict=True):
                if lemma(w) in want:
                    forms[w] += 1
                if k not in seen and k not in want and k not in problem_nouns() \
                        and not REDACTED.fullmatch(w) \
                        and lexicon_tag(w).startswith("NN") and w not in STOPWORDS \
                        and w not in _VAGUE and len(w) > 2 \
                        and not any(modifies(p, frozenset({k}), keys) for p in want) \
                        and says([want], frozenset({k}), words, keys):
                    seen.add(k)
        df.update(seen)
    if not df or not forms:
        return ""
    noun, n = min(df.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < 2:
        return ""
    shown = surface(forms)
    return f"{noun} {shown}"


def _fuller(key: str, phrase: str, texts: Sequence[str], least: int) -> str:
    """The longer noun phrase ending in ``phrase`` that at least ``least`` of the
    statements say ("dividend miles" for "miles"), else ``phrase``."""
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    names = proper_names(texts)
    for t in texts:
        for k, said in parse(t).nouns.items():
            if k.endswith(" " + key) and k.count(" ") <= 2 and not boilerplate(said) and not any(
                REDACTED.fullmatch(w) or w in STOPWORDS or w in names for w in said.lower().split()
            ):
                df[k] += 1
                shown.setdefault(k, Counter())[said.lower()] += 1
    if not df:
        return phrase
    k, n = min(df.items(), key=lambda kv: (-kv[1], kv[0]))
    return surface(shown[k]) if n >= least else phrase


def singular(phrase: str, texts: Sequence[str]) -> str:
    """The phrase with its head noun singular ("student loans" → "student loan"), as
    people put a subject before "problems", when the statements write the singular."""
    words = phrase.split()
    head = lemma(words[-1].lower())
    if words[-1].lower().endswith("s") and head != words[-1].lower() and len(head) > 2 \
            and any(head in tokens(t) for t in texts):
        words[-1] = head
    return " ".join(words)


def plain_head(subject: str, texts: Sequence[str]) -> str:
    """A problem noun the statements say of the subject as written (two at least, in one
    clause beside it: "flight delays", "credit report dispute"), else the plain head they
    write most ("problems", "issues"), else ""."""
    from voc.themes.written import clauses, says

    subj = frozenset(lemma(w) for w in subject.lower().split())
    nouns = problem_nouns()
    df: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    plain: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    for text in dict.fromkeys(texts):
        seen: set[str] = set()
        anywhere.update({k for _, keys in clauses(text) for k in keys
                         if k in nouns and k not in subj and lexicon_tag(k).startswith("NN")})
        for words, keys in clauses(text):
            for w, k in zip(words, keys, strict=True):
                if w in PLAIN_HEADS:
                    plain[k] += 1
                if k in nouns and k not in subj and k not in seen and w not in STOPWORDS \
                        and lexicon_tag(w).startswith("NN") and not modifies(k, subj, keys) \
                        and says([frozenset({k})], subj, words, keys):
                    forms.setdefault(k, Counter())[w] += 1
                    seen.add(k)
        df.update(seen)
    if df:
        lem, n = min(df.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= 2:
            shown = forms[lem]
            plural = [w for w in shown if w != lem and w.endswith("s")]
            return plural[0] if plural else surface(shown)
    if plain:
        return "issues" if plain["issue"] > plain["problem"] else "problems"
    if anywhere:
        lem, n = min(anywhere.items(), key=lambda kv: (-kv[1], kv[0]))
        if 2 * n >= len(list(dict.fromkeys(texts))):
            return lem  # the kind of problem most of them name ("dispute")
    return ""


def modifies(noun: str, subject: frozenset[str], keys: Sequence[str]) -> bool:
    """Whether every ``noun`` of a clause's ``keys`` is a modifier of the subject, written
    right before it ("fraud department", "error message"): it says what kind of subject,
    not what went wrong with it, so it is no problem head ("department fraud")."""
    at = [i for i, k in enumerate(keys) if k == noun]
    return bool(at) and all(i + 1 < len(keys) and keys[i + 1] in subject for i in at)


def plain_name(phrases: Sequence[str], texts: Sequence[str], said: bool = True) -> str:
    """Subject plus plain problem head ("mortgage payment problems"); "" without a subject
    many statements share, or (``said``) without a head the statements write."""
    subject = plain_subject(phrases, texts)
    if not subject:
        return ""
    if lemma(subject.split()[-1].lower()) in problem_nouns():
        # the subject is itself a kind of problem ("delay"): with what it happens to
        return _of_what(subject, texts)
    head = plain_head(subject, texts) or ("" if said else "problems")
    return f"{subject} {head}" if head else ""
