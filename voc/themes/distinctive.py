"""Names said with the word that tells a theme from its neighbours.

Two cases where the name's own words lose the theme's distinctive key phrase
(:mod:`voc.themes.keyrank`):

- a subject that says its own problem ("wrong pin") whose problem word is in none of the
  first key phrases, where a predicate one holds is said of its noun ("pin blocked",
  :func:`distinct_problem`);
- a first key phrase that is a verb most statements say ("stolen", said by 54 of 57)
  but no problem word, so the name takes another predicate ("card lost", then the
  unwritten "card fraud"): the verb with the noun it is said of ("card stolen",
  :func:`distinct_verb`).
"""

from __future__ import annotations

from collections.abc import Sequence

from voc.themes.bestpred import best_predicate, compose
from voc.themes.keyrank import DISTINCT_SUPPORT, DISTINCT_TOP, key_rank, phrase_lemmas
from voc.themes.lemmas import lemma
from voc.themes.pos import lexicon_tag
from voc.themes.predicate import Predicate, is_problem
from voc.themes.requests import ask_share
from voc.themes.subjects import paired
from voc.themes.wording import lemma_key, lemmas_said


def distinct_problem(subject: str, phrases: Sequence[str], texts: Sequence[str]) -> str:
    """A subject that says its own problem ("wrong pin") named instead by its noun and
    the predicate a more distinctive key phrase holds ("pin blocked", where "unblock" and
    "blocked" tell the theme from its neighbours and "wrong" is in no first key phrase),
    when at least :data:`DISTINCT_SUPPORT` times as many statements say that predicate
    as say the subject; "" when the subject stays."""
    words = subject.split()
    wrong = [w for w in words if is_problem(w, cues=False)]
    rest = " ".join(w for w in words if w not in wrong)
    if not wrong or not rest or any(key_rank(lemma(w.lower()), phrases) < DISTINCT_TOP
                                    for w in wrong):
        return ""
    pred = best_predicate(rest, texts, distinct=phrases)
    if pred is None or key_rank(pred.head, phrases) >= DISTINCT_TOP:
        return ""
    want = phrase_lemmas(subject)
    n = sum(want <= lemmas_said(t) for t in dict.fromkeys(texts))
    return compose(rest, pred) if pred.support >= DISTINCT_SUPPORT * n else ""


def participle(word: str, phrases: Sequence[str]) -> bool:
    """Whether ``word`` is the first key phrase, a past participle alone ("stolen",
    "swallowed"): a state said of a noun, as a problem word is ("card stolen")."""
    return (bool(phrases) and lemma_key(phrases[0]) == lemma(word.lower())
            and lexicon_tag(word.lower()) in ("VBN", "VBD"))


#: Share of the statements that must say a first key phrase's verb for it to name them.
VERB_MAJORITY = 0.5


def distinct_verb(
    verb: str, pred: Predicate | None, phrases: Sequence[str], texts: Sequence[str]
) -> str:
    """The first key phrase ``verb`` (a :func:`participle`: "stolen") with the noun the
    statements say it of ("card stolen"), when at least :data:`VERB_MAJORITY` of them and
    more than say ``pred`` (the predicate the name would take otherwise) say the verb,
    ``pred`` does not hold it and fewer than that share ask a question; "" otherwise."""
    if pred is not None and lemma(verb.lower()) in phrase_lemmas(pred.surface):
        return ""
    n = _n_saying(verb, phrases, texts)
    if not n or (pred is not None and n <= pred.support):
        return ""
    return paired(verb, phrases, texts)


def _n_saying(verb: str, phrases: Sequence[str], texts: Sequence[str]) -> int:
    """How many distinct ``texts`` say ``verb`` when it is a :func:`participle` at least
    :data:`VERB_MAJORITY` of them say, and fewer than that share ask; 0 otherwise (most
    ask, "where are cards delivered?": the theme is named by what they ask)."""
    if not participle(verb, phrases) or ask_share(texts) >= VERB_MAJORITY:
        return 0
    uniq = list(dict.fromkeys(texts))
    n = sum(lemma(verb.lower()) in lemmas_said(t) for t in uniq)
    return n if n >= VERB_MAJORITY * len(uniq) else 0


def verb_named(name: str, phrases: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether ``name`` is a :func:`participle` most statements say with the noun they
    say it of (:func:`distinct_verb`'s name: "card stolen"), which no problem word of
    the cue file attests."""
    words = name.split()
    return bool(words) and _n_saying(words[-1], phrases, texts) > 0 \
        and paired(words[-1], phrases, texts) == name
