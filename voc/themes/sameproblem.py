"""A name for a theme most of whose statements say one problem, in the mixed name's place.

A theme can share no subject yet share its problem: 50 airline tweets "#delayed #again",
"delayed another hour", "18 hour delayed arrival", "weather delays" beside a larger
"flight delayed". Named as mixed ("mixed complaints about delay", "mixed complaints
saying delay"), it reads as a grab bag that it is not; blind readers of round 34 never
kept a "mixed complaints saying W" name. :func:`problem_name` names it by the problem as
its statements write it as a noun, plural as a person names a kind of problem: "delays";
two problems when together, not alone, most of them say one ("delays and wait times": "15
min delay", "ridiculous wait times"). A problem only ever written as a verb or adjective
("stranded", "lost", "broken", "rude") is no such noun: it needs a subject to name
anything, and is left to the mixed name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from voc.themes.judged import wrongs_said
from voc.themes.lemmas import lemma
from voc.themes.pos import lexicon_tag
from voc.themes.said import problem_lemmas
from voc.themes.wording import distinct, tokens

#: Share of a theme's distinct statements (near-duplicates once) that must say its one
#: problem for the problem to name it: half, so the name says what most of it says.
ONE_SHARE = 0.5
#: Share each of two problems must be said by when together they name a theme (half of
#: its statements at least saying one): a third, as "mixed complaints saying W" asks.
EACH_SHARE = 1 / 3
#: Distinct statements that must write a problem as a noun (the bare word or its plural:
#: "a 15 min delay", "weather delays") for the noun to name it; "stranded" is never
#: written "strand(s)", so it names no "strands".
NOUN_WRITTEN = 2
#: Fewest distinct statements a theme needs for its problem to name it.
MIN_TEXTS = 5


def plural(noun: str) -> str:
    """The plural of a regular English ``noun`` ("delay" → "delays", "glitch" →
    "glitches", "reply" → "replies")."""
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


#: Words before a noun that say how long: a problem written after one is a noun of waiting
#: ("a long wait", "2 hour wait"), whatever the lexicon says of its verb.
_DURATION = re.compile(
    r"\b(?=(?:\d+|long|longer|hour|hours|hr|hrs|min|mins|minute|minutes|day|days)\s+(\w+))")
#: ... or before "time(s)" ("wait times").
_TIMED = re.compile(r"\b(\w+)\s+times?\b")


def _named(key: str, texts: Sequence[str]) -> str:
    """The problem lemma ``key`` as a person names a kind of problem, as its statements
    write it, or "": a problem noun of the cue file (:func:`voc.themes.said.problem_lemmas`
    tagged a noun: "delay", "outage", "glitch") written bare or plural by
    :data:`NOUN_WRITTEN` of ``texts`` is named in the plural ("delays"); another problem
    word they write as a noun :data:`NOUN_WRITTEN` times before "time(s)" is named so
    ("wait times"), else in the plural when they write it after a duration ("long waits":
    "a long wait", "2 hour wait"). A problem only written as a verb or adjective
    ("charged", "harassed", "wrong", "late"), or a noun that is no problem ("charges"), is
    none."""
    forms = {key, plural(key)}
    if key in problem_lemmas() and lexicon_tag(key).startswith("NN"):
        written = sum(bool(forms & set(tokens(t))) for t in texts)
        return plural(key) if written >= NOUN_WRITTEN else ""
    if not lexicon_tag(key).startswith(("NN", "VB")):
        return ""  # "2 hours late": an adjective after a duration names no "lates"
    low = [t.lower().replace("-", " ") for t in texts]
    if sum(bool(forms & set(_TIMED.findall(t))) for t in low) >= NOUN_WRITTEN:
        return f"{key} times"
    if sum(bool(forms & set(_DURATION.findall(t))) for t in low) >= NOUN_WRITTEN:
        return f"long {plural(key)}"
    return ""


def problem_name(texts: Sequence[str], taken: Sequence[str] = ()) -> str:
    """"delays" for ``texts`` :data:`ONE_SHARE` of whose distinct statements say one
    problem written as a noun (:func:`_named`); "delays and wait times" for two each
    said by :data:`EACH_SHARE` that together half say; "" when none does, or the name is
    one of ``taken`` (compared by lemmas, in any order)."""
    uniq = distinct(texts)
    if len(uniq) < MIN_TEXTS:
        return ""
    said = [{lemma(w) for w in tokens(t)} for t in uniq]
    keys = [lemma(w) for w in wrongs_said(uniq, EACH_SHARE * len(uniq))]
    named = {k: n for k in dict.fromkeys(keys) if (n := _named(k, uniq))}
    nouns = list(named)
    share = Counter({k: sum(k in s for s in said) / len(uniq) for k in nouns})
    names: list[str] = []
    if nouns and share[nouns[0]] >= ONE_SHARE:
        names.append(named[nouns[0]])
    if len(nouns) >= 2:
        a, b = nouns[:2]
        if sum(bool({a, b} & s) for s in said) >= ONE_SHARE * len(uniq):
            names.append(f"{named[a]} and {named[b]}")
    used = {_key(t) for t in taken}
    return next((n for n in names if _key(n) not in used), "")


def _key(name: str) -> frozenset[str]:
    return frozenset(lemma(w) for w in tokens(name) if w != "and")
