"""What goes wrong, in the theme's own words: problem predicates from verb phrases.

A theme's name is its subject plus a *problem predicate*: the verb phrase or adjective
its statements use to say what fails ("keeps disconnecting", "declined", "never
received", "confusing", "can't cancel"). Candidates come from the part-of-speech chunks
of :mod:`voc.themes.pos`; a verb phrase is a problem when it holds a word of the
friction cue file's problem groups (``labels/friction_cues.yaml``: "fail", "decline",
"disconnect", "confusing", ... as lemmas; evaluative groups such as "terrible" are not
problems) or is negated ("not sync", "never received", "can't cancel"). Predicates are
counted by their problem word, so "disconnected", "keeps disconnecting" and
"disconnects" vote together and the theme's most frequent wording is shown. Nothing is
made up: every word of a predicate is a word of the statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from voc.themes.lemmas import lemma
from voc.themes.pos import (
    AUX,
    NEGATIONS,
    Chunk,
    chunks,
    noun_core,
    verb_core,
)

if TYPE_CHECKING:
    from voc.classify.friction import FrictionDetector

#: Cue words too general to say what went wrong on their own ("again", "days").
_GENERAL = frozenset(
    {"again", "day", "week", "late", "keep", "time", "twice", "still", "so", "long", "too",
     "hard", "way", "let", "people", "try", "want", "find", "make", "say", "know", "idea",
     "understand", "sense", "tell", "figure", "work", "charge", "money", "back", "nothing",
     "happen", "show", "go", "come", "take", "get", "end", "pay", "refund", "fraud"}
)
#: Negated auxiliaries as people write them.
_CONTRACT = {
    "can": "can't", "ca": "can't", "could": "couldn't", "do": "don't", "does": "doesn't",
    "did": "didn't", "is": "isn't", "are": "aren't", "was": "wasn't", "were": "weren't",
    "will": "won't", "wo": "won't", "would": "wouldn't", "has": "hasn't", "have": "haven't",
}
#: Predicates saying the customer cannot do something name the action first
#: ("can't cancel subscription"), not the subject.
BLOCKED = ("can't", "couldn't", "cannot", "unable")


#: "stopped syncing", "stopped importing": stopping is failing, though no cue says it alone.
_ALSO = frozenset({"stop"})


@lru_cache(maxsize=1)
def problem_lemmas() -> frozenset[str]:
    """Lemmas of the one-word phrases of the default cue file's problem groups.

    Evaluative groups ("terrible") grade, they do not say what fails; words of longer
    phrases ("never credited", "referral bonus") are problems only in that phrase, and
    negation is recognised on its own.
    """
    from voc.labels import load_friction_cues

    out: set[str] = set(_ALSO)
    for g in load_friction_cues().groups:
        if g.evaluative:
            continue
        for phrase in g.phrases:
            w = phrase.lower()
            if " " in w or "'" in w or w in STOP_WORDS or not w.isalpha():
                continue
            lem = lemma(w)
            if lem not in _GENERAL and lem not in {"cant", "wont", "cannot", "unable"}:
                out.add(lem)
    return frozenset(out)


@lru_cache(maxsize=1)
def evaluative_lemmas() -> frozenset[str]:
    """Lemmas of the one-word phrases of the default cue file's evaluative groups
    ("terrible", "awful", "worst"): they judge a subject ("awful customer service")."""
    from voc.labels import load_friction_cues

    out: set[str] = set()
    for g in load_friction_cues().groups:
        if g.evaluative:
            out.update(
                lemma(p.lower()) for p in g.phrases
                if " " not in p and p.isalpha() and p.lower() not in STOP_WORDS
            )
    return frozenset(out - {"complaint", "problem", "issue"})


_NEG_WORDS = frozenset(
    {"not", "never", "no", "cannot", "can't", "cant", "couldn't", "doesn't", "doesnt",
     "didn't", "don't", "isn't", "wasn't", "won't", "wont", "hasn't", "haven't", "unable"}
)


@lru_cache(maxsize=1)
def cue_group_of() -> dict[str, str]:
    """Problem lemma → cue group id: the one-word phrases of problem groups, and the
    verbs of negated phrases ("doesn't explain", "wasn't sure" → confusion), so the many
    wordings of one kind of problem vote together."""
    from voc.labels import load_friction_cues

    out: dict[str, str] = {}
    probs = problem_lemmas()
    for g in load_friction_cues().groups:
        if g.evaluative:
            continue
        for phrase in g.phrases:
            words = phrase.lower().split()
            negated = any(w in _NEG_WORDS for w in words)
            for w in words:
                lem = lemma(w)
                if lem in _GENERAL and not negated or w in _NEG_WORDS or w in STOP_WORDS:
                    continue
                if (len(words) == 1 and lem in probs) or (negated and w.isalpha()):
                    out.setdefault(lem, g.id)
    return out


#: Verbs of trying or being made to do something: "trying to cancel", "forced to email",
#: "let me cancel" say the customer cannot do what follows.
ATTEMPT = frozenset({"try", "attempt", "want", "force", "let", "need"})
#: Verbs after which an adjective says what the subject is ("is confusing", "went wrong").
_COPULA = frozenset({"be", "seem", "look", "get", "go", "become", "feel", "remain", "stay",
                     "not", "still"})


@dataclass(frozen=True)
class Predicate:
    """One problem predicate of a statement: its vote key, wording and the object after it."""

    key: str
    surface: str
    obj: str = ""
    head: str = ""
    said: str = ""  # the literal words, when the surface rewrites them ("trying to cancel")
    #: the kind of problem is said by enough statements, its shown word by few of them
    weak: bool = False
    support: int = 0  # distinct statements saying this kind of problem


@lru_cache(maxsize=65536)
def predicates(text: str) -> tuple[Predicate, ...]:
    """Problem predicates of one statement, in order."""
    probs = problem_lemmas()
    chs = chunks(text)
    out: list[Predicate] = []
    for i, ch in enumerate(chs):
        if ch.kind == "ADJP":  # predicative: "is confusing", "wasn't sure", "went wrong"
            prev = chs[i - 1] if i else None
            if prev is None or prev.kind not in ("VP", "ADVP") or not (
                {lemma(w.lower()) for w in prev.words} & _COPULA
            ):
                continue
            words = [w.lower() for w in ch.words]
            neg = "not" in words or (i and "not" in (w.lower() for w in chs[i - 1].words))
            for w, tag in zip(ch.words, ch.tags, strict=True):
                lem = lemma(w.lower())
                if tag.startswith(("JJ", "VBN", "VBG")) and (
                    lem in probs or (neg and lem in cue_group_of())
                ):
                    surface = " ".join(words) if neg and "not" in words else w.lower()
                    out.append(Predicate(cue_group_of().get(lem, lem), surface, head=lem))
            continue
        if ch.kind != "VP":
            continue
        prev = chs[i - 1] if i else None
        if prev is not None and prev.words[-1].lower() in ("a", "an", "the"):
            continue  # a tagger slip: "a duplicate charge" is no verb
        core = verb_core(ch, chs[i + 1 :])
        if _object_read_as_verb(ch, core):
            continue
        verbs = [lem for lem, _, is_verb in core if is_verb]
        negation = next((lem for lem, _, is_verb in core if lem in NEGATIONS.values()), "")
        attempt = _attempted(chs, i, verbs)
        if attempt is not None:
            out.append(attempt)
            continue
        # "stop calling me", "stop yelling": a demand that something stop, not a failure
        # ("stopped syncing", "keeps stopping" are failures)
        hit = [lem for (lem, w, is_verb) in core
               if is_verb and lem in probs and not (lem == "stop" and w in ("stop", "stops"))]
        if not verbs or not (hit or negation):
            continue
        head = hit[-1] if hit else verbs[-1]
        group = cue_group_of().get(head)
        key = group if group else f"{'not ' if negation else ''}{head}"
        # the wording: negated auxiliary as written ("can't"), then the content verbs
        aux = [w.lower() for w in ch.words if w.lower() in _CONTRACT]
        if negation == "not":
            lead = [_CONTRACT[aux[-1]]] if aux else ["not"]
        else:
            lead = ["can't"] if negation == "cannot" else ([negation] if negation else [])
        # from the negation or the problem verb on: "you advertise never showed" → "showed"
        start = next(
            (k for k, (lem, _, _) in enumerate(core)
             if lem in NEGATIONS.values() or lem == head or lem in ("keep", "stop")),
            0,
        )
        body = [w for lem, w, _ in core[start:] if lem not in NEGATIONS.values()]
        while len(body) > 1 and body[-1] in ("again", "still", "anymore"):
            body.pop()  # "failed again" says no more than "failed"
        if not body:
            continue
        body = _passive_kept(body, [w.lower() for w in ch.words])
        surface = " ".join(lead + body)
        obj = ""
        rest = chs[i + 1 :]
        if rest and rest[0].kind == "ADVP" and all(w.lower() in NEGATIONS for w in rest[0].words):
            rest = rest[1:]
        if rest and rest[0].kind == "NP":
            noun = [(lem, w) for lem, w, _ in noun_core(rest[0])[-2:]]
            if noun and not {lem for lem, _ in noun} & (_GENERAL | set(verbs)):
                obj = " ".join(w for _, w in noun)
        out.append(Predicate(key, surface, obj, head))
    return tuple(out)


#: Verbs that take the noun after them as their object ("don't have cash", "can't get
#: money"), though the tagger's lexicon lists them with the auxiliaries.
_HOLDING = frozenset({"have", "get", "make", "take", "give"})


def _object_read_as_verb(ch: Chunk, core: Sequence[tuple[str, str, bool]]) -> bool:
    """Whether the only verb of ``core`` is the noun after the verb phrase, read as a verb
    (a tagger slip on "does not load"), where the phrase's own verb takes it as its object:
    "don't have cash" says nothing "haven't cash" would."""
    said = {w.lower() for w in ch.words}
    verbs = [w for _, w, is_verb in core if is_verb]
    return bool(verbs) and not set(verbs) & said \
        and any(lemma(w.lower()) in _HOLDING for w in ch.words)


#: Auxiliaries of a passive after "keep" ("keeps getting declined", "keeps being declined").
_PASSIVE = frozenset({"getting", "being"})


def _passive_kept(body: list[str], words: list[str]) -> list[str]:
    """``body`` with the passive auxiliary the statement writes after "keep" put back:
    "keeps getting declined", never the broken "keeps declined"."""
    if len(body) < 2 or lemma(body[0]) != "keep":
        return body
    at = next((k for k, w in enumerate(words) if w == body[0]), -1)
    if 0 <= at < len(words) - 1 and words[at + 1] in _PASSIVE and body[1] != words[at + 1]:
        return [body[0], words[at + 1], *body[1:]]
    return body


def _attempted(chs: Sequence[Chunk], i: int, verbs: list[str]) -> Predicate | None:
    """ "trying to cancel", "let me cancel": the customer can't do the verb that follows."""
    if not verbs or verbs[-1] not in ATTEMPT:
        return None
    rest = list(chs[i + 1 :])
    if rest and (rest[0].kind == "PP" and rest[0].words[0].lower() == "to" or (
        rest[0].kind == "NP" and rest[0].words[0].lower() in ("me", "us", "people")
    )):
        rest = rest[1:]
    else:
        return None
    if not rest or rest[0].kind != "VP":
        return None
    core = verb_core(rest[0], tuple(rest[1:]))
    target = [(lem, w) for lem, w, is_verb in core if is_verb]
    if not target:
        return None
    lem, word = target[-1]
    said = f"{rest_words(chs[i])} to {word}"
    obj = ""
    if len(rest) > 1 and rest[1].kind == "NP":
        noun = [(x, w) for x, w, _ in noun_core(rest[1])[-2:]]
        if noun and not {x for x, _ in noun} & _GENERAL:
            obj = " ".join(w for _, w in noun)
    return Predicate(f"not {lem}", f"can't {lem}", obj, lem, said)


def rest_words(ch: Chunk) -> str:
    """The content verb of an attempt ("trying" of "have been trying")."""
    return next((w.lower() for w in reversed(ch.words) if w.lower() not in AUX), "")


@lru_cache(maxsize=1)
def _detector() -> FrictionDetector:
    from voc.classify.friction import FrictionDetector
    from voc.labels import load_friction_cues

    return FrictionDetector(load_friction_cues())


@lru_cache(maxsize=4096)
def is_problem(phrase: str, cues: bool = True) -> bool:
    """Whether ``phrase`` already says what goes wrong ("declined", "can't cancel"): a
    problem word, a negation or (``cues``) a phrase of a problem cue group ("charged
    twice"; but also "referral bonus", which names a subject, hence ``cues=False``)."""
    words = [w for w in phrase.lower().split() if w not in AUX]
    if any(lemma(w) in problem_lemmas() for w in words) or any(
        w in NEGATIONS or w in BLOCKED for w in words
    ):
        return True
    if not cues:
        return False
    det = _detector()
    return bool(set(det.cue_groups([phrase])[0]) - det.evaluative_groups)
