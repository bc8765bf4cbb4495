"""The predicate a theme is named with: the one most of its statements say, in the form
people write, joined to the theme's subject.

:mod:`voc.themes.predicate` finds the problem predicates of each statement; here they
vote per distinct statement (:func:`best_predicate`), the winner is put in the written
form of its problem ("charges twice" → "charged twice", "will expire" → "expires":
:func:`as_written`; adverbs after its verb dropped, "keep getting delayed later" → "keep
getting delayed") and composed with the subject ("card verification" + "failed", "can't
cancel subscription": :func:`compose`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from voc.themes.keyrank import distinct_head, phrase_lemmas
from voc.themes.lemmas import lemma
from voc.themes.pos import PARTICLES, lexicon_tag, past_participle
from voc.themes.predicate import BLOCKED, Predicate, predicates, problem_lemmas
from voc.themes.requests import brief
from voc.themes.wording import tokens

_CANT = re.compile(r"\b(can'?t|can’t|cannot|unable|couldn'?t|couldn’t)\b")
#: Negated auxiliaries a customer says of themself ("I haven't received", "I don't recognize").
FIRST_PERSON = frozenset({"don't", "didn't", "haven't"})


def _top(counts: Counter[str]) -> tuple[str, int]:
    """Most frequent entry; ties: one word first, then shorter, then alphabetical."""
    return min(counts.items(), key=lambda kv: (-kv[1], " " in kv[0], len(kv[0]), kv[0]))


def best_predicate(
    subject: str, texts: Sequence[str], min_share: float = 0.1,
    distinct: Sequence[str] = (),
) -> Predicate | None:
    """The problem predicate most statements of the theme use, preferring those that
    mention the subject; None when fewer than two statements and ``min_share`` say one.

    Votes are per distinct statement text. The winning kind of problem (a cue group such
    as "failure", or a negated verb) is shown by its most frequent problem word in its
    most frequent wording ("rejected" over "sent rejected"). With the theme's key phrases
    (``distinct``, most distinctive first) a problem word one of them holds wins over a
    less distinctive one when comparably many say it
    (:func:`voc.themes.keyrank.distinct_head`).
    """
    subj = phrase_lemmas(subject) - {""}
    uniq = list(dict.fromkeys(texts))
    need = max(2, int(min_share * len(uniq) + 0.999))
    for pool in ("subject", "all"):
        df: Counter[str] = Counter()
        hdf: Counter[tuple[str, str]] = Counter()  # (kind, word): distinct statements
        heads: dict[str, Counter[str]] = {}
        shown: dict[tuple[str, str], Counter[str]] = {}
        objs: dict[str, Counter[str]] = {}
        pooled = 0
        for text in uniq:
            if pool == "subject" and subj and not subj & {lemma(w) for w in text.lower().split()}:
                continue
            pooled += 1
            seen: set[str] = set()
            seen_heads: set[tuple[str, str]] = set()
            for p in predicates(text):
                if phrase_lemmas(p.surface) <= subj:
                    continue
                if p.key not in seen:
                    seen.add(p.key)
                    df[p.key] += 1
                if (p.key, p.head) not in seen_heads:
                    seen_heads.add((p.key, p.head))
                    hdf[(p.key, p.head)] += 1
                heads.setdefault(p.key, Counter())[p.head] += 1
                shown.setdefault((p.key, p.head), Counter())[p.surface] += 1
                if p.obj:
                    objs.setdefault(p.key, Counter())[p.obj] += 1
        if not df:
            continue
        probs = problem_lemmas()
        # a kind that many say in scattered words ("missing", "miss", "failed" each by a
        # few) is weak: its shown word is no one thing to name
        key, n = min(df.items(), key=lambda kv: (-kv[1], kv[0]))
        if n < need:
            continue
        if brief(uniq):
            key, n, head = _said_most(df, hdf, heads, pooled, probs)
        else:
            head = _shown(heads[key], probs)
        if distinct:
            key, head, n = distinct_head(hdf, (key, head), n, need, distinct)
        k = heads[key][head]
        weak = k < max(1, need // 2)
        surface = min(shown[(key, head)].items(), key=lambda kv: -kv[1])[0]
        if surface.startswith("can't") and not any(_CANT.search(t.lower()) for t in uniq):
            # nobody wrote "can't": name it in their words ("trying to cancel")
            said = Counter(p.said for t in uniq for p in predicates(t) if p.key == key and p.said)
            surface = min(said.items(), key=lambda kv: -kv[1])[0] if said else surface
        surface = as_written(" ".join(adverbs_dropped(surface.split(), head)), head, uniq)
        obj = ""
        if key in objs:
            o, k = _top(objs[key])
            obj = o if k >= 2 else ""
        return Predicate(key, surface, obj, head, weak=weak, support=n)
    return None


#: A kind of problem said in scattered words gives way to another predicate whose own
#: word this many times as many statements say ("didn't give" by 19 over "not working",
#: the most said word of a "failure" kind 26 say in "broken", "denied", "refused", ...)...
SCATTERED_LIFT = 2.0
#: ... and at least this share of the statements it is chosen among, and this many; only
#: in one-line statements (:func:`voc.themes.requests.brief`), whose one clause says one
#: problem (in tweets and letters the words of other clauses vote too).
SCATTERED_SHARE = 0.1
SCATTERED_LEAST = 3


def _shown(heads: Counter[str], probs: frozenset[str]) -> str:
    """The word a kind of problem is shown by: the one it is said in most often (ties: a
    problem word over a negated verb, then the first said)."""
    return min(heads.items(), key=lambda kv: (-kv[1], kv[0] not in probs))[0]


def _said_most(
    df: Counter[str], hdf: Counter[tuple[str, str]], heads: dict[str, Counter[str]],
    pooled: int, probs: frozenset[str],
) -> tuple[str, int, str]:
    """The kind most statements say (with the word it is shown by), unless another kind
    is shown by a word :data:`SCATTERED_LIFT` times as many statements say, and at least
    :data:`SCATTERED_SHARE` of the ``pooled`` statements: (kind, statements saying it,
    shown word)."""
    ranked = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))
    key, n = ranked[0]
    head = _shown(heads[key], probs)
    least = max(SCATTERED_LEAST, SCATTERED_LIFT * hdf[(key, head)], SCATTERED_SHARE * pooled)
    for other, m in ranked[1:]:
        word = _shown(heads[other], probs)
        if hdf[(other, word)] >= least:
            return other, m, word
    return key, n, head


#: Words after a predicate's problem verb that say what happened ("locked out", "charged
#: twice"), not how or when ("failed miserably", "delayed later").
_KEPT_AFTER = PARTICLES | {"twice"}


def adverbs_dropped(body: list[str], head: str) -> list[str]:
    """``body`` without the adverbs and adjectives after its problem verb: "keep getting
    delayed" of "keep getting delayed later", "failed" of "failed miserably"; particles
    ("locked out") and "twice" stay, and so does a verb after it ("stopped working")."""
    at = max((k for k, w in enumerate(body) if lemma(w) == head), default=-1)
    end = len(body)
    while at >= 0 and end > at + 1 and body[end - 1] not in _KEPT_AFTER \
            and lexicon_tag(body[end - 1]).startswith(("RB", "JJ")):
        end -= 1
    return body[:end]


#: Words that may follow a predicate's verb and keep it one (it then takes the past form).
_AFTER_VERB = frozenset({"twice", "again", "out", "up", "off", "down", "back", "through", "over",
                         "in"})


def as_written(surface: str, head: str, texts: Sequence[str]) -> str:
    """A predicate in the form people write a problem in: the past participle of its verb
    ("refuse" → "refused", "losing" → "lost", "charges twice" → "charged twice"), when the
    theme's statements say that form and the verb leads the predicate; negated ("don't
    recognize"), blocked ("can't cancel") and ongoing ("keeps crashing") ones as they are.
    The form is chosen for the kind of problem, not copied from one statement."""
    words = surface.split()
    if not words or len(words) > 2 or lemma(words[0]) != head:
        return surface
    if len(words) == 2 and words[1] not in _AFTER_VERB:
        return surface
    said = Counter(w for t in texts for w in tokens(t))
    past = past_participle(words[0], said)
    if not past:
        return _inflected(surface, head, said)
    ongoing = _ongoing(head, past, said) if words[0] != past else ""
    if ongoing:
        return " ".join([ongoing, *words[1:]])
    return " ".join([past, *words[1:]])


def _inflected(surface: str, head: str, said: Counter[str]) -> str:
    """A lone verb in its base form ("expire" of "will expire", "about to expire") in
    the form the statements say it most otherwise ("expires"): after a subject the base
    form reads broken ("card expire")."""
    if surface != head:
        return surface
    forms = [(n, w) for w, n in said.items() if w != head and lemma(w) == head]
    return max(forms)[1] if forms else surface


#: The past form names a problem only when at least this share of the times the statements
#: say the verb say it in that form: "expired" said 8 times among 73 ("expires", "about to
#: expire") is a minority reading of what they say.
PAST_SHARE = 0.25


def _ongoing(head: str, past: str, said: Counter[str]) -> str:
    """The verb's "-ing" form when the statements say it and say the past form in fewer
    than :data:`PAST_SHARE` of the times they say the verb ("card expiring", not "card
    expired", where most write "expires" or "about to expire"); "" otherwise."""
    forms = {w: n for w, n in said.items() if lemma(w) == head}
    if said[past] >= PAST_SHARE * sum(forms.values()):
        return ""
    ing = [w for w in forms if w.endswith("ing")]
    return max(ing, key=lambda w: (forms[w], w)) if ing else ""


#: Verbs that take no object: "didn't work" is said of the subject ("atm didn't work").
_INTRANSITIVE = frozenset({"work", "working", "load", "loading", "arrive", "arrived", "show",
                           "happen", "start", "open", "come", "go", "respond", "belong",
                           "exist", "matter"})


def compose(subject: str, pred: Predicate, max_words: int = 5) -> str:
    """Subject plus predicate, as a person would write it, at most ``max_words`` words.

    "bank connection" + "keeps disconnecting" → "bank connection keeps disconnecting";
    "subscription" + "can't cancel" → "can't cancel subscription".
    """
    pwords = pred.surface.split()
    blocked = bool(pwords) and (pwords[0] in BLOCKED or pwords[-2:-1] == ["to"])
    subj_words = [w for w in subject.split() if lemma(w) not in phrase_lemmas(pred.surface)]
    # the subject is what the verb acts on ("haven't received" + "new card"): verb first
    # (or the customer is the one who "don't"/"haven't"/"didn't": "don't recognize payment")
    acted_on = bool(pwords) and (
        pwords[0] in FIRST_PERSON and pwords[-1] not in _INTRANSITIVE
        or pwords[0] == "never" and bool(phrase_lemmas(pred.obj) & phrase_lemmas(subject))
    )
    if acted_on and not blocked:
        words = pwords + subj_words[-max(1, max_words - len(pwords)) :]
        return " ".join(words[:max_words])
    if blocked:
        said_obj = pred.obj and not phrase_lemmas(pred.obj) <= phrase_lemmas(pred.surface)
        obj = pred.obj if said_obj else ""
        tail = obj.split() if obj else subj_words[-1:]
        words = pwords + tail[-max(0, max_words - len(pwords)) :] if tail else pwords
    else:
        keep = max(1, max_words - len(pwords))
        words = subj_words[-keep:] + pwords
    return " ".join(words[:max_words]).strip() or subject
