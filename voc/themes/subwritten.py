"""Sub-theme names their own statements write, or no sub-theme.

A sub-theme is a part of its theme, and its name tells a reader what that part's
statements say that the rest of the theme does not. Drafted sub-theme names summarise
("no bags", "info lost", "loan charged", "debt cancellation") more often than they quote.
Once the parent's name is final, every sub-theme name is checked (:func:`passes`):

- **written** (:func:`written_by`): at least :func:`least` of the sub-theme's distinct
  statements (a tenth, at least two: the theme chain's attestation share,
  :data:`voc.themes.pairs.MIN_SHARE`; a letter sent twice counts once) say it as written,
  subject and problem side by side in one clause
  (:func:`voc.themes.written.written_support`; a name with no problem word, its content
  words in its order: :func:`in_order`; a question, its content words), and as many say
  each of its content words; a "parent: qualifier" name when half of them say the
  qualifier (:data:`QUALIFIER_SAID`) and a tenth write the parent's name;
- **its own** (:func:`own_words`, :func:`reworded`): it says a word its parent's name
  lacks beyond a negation, a "problems" word, a stop word or a time unit ("no luggage",
  "hour delay" say "luggage lost", "flight delayed" again), not only in near-synonyms
  of the parent's words in the run's model ("luggage lost: baggage"); no larger sibling
  has its name, it is not left open ("information blocked in") and it is no cut question
  (:func:`voc.themes.wellformed.well_formed`: "long do bank transfers", "what atms can i
  accept");
- **set apart** (:func:`set_apart`): its statements write it at least :data:`LIFT`
  times as often (as a share) as the rest of its theme does (the class-based contrast
  its key phrases are chosen by).

A name that fails gives way to the problem phrase its statements write that passes
(written by :data:`MIN_FOUND` of them at least), the most written first, weighted by how
distinctive its words are among the sub-theme's key phrases: the question they ask, as a
theme of questions is named (:func:`voc.themes.asked.question_name`), the theme chain's
problem phrases (:func:`voc.themes.said.phrases_said`) and the span most write
(:func:`voc.themes.problemspans.said_span`), each naming a thing. With none, the
sub-theme is folded into its theme's remainder ("other, in no sub-theme").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from voc.cosine import unit
from voc.themes.asked import question_name
from voc.themes.aswritten import stands_written, written_form
from voc.themes.bestsaid import distinctness
from voc.themes.durations import UNITS
from voc.themes.evidence import junk_phrase, norm_word, said_by, said_words
from voc.themes.idioms import idiomatic
from voc.themes.lemmas import STOPWORDS
from voc.themes.mixed import is_mixed
from voc.themes.pairs import need
from voc.themes.particles import PARTICLES, ends_open, with_particle
from voc.themes.pos import lexicon_tag, past_participle
from voc.themes.problemspans import said_span
from voc.themes.qualify import name_key
from voc.themes.question import QWORDS
from voc.themes.quotes import gist, near_copy
from voc.themes.said import key, phrases_said, wrong_words
from voc.themes.wellformed import aux_at, well_formed
from voc.themes.wording import TIME_WORDS
from voc.themes.written import clauses, written_support

if TYPE_CHECKING:
    from voc.themes.table import SubTheme

_WORD = re.compile(r"[a-z][a-z'’\-]*|\d+")
#: Lemmas that say only that something is wrong: "card problems" under "haven't
#: received card" names nothing its parent does not (also :mod:`voc.themes.drafts`').
FILLER = frozenset({"problem", "issue", "complaint", "trouble"})
#: Share of a sub-theme's distinct statements that must write its name: a tenth, as a
#: theme's (:data:`voc.themes.pairs.MIN_SHARE`). A fifth folded readable parts ("can't
#: log in", written by 4 of 22 CFPB statements; "unauthorized inquiries", 3 of 19).
WRITTEN_SHARE = 0.1
#: Share of a sub-theme's distinct statements that must say a "parent: qualifier" name's
#: qualifier: most of them, or the word names a corner of the part, not the part.
QUALIFIER_SAID = 0.5
#: How many times as often (a share of statements) a sub-theme's statements must write its
#: name as the rest of its theme does.
LIFT = 2.0
#: Fewest distinct statements that must write a phrase found to replace a sub-theme's
#: drafted name: two may tell one story ("freezing bus" over statements of cold planes).
MIN_FOUND = 3
#: Candidate problem phrases weighed per sub-theme (the most said first).
CANDIDATES = 40
#: Longest sub-theme name, in words.
MAX_WORDS = 5


#: Words from which a statement is a letter: one sent twice, a word or date changed,
#: counts once (short statements said alike by many customers count each).
LETTER_WORDS = 25


def _distinct(texts: Sequence[str]) -> list[str]:
    """``texts`` without repeats: one of each near-copy of a letter (the same letter sent
    twice with another date: :func:`voc.themes.quotes.near_copy`) counts once."""
    out: list[str] = []
    gists: list[frozenset[str]] = []
    for t in dict.fromkeys(t.strip().lower() for t in texts):
        if len(t.split()) < LETTER_WORDS:
            out.append(t)
            continue
        g = gist(t)
        if not any(near_copy(g, h) for h in gists):
            out.append(t)
            gists.append(g)
    return out


def name_words(phrase: str) -> set[str]:
    """The words of ``phrase`` as :func:`voc.themes.evidence.norm_word` compares them."""
    return {norm_word(w) for w in _WORD.findall(phrase.lower())}


def written_count(name: str, texts: Sequence[str]) -> int:
    """How many distinct ``texts`` write ``name`` (see the module doc); a
    "parent: qualifier" name counts the statements saying its qualifier, or 0 when its
    parent's part is not written by :func:`need` of them."""
    uniq = _distinct(texts)
    if not uniq or not name.strip():
        return 0
    head, colon, qualifier = name.partition(": ")
    if colon:
        if _written(head, uniq) < need(len(uniq)):
            return 0
        return said_by(qualifier, [said_words(t) for t in uniq])
    return _written(name, uniq)


def _written(name: str, uniq: Sequence[str]) -> int:
    if asks(name):
        # a question is asked in many word orders ("how long will my card take"): its
        # content words said are what it takes
        return said_by(_content(name), [said_words(t) for t in uniq])
    n = written_support(name, uniq)
    return in_order(name, uniq) if n is None else n


def asks(name: str) -> bool:
    """Whether ``name`` is a question the statements ask ("how to verify identity")."""
    words = name.lower().split()
    return bool(words) and (words[0] in QWORDS or words[0] in ("can", "could"))


def _content(name: str) -> str:
    """``name`` without its stop words (a negation stays)."""
    return " ".join(w for w in name.split() if w.lower() not in STOPWORDS)


def in_order(name: str, texts: Sequence[str]) -> int:
    """How many ``texts`` write the content words of ``name`` in its order, one after
    the other in one clause (stop words between them aside): "unauthorized inquiries",
    but not "victim theft" from "victim of identity theft"."""
    want = [norm_word(w) for w in name.lower().split() if w not in STOPWORDS]
    if not want:
        return 0
    n = 0
    for text in texts:
        for words, _keys in clauses(text):
            seq = [norm_word(w) for w in words if w not in STOPWORDS]
            if any(seq[i : i + len(want)] == want for i in range(len(seq) - len(want) + 1)):
                n += 1
                break
    return n


def least(n: int) -> int:
    """Distinct statements of a sub-theme of ``n`` that must write its name:
    :data:`WRITTEN_SHARE` of them at least, and at least two."""
    return max(2, math.ceil(WRITTEN_SHARE * n - 1e-9))


def written_by(name: str, texts: Sequence[str]) -> bool:
    """Whether the distinct ``texts`` write ``name``: :func:`least` of them as written, or
    for a "parent: qualifier" name :data:`QUALIFIER_SAID` of them its qualifier."""
    uniq = _distinct(texts)
    if not uniq:
        return False
    if ": " in name:
        return written_count(name, uniq) >= max(2.0, QUALIFIER_SAID * len(uniq))
    # every content word said too: written_support takes one noun of several ("stuck
    # in airplanes bathroom" from statements saying "stuck in the airplane") and a
    # problem word's kin ("check confused" from "unclear checks")
    n = least(len(uniq))
    said = said_by(_content(name), [said_words(t) for t in uniq])
    return written_count(name, uniq) >= n and said >= n


def names_thing(name: str) -> bool:
    """Whether ``name`` says what its problem is about: a noun that is no problem word
    ("no hotel", "stuck on plane"; not "haven't left")."""
    wrong = wrong_words()
    return any(lexicon_tag(w).startswith("NN") and w not in wrong and key(w) not in wrong
               and w not in STOPWORDS for w in name.lower().split())


def own_words(name: str, parent: str) -> bool:
    """Whether ``name`` says a word ``parent`` lacks beyond a negation, a :data:`FILLER`
    word, a stop word or a time unit ("no luggage" under "luggage lost" does not, nor
    "hour delay" under "flight delayed", nor
    "bag problems" under "bag lost"), or ``parent`` is only "X problems" or mixed and
    ``name`` says a word it lacks ("no seat" under "seat issues")."""
    own = name_words(parent)
    added = name_words(name) - own - FILLER - STOPWORDS
    # a time unit says how long, not what sets the part apart ("hour delay" under
    # "flight delayed")
    new = added - {"not"} - set(UNITS) - TIME_WORDS
    if new:
        return True
    return bool(added) and bool(own & FILLER or is_mixed(parent))


Encode = Callable[[list[str]], np.ndarray]
#: Two words this cosine-similar in the run's embedding model name one thing in other
#: words: in MiniLM "luggage" / "baggage" 0.87. Stricter than the theme merge's
#: near-synonyms (:data:`voc.themes.synonyms.SYNONYM_SIMILARITY`, 0.7), since a part is
#: rightly named by a narrower word: "stuck on plane" under "flight stuck" ("plane" /
#: "flight" 0.73), "suitcase" under "luggage" (0.77), "stroller" under "bag" (0.35).
SYNONYM_SIMILARITY = 0.8


class WordSimilarity:
    """Cosine similarity of two words in ``encode``'s space, each word encoded once."""

    def __init__(self, encode: Encode) -> None:
        self.encode = encode
        self._vecs: dict[str, np.ndarray] = {}

    def __call__(self, a: str, b: str) -> float:
        missing = list(dict.fromkeys(w for w in (a, b) if w not in self._vecs))
        if missing:
            vecs = unit(np.asarray(self.encode(missing), dtype=np.float32))
            self._vecs.update(zip(missing, vecs, strict=True))
        return float(self._vecs[a] @ self._vecs[b])


def reworded(name: str, parent: str, similar: Callable[[str, str], float] | None) -> bool:
    """Whether every word ``name`` adds to ``parent`` (beyond a negation, a :data:`FILLER`
    word and stop words) is a near-synonym of one of the
    parent's content words (:data:`SYNONYM_SIMILARITY` in ``similar``): "suitcase lost" or
    "luggage lost: baggage" under "luggage lost" say the parent again."""
    if similar is None:
        return False
    own = [w for w in name_words(parent) if w not in STOPWORDS and w != "not"]
    new = sorted(name_words(name) - set(own) - FILLER - {"not"} - STOPWORDS)
    return bool(new) and bool(own) and all(
        any(similar(w, o) >= SYNONYM_SIMILARITY for o in own) for w in new)


def set_apart(name: str, texts: Sequence[str], rest: Sequence[str]) -> bool:
    """Whether ``texts`` write ``name`` :data:`LIFT` times as often as ``rest`` does
    (counting at most the statements that say each of its content words: "can't book" does
    not write "can't book by phone")."""
    uniq, others = _distinct(texts), _distinct(rest)
    if not others:
        return True
    return _strict(name, uniq) / len(uniq) >= LIFT * _strict(name, others) / len(others)


def _strict(name: str, uniq: Sequence[str]) -> int:
    """Statements writing ``name``, at most as many as say each of its content words."""
    if ": " in name:
        return written_count(name, uniq)
    return min(written_count(name, uniq), said_by(_content(name), [said_words(t) for t in uniq]))


#: Words before a phrasal verb whose particle may end a name ("can't log in").
_LEADS = frozenset({"can't", "cannot", "couldn't", "won't", "didn't", "don't", "doesn't",
                    "unable", "to"})


def _open(name: str) -> bool:
    """Whether ``name`` is left open by its last word ("information blocked in"), unless
    that is the particle of a verb after a negation ("can't log in") or the verb of a
    question with an auxiliary ("how long do transfers take")."""
    words = name.lower().split()
    if not ends_open(words):
        return False
    if asks(name) and aux_at(words) >= 0 and lexicon_tag(words[-1]) == "VB":
        return False  # a question its verb closes: "how long do transfers take"
    return not (len(words) >= 3 and words[-1] in PARTICLES and words[-3] in _LEADS)


def passes(
    name: str, parent: str, texts: Sequence[str], rest: Sequence[str],
    taken: Collection[tuple[str, ...]] = (),
    similar: Callable[[str, str], float] | None = None,
) -> bool:
    """Whether ``name`` may name a sub-theme of ``parent`` whose statements are ``texts``
    (``rest``: the theme's other statements; ``taken``: the :func:`name_key` of its larger
    siblings' names; ``similar``: word similarity in the run's model, see
    :func:`reworded`): written, its own, set apart (see the module doc)."""
    if not name or is_mixed(name) or name_key(name) in taken:
        return False
    if len(name.split()) > MAX_WORDS or name_key(name) == name_key(parent) or _open(name):
        return False
    if not well_formed(name, texts):  # a cut question: "long do bank transfers"
        return False
    return (own_words(name, parent) and written_by(name, texts)
            and stands_written(name, texts)  # its words in forms and order written
            and set_apart(name, texts, rest) and not reworded(name, parent, similar))


def candidates(texts: Sequence[str], phrases: Sequence[str]) -> list[str]:
    """Problem phrases ``texts`` write, best first: the question they ask
    (:func:`voc.themes.asked.question_name`), the theme chain's
    (:func:`voc.themes.said.phrases_said`) and the short span most write
    (:func:`voc.themes.problemspans.said_span`), each as written (with its particle:
    :func:`voc.themes.particles.with_particle`), none a code, an idiom or too long."""
    uniq = list(dict.fromkeys(texts))
    found = [s.text for s in phrases_said(uniq, phrases)[:CANDIDATES]]
    span = said_span(uniq, phrases)
    out: list[str] = []
    said = Counter(w for t in uniq for w in _WORD.findall(t.lower()))
    # a part of questions is named by what it asks, as a theme of them is
    asked = question_name(uniq)
    for c in [asked, *found, span]:
        c = with_particle(inflected(c, said), uniq) if c else c
        if c and c not in out and len(c.split()) <= MAX_WORDS and not idiomatic(c) \
                and names_thing(c) and not junk_phrase(c, uniq):
            out.append(c)
    return out


def inflected(phrase: str, said: Mapping[str, int]) -> str:
    """``phrase`` with a bare verb after "never" in the past form the statements write
    more ("bill never receive" → "bill never received"); else as it is."""
    words = phrase.split()
    for i in range(1, len(words)):
        w = words[i].lower()
        if words[i - 1].lower() == "never" and lexicon_tag(w) == "VB":
            past = past_participle(w, said)
            if past and said.get(past, 0) > said.get(w, 0):
                words[i] = past
    return " ".join(words)


def written_name(
    name: str, parent: str, texts: Sequence[str], rest: Sequence[str],
    phrases: Sequence[str] = (), taken: Collection[tuple[str, ...]] = (),
    similar: Callable[[str, str], float] | None = None,
) -> str:
    """``name`` when it :func:`passes`, else the candidate phrase that does and most of
    ``texts`` write, weighted by its words' rank among the sub-theme's key ``phrases``
    (:func:`voc.themes.bestsaid.distinctness`), else "" (fold the sub-theme)."""
    if passes(name, parent, texts, rest, taken, similar):
        return name
    uniq = _distinct(texts)
    scored: list[tuple[float, int, str]] = []
    # the name reworded as its statements write it ("missed payment") is a candidate too
    for c in [written_form(name, texts), *candidates(texts, phrases)]:
        if passes(c, parent, texts, rest, taken, similar) and written_count(c, uniq) >= MIN_FOUND:
            score = written_count(c, uniq) * distinctness(c.lower(), phrases)
            scored.append((-score, len(c.split()), c))
    return min(scored)[2] if scored else ""


def written_subthemes(
    subs: Sequence[SubTheme], sub: np.ndarray, texts: Sequence[str], parent: str,
    similar: Callable[[str, str], float] | None = None,
) -> list[SubTheme]:
    """``subs`` (of one theme of ``texts``, labelled by ``sub``) named by what their
    statements write, the largest first (:func:`written_name`: a name that is not
    written, says ``parent`` again or a larger sibling's name, or is written as much by
    the rest of the theme gives way to a phrase that passes), in their order; those no
    name passes for are left out (folded into the theme's remainder by
    :func:`voc.themes.drafts.fold_unnamed`)."""
    labels = np.asarray(sub, dtype=int)
    taken: set[tuple[str, ...]] = set()
    kept: set[int] = set()
    for s in sorted(subs, key=lambda s: (-s.n_statements, s.label)):
        stx = [texts[j] for j in np.flatnonzero(labels == s.label)]
        rest = [texts[j] for j in np.flatnonzero(labels != s.label)]
        name = written_name(s.name, parent, stx, rest, [*s.key_phrases, *s.spare_phrases],
                            taken, similar)
        if name:
            s.name = name
            taken.add(name_key(name))
            kept.add(s.label)
    return [s for s in subs if s.label in kept]
