"""The evidence a reader sees beside a theme's name: key phrases and quotes.

Runs after every name is final (:func:`voc.themes.distinct.distinct_drafts`), because
what is worth showing depends on the name:

- **key phrases** that add nothing or mislead are dropped: a phrase whose words are all
  in the name ("flight", "cancelled" under "flight cancelled"), a phrase only one
  statement says, and a phrase holding a code a reader cannot use (:func:`code_like`:
  "ua", "pm", "dfw", "flt", XXXX, a number, a single letter);
- **quotes** are picked here, once, with the final name
  (:func:`voc.themes.quotes.representative`), so statements that say the theme's subject
  or problem come first; a theme none of whose statements says a word of its name is
  marked (``name_unsaid``), since no quote can show it;
- **sub-themes** named as their (final) parent get a phrase of their own or are folded
  into the theme's remainder, shown as "other" with its count.

Sub-themes' key phrases are filtered the same way, against the sub-theme's own name and
statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from voc.themes.lemmas import lemma
from voc.themes.particles import with_particle
from voc.themes.pos import lexicon_tag
from voc.themes.quotes import representative, says_name

if TYPE_CHECKING:
    from voc.themes.table import ThemeDraft

_WORD = re.compile(r"[a-z][a-z'’\-]*|\d+")
#: Abbreviations of chat and of travel that no reader wants as a key phrase.
ABBREVIATIONS = frozenset({
    "pm", "am", "hr", "hrs", "min", "mins", "sec", "secs", "flt", "ua", "aa", "dm", "rt",
    "pls", "plz", "thx", "u", "ur", "w", "b", "r", "n", "st", "nd", "rd", "th", "etc",
    "amp", "http", "https", "www", "com",
})
_NEGATIONS = frozenset({"not", "no", "never", "cannot", "nothing", "without", "unable"})
#: Share of a word's occurrences written in capitals (2-4 letters) that makes it a code.
CAPS_SHARE = 0.6


def norm_word(word: str) -> str:
    """Lemma of a word, every negation as "not" ("can't", "never" → "not")."""
    w = word.lower().replace("’", "'")
    if w in _NEGATIONS or w.endswith("n't"):
        return "not"
    return lemma(w)


def said_words(text: str) -> frozenset[str]:
    """The normalised words (:func:`norm_word`) of one statement."""
    return frozenset(norm_word(w) for w in _WORD.findall(text.lower()))


def said_by(phrase: str, said: Iterable[frozenset[str]]) -> int:
    """How many statements (their :func:`said_words`) say every word of ``phrase``."""
    want = {norm_word(w) for w in _WORD.findall(phrase.lower())}
    return sum(want <= s for s in said) if want else 0


@lru_cache(maxsize=8192)
def _known(word: str) -> str:
    return lexicon_tag(word) or ""


def code_like(word: str, texts: Sequence[str] = ()) -> bool:
    """True for a token a reader sees as a code, not a word: an abbreviation
    (:data:`ABBREVIATIONS`), a number, a single letter, a redaction mark (XXXX), a word no
    dictionary knows without a vowel ("dfw", "jfk"), or a short word the ``texts`` mostly
    write in capitals that the dictionary does not know as a common noun ("PHL", "TSA";
    "ATM" stays)."""
    w = word.lower().strip(".,;:!?'\"()")
    if len(w) < 2 or w in ABBREVIATIONS or "xx" in w or any(c.isdigit() for c in w):
        return True
    if w.startswith(("@", "#", "http", "www.")):
        return True
    tag = _known(w)
    if not tag and not re.search(r"[aeiouy]", w):
        return True
    if len(w) > 4 or tag.startswith("NN") and not tag.startswith("NNP") or not texts:
        return False
    pattern = re.compile(rf"(?<![\w@#]){re.escape(w)}(?!\w)", re.IGNORECASE)
    hits = [m.group(0) for t in texts for m in pattern.finditer(t)]
    caps = sum(h.isupper() for h in hits)
    return bool(hits) and caps >= CAPS_SHARE * len(hits)


def junk_phrase(phrase: str, texts: Sequence[str] = ()) -> bool:
    """True when any word of ``phrase`` is :func:`code_like`."""
    return any(code_like(w, texts) for w in phrase.split())


def shown_phrases(phrases: Sequence[str], name: str, texts: Sequence[str]) -> list[str]:
    """The key phrases worth showing beside ``name`` (see the module docstring)."""
    own = {norm_word(w) for w in _WORD.findall(name.lower())}
    said = [said_words(t) for t in dict.fromkeys(t.strip().lower() for t in texts)]
    out: list[str] = []
    for p in phrases:
        words = {norm_word(w) for w in _WORD.findall(p.lower())}
        if not words or words <= own or junk_phrase(p, texts) or said_by(p, said) < 2:
            continue
        out.append(p)
    return out


def _settle_subthemes(
    d: ThemeDraft, tx: Sequence[str], common: Collection[str] = frozenset(),
    similar: Callable[[str, str], float] | None = None,
) -> None:
    """Sub-themes of ``d`` told apart from its final name, in place: one named as the
    parent gets the parent's name with a phrase of its own
    (:func:`voc.themes.drafts.sub_name`) or, without one, is folded into the theme's
    remainder (:func:`voc.themes.drafts.fold_unnamed`)."""
    from voc.themes.drafts import fold_unnamed, named_apart, sub_name
    from voc.themes.subwritten import written_subthemes

    sub = np.asarray(d.sub_labels, dtype=int)
    head = d.name.split(":", 1)[0].strip()  # "flight delayed: home" → "flight delayed"
    for s in d.subthemes:
        stx = [tx[j] for j in np.flatnonzero(sub == s.label)]
        if not named_apart(s.name, d.name):
            rest = [tx[j] for j in np.flatnonzero(sub != s.label)]
            s.name = sub_name(head, s.name, [*s.key_phrases, *s.spare_phrases], stx, rest)
        s.name = with_particle(unglued(s.name, stx), stx)
    d.subthemes = written_subthemes(d.subthemes, sub, tx, d.name, similar)
    d.sub_labels, d.subthemes = fold_unnamed(
        sub, d.subthemes, d.name, siblings=True, texts=tx, common=common)


#: Share of a sub-theme's distinct statements that must say a qualifier no phrase of theirs
#: works in for "name: qualifier" to stay: half. Fewer, and the word sets the part apart
#: from nothing a reader sees ("stuck hours: middle" from 2 of 13, "bad staff: agent" from
#: 4 of 23); the part is folded back into its theme.
QUALIFIER_SAID = 0.5


def unglued(name: str, texts: Sequence[str]) -> str:
    """A sub-theme's "name: qualifier" (as told apart from a sibling or its parent) worked
    into the phrase its ``texts`` write (:func:`voc.themes.subphrase.worked_in`: "stuck on
    plane: gate" → "stuck on plane at gate"); the name before the colon when too few of
    them say the qualifier (:data:`voc.themes.drafts.QUALIFIER_SHARE`: a stray word sets
    the part apart from nothing, so it is folded); else as it is."""
    from voc.themes.mixed import is_mixed
    from voc.themes.subphrase import worked_in

    head, colon, qualifier = name.partition(": ")
    if not colon or is_mixed(name) or not qualifier.strip():
        return name
    worked = worked_in(head, qualifier, texts)
    if worked:
        return worked
    said = [said_words(t) for t in dict.fromkeys(t.strip().lower() for t in texts)]
    return head if said_by(qualifier, said) < QUALIFIER_SAID * len(said) else name


def finish_evidence(
    drafts: list[ThemeDraft],
    vectors: np.ndarray,
    texts: Sequence[str],
    ids: Sequence[str],
    n_quotes: int = 4,
    encode: Callable[[list[str]], np.ndarray] | None = None,
) -> None:
    """Final key phrases and quotes of every draft and sub-theme, in place.

    ``vectors``, ``texts`` and ``ids`` are the friction statements' (what
    ``statement_idx`` indexes); ``encode`` (the run's embedding model) tells a sub-theme
    name that says its parent's in near-synonyms (:func:`voc.themes.subwritten.reworded`).
    """
    from voc.themes.distinct import common_lemmas
    from voc.themes.drafts import SUB_COMMON_SHARE
    from voc.themes.subwritten import WordSimilarity

    # the run's domain words, as the drafts weighed them (:func:`build_drafts`)
    common = common_lemmas([str(texts[int(j)]) for d in drafts if d.label >= 0
                            for j in d.statement_idx], SUB_COMMON_SHARE)
    similar = WordSimilarity(encode) if encode is not None else None
    for d in drafts:
        g = np.asarray(d.statement_idx, dtype=int)
        tx = [str(texts[int(j)]) for j in g]
        if len(g):
            name = "" if d.label < 0 else d.name
            q = representative(vectors[g], tx, k=n_quotes, name=name)
            d.quote_rows = q
            d.quote_ids = [str(ids[int(g[i])]) for i in q]
            d.name_unsaid = not says_name(name, tx)
        if d.label >= 0:
            n = len(d.key_phrases)
            d.key_phrases = shown_phrases([*d.key_phrases, *d.spare_phrases], d.name, tx)[:n]
        if d.sub_labels is None or not d.subthemes:
            continue
        _settle_subthemes(d, tx, common, similar)
        sub = np.asarray(d.sub_labels, dtype=int)
        for s in d.subthemes:
            stx = [tx[j] for j in np.flatnonzero(sub == s.label)]
            n = len(s.key_phrases)
            s.key_phrases = shown_phrases([*s.key_phrases, *s.spare_phrases], s.name, stx)[:n]
