"""Whether a question-shaped name is a whole question, not a piece cut out of one.

A sub-theme name is drafted from key phrases and spans of its statements, and a cut can
leave a question without its question word ("long do bank transfers" of "how long do
bank transfers take"), without its verb ("how long will cash withdrawal"), or with the
asker put in as the verb's subject where the statements make the thing asked about its
subject ("what atms can i accept" of "which ATMs accept my card"). Such a name never
names (:func:`fragment`, :func:`verb_written`); the sub-theme takes the next candidate,
its own question by the theme question chain (:func:`voc.themes.asked.question_name`),
or folds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voc.themes.evidence import norm_word
from voc.themes.pos import lexicon_tag
from voc.themes.question import QWORDS

#: Auxiliaries after which a question needs a main verb ("how long does X take").
DO_MODALS = frozenset({"do", "does", "did", "will", "would", "can", "could", "should"})
#: Pronouns that stand as the asker after an auxiliary ("can i", "do you").
ASKERS = frozenset({"i", "you", "we", "they"})
#: Fewest statements that must write the asker with the verb ("i use" of "what atms
#: can i use").
ASKER_LEAST = 2
#: Words after "how" that ask an amount: "how long does payment take" is how most ask it
#: ("how long does it take for my payment to clear"), its subject and verb apart.
AMOUNTS = frozenset({"long", "much", "many"})
_WORD = re.compile(r"[a-z][a-z'’\-]*|\d+")


def aux_at(words: Sequence[str]) -> int:
    """Index of the first do-or-modal auxiliary of ``words`` after the first word (-1)."""
    return next((i for i, w in enumerate(words) if i > 0 and w in DO_MODALS), -1)


def fragment(name: str) -> bool:
    """Whether ``name`` is a question cut short: an auxiliary after an adjective or
    adverb that is no question word ("long do bank transfers": "how" cut off), or a
    do-or-modal question ending before its verb ("how long will cash withdrawal",
    "what atms can i"). Names that are no questions are not fragments here."""
    words = name.lower().replace("’", "'").split()
    k = aux_at(words)
    if k < 0 or ":" in name:
        return False
    if k == 1 and words[0] not in QWORDS and lexicon_tag(words[0])[:2] in ("JJ", "RB"):
        return True
    if not (words[0] in QWORDS or k == 1 and lexicon_tag(words[0])[:2] in ("JJ", "RB")):
        return False
    rest = words[k + 1:]
    if rest and rest[0] in ASKERS:
        return len(rest) < 2  # "how do i" without the verb asked about
    # a noun subject: the verb after it ends the question ("when will card arrive")
    return not rest or lexicon_tag(rest[-1]).startswith(("NN", "PRP"))


def verb_written(name: str, texts: Sequence[str]) -> bool:
    """Whether a question ``name`` with an auxiliary has its subject and verb written side
    by side (lemmas alike) by :data:`ASKER_LEAST` of ``texts``: the asker and the verb
    after it ("i use" of "what atms can i use"), else the last two words when a verb
    ends it ("money arrive" of "when will money arrive"; not in a "how long" question, see
    :data:`AMOUNTS`). "what atms can i accept"
    is not written where the statements ask which ATMs accept a card, nor "when will
    money take" where they ask how long it will take for money to arrive. True for
    every other name."""
    words = name.lower().replace("’", "'").split()
    k = aux_at(words)
    if k < 0 or words[0] not in QWORDS or len(words) < k + 3:
        return True
    if words[k + 1] in ASKERS:
        pair = [words[k + 1], words[k + 2]]
    elif lexicon_tag(words[-1]) == "VB" and words[1] not in AMOUNTS:
        pair = words[-2:]
    else:
        return True
    want = [norm_word(w) for w in pair]
    n = 0
    for t in texts:
        said = [norm_word(w) for w in _WORD.findall(t.lower().replace("’", "'"))]
        n += any(said[i:i + 2] == want for i in range(len(said) - 1))
        if n >= ASKER_LEAST:
            return True
    return False


def well_formed(name: str, texts: Sequence[str]) -> bool:
    """Whether ``name`` is no cut question (:func:`fragment`) and its subject is written
    with its verb (:func:`verb_written`)."""
    return not fragment(name) and verb_written(name, texts)
