"""Word order of a two-word name: the fault before the thing when people write it so.

The name step composes a thing and what is wrong with it in that order ("bag lost",
"payments late"), which reads clipped where customers, and a person naming the theme,
put the fault first ("lost bag", "late payments"): blind readers of round 35 rejected
"bag lost" (257 statements, none writing it; "lost bag" 8) and "payments late" ("late
payments" 19 of 60, "payments late" 1). :func:`fault_first` turns such a name around when
the statements write the fault first clearly more often. Only words that name a fault
in front of a noun (:data:`FAULTS`) turn: "closed account" or "disputed items" name a
kind of account or item, while "account closed" says what happened to it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from voc.themes.lemmas import lemma
from voc.themes.wording import distinct, tokens

#: Words that name what is wrong with a thing when written before it.
FAULTS = frozenset({
    "lost", "late", "delayed", "cancelled", "canceled", "damaged", "broken", "missing",
    "stolen", "wrong", "incorrect", "inaccurate", "failed", "declined", "rejected",
    "denied", "missed", "duplicate", "unauthorized", "unauthorised", "overdue", "expired",
    "frozen", "blocked", "hidden", "fraudulent", "unpaid", "dropped",
})
#: Distinct statements that must write the fault first for the name to turn.
MIN_WRITTEN = 3
#: How many times as many statements must write the fault first as write the name's order.
LEAD = 2


def fault_first(name: str, texts: Sequence[str]) -> str:
    """``name`` ("bag lost") as "fault thing" ("lost bag") when :data:`MIN_WRITTEN` of
    the distinct ``texts`` at least, and :data:`LEAD` times as many as write the name's
    own order, write the fault right before the thing (in the thing's form most of them
    write: "late payments"); else ``name`` unchanged. Only two-word names whose second
    word is one of :data:`FAULTS` turn."""
    words = name.split()
    if len(words) != 2 or words[1].lower() not in FAULTS:
        return name
    fault, key = words[1].lower(), lemma(words[0].lower())
    forms: Counter[str] = Counter()
    first = after = 0
    for text in distinct(texts):
        said = [w.lower() for w in tokens(text)]
        pairs = list(zip(said, said[1:], strict=False))
        before = [b for a, b in pairs if a == fault and lemma(b) == key]
        first += bool(before)
        forms.update(set(before))
        after += any(lemma(a) == key and b == fault for a, b in pairs)
    if first < MIN_WRITTEN or first < LEAD * after:
        return name
    # the thing's most written form; ties go to the name's own word
    thing = max(forms, key=lambda f: (forms[f], f == words[0].lower(), f))
    return f"{fault} {thing}"
