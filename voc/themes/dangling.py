"""Names that leave out what they are about: a verb without the thing it is done to
("can't change", "never received") or a preposition without its noun
("stuck in").

Blind readers reject such names as clipped: change what, received what, stuck where? A
verb of :data:`NEEDS_OBJECT` says what goes wrong only with its object ("can't change
flight", "never received letters"); verbs that say it alone ("never arrived", "crashes",
"can't log in", "can't withdraw") are not in it. :func:`dangles` tells a name that ends
on such a verb, or on a preposition that is no particle of the verb before it ("stuck
in", not "can't check in"). The phrase a name is drafted from then needs its object as
the statements write it: :mod:`voc.themes.said` counts "can't change flight" but not a
bare "can't change", so a name is completed only when enough statements write the object
(the share the step asks of any name) and otherwise gives way to the step's next
candidate. :func:`completed` does the same for a name already drafted: the object most
statements saying the verb write after it, when enough do and it is a thing a product
team owns (:func:`voc.themes.owned.owned`: "stuck in Chicago" names a place, not a
problem).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.owned import owned
from voc.themes.pos import PARTICLES, lexicon_tag

#: Verbs (lemmas) that name a problem only with what they are done to: "can't change"
#: (a flight? a seat? a fee?), "never received" (a letter? a refund?). Verbs whose object
#: the problem implies ("can't withdraw", "can't cancel", "can't pay") or that take none
#: ("never arrived", "doesn't work") are not here, nor "play": two blind readers preferred
#: "can't play" (songs, games) to the mixed name.
NEEDS_OBJECT = frozenset({
    "change", "receive", "send", "refuse", "eat", "use", "find", "buy", "accept",
    "reach", "access", "add", "remove", "provide", "honor", "honour", "deliver", "fix",
    "process", "return", "issue", "offer", "allow", "apply", "put", "bring", "answer",
    "update", "correct", "investigate", "resolve", "handle", "contact",
})
#: Words a question starts with: a question ending on a preposition is whole.
QUESTION_WORDS = frozenset({"how", "what", "where", "why", "when", "which", "who", "whom",
                            "is", "are", "can", "do", "does"})
#: Prepositions that leave a name open when nothing follows them.
PREPOSITIONS = frozenset({"in", "on", "at", "to", "for", "with", "from", "of", "into", "onto",
                          "about", "by", "after", "before", "without"})
#: Words between a verb and its object: determiners and possessives ("my flight").
_DETERMINERS = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their", "any",
                          "this", "that", "these", "those", "its", "some", "all", "new"})
#: Share of the statements that write a name's verb (or verb and preposition) that must
#: write one object after it, and fewest statements.
OBJECT_SHARE = 0.3
OBJECT_LEAST = 3
_WORD = re.compile(r"[a-z][a-z'\-]*|[^\sa-z]")


def _head(name: str) -> list[str]:
    """Words of ``name`` before a qualifier (":" tells twins apart)."""
    return name.split(":", 1)[0].lower().split()


def needs_object(word: str) -> bool:
    """Whether the verb ``word`` names a problem only with its object."""
    return lemma(word.lower()) in NEEDS_OBJECT


def open_preposition(words: Sequence[str]) -> bool:
    """Whether ``words`` end on a preposition that asks for a noun ("stuck in", "waiting
    for"), not the particle of a base-form verb before it ("can't log in", "can't check
    in"); "through", "out", "up" end phrasal verbs ("hasn't gone through")."""
    if len(words) < 2 or words[-1] not in PREPOSITIONS:
        return False
    before = words[-2]
    return not (words[-1] in PARTICLES and lexicon_tag(before) in ("VB", "VBP", "NN"))


def dangles(name: str) -> bool:
    """Whether ``name`` ends on a verb of :data:`NEEDS_OBJECT` or an open preposition
    (see the module doc): "can't change", "never received", "stuck in". A noun before
    the verb is what it is said of, or who did it: "card not received", "bank refused"
    are whole (two blind readers preferred "bank refused" to the mixed name)."""
    words = _head(name)
    if not words or words[0] in QUESTION_WORDS:
        return False  # "where do funds come from" asks a whole question
    if open_preposition(words):
        return True
    last = words[-1]
    if len(words) < 2 or not needs_object(last):
        return False
    # "can't change", "never received": nobody says of what; a noun before the verb is
    # what it is said of ("balance hasn't updated", "card not received") or who did it
    # ("bank refused"): the name is whole
    return next((k for k, w in enumerate(words) if w in _LEADS), -1) == 0


#: Words a verb follows in a name when it is one: a negation or a modal.
_LEADS = frozenset({"can't", "cannot", "couldn't", "won't", "didn't", "don't", "doesn't",
                    "haven't", "hasn't", "never", "not", "unable", "to", "wouldn't"})


def _object_after(toks: Sequence[str], j: int, texts: Sequence[str]) -> str:
    """The noun (one or two words) written from ``toks[j]`` on, past determiners; ""
    when none is, or it is no thing a theme can be about (a place, a person)."""
    while j < len(toks) and toks[j] in _DETERMINERS:
        j += 1
    run: list[str] = []
    while j < len(toks) and len(run) < 2 and toks[j].isalpha() and toks[j] not in STOPWORDS \
            and lexicon_tag(toks[j]).startswith(("NN", "JJ")):
        run.append(toks[j])
        j += 1
    while run and not lexicon_tag(run[-1]).startswith("NN"):
        run.pop()
    if not run or not all(owned(w, texts) for w in run):
        return ""
    return " ".join(run)


#: Words a verb's base form follows, where it is no noun ("can't change", "to change").
_BEFORE_VERB = _LEADS | {"can", "cant", "could", "will", "would", "i", "we", "you", "they",
                         "please", "and", "or", "me", "us", "let", "u", "pls"}


def _as_verb(toks: Sequence[str], i: int) -> bool:
    """Whether ``toks[i]`` is said as a verb: an inflected form ("changed", "sending"),
    or the base form after a negation, modal or pronoun; "the change fee" uses it as a
    noun."""
    tok = toks[i]
    if tok != lemma(tok) and not tok.endswith("s"):
        return True
    return i > 0 and toks[i - 1] in _BEFORE_VERB


def objects_written(name: str, texts: Sequence[str]) -> tuple[Counter[str], int]:
    """The objects ``texts`` write after ``name``'s last verb (or its verb and open
    preposition), one vote per distinct statement and keyed by lemma, and how many
    statements write the verb at all."""
    words = _head(name)
    prep = words[-1] if open_preposition(words) else ""
    verb = lemma(words[-2] if prep else words[-1])
    uniq = list(dict.fromkeys(texts))
    votes: Counter[str] = Counter()
    saying = 0
    for text in uniq:
        toks = _WORD.findall(text.lower().replace("’", "'"))
        said = False
        for i, tok in enumerate(toks):
            if lemma(tok) != verb or not _as_verb(toks, i):
                continue
            j = i + 1
            if prep:
                if j >= len(toks) or toks[j] != prep:
                    continue
                j += 1
            said = True
            obj = _object_after(toks, j, uniq)
            if obj:
                votes[obj] += 1
                break
        saying += said
    return votes, saying


def completed(name: str, texts: Sequence[str]) -> str:
    """``name`` with the object most of its statements write after its verb or
    preposition ("can't change flight"), when :data:`OBJECT_SHARE` of those that write
    the verb (and :data:`OBJECT_LEAST`) write that object; "" otherwise."""
    votes, saying = objects_written(name, texts)
    if not votes:
        return ""
    by_key: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for obj, n in votes.items():
        k = " ".join(lemma(w) for w in obj.split())
        by_key[k] += n
        shown.setdefault(k, Counter())[obj] += n
    k, n = min(by_key.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < max(OBJECT_LEAST, OBJECT_SHARE * saying):
        return ""
    obj = min(shown[k].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    head, _, qualifier = name.partition(":")
    return f"{head.rstrip()} {obj}" + (f":{qualifier}" if qualifier else "")
