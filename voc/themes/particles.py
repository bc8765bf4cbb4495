"""Phrasal verbs keep their particle: "can't check in", not "can't check".

A name that ends on a verb ("can't check", "can't log") drops the particle its statements
write after it ("couldn't check in online", "I can't log into my account"), and the verb
alone says something else. :func:`with_particle` puts back the particle that
:data:`PARTICLE_SHARE` of the verb's uses in the statements are followed by (two
statements at least), "into" counted as "in" and "onto" as "on". :func:`ends_open` tells a
name left open by its last word ("stuck in") from one a phrasal verb ends ("top-up hasn't
gone through").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pos import PARTICLES as VERB_PARTICLES
from voc.themes.pos import lexicon_tag

#: Particles a phrasal verb takes, as a name writes them ("log into" → "log in").
PARTICLES = {"in": "in", "into": "in", "on": "on", "onto": "on", "up": "up", "out": "out",
             "off": "off", "through": "through"}
#: Share of the verb's uses in the statements that must be followed by one particle.
PARTICLE_SHARE = 0.4
#: Fewest distinct statements that must write the verb with that particle.
PARTICLE_LEAST = 2
_WORD = re.compile(r"[a-z][a-z']*")
#: Words after which "in"/"on" opens a phrase of its own, not a particle.
_OBJECT_LEADS = frozenset({"the", "a", "an", "this", "that", "these", "those", "advance",
                           "time", "person"})
#: Words a name's last verb follows: a negation or a modal ("can't check", "unable to log").
_LEADS = frozenset({"can't", "cannot", "couldn't", "won't", "didn't", "don't", "doesn't",
                    "to", "can"})


def with_particle(name: str, texts: Sequence[str]) -> str:
    """``name`` with the particle its ``texts`` write after its last word when that word
    is a verb after a negation or modal (see the module doc); else ``name`` as it is."""
    words = name.split()
    if len(words) < 2 or words[-2].lower() not in _LEADS or words[-1].lower() in PARTICLES:
        return name
    verb = words[-1].lower()
    if not lexicon_tag(verb).startswith("VB") and lexicon_tag(verb) != "NN":
        return name
    key = lemma(verb)
    uses = 0
    said: Counter[str] = Counter()
    for text in dict.fromkeys(t.lower() for t in texts):
        toks = _WORD.findall(text.replace("’", "'"))
        seen: set[str] = set()
        for i, tok in enumerate(toks):
            if lemma(tok) != key:
                continue
            uses += 1
            nxt = PARTICLES.get(toks[i + 1]) if i + 1 < len(toks) else None
            # "book in the app", "change on the site": a preposition of its own phrase
            if nxt and (i + 2 >= len(toks) or toks[i + 2] not in _OBJECT_LEADS):
                seen.add(nxt)
        said.update(seen)
    if not said or not uses:
        return name
    particle, n = sorted(said.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if n < PARTICLE_LEAST or n < PARTICLE_SHARE * uses:
        return name
    return f"{name} {particle}"


def ends_open(words: Sequence[str]) -> bool:
    """Whether a name ends on a stop word that leaves it open ("stuck in"); a particle
    after a negated verb that follows its subject ends a phrasal verb ("top-up hasn't gone
    through"), not a fragment."""
    if words[-1] not in STOPWORDS:
        return False
    negated = any(w.endswith("n't") or w in ("not", "never") for w in words[1:-2])
    return not (words[-1] in VERB_PARTICLES and negated)
