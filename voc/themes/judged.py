"""A mixed theme named by the judgement a third of its statements make of one thing.

A theme whose statements share no subject may still share what they say is wrong: 20 of
52 airline tweets call someone "rude" ("rude employee", "your staff were rude", "the
agent behind the counter ... = rude!"), though they name staff, employees, agents and
attendants by turns, so no one noun covers half of them and the theme was named "mixed
complaints about staff and employees". The judgement and the thing it is most often
said of name it as a person would: "rude staff" (:func:`judged_name`).

The judgement is an adjective (a word of what is wrong the lexicon tags ``JJ``: "rude",
"dirty", "useless"), never a verb ("fail", "break"), whose sense shifts with what it is
said of; it is said by :data:`voc.themes.mixed.SAYING_SHARE` of the statements. The
thing is the noun it is said of in most of them, written right before it ("rude
employee", "rude and unhelpful staff") or as its subject ("staff were rude").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.owned import handles
from voc.themes.pos import lexicon_tag
from voc.themes.said import wrong_words
from voc.themes.wording import proper_names, surface, tokens

#: Words that may stand between a judgement and the noun after it ("rude and unhelpful
#: staff", "very rude gate agent"), or between a noun and its judgement ("staff were so
#: rude", "agents have been extremely rude").
_BETWEEN = frozenset(
    {"and", "very", "so", "really", "extremely", "most", "incredibly", "super", "is", "are",
     "was", "were", "be", "been", "being", "have", "has", "had", "just", "too", "quite"}
)
#: Words a judgement may skip before its noun or after it, at most.
_SPAN = 3
#: Statements that must say the judgement of one noun, at least (a third say the
#: judgement; the noun only tells of what).
LEAST = 2


def wrongs_said(texts: Sequence[str], least: float = 2) -> list[str]:
    """Words of what is wrong (problem or judgement words, no negation) ``least`` distinct
    statements say at least (two at least), the most said first, as most often written."""
    wrong = wrong_words() - {"not", "can't", "never", "no", "zero", "without", "unable"}
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for text in dict.fromkeys(texts):
        seen: set[str] = set()
        for w in tokens(text):
            k = lemma(w)
            if (k in wrong or w in wrong) and k not in seen and w.isalpha() and len(w) > 2 \
                    and w not in STOPWORDS and k not in STOPWORDS:
                seen.add(k)
                df[k] += 1
                shown.setdefault(k, Counter())[w] += 1
    ranked = sorted((kv for kv in df.items() if kv[1] >= max(2, least)),
                    key=lambda kv: (-kv[1], kv[0]))
    return [surface(shown[k]) for k, _ in ranked]


def judged_name(texts: Sequence[str], words: Sequence[str],
                subject_word: Callable[[str, str, frozenset[str]], bool],
                taken: Sequence[str] = ()) -> str:
    """"rude staff": the first of ``words`` (the words of what is wrong enough of the
    ``texts`` say, most said first) that is an adjective, with the noun it is said of in
    the most statements (:data:`LEAST` at least; one ``subject_word(lemma, word, names)``
    accepts: no vague word, name or code), as written most often; "" when none is, or
    the name is in ``taken``."""
    uniq = list(dict.fromkeys(texts))
    names = proper_names(uniq) | handles(uniq)
    taken_set = {t.lower() for t in taken}
    for word in words:
        if not lexicon_tag(word.lower()).startswith("JJ"):
            continue
        noun = _judged_noun(word.lower(), uniq, subject_word, names)
        if noun and f"{word} {noun}".lower() not in taken_set:
            return f"{word} {noun}"
    return ""


def _judged_noun(word: str, texts: Sequence[str],
                 subject_word: Callable[[str, str, frozenset[str]], bool],
                 names: frozenset[str]) -> str:
    """The noun ``texts`` say ``word`` of most often (see :func:`judged_name`), as most
    often written; "" when fewer than :data:`LEAST` statements say it of one noun."""
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for text in texts:
        words = tokens(text)
        found: dict[str, str] = {}
        for i, w in enumerate(words):
            if w != word:
                continue
            after = _next_noun(words[i + 1 : i + 2 + _SPAN])
            before = _next_noun(words[max(0, i - 1 - _SPAN) : i][::-1])
            for noun in (after, before):
                if noun and subject_word(lemma(noun), noun, names):
                    found.setdefault(lemma(noun), noun)
        for key, noun in found.items():
            df[key] += 1
            shown.setdefault(key, Counter())[noun] += 1
    best = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))
    if not best or best[0][1] < LEAST:
        return ""
    return surface(shown[best[0][0]])


def _next_noun(words: Sequence[str]) -> str:
    """The first word of ``words`` when it is a noun, or a noun reached over
    :data:`_BETWEEN` words and adjectives only; "" else."""
    for w in words:
        tag = lexicon_tag(w)
        if tag.startswith("NN"):
            return w
        if w not in _BETWEEN and not tag.startswith("JJ"):
            return ""
    return ""
