"""What goes wrong in a theme, as its statements say it: kinds of problem and verb phrases.

:data:`PROBLEMS` lists the ways things go wrong as a person would name them ("charged
twice", "fails", "long wait"), each with the wordings that say it;
:func:`problem_phrase` finds the one most of a theme's statements share,
:func:`literal_problem` the words they use for it, and :func:`predicate_phrase` the
verb phrase the statements use with the theme's subject ("card verification" +
"failed").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from voc.themes.lemmas import lemma
from voc.themes.pos import parse
from voc.themes.wording import surface

#: What went wrong, as a person would say it: (pattern over lowercase text, phrase).
PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), name)
    for p, name in (
        (r"\b(charged|billed) (me )?(twice|double|two times)|double[- ]charg|duplicate charge",
         "charged twice"),
        (r"\b(crash|crashes|crashed|crashing)\b", "crashes"),
        (r"\b(fail|fails|failed|failing|failure)\b", "fails"),
        (r"\b(not|n't|never|stopped) (work|working|load|loading|sync|syncing|connect|"
         r"connecting)\b|\bbroken\b", "not working"),
        (r"\b(declined|rejected|refused)\b", "declined"),
        (r"\b(missing|disappeared|vanished)\b", "missing"),
        (r"\b(wrong|incorrect|inaccurate)\b", "wrong"),
        (r"\b(slow|sluggish|takes forever|lag|lags|laggy)\b", "slow"),
        (r"\b(locked out|can't log|cannot log|can not log|unable to log)", "cannot log in"),
        (r"\bon hold\b", "on hold"),
        (r"\b(waiting|waited|no response|no reply|never heard|days later|still waiting)\b",
         "long wait"),
        (r"\b(confus\w*|unclear|hard to find|can't find|cannot find|no idea how)\b",
         "confusing"),
        (r"\b(too expensive|overpriced|price increase|price hike|costs too much)\b",
         "too expensive"),
        (r"\b(error|errors)\b", "errors"),
    )
)


def problem_phrase(texts: Sequence[str], min_share: float = 0.2) -> str:
    """The most frequent way things go wrong in ``texts`` (in at least ``min_share``)."""
    counts: Counter[str] = Counter()
    for text in texts:
        t = text.lower().replace("’", "'")
        counts.update({name for pat, name in PROBLEMS if pat.search(t)})
    if not counts:
        return ""
    order = {name: i for i, (_, name) in enumerate(PROBLEMS)}
    name, n = min(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    return name if n >= max(2, min_share * len(texts)) else ""


_NOT_VERBS = frozenset({"not", "never", "no", "cannot", "twice", "again"})


def predicate_phrase(subject: str, texts: Sequence[str], min_share: float = 0.15) -> str:
    """What the theme's statements say goes wrong with ``subject``, as most of them word it.

    Clauses whose noun phrase ends in the subject's head word ("card verification
    failed" for "card verification") vote for their verb phrase; the most frequent one
    wins when at least two statements and ``min_share`` of them say it.
    """
    words = [lemma(w) for w in subject.lower().split()]
    if not words:
        return ""
    head = words[-1]
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for text in texts:
        seen: set[str] = set()
        for nkey, vkey, wording in parse(text).clauses.values():
            if nkey.split()[-1] != head:
                continue
            vwords = vkey.split()
            shown_words = wording.split()[len(nkey.split()) :]
            # "failed" and "failed again" both say "failed": every prefix gets the vote
            for n in range(1, len(vwords) + 1):
                key = " ".join(vwords[:n])
                if key in seen or vwords[n - 1] in words or set(vwords[:n]) <= _NOT_VERBS:
                    continue
                seen.add(key)
                df[key] += 1
                shown.setdefault(key, Counter())[" ".join(shown_words[:n])] += 1
    if not df:
        return ""
    # a longer verb phrase said as often is more specific ("keeps disconnecting")
    vkey, n = min(df.items(), key=lambda kv: (-kv[1], -kv[0].count(" "), kv[0]))
    if n < max(2, min_share * len(texts)):
        return ""
    return surface(shown[vkey])


def literal_problem(problem: str, texts: Sequence[str]) -> str:
    """The wording of ``problem`` (a name of :data:`PROBLEMS`) most statements use."""
    counts: Counter[str] = Counter()
    for text in texts:
        t = text.lower().replace("’", "'")
        for pat, name in PROBLEMS:
            if name == problem and (m := pat.search(t)):
                counts[m.group(0).strip()] += 1
    # ties: the longer wording says more ("still waiting" over "waited")
    return min(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0] if counts else ""
