"""The kind of problem a theme's statements name: "mechanical issues", "billing problems".

Statements often name what went wrong as a modifier before a plain problem head:
"mechanical issues", "mechanical problems", "connectivity trouble". The subject nouns
of :mod:`voc.themes.mixed` miss these: the modifier is often an adjective and the head
("issues", "problems") is a vague word, so a theme half of whose statements say
"mechanical issues" or "mechanical problems" was named "mixed complaints about planes".
:func:`kind_said` counts each modifier with every head variant as one kind and gives it
as its statements write it, when enough of them say it (:data:`KIND_COVER`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.owned import abbreviation, handles, owned
from voc.themes.pos import lexicon_tag
from voc.themes.said import VAGUE_NOUNS
from voc.themes.wording import REDACTED, TIME_WORDS, distinct, proper_names, surface, tokens

#: Plain problem heads said after a modifier naming the kind of problem, as lemmas, and
#: how a name writes each ("mechanical issues").
HEADS = {"issue": "issues", "problem": "problems", "trouble": "trouble"}
#: Modifiers that tell how much, how often or which, not what kind: "big issues",
#: "same problem", "ongoing issues" name nothing the theme is about.
DEGREE = frozenset(
    {"big", "bigger", "biggest", "major", "huge", "serious", "minor", "small", "real",
     "same", "similar", "other", "another", "different", "many", "several", "multiple",
     "numerous", "various", "constant", "ongoing", "recurring", "continued", "continuing",
     "repeated", "new", "old", "further", "additional", "current", "previous", "recent",
     "main", "only", "few", "lot", "lots", "whole", "entire", "general", "common",
     "possible", "potential", "known", "usual", "typical", "last", "first", "next",
     "little", "bad", "worse", "worst", "good", "great", "terrible", "horrible", "awful",
     "ridiculous", "stupid", "endless", "weird", "strange", "odd", "simple", "easy",
     "slight", "massive", "significant", "persistent", "frequent", "continuous",
     "unresolved", "resolved", "fixed", "having", "had", "have", "has",
     "no", "any", "some", "these", "those", "such", "what", "which", "this", "that",
     "your", "our", "my", "their", "his", "her", "its"}
)
#: Share of a theme's distinct statements (near-duplicates once) that must name one kind
#: of problem for it to name the theme: half, as for one plain subject
#: (:data:`voc.themes.mixed.SUBJECT_COVER`). Blind readers reject a confident name
#: that fits few statements; half says what most of the theme is about.
KIND_COVER = 0.5
#: Distinct statements that must name the kind, at least: two of three saying "mechanical
#: issues" is no evidence a theme is about them.
KIND_LEAST = 5


def _modifier(word: str, names: frozenset[str], common: Collection[str]) -> bool:
    """Whether ``word`` before a problem head can name a kind of problem: an adjective or
    noun that is no degree word, stopword, vague word, time, name, code or redaction, nor
    a ``common`` lemma (a word every theme of the run says: "flight issues")."""
    key = lemma(word)
    return (
        len(word) >= 3 and word.isalpha() and word not in DEGREE and key not in DEGREE
        and word not in STOPWORDS and word not in TIME_WORDS and word not in names
        and word not in VAGUE_NOUNS and key not in VAGUE_NOUNS and key not in HEADS
        and key not in common and not REDACTED.fullmatch(word) and not abbreviation(word)
        and lexicon_tag(word).startswith(("JJ", "NN"))
    )


def kind_said(texts: Sequence[str], common: Collection[str] = frozenset(),
              share: float = KIND_COVER, least: int = KIND_LEAST) -> str:
    """The kind of problem ``share`` of the distinct ``texts``, and ``least`` at least,
    name by one modifier before a problem head (:data:`HEADS`), every head counted as one
    ("mechanical issues" and "mechanical problems"): modifier as most often written and
    the head most of them say, plural ("mechanical issues"); "" when none is said that
    widely. An adjective modifier covers every statement saying it, with its head or
    without ("a mechanical"); a noun modifier only those writing it before a head, and
    must be one a theme can own (no person or generic word:
    :func:`voc.themes.owned.owned`)."""
    uniq = distinct(texts)
    if not uniq:
        return ""
    names = proper_names(uniq) | handles(uniq)
    said: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    heads: dict[str, Counter[str]] = {}
    for text in uniq:
        words = tokens(text)
        seen: set[str] = set()
        for mod, head in zip(words, words[1:], strict=False):
            h = lemma(head)
            if h not in HEADS or not _modifier(mod, names, common):
                continue
            key = lemma(mod)
            shown.setdefault(key, Counter())[mod] += 1
            heads.setdefault(key, Counter())[h] += 1
            if key not in seen:
                seen.add(key)
                said[key] += 1
    lemmas = [{lemma(w) for w in tokens(t)} for t in uniq]
    found: list[tuple[int, int, str]] = []
    for key, n in said.items():
        word = surface(shown[key])
        noun = lexicon_tag(word).startswith("NN")
        if n < least or noun and not owned(word, uniq):
            continue
        # an adjective said without its head names the same kind ("delayed by a
        # mechanical", "mechanical failure"); a noun alone is only a topic ("phone")
        cover = n if noun else sum(key in ls for ls in lemmas)
        if cover >= share * len(uniq):
            found.append((-cover, -n, key))
    if not found:
        return ""
    key = min(found)[2]
    return f"{surface(shown[key])} {HEADS[surface(heads[key])]}"
