"""Names in the words, word forms and word order their statements write.

A name is drafted from lemmas: a key phrase's subject and a predicate's problem word
are joined by :func:`voc.themes.bestpred.compose` and checked by lemma
(:mod:`voc.themes.written`, :mod:`voc.themes.attest`). So a name can say a word in a form
no statement writes ("board disappeared" of "boarding pass disappeared", "report late" of
payments "reported late"), put a word where no statement puts it ("flight wrong" of "my
flight stuff wrong", "flight missing" of "miss my flight"), or glue words from different
places of a sentence ("gate not boarding", "no number" of "no answer on the 800 number").

:func:`written_as_is` counts the distinct statements that write a name as it stands: its
words in the forms written (case aside; a noun's plural for its singular; a negation as
its class: "can't" = "cannot" = "couldn't" = "unable", "not" = "never" = "didn't"), in
its order, in one clause (:func:`voc.themes.written.clauses`), with nothing but function
words (stop words, negations, numbers) between two of them, and an adjective ending it
not said of the noun after it ("the flight is the wrong day" writes no "flight wrong").
:func:`written_form` keeps a name :func:`least` statements write so, else puts its words
in the forms and order the most statements write them, when that many do ("missed
flight"), else returns "" so the caller's next candidate names the theme. Names that
summarise by design are not checked (:func:`checked`): questions, mixed names, "X and Y"
names, "parent: qualifier" names; a plain-headed name ("seat problems") has only its
subject checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import permutations

from voc.themes.evidence import norm_word
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.plain import PLAIN_HEADS
from voc.themes.pos import lexicon_tag
from voc.themes.predicate import ATTEMPT
from voc.themes.question import QWORDS
from voc.themes.written import _is_function, clauses

#: Fewest distinct statements that must write a name as it stands (all when fewer).
LEAST = 1
#: Names of more content words than this are not reordered (too many orders to try).
MAX_REORDER = 3
_CANT = frozenset({"can't", "cannot", "cant", "couldn't", "couldnt", "unable"})
#: Words a reworded name keeps between its own: articles, possessives, prepositions,
#: forms of "be" and "have" ("missed my flight", "stuck on the plane", "bag was lost").
BETWEEN = frozenset({
    "a", "an", "the", "my", "our", "your", "their", "his", "her", "its", "on", "in", "at",
    "to", "for", "of", "from", "with", "by", "is", "was", "were", "are", "be", "been",
    "being", "has", "have", "had",
})
_NEGATIONS = frozenset({"no", "not", "never", "can't", "cannot", "cant", "unable"})
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "en", "n")
_DETERMINERS = frozenset({"a", "an", "the", "my", "our", "your", "their", "his", "her", "its"})
#: Most words a reworded name keeps between its own.
MAX_BETWEEN = 2


def least(n: int) -> int:
    """Statements of ``n`` distinct ones that must write a name: :data:`LEAST`, or all."""
    return min(LEAST, n)


def _form(word: str) -> str:
    """The written form a name word matches: lowercase; a negation as its class ("can't"
    for "cannot", "couldn't", "unable"; "not" for "never", "didn't", "isn't"; "no")."""
    w = word.lower().replace("’", "'")
    if w in _CANT:
        return "can't"
    return "not" if w != "no" and norm_word(w) == "not" else w


def _same(name_word: str, written: str) -> bool:
    """Whether ``written`` is ``name_word`` as written: the same form, or a noun's
    plural of it or its singular ("flight" of "flights"); an attempt ("trying", "let")
    for "can't", as the predicate step reads "trying to cancel"."""
    a, b = _form(name_word), _form(written)
    if a == "can't" and lemma(b) in ATTEMPT:
        return True  # "trying to cancel" says "can't cancel" (voc.themes.predicate)
    return a == b or b in (a + "s", a + "es") or a in (b + "s", b + "es")


def content(name: str) -> list[str]:
    """The words of ``name`` that must be written in order: all but stop words (a
    negation stays)."""
    return [w for w in name.lower().split()
            if w not in STOPWORDS or norm_word(w) == "not" or w in ("no", "never")]


def checked(name: str) -> str:
    """The part of ``name`` the statements must write as is; "" for names that
    summarise by design (questions, mixed names, "X and Y", "parent: qualifier")."""
    words = name.lower().split()
    if not words or ":" in name or "and" in words or words[0] in QWORDS \
            or words[0] in ("how", "can", "could") or words[0] == "mixed":
        return ""
    if len(words) > 1 and words[-1] in PLAIN_HEADS:
        return " ".join(words[:-1])  # "seat problems": the statements write the seat
    return name


def _end(want: Sequence[str], words: Sequence[str], i: int,
         same: Callable[[str, str], bool], between: Callable[[int], bool]) -> int:
    """Where a match of ``want`` starting at ``words[i]`` ends (one past its last word):
    each word matched by ``same`` in order, only words ``between`` (by position) between;
    -1 when there is none or its last word is an adjective of the next noun
    (:func:`_modifies_next`)."""
    if not same(want[0], words[i]):
        return -1
    k, j = 1, i + 1
    while k < len(want) and j < len(words):
        if same(want[k], words[j]):
            k += 1
        elif not between(j):
            break
        j += 1
    return j if k == len(want) and not _modifies_next(words, j) else -1


def _writes(want: Sequence[str], words: Sequence[str], keys: Sequence[str]) -> bool:
    """Whether one clause (``words``, their ``keys``) writes ``want`` in its order with
    only function words between."""
    return any(_end(want, words, i, _same, lambda j: _is_function(words[j], keys[j])) >= 0
               for i in range(len(words)))


def _modifies_next(words: Sequence[str], j: int) -> bool:
    """Whether the adjective ending a match (at ``j - 1``) is said of the noun after it,
    not of the name's subject ("the flight is the wrong *day*" writes no "flight wrong")."""
    return j < len(words) and lexicon_tag(words[j - 1]).startswith("JJ") \
        and lexicon_tag(words[j]).startswith("NN") and words[j] not in STOPWORDS


def written_as_is(name: str, texts: Sequence[str]) -> int:
    """How many distinct ``texts`` write ``name`` as it stands (see the module doc)."""
    want = content(name)
    if not want:
        return 0
    return sum(
        any(_writes(want, words, keys) for words, keys in clauses(t))
        for t in dict.fromkeys(texts)
    )


def stands_written(name: str, texts: Sequence[str]) -> bool:
    """Whether :func:`least` of the distinct ``texts`` write ``name`` as it stands (a
    name not :func:`checked` always stands)."""
    part = checked(name)
    uniq = list(dict.fromkeys(texts))
    return not part or not uniq or written_as_is(part, uniq) >= least(len(uniq))


def inflected(name_word: str, written: str) -> bool:
    """Whether ``written`` is ``name_word`` in another form: the same lemma, or one is the
    other with an inflectional ending ("uncleared" of "unclear", "missed" of "miss",
    "boarding" of "board"; never "worst" of "wrong", "theft" of "the"); a negation
    matches only its own spellings ("can't" never stands for "didn't")."""
    a, b = _form(name_word), _form(written)
    if a == b:
        return True
    if a in _NEGATIONS or b in _NEGATIONS or norm_word(a) == "not" or norm_word(b) == "not":
        return False
    if norm_word(a) == norm_word(b):
        return True
    short, long_ = sorted((a, b), key=len)
    stems = {short, short + short[-1:]} | ({short[:-1]} if short.endswith("e") else set())
    return len(short) >= 3 and any(long_ == st + end for st in stems for end in _ENDINGS)


def _new_phrase(span: Sequence[str]) -> bool:
    """Whether ``span`` opens a new noun phrase after an adjective or adverb ("late *the*
    account" of "30 days late the account was closed"): its words are of two phrases."""
    return any(w in _DETERMINERS and lexicon_tag(prev)[:2] in ("JJ", "RB")
               for prev, w in zip(span, span[1:], strict=False))


def _spans(want: Sequence[str], texts: Sequence[str]) -> Counter[str]:
    """The spans one clause writes ``want``'s words in (matched by :func:`inflected`, in
    any order, only :data:`BETWEEN` words between), per distinct statement."""
    found: Counter[str] = Counter()
    for t in dict.fromkeys(texts):
        seen: set[str] = set()
        for words, _keys in clauses(t):
            for order in set(permutations(range(len(want)))):
                ordered = [want[o] for o in order]
                for i in range(len(words)):
                    j = _end(ordered, words, i, inflected,
                             lambda j, words=words: words[j] in BETWEEN)
                    if j < 0:
                        continue
                    span = list(words[i:j])
                    if span[-1] not in _NEGATIONS and len(span) <= len(want) + MAX_BETWEEN \
                            and not _new_phrase(span):
                        seen.add(" ".join(span))
        for s in seen:
            found[s] += 1
    return found


def written_form(name: str, texts: Sequence[str]) -> str:
    """``name`` when :func:`least` of the distinct ``texts`` write it as it stands (or it
    is not :func:`checked`); else the span the most of them write its words in, in the
    forms and order they write ("flight missing" → "missed my flight", "unclear check" →
    "uncleared check"), when that many do; else "" (the caller's next candidate)."""
    if stands_written(name, texts):
        return name
    part = checked(name)
    uniq = list(dict.fromkeys(texts))
    need = least(len(uniq))
    want = content(part)
    if not 1 < len(want) <= MAX_REORDER or len(want) != len(part.split()):
        return ""
    found = _spans(want, uniq)
    if not found:
        return ""
    best, n = min(found.items(), key=lambda kv: (-kv[1], len(kv[0].split()), kv[0]))
    if n < need:
        return ""
    return " ".join([best, *name.split()[len(part.split()):]])
