"""Names whose only subject is a length of time, put as people write a duration.

A theme of waiting or being stuck is sometimes drafted with the time word as its subject,
glued in the order the key phrases give ("hour stuck in", "waited hour", "waiting for
hour"); nobody writes that. People write the duration after what went wrong, in the
plural when they say several ("stuck for hours", "waited hours", "waiting for hours").
:func:`as_duration` rewrites such a name so; a compound the statements write with the
unit before a noun ("2 hour delay" → "hour delay") and every other name stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voc.themes.lemmas import STOPWORDS
from voc.themes.pairs import parts
from voc.themes.pos import lexicon_tag

#: Units of time, singular → plural.
UNITS = {"hour": "hours", "minute": "minutes", "day": "days", "week": "weeks",
         "month": "months"}
#: Every form of a unit → its plural ("hrs" → "hours").
_FORMS = {**UNITS, **{p: p for p in UNITS.values()}, "hr": "hours", "hrs": "hours",
          "min": "minutes", "mins": "minutes"}
#: Words before a unit that say one of it ("an hour", "the last hour"), not several.
_ONE = frozenset({"a", "an", "one", "1", "last", "half", "per", "every", "each", "this", "that"})
#: Prepositions a name may leave dangling once the unit is moved ("hour stuck in").
_DANGLING = frozenset({"in", "on", "at", "for", "of", "to", "with"})
_WORD = re.compile(r"[a-z0-9][a-z0-9'’.\-]*")


def _said(texts: Sequence[str], unit: str) -> tuple[int, int]:
    """How many times ``texts`` say the unit of one ("an hour") and of several (plural,
    or after a number other than one: "2 hour")."""
    one = several = 0
    plural = UNITS[unit]
    for text in texts:
        toks = _WORD.findall(text.lower())
        for i, w in enumerate(toks):
            if _FORMS.get(w) != plural:
                continue
            prev = toks[i - 1] if i else ""
            if w not in UNITS and w not in ("hr", "min") or prev in ("few", "several", "many") \
                    or prev.replace(".", "").isdigit() and prev != "1":
                several += 1
            elif prev in _ONE:
                one += 1
    return one, several


def _compound(texts: Sequence[str], unit: str) -> int:
    """Statements saying a number, the unit and a content word in a row ("3 hour delay")."""
    forms = "|".join(f for f, p in _FORMS.items() if p == UNITS[unit])
    pat = re.compile(rf"\b\d+[\s\-]*(?:{forms})[\s\-]+([a-z]+)")
    return sum(
        any(m.group(1) not in STOPWORDS for m in pat.finditer(t.lower())) for t in texts
    )


def as_duration(name: str, texts: Sequence[str]) -> str:
    """``name`` with its lone time unit said as a duration after the problem ("hour stuck
    in" → "stuck for hours", "waited hour" → "waited hours"), in the plural when the
    statements say several at least as often as one; ``name`` itself when its subject is
    not a lone singular unit, when they write the unit as part of a compound ("3 hour
    delay") or when they mostly say one ("half an hour")."""
    words = name.split()
    at = [i for i, w in enumerate(words) if w.lower() in UNITS]
    if len(at) != 1 or len(words) < 2:
        return name
    subject, problem = parts(name)
    unit = words[at[0]].lower()
    if not problem or len(subject) != 1:
        return name  # another thing is named ("flight hour"): not a duration alone
    uniq = list(dict.fromkeys(texts))
    one, several = _said(uniq, unit)
    if several < max(1, one):
        return name
    if at[0] == 0 and (lexicon_tag(words[1].lower()).startswith("NN")
                       or _compound(uniq, unit) >= 2):
        return name  # a compound: "hour delay", "3 hour wait"
    rest = [w for i, w in enumerate(words) if i != at[0]]
    before = at[0] == 0  # glued ahead of the problem: "hour stuck in"
    while rest and rest[-1].lower() in _DANGLING:
        rest.pop()
    if not rest:
        return name
    joined = "for" if before or words[at[0] - 1].lower() == "for" else ""
    return " ".join([*rest, *([joined] if joined else []), UNITS[unit]])
