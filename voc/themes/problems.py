"""What goes wrong in a theme, as its statements say it: kinds of problem and verb phrases.

:data:`PROBLEMS` lists the ways things go wrong as a person would name them ("charged
twice", "fails", "long wait"), each with the wordings that say it;
:func:`problem_phrase` finds the one most of a theme's statements share,
:func:`literal_problem` the words they use for it, and :func:`predicate_phrase` the
verb phrase the statements use with the theme's subject ("card verification" +
"failed"); :func:`common_problem` completes a bare subject with the kind of complaint
(:data:`KINDS`) most of the theme's statements share ("awful flight attendant").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from voc.themes.lemmas import lemma
from voc.themes.pos import glued, parse, past_participle
from voc.themes.predicate import problem_lemmas
from voc.themes.subjects import JUDGEMENTS, SAID_AFTER, SAID_WRONG
from voc.themes.wording import surface, tokens

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


#: Kinds of complaint said in several words, which vote together when a small theme's
#: statements share no one problem word (written from how customers complain, not from
#: any data set): lemma → kind.
KINDS: dict[str, str] = {
    **dict.fromkeys(("wait", "waiting", "delay", "delayed", "late", "stick", "stuck",
                     "strand", "stranded"), "wait"),
    **dict.fromkeys(("rude", "unhelpful", "useless", "lame", "pathetic", "awful", "terrible",
                     "horrible", "poor", "bad", "worst", "worse"), "rude"),
    **dict.fromkeys(("cancel", "cancelled", "canceled"), "cancel"),
    **dict.fromkeys(("lose", "lost", "miss", "missing", "missed", "disappear"), "lose"),
    **dict.fromkeys(("break", "broken", "fail", "failed", "crash", "down", "error", "glitch"),
                    "break"),
    **dict.fromkeys(("deny", "denied", "refuse", "refused", "decline", "declined", "reject",
                     "block", "blocked"), "refuse"),
}
#: Kinds in order of preference when as many statements say each.
KIND_ORDER = ("wait", "cancel", "lose", "break", "refuse", "rude")
#: A theme of at most this many statements may be named by a kind of complaint one says.
SMALL_THEME = 6
#: Words of waiting: "waiting at gate", "waiting for hours".
WAITING = frozenset({"wait", "waiting", "waited"})
_TIME_NOUNS = frozenset({"hour", "hours", "minute", "minutes", "min", "mins", "day", "days",
                         "week", "weeks", "hr", "hrs"})


def waiting_at(subject: str, texts: Sequence[str]) -> str:
    """ "waiting" with the subject as the statements place it: after the preposition
    they put before it most often ("on tarmac", "at gate"), "for" a time ("for hours")."""
    head = subject.split()[-1].lower()
    preps: Counter[str] = Counter()
    for text in texts:
        toks = tokens(text)
        for i, w in enumerate(toks):
            if w == head and i and toks[i - 1] in ("at", "on", "in", "for"):
                preps[toks[i - 1]] += 1
            elif w == head and i > 1 and toks[i - 2] in ("at", "on", "in", "for") \
                    and toks[i - 1] in ("the", "a", "my", "our"):
                preps[toks[i - 2]] += 1
    if preps:
        return f"waiting {min(preps.items(), key=lambda kv: (-kv[1], kv[0]))[0]} {subject}"
    if head in _TIME_NOUNS:
        return f"waiting for {subject}"
    return ""


#: Problem words too vague to complete a name on their own ("no flight", "long gate").
_VAGUE = frozenset({"no", "never", "zero", "long", "full", "lack", "down", "nonexistent", "stop",
                    "stops"})
#: Share of all a theme's statements that must say the problem that completes a bare name.
MIN_COMMON_SHARE = 0.1


def common_problem(subject: str, texts: Sequence[str]) -> str:
    """A bare subject completed by the problem word most of *all* the theme's statements
    say (a small mixed theme where few say the subject: "gate" + "delayed" → "gate
    delayed", "staff" + "rude" → "rude staff"), a verb in its past participle as they
    write it ("lose" → "lost"); "" unless two statements and ``MIN_COMMON_SHARE`` say it."""
    words = {lemma(w) for w in subject.lower().split()}
    wrong = SAID_WRONG | JUDGEMENTS | problem_lemmas() | WAITING
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    said: Counter[str] = Counter()
    uniq = list(dict.fromkeys(texts))
    for text in uniq:
        toks = [w for w in tokens(text) if not w.startswith("[")]
        said.update(toks)
        found: set[str] = set()
        for w in toks:
            lem = lemma(w)
            if (w in wrong or lem in wrong) and lem not in words and w not in _VAGUE \
                    and not glued(w):
                kind = KINDS.get(lem, lem)
                found.add(kind)
                forms.setdefault(kind, Counter())[w] += 1
        counts.update(found)
    if not counts:
        return ""
    kind, n = min(counts.items(), key=lambda kv: (-kv[1], _rank(kv[0]), kv[0]))
    # a handful of mixed statements sharing nothing: the commonest kind of complaint
    least = 1 if len(uniq) <= SMALL_THEME and kind in KIND_ORDER else 2
    if n < max(least, math.ceil(MIN_COMMON_SHARE * len(uniq))):
        return ""
    word = surface(forms[kind])
    past = past_participle(word, said) if word not in JUDGEMENTS else ""
    if past and (word.endswith(("ing", "s")) or lemma(word) == word) and past != word:
        word = past
    if lemma(word) in WAITING:
        return waiting_at(subject, uniq) or f"{subject} {word}"
    after = word in SAID_AFTER or word.endswith("ed") or word == past or (
        lemma(word) in KINDS and word not in JUDGEMENTS and lemma(word) not in JUDGEMENTS
    )
    named = [*subject.split(), word] if after else [word, *subject.split()]
    return " ".join(named[-5:])


def _rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)

