"""Words of theme names: tokens, lemma keys, surface forms and what names never hold.

Shared by the modules that name themes (:mod:`voc.themes.naming`,
:mod:`voc.themes.problems`, :mod:`voc.themes.subjects`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from voc.themes.lemmas import lemma

REDACTED = re.compile(r"x{2,}")
#: Words of times and durations: "pm", "hrs", "today" are when, never what.
TIME_WORDS = frozenset({"am", "pm", "hr", "hrs", "min", "mins", "sec", "secs", "today",
                        "tonight", "tomorrow", "yesterday", "morning", "evening", "night"})
TOKEN = re.compile(r"\[[a-z]+\]|[a-z][a-z'’\-]*[a-z]|[a-z]")


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; placeholders like [EMAIL] kept as-is to be excluded later."""
    t = text.lower().replace("’", "'")
    return [w.strip("'-") for w in TOKEN.findall(t)]


#: What tells one copy of a statement from another and no reader: an addressee, a link.
_COPY_MARKS = re.compile(r"@\w+|https?://\S+|\[[a-z]+\]", re.IGNORECASE)


_COPY_WORD = re.compile(r"[^\W_]+")


def copy_key(text: str) -> tuple[str, ...]:
    """The words and numbers of ``text`` without case, punctuation, addressees, links or
    placeholders: copies of one statement ("@AmericanAir did you know ...?" and
    "@VirginAmerica did you know ...") share it; "flight 12" and "flight 34" do not."""
    return tuple(_COPY_WORD.findall(_COPY_MARKS.sub(" ", text.lower().replace("’", "'"))))


def distinct(texts: Sequence[str]) -> list[str]:
    """``texts`` once each, near-duplicates (one :func:`copy_key`) once, first copy kept;
    a statement of no words is kept as written."""
    seen: set[tuple[str, ...]] = set()
    out: list[str] = []
    for text in dict.fromkeys(texts):
        k = copy_key(text) or (text,)
        if k not in seen:
            seen.add(k)
            out.append(text)
    return out


@lru_cache(maxsize=65536)
def lemmas_said(text: str) -> frozenset[str]:
    """The lemmas of ``text``'s tokens (cached: naming asks of one statement many times)."""
    return frozenset(lemma(w) for w in tokens(text))


def surface(forms: Counter[str]) -> str:
    """The most frequent surface form of a phrase (ties: alphabetical)."""
    return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def lemma_key(phrase: str) -> str:
    """The phrase as lemmas ("charged twice" → "charge twice")."""
    return " ".join(lemma(w) for w in phrase.lower().split())


def said_in(phrase: str, texts: Sequence[str]) -> bool:
    """Whether every word of ``phrase`` is a word of ``texts``."""
    said = {w for t in texts for w in tokens(t)}
    return all(w in said for w in tokens(phrase))


#: Words of legal and complaint-letter boilerplate ("pursuant to section 609 of the
#: FCRA", "I am filing this complaint with the CFPB"): they frame a complaint, they do
#: not say what it is about.
BOILERPLATE = frozenset(
    {"pursuant", "section", "sections", "usc", "u.s.c", "statute", "hereby", "herein",
     "thereof", "whereas", "exhibit", "attached", "enclosed", "sincerely", "regards",
     "ftc", "cfpb", "bbb", "fcra", "fdcpa", "tila", "respa", "ucc", "cfr", "act", "law",
     "laws", "violation", "violations", "complaint", "complaints", "consumer", "bureau",
     "federal", "regulation", "regulations", "title", "subsection", "paragraph", "rights",
     "fair"}
)
#: Phrases of letters and forms that identify, not describe ("account number XXXX").
BOILERPLATE_PHRASES = frozenset(
    {"account number", "case number", "reference number", "claim number", "file number",
     "confirmation number", "tracking number", "loan number", "ticket number"}
)


def boilerplate(phrase: str) -> bool:
    """Whether ``phrase`` is or holds boilerplate of complaint letters and forms."""
    low = phrase.lower()
    return any(w in BOILERPLATE for w in low.split()) or any(
        p in low for p in BOILERPLATE_PHRASES
    )


_CAPS = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def proper_names(texts: Sequence[str], min_share: float = 0.6) -> frozenset[str]:
    """Lowercase words written as names in ``texts``: capitalised in at least
    ``min_share`` of their (two or more) occurrences after a sentence's first word
    ("Delta", "Equifax", "JFK"). A company, an airport or a person is who or where,
    not what a theme is about. @handles and #tags are not counted."""
    return _proper_names(tuple(texts), min_share)  # naming asks about one theme many times


@lru_cache(maxsize=512)
def _proper_names(texts: tuple[str, ...], min_share: float) -> frozenset[str]:
    seen: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for text in texts:
        for sentence in re.split(r"[.!?]\s+|\n", text):
            toks = [t for t in re.split(r"\s+", sentence) if t and t[0] not in "@#"]
            words = [m.group(0) for t in toks if (m := _CAPS.search(t))]
            for w in words[1:]:
                low = w.lower().replace("’", "'")
                seen[low] += 1
                cap[low] += w[0].isupper() and not _common_acronym(w)
    return frozenset(w for w, n in seen.items() if n >= 2 and cap[w] >= min_share * n)


def _common_acronym(word: str) -> bool:
    """An all-caps word that the tagger's lexicon knows as a common noun ("ATM", "PIN"):
    written in capitals because it is an acronym, not because it names someone."""
    from voc.themes.pos import lexicon_tag

    return (
        len(word) >= 2 and word.isupper() and word.isalpha()
        and lexicon_tag(word.lower()) in ("NN", "NNS")
    )
