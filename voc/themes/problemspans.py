"""What a theme's statements say is wrong, as short spans they write: names instead of an
unsaid "X problems".

When nothing names a theme, the chain falls back to a noun with a plain head ("phone
problems", "flight issues") that few or none of its statements write. :func:`said_span`
looks for a better name in the statements' own words: every short span of one clause
(:func:`voc.themes.written.clauses`) that holds a word of what is wrong (a problem or
judgement word, a negation, waiting) beside a thing or an action ("can't get boarding
pass", "stuck in airport", "no updates", "flight late"), keyed by the lemmas of its
content words, so "was stuck in the airport" and "stuck at airport" differ but "stuck in
the airports" counts with the first. A span is kept only when at least
:func:`voc.themes.pairs.need` distinct statements write it, the chain's attestation
threshold, and never one that leaves out what its verb is done to or where
("can't find", "stuck in": :mod:`voc.themes.dangling`); it scores by how many do,
weighted by how distinctive its words are among the theme's class-based TF-IDF key
phrases (:func:`voc.themes.bestsaid.distinctness`).
:func:`unsaid_head` tells a plain-head name its statements do not write.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from voc.themes.bestsaid import distinctness
from voc.themes.dangling import dangles
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pairs import need
from voc.themes.plain import PLAIN_HEADS
from voc.themes.pos import PARTICLES, glued, lexicon_tag
from voc.themes.said import LIGHT_WORDS, VAGUE_NOUNS, key, wrong_words
from voc.themes.wording import REDACTED, proper_names, surface
from voc.themes.written import clauses, written_support

__all__ = ["said_span", "unsaid_head"]

#: Content words a span may hold, at most (besides function words).
MAX_CONTENT = 3
#: Negations that may start a span ("no updates", "can't get boarding pass").
_LEADS = frozenset({"not", "can't", "no", "never"})
#: Prepositions that may start a span, before the word of what is wrong they take ("on
#: hold"); a span never starts with another ("in late flight").
_LEADING_PREPS = {"on": "hold"}
#: Words a span never crosses: pronouns, relative and question words, "please".
_BREAKS = frozenset({"i", "you", "we", "they", "he", "she", "it", "me", "us", "them", "him",
                     "which", "that", "who", "whom", "what", "please", "there", "this",
                     "these", "those"})
#: Problem words that mostly say something else ("close account", "charge account").
_NOT_WRONG = frozenset({"close", "charge", "down"})
#: Forms of "be" before what happened to a thing ("flight was cancelled").
_COPULA = frozenset({"was", "were", "is", "are", "be", "been", "being"})
#: Words a shown span holds, at most.
MAX_WORDS = 4
#: Words dropped from a shown span: determiners and possessives.
_DROPPED = frozenset({"the", "a", "an", "my", "our", "your", "his", "her", "their", "its"})
#: Weight of a span that says the unsaid name's subject.
SUBJECT_BONUS = 1.5
#: A longer span replaces the best one when at least this share as many say it.
LONGER_SHARE = 0.6


def unsaid_head(name: str, texts: Sequence[str]) -> bool:
    """Whether ``name`` ends in a plain head ("phone problems", "flight issues") that
    fewer than :func:`need` of the distinct ``texts`` write of its subject."""
    words = name.lower().split()
    if len(words) < 2 or words[-1] not in PLAIN_HEADS:
        return False
    uniq = list(dict.fromkeys(texts))
    said = written_support(name, uniq)
    return said is None or said < need(len(uniq))


def _content(word: str, key: str, wrong: frozenset[str], names: frozenset[str]) -> bool:
    """A thing or an action a problem is said of: a noun or verb that is no problem word,
    stop word, vague noun, name, redaction or glued token."""
    return (
        len(word) >= 3 and word.replace("-", "").replace("'", "").isalpha()
        and key not in wrong and word not in wrong and word not in STOPWORDS
        and key not in VAGUE_NOUNS and word not in VAGUE_NOUNS and word not in names
        and not REDACTED.fullmatch(word) and not glued(word)
        and lexicon_tag(word).startswith(("NN", "VB"))
    )


def _kinds(words: Sequence[str], wrong: frozenset[str], names: frozenset[str]) -> list[str]:
    """Each word's part in a span: "wrong" (what is wrong), "thing" (a noun or verb it is
    said of), "" (a function word), or "|" (a word no span crosses: a number, a pronoun,
    an adjective, an adverb or a name, which say something else)."""
    out: list[str] = []
    for i, w in enumerate(words):
        # by the word itself: "trying to" is an attempt here, not "can't"
        k = key(w, words[i - 1] if i else "")
        if w == "#" or glued(w) or REDACTED.fullmatch(w) or w in _BREAKS:
            out.append("|")
        elif k in _LEADS:
            out.append("wrong")
        elif w in STOPWORDS:
            out.append("")
        elif (k in wrong or w in wrong) and w not in _NOT_WRONG:
            out.append("wrong")
        elif w in LIGHT_WORDS or k in LIGHT_WORDS:
            out.append("")
        elif _content(w, k, wrong, names):
            out.append("thing")
        else:
            out.append("|")
    return out


def _readable(words: Sequence[str], kinds: Sequence[str]) -> bool:
    """Whether a span reads as a problem said of something: a noun among its things,
    unless a problem word (not a bare negation) says what happens to an action ("stop
    calling", not "don't send"); no problem noun straight after "was" ("loan was
    charge")."""
    nouns = [w for w, x in zip(words, kinds, strict=True)
             if x == "thing" and lexicon_tag(w).startswith("NN")]
    keys = [key(w, words[j - 1] if j else "") for j, w in enumerate(words)]
    wrong = [k for k, x in zip(keys, kinds, strict=True) if x == "wrong"]
    doing = [w for w, x in zip(words, kinds, strict=True) if x == "thing" and w.endswith("ing")]
    if not nouns and all(k in _LEADS for k in wrong) and not (
        "can't" in wrong and not any(w in _COPULA for w in words)
        or "never" in wrong and doing
    ):
        # "don't send", "can not be collected"; "can't get boarding pass", "never flying" read
        return False
    first = next((k for k, x in zip(keys, kinds, strict=True) if x), "")
    verbs = [w for w, x in zip(words, kinds, strict=True)
             if x == "thing" and lexicon_tag(w).startswith("VB")]
    if first == "not" and not verbs and not set(wrong) - _LEADS:
        return False  # "not credit card": "not" says nothing of a thing without a verb
    return not any(
        x == "wrong" and lexicon_tag(w).startswith("NN") and words[j - 1] in _COPULA
        for j, (w, x) in enumerate(zip(words, kinds, strict=True)) if j
    )


def _spans(text: str, wrong: frozenset[str], names: frozenset[str]) -> dict[str, str]:
    """Problem spans of one statement: key (content lemmas in order) → words as written."""
    out: dict[str, str] = {}
    for words, keys in clauses(text):
        kinds = _kinds(words, wrong, names)
        for i in range(len(words)):
            first = words[i]
            after = words[i + 1] if i + 1 < len(words) else ""
            if kinds[i] in ("|", "") and _LEADING_PREPS.get(first) != after:
                continue
            for j in range(i + 1, min(len(words), i + 7)):
                w, k = words[j], keys[j]
                part = kinds[i : j + 1]
                if part[-1] == "|" or sum(1 for x in part if x) > MAX_CONTENT + 1:
                    break
                if w in STOPWORDS and w not in PARTICLES or k in _LEADS:
                    continue  # never ends in a function word or a negation ("stuck in the")
                if "wrong" not in part or "thing" not in part:
                    continue
                span = [x for x in words[i : j + 1] if x not in _DROPPED]
                if not 2 <= len(span) <= MAX_WORDS or not _readable(words[i : j + 1], part) \
                        or dangles(" ".join(span)):
                    continue  # "can't find", "stuck in": what, where? (voc.themes.dangling)
                found = " ".join(kk for kk, x in zip(keys[i : j + 1], part, strict=True) if x)
                out.setdefault(found, " ".join(span))
    return out


def said_span(texts: Sequence[str], phrases: Sequence[str] = (), subject: str = "") -> str:
    """The problem span the most distinct ``texts`` write (at least :func:`need` of
    them), weighted by how distinctive its words are among the key ``phrases`` and by
    :data:`SUBJECT_BONUS` when it says a word of ``subject`` (the noun the unsaid name
    was about: "phone" of "phone problems"); a longer span holding it wins when
    :data:`LONGER_SHARE` as many say it ("can't get boarding pass" over "can't get
    boarding"); "" when no span is written by enough of them."""
    uniq = list(dict.fromkeys(texts))
    if not uniq:
        return ""
    least = need(len(uniq))
    wrong = wrong_words()
    names = proper_names(uniq)
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for text in uniq:
        for k, words in _spans(text, wrong, names).items():
            df[k] += 1
            shown.setdefault(k, Counter())[words] += 1
    kept = {k: n for k, n in df.items() if n >= least}
    if not kept:
        return ""

    about = {lemma(w) for w in subject.lower().split()}

    def score(k: str) -> tuple[float, int, str]:
        things = " ".join(w for w in k.split() if w not in wrong)
        bonus = SUBJECT_BONUS if about & set(k.split()) else 1.0
        return (-kept[k] * distinctness(things, phrases) * bonus, -k.count(" "), k)

    best = min(kept, key=score)
    longer = [k for k in kept if k != best and f" {best} " in f" {k} "
              and kept[k] >= LONGER_SHARE * kept[best]]
    if longer:
        best = min(longer, key=lambda k: (-kept[k], -k.count(" "), k))
    return _lemma_safe(surface(shown[best]))


def _lemma_safe(span: str) -> str:
    """The span with no word twice by lemma ("delay delayed" is never a name)."""
    out: list[str] = []
    seen: set[str] = set()
    for w in span.split():
        if lemma(w) in seen:
            continue
        seen.add(lemma(w))
        out.append(w)
    return " ".join(out)
