"""What share of a theme's statements say a subject, and the compound they write it in.

A theme headed for "mixed complaints" is named by its subjects only when most of its
statements say one of them (:func:`covered`), and a subject is shown as the noun-noun
compound its statements write ("student loan", "credit report": :func:`compound`), since
"loan" alone hides what the theme is about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from voc.themes.lemmas import lemma
from voc.themes.owned import handles
from voc.themes.pos import lexicon_tag
from voc.themes.wording import proper_names, surface, tokens

#: Share of the statements saying a subject that must write it in one noun-noun compound
#: for the compound to name it ("student loan", not "loan").
COMPOUND_SHARE = 0.5


def phrase_lemmas(phrase: str) -> set[str]:
    """The lemmas of the words of ``phrase``."""
    return {lemma(w) for w in phrase.lower().split()}


def covered(subjects: Sequence[str], texts: Sequence[str]) -> int:
    """How many ``texts`` say every word of one of ``subjects`` (by lemma)."""
    wants = [phrase_lemmas(s) for s in subjects]
    return sum(any(want <= {lemma(w) for w in tokens(t)} for want in wants) for t in texts)


def compound(noun: str, texts: Sequence[str],
             subject_word: Callable[[str, str, frozenset[str]], bool]) -> str:
    """``noun`` as the noun-noun compound (as written, one noun before or after it) that
    :data:`COMPOUND_SHARE` of the ``texts`` saying it write, two at least ("student
    loan", "credit report"), else ``noun`` itself. The other noun is one
    ``subject_word(lemma, word, names)`` accepts (no vague word, name or code)."""
    key = lemma(noun.lower())
    saying = [t for t in texts if key in {lemma(w) for w in tokens(t)}]
    names = proper_names(texts) | handles(texts)
    df: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], Counter[str]] = {}
    for text in saying:
        words = tokens(text)
        found = set()
        for a, b in zip(words, words[1:], strict=False):
            other = b if lemma(a) == key else a if lemma(b) == key else ""
            if other and lemma(other) != key and lexicon_tag(other).startswith("NN") \
                    and subject_word(lemma(other), other, names):
                pair = (lemma(a), lemma(b))
                found.add(pair)
                shown.setdefault(pair, Counter())[f"{a} {b}"] += 1
        df.update(found)
    best = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))
    if best and best[0][1] >= max(2, COMPOUND_SHARE * len(saying)):
        return surface(shown[best[0][0]])
    return noun
