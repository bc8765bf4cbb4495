"""Whether a word can be what a theme is about: a thing a product team owns.

A subject named from the words a theme's statements share ("delta problems", "svc
problems", "kids problems", "home problems", "mixed complaints about care and fleek")
reads as vague or broken when the word is another company or a place (written as an
@handle or a name), an abbreviation, a person the customer travels with, a generic word,
or a noun inside an idiom ("took care of us", "on fleek"). :func:`owned` says which words
can be a subject; :func:`idiom_nouns` which nouns a statement only says inside an idiom.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from voc.themes.lemmas import lemma
from voc.themes.pos import lexicon_tag
from voc.themes.wording import proper_names, tokens

#: People a customer is or travels with: who a complaint is about, not what.
PEOPLE = frozenset(
    {"kid", "kids", "child", "children", "baby", "babies", "wife", "husband", "son",
     "daughter", "family", "mom", "dad", "mother", "father", "friend", "friends", "people",
     "person", "guy", "guys", "man", "woman", "women", "men", "lady", "parent", "parents",
     "girlfriend", "boyfriend", "fiance", "fiancee", "sister", "brother", "grandma",
     "grandmother", "grandpa", "grandfather", "toddler", "infant", "lord", "god", "customer",
     "customers", "passenger", "passengers"}
)
#: Words too general to be a subject ("home problems": "get home tomorrow").
GENERIC = frozenset(
    {"home", "place", "life", "world", "side", "part", "end", "stuff", "thing", "things",
     "way", "lot", "reason", "situation", "experience", "matter", "today", "tomorrow",
     "tonight", "morning", "night", "weekend", "right", "help", "look", "company",
     "companies"}
)
#: Nouns said inside an idiom, with the words before them that make it one.
IDIOMS: dict[str, frozenset[str]] = {
    "care": frozenset({"take", "took", "taken", "taking", "takes"}),
    "fleek": frozenset({"on"}),
    "bird": frozenset({"early"}),
    "place": frozenset({"take", "took", "taken", "taking", "takes"}),
}
#: An unknown word this short is an abbreviation ("svc", "cust", "lga", "tkt").
ABBREVIATION = 4
_HANDLE = re.compile(r"@(\w+)")


def abbreviation(word: str) -> bool:
    """Whether ``word`` is a short word the tagger's lexicon does not know ("svc")."""
    w = word.lower()
    return len(w) <= ABBREVIATION and w.isalpha() and not lexicon_tag(w)


@lru_cache(maxsize=512)
def _handles(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(m.group(1).lower() for t in texts for m in _HANDLE.finditer(t))


def handles(texts: Sequence[str]) -> frozenset[str]:
    """Lowercase words ``texts`` write as an @handle ("@Delta" → "delta"): an account,
    so a company or a person."""
    return _handles(tuple(texts))


def owned(word: str, texts: Sequence[str]) -> bool:
    """Whether ``word`` (one word) can be what a theme of ``texts`` is about: not a
    person word, a generic word, an abbreviation, an @handle or a name they write."""
    w = word.lower()
    return not (
        w in PEOPLE or lemma(w) in PEOPLE or w in GENERIC or abbreviation(w)
        or w in handles(texts) or w in proper_names(texts)
    )


def idiom_nouns(text: str) -> frozenset[str]:
    """Words ``text`` says only inside an idiom ("Delta took care of us" → "care")."""
    words = tokens(text)
    inside = {w for prev, w in zip(words, words[1:], strict=False)
              if prev in IDIOMS.get(w, ())}
    outside = {w for i, w in enumerate(words)
               if w in IDIOMS and (i == 0 or words[i - 1] not in IDIOMS[w])}
    return frozenset(inside - outside)
