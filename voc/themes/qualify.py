"""Words that tell clashing theme names apart (used by :mod:`voc.themes.distinct`).

What makes two names the same (:func:`name_key`: lemmas in any order, articles aside);
which words say a problem or an event ("delayed", "cancelled": :func:`problem_word`) and
whether a theme says one of the name's subject (:func:`said_of`); how a qualifier joins
a name ("flight delayed: call", "flight delayed or cancelled": :func:`qualified`) or
replaces its problem (:func:`rewrite`); and the part-of-speech checks a qualifier passes
(it ends in a noun, never in a function word).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voc.themes.lemmas import lemma
from voc.themes.mixed import is_mixed
from voc.themes.owned import owned
from voc.themes.pos import lexicon_tag
from voc.themes.predicate import is_problem

_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*", re.IGNORECASE)
_IGNORED = frozenset({"a", "an", "the"})


def name_lemmas(text: str) -> list[str]:
    """The lemmas of the words of ``text``, in order."""
    return [lemma(w) for w in _WORD.findall(text.lower().replace("’", "'"))]


def name_key(name: str) -> tuple[str, ...]:
    """What makes two names the same: their lemmas, in any order, articles aside."""
    return tuple(sorted(w for w in name_lemmas(name) if w not in _IGNORED))


#: Things that happen to an order, a flight or an account that the problem words of
#: :func:`voc.themes.predicate.is_problem` leave out (lemmas): enough to tell "flight
#: cancelled" from "flight delayed".
EVENTS = frozenset({"cancel", "rebook", "overbook", "strand", "bump", "divert", "charge",
                    "overcharge", "refuse", "deny", "decline", "reject", "close", "suspend",
                    "freeze", "block", "lose", "miss", "break", "damage", "crash", "fail",
                    "expire", "lock", "steal", "hack", "refund", "delay"})


def problem_word(word: str) -> bool:
    """A word saying what went wrong or what happened ("delayed", "cancelled")."""
    return is_problem(word, cues=False) or lemma(word.lower()) in EVENTS


def problem_words(name: str) -> set[str]:
    """Lemmas of the :func:`problem_word` words of ``name``."""
    return {lemma(w) for w in _WORD.findall(name.lower()) if problem_word(w)}


def said_of(name: str, word: str, texts: Sequence[str]) -> float:
    """Share of ``texts`` saying ``word`` within two words of one of ``name``'s subject
    words ("cancelled flight", "flight was cancelled" for "flight delayed")."""
    subject = {lemma(w) for w in _WORD.findall(name.lower())
               if not problem_word(w) and w not in _IGNORED}
    want = lemma(word.lower())
    if not texts or not subject:
        return 0.0
    hits = 0
    for t in texts:
        lem = name_lemmas(t)
        at = [k for k, w in enumerate(lem) if w == want]
        hits += any(w in subject for k in at for w in lem[max(0, k - 2) : k + 3])
    return hits / len(texts)


def another_problem(name: str, phrase: str) -> bool:
    """Whether the one word ``phrase`` is a problem ``name`` does not say, so the two join
    with "or" ("flight delayed or cancelled")."""
    return ":" not in name and not is_mixed(name) and len(phrase.split()) == 1 \
        and bool(problem_words(phrase)) and not problem_words(phrase) & problem_words(name)


def qualified(name: str, phrase: str) -> str:
    """"flight delayed: call" (what else the theme is about), or "flight delayed or
    cancelled" when the phrase is another problem (:func:`another_problem`), as a person
    would write it."""
    if another_problem(name, phrase):
        return f"{name} or {phrase}"
    return f"{name}, {phrase}" if ":" in name else f"{name}: {phrase}"


#: Words too general to tell two themes apart.
GENERIC = frozenset({"guy", "guys", "lack", "need", "thing", "things", "way", "lot", "lots",
                     "stuff", "people", "someone", "anyone", "everyone", "one", "today",
                     "yesterday", "day", "days", "week", "please", "thanks", "thank",
                     # units of time: how long, never what went wrong
                     "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
                     "second", "seconds", "time", "times", "night", "nights", "tonight",
                     "morning", "weeks", "month", "months", "year", "years", "help",
                     # what every complaint is: "system hangs up: issue" says nothing more
                     "issue", "issues", "complaint", "complaints", "trouble", "nothing",
                     "something", "anything", "everything"})


#: When, not what: a qualifier naming a day or a moment ("flight cancelled: tomorrow")
#: tells no two themes apart by what went wrong.
TIME_WORDS = frozenset({
    "today", "tomorrow", "tonight", "yesterday", "weekend", "weekends", "morning",
    "afternoon", "evening", "night", "noon", "midnight", "moment", "date", "couple",
    "while", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "april", "june", "july", "august", "september", "october",
    "november", "december",
})
#: Nouns that stand for no thing of their own ("wrong account: mistake", "how to reset
#: passcode: steps", "extra fee: reason"): a qualifier ending in one says nothing.
VAGUE = frozenset({
    "reason", "reasons", "mistake", "mistakes", "option", "options", "step", "steps",
    "use", "kind", "sort", "type", "bit", "part", "fact", "point", "idea", "process",
    "situation", "matter", "experience", "case", "question", "questions", "answer",
    "detail", "details", "work", "end", "side", "place", "chance",
    "ability",
})


def plain_qualifier(phrase: str, texts: Sequence[str]) -> bool:
    """Whether ``phrase`` can tell a theme apart by what it is about: its last word (what
    it names) is no time word ("tomorrow"), vague noun ("reason", "steps"), unit of time
    or general word (:data:`GENERIC`: "long time"), and a thing a product team owns
    (:func:`voc.themes.owned.owned`: no person, place, company or abbreviation the
    ``texts`` write: "lost bag: miami", "no gate agent: customers")."""
    words = phrase.lower().split()
    if not words:
        return False
    head = words[-1]
    if head in TIME_WORDS or head in VAGUE or head in GENERIC or lemma(head) in VAGUE:
        return False
    if any(w in TIME_WORDS for w in words):
        return False
    return problem_word(head) or owned(head, texts)  # "cancelled" is what, not who


#: Particles that end a phrasal verb ("call back", "sign up"): no function word there.
_PARTICLES = frozenset({"up", "out", "off", "down", "in", "on", "back", "over", "away"})


def function_word(word: str) -> bool:
    """A preposition, article, conjunction or pronoun: a phrase cannot end in one."""
    tag = lexicon_tag(word.lower()) or ""
    return word.lower() not in _PARTICLES and tag in (
        "IN", "DT", "CC", "TO", "PRP", "PRP$", "WDT", "MD", "PDT"
    )


def is_noun_strict(word: str) -> bool:
    """A word the tagger's lexicon knows as a noun (unknown words are not, nor a verb form
    it knows only by its stem: "slandering")."""
    word = word.lower()
    if not lexicon_tag(word) and word.endswith(("ing", "ed")):
        return False
    tag = lexicon_tag(word) or lexicon_tag(lemma(word))
    return bool(tag) and tag.startswith("NN")


def is_noun(word: str) -> bool:
    """A noun by the tagger's lexicon; an unknown word unless it looks like a verb form."""
    word = word.lower()
    tag = lexicon_tag(word) or lexicon_tag(lemma(word))
    if tag:
        return tag.startswith("NN")
    return word.isalpha() and not word.endswith(("ed", "ing", "ly"))  # unknown: mostly names


#: Words a noun follows ("a call", "on hold") and a verb does not.
_DETERMINERS = frozenset({"a", "an", "the", "my", "your", "our", "their", "his", "her",
                          "no", "this", "that", "every", "another", "any", "on"})


def names_thing(phrase: str, texts: Sequence[str]) -> bool:
    """``phrase`` names a thing or an action a qualifier can stand for: it ends in a noun
    ("mechanical issues") or a phrasal verb's particle ("call back"), or is a bare verb
    two of ``texts`` write as a noun, after a determiner ("a call", "on hold"); never a
    lone verb form or adverb ("supposed", "came", "going", "later")."""
    words = phrase.lower().split()
    if not words:
        return False
    if is_noun(words[-1]) or len(words) > 1 and words[-1] in _PARTICLES:
        return True
    if len(words) > 1 or lexicon_tag(words[0]) != "VB":
        return False
    hits = 0
    for t in texts:
        said = _WORD.findall(t.lower())
        hits += any(w == words[0] and k and said[k - 1] in _DETERMINERS
                    for k, w in enumerate(said))
    return hits >= 2


def rewrite(name: str, phrase: str) -> str:
    """``name`` with its problem words replaced by ``phrase``, a problem word the name does
    not say ("flight delayed" + "cancelled" → "flight cancelled"); "" if it has none."""
    words = name.split()
    keep = [w for w in words if not problem_word(w)]
    if len(keep) == len(words) or not keep:
        return ""
    at = next(k for k, w in enumerate(words) if problem_word(w))
    lead = [w for w in words[:at] if w in keep]
    return " ".join([*lead, *[w for w in words[at:] if w in keep], phrase] if lead
                    else [*keep, phrase])
