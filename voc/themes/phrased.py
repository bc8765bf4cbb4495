"""Names that are a phrase a person writes: its words together, in that order.

Every naming step checks its own name its own way, and the checks are loose: a name's
words in one clause with any function words between (:mod:`voc.themes.aswritten`), or
its subject and problem side by side (:mod:`voc.themes.written`). So a name can drop the
preposition that held its words together ("waiting plane" of "waiting on the plane",
"waited line" of "waited in line", "refund cancelled" of "refund for a cancelled
flight", "result theft" of "as a result of identity theft"), or glue words from
different places ("couldn't help told", "worse is plane", "baby delay"): words no
statement writes in that order, no phrase a person writes. This is the last check of
the name step (:func:`voc.themesteps._reword`).

:func:`together` counts the distinct statements that write a name's words side by side
in its order (its prepositions too; its own determiners need not be), in their forms or
another inflection (:func:`voc.themes.aswritten.inflected`; a negation as any other,
"can't" as "unable to" or "trying to"), with at most :data:`MAX_GAP` modifiers between
two of them (:func:`_modifier`: determiners, possessives, forms of "be" and "have",
object pronouns, adjectives, adverbs: "lost *my* bag", "charged me a *monthly* service
fee"); a noun, a verb or a preposition never stands between (a dropped preposition is
the garble). :func:`person_phrase` keeps a name :func:`least` of its distinct
statements write so (:func:`written`: a thing and what happened to it in either order,
"lost my bag" writes "bag lost"; a thing and its problem noun across a preposition,
"fraud on my card"; a name's two phrases around its preposition in one clause, "on hold
for 45 minutes"). A name of a grammatical shape (:func:`clause_shaped`: "bank refused",
"broken bank connections", "can't cancel subscription", "stranded at the airport"; "no
X"; an adjective and a noun) is no evidence by its shape: it gives way when the
statements write its words with a preposition between that the name dropped ("refund
for a cancelled flight"), and stands only when a statement writes it (a paraphrase
that summarises: another noun may stand in its thing's place, "my referral *reward*
disappeared") or :func:`least` of them say its words in one clause in any order
(:func:`attested`: "Bank of America refused", a refusal as any refusal: "failed to",
"is unable to"; a negation as what did not happen, :func:`unmet`: "failure to close my
savings account", "should have been closed" say "savings account not closed"):
"statement bill missed", "long wait for delay", "nitrogen line freezing", "gate not
boarding" no statement writes, nor says in a clause; or when
:func:`least` write its head and problem (:func:`_head`: "account not closed" of
"savings account not closed"). An adjective-led name that is no clause ("swift
transfers pending", Banking77's short intents) still gives way only to a dropped
preposition. Any name
gives way when none of its nouns is said by a tenth of its statements
(:func:`about_few`: "freezing bus" of 30 statements, 2 of them on a bus), and copies of
one pasted text count once (:func:`unpasted`: a legal template pasted in two complaints
is one statement of it). Names that summarise by design always stand:
questions, mixed names, "X and Y", "parent: qualifier", a twin's name joined to what
sets it apart ("no response to letters" beside "no response", :func:`twin_joined`), one word
(:func:`voc.themes.aswritten.checked`), "X problems", a friction frame's name
(:func:`framed`: "can't get through by phone"), an adjective and the noun it judges
(:func:`judged`: "rude staff") and a thing's problem-noun label both words of which the
statements say, in one statement (:func:`labelled`: "card fraud"; not "beer delay" of
statements that say "beer" and "delay" apart). A name ending on a negated verb the
statements go on after ("won't let" of "won't let me") is :func:`clipped`.

:func:`rephrased` gives a theme whose name fails what the name says of its thing when its
statements write that ("charged twice" of "billing charged twice"), else the problem
phrase its statements write that passes, written so by a tenth of them and on its topic
(:func:`voc.themes.problemspans.said_span`, :func:`voc.themes.said.phrases_said`), else
its honest mixed name (:func:`voc.themes.mixed.mixed_name`): readers keep a vague honest
name over a garbled one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from voc.themes.aswritten import checked, inflected
from voc.themes.dangling import PREPOSITIONS
from voc.themes.evidence import norm_word
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pos import PARTICLES, lexicon_tag
from voc.themes.predicate import ATTEMPT
from voc.themes.written import clauses

#: Share of a theme's distinct statements that must write its name together (at least
#: :data:`LEAST_MIN`; all when fewer).
SHARE = 0.05
#: Fewest distinct statements that must write a name together.
LEAST_MIN = 2
#: Most words between two of a name's words.
MAX_GAP = 3
#: Words that may stand between two of a name's words: determiners, possessives, forms of
#: "be" and "have", light adverbs. No preposition: a name that drops one is garbled.
GAP_WORDS = frozenset({
    "a", "an", "the", "my", "our", "your", "their", "his", "her", "its", "this", "that",
    "these", "those", "some", "any", "all", "is", "was", "were", "are", "be", "been",
    "being", "has", "have", "had", "got", "get", "gets", "still", "just", "again", "so",
    "really", "even", "already", "now", "totally", "completely", "very", "ever", "also",
    "me", "us", "them", "you", "him", "#",
})
#: Most words of any kind before a preposition of the name ("can't get through *to
#: anyone* by phone").
PP_GAP = 3
#: A phrase that names a theme instead of its name says a word of the name or of this
#: many of the theme's best key phrases: it stays on the theme's topic.
TOPIC_PHRASES = 3
#: Light verbs a negated name may not end on when the statements write what follows
#: them ("won't let me", "didn't give us").
LIGHT_VERBS = frozenset({"let", "give", "get", "make", "take", "tell", "say", "do", "have",
                         "follow", "keep", "put", "want", "know"})
#: Words that stand for a verb's object or place: object pronouns, "there".
OBJECT_WORDS = frozenset({"me", "us", "you", "him", "them", "there", "here", "anything",
                          "anyone"})
#: Share of the statements writing such a name whose clause goes on after it.
CLIPPED_SHARE = 0.5
#: Fewest words of a clause two statements write word for word that makes them copies of
#: one pasted text (a legal template, a form letter), counted once (:func:`unpasted`).
PASTED = 10
#: Fewest statements that must say a name's thing (:func:`about_few`; half of them when
#: fewer than six): two of twenty on a "freezing bus" is a name about two.
THING_MIN = 3
#: Words that say a thing would not do something: a name's refusal is written by any of
#: them ("bank refused" of "Bank of America failed to", "is unable to", "can not").
REFUSALS = frozenset({"refuse", "fail", "unable", "decline", "deny", "reject", "can't",
                      "cannot", "won't", "wouldn't", "couldn't"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
_CANT = frozenset({"can't", "cannot", "couldn't", "unable"})
_NEGATED = frozenset({"can't", "cannot", "couldn't", "won't", "didn't", "don't", "doesn't",
                      "not", "never", "wouldn't", "isn't", "wasn't", "haven't", "hasn't"})
_NUMBERED = re.compile(r"\s*\(\d+\)$")
_PLAIN = frozenset({"problems", "problem", "issues", "issue", "complaints", "errors"})


def least(n: int) -> int:
    """Distinct statements of ``n`` that must write a name together."""
    return min(n, max(LEAST_MIN, math.ceil(SHARE * n)))


def _negation(word: str) -> bool:
    """Whether ``word`` negates a verb ("not", "never", "can't", "didn't", "unable")."""
    w = word.replace("’", "'")
    return w in _NEGATED or w == "unable" or norm_word(w) == "not"


def _same(name_word: str, written: str) -> bool:
    """Whether ``written`` writes ``name_word``: another inflection of it
    (:func:`voc.themes.aswritten.inflected`), a negation any other ("haven't" of
    "have not", "can't" of "unable to"), "can't" an attempt ("trying to")."""
    if _negation(name_word):
        return _negation(written) or lemma(written) in ATTEMPT and name_word in _CANT
    return inflected(name_word, written)


def _modifier(word: str) -> bool:
    """Whether ``word`` may stand between two of a name's words: a :data:`GAP_WORDS` word,
    an adjective or an adverb ("charged me a *monthly* service fee"); never a noun, a verb
    or a preposition."""
    return word in GAP_WORDS or (word not in PREPOSITIONS
                                 and lexicon_tag(word)[:2] in ("JJ", "RB"))


def _match(want: Sequence[str], words: Sequence[str], i: int, across: bool = False,
           nouns: bool = False) -> int:
    """One past the end of ``want`` written from ``words[i]`` (:data:`MAX_GAP` gap words
    at most between two of its words, prepositions too when ``across``, nouns when
    ``nouns``; up to
    :data:`PP_GAP` words of any kind before a preposition of the name, which opens a
    phrase of its own), else -1."""
    if not _same(want[0], words[i]):
        return -1
    j, gap = i + 1, 0
    for w in want[1:]:
        while j < len(words) and not _same(w, words[j]):
            if w in PREPOSITIONS and words[j] not in PREPOSITIONS and gap < PP_GAP:
                gap += 1
                j += 1
                continue
            between = _modifier(words[j]) or across and words[j] in PREPOSITIONS \
                or nouns and lexicon_tag(words[j]).startswith("NN") \
                or words[j] == "to" and _same("can't", words[j - 1])  # "unable to"
            if not between or gap >= MAX_GAP:
                return -1
            gap += 1
            j += 1
        if j >= len(words):
            return -1
        j, gap = j + 1, 0
    return j


def _want(name: str) -> list[str]:
    """The words of ``name`` a statement must write (its own gap words need not be)."""
    return [w for w in name.lower().replace("’", "'").split() if w not in GAP_WORDS]


def _in_clause(want: Sequence[str], words: Sequence[str], across: bool = False,
               nouns: bool = False) -> int:
    """Where ``want`` ends in the clause ``words`` (its first match), else -1."""
    if not want:
        return -1
    return next((e for i in range(len(words))
                 if (e := _match(want, words, i, across, nouns)) >= 0), -1)


def _ends(name: str, texts: Sequence[str], across: bool = False, nouns: bool = False
          ) -> list[tuple[tuple[str, ...], int]]:
    """Per distinct text writing ``name`` together, its clause and where the name ends."""
    want = _want(name)
    out: list[tuple[tuple[str, ...], int]] = []
    for t in dict.fromkeys(texts):
        for words, _keys in clauses(t):
            end = _in_clause(want, words, across, nouns)
            if end >= 0:
                out.append((words, end))
                break
    return out


def together(name: str, texts: Sequence[str], across: bool = False,
             nouns: bool = False) -> int:
    """Distinct ``texts`` that write ``name``'s words together, in its order."""
    return len(_ends(name, texts, across, nouns)) if _want(name) else 0


def clipped(name: str, texts: Sequence[str]) -> bool:
    """Whether ``name`` ends on a negated verb the statements go on after: a light verb
    whose clause goes on ("won't let" of "won't let me"), or any verb most of them write
    with its object or place after it ("never lived" of "never lived there", "didn't
    give" of "didn't give us")."""
    words = name.lower().split()
    if len(words) < 2 or not _negation(words[-2]):
        return False
    ends = _ends(name, texts)
    if not ends:
        return False
    light = lemma(words[-1]) in LIGHT_VERBS
    on = sum(e < len(w) and (light or w[e] in OBJECT_WORDS) for w, e in ends)
    return on >= max(LEAST_MIN, CLIPPED_SHARE * len(ends))


def paired(name: str) -> bool:
    """Whether ``name`` is a thing and what it is or what happened to it, in either
    order: an adjective or participle and a noun ("rude staff", "bag lost")."""
    words = name.lower().split()
    if len(words) != 2:
        return False
    tags = [lexicon_tag(w)[:2] for w in words]
    return tags[0] == "NN" and tags[1] in ("JJ", "VB") \
        or tags[1] == "NN" and tags[0] in ("JJ", "VB")


def compound(name: str, texts: Sequence[str]) -> bool:
    """Whether ``name`` is a thing and the problem noun it has, as a label is written
    ("debt dispute", "card fraud"; never a person: "baby delay")."""
    from voc.themes.owned import owned
    from voc.themes.plain import problem_nouns

    words = name.lower().split()
    return len(words) == 2 and all(lexicon_tag(w).startswith("NN") for w in words) \
        and lemma(words[1]) in problem_nouns() and owned(words[0], texts)


def labelled(name: str, texts: Sequence[str]) -> bool:
    """Whether ``name`` is a :func:`compound` label whose thing and problem :func:`least`
    of the distinct ``texts`` each say, and say in one statement ("card fraud"), the
    thing as a thing: not mostly
    the head of an "of" phrase ("as a *result of* identity theft")."""
    if not compound(name, texts):
        return False
    thing, problem = (lemma(w) for w in name.lower().split())
    uniq = list(dict.fromkeys(texts))
    said = [_clauses_of(t) for t in uniq]
    need = least(len(uniq))
    n_thing = sum(any(thing in c for c in cs) for cs in said)
    n_problem = sum(any(problem in c for c in cs) for cs in said)
    # the thing and its problem in one statement: "beer" and "delay" each said by two of
    # four statements, together by one, is no "beer delay"
    n_both = sum(any(thing in c for c in cs) and any(problem in c for c in cs)
                 for cs in said)
    if n_both < need:
        return False
    at = [(c, i) for cs in said for c in cs for i, w in enumerate(c) if w == thing]
    of = sum(i + 1 < len(c) and c[i + 1] == "of" for c, i in at)
    return n_thing >= need and n_problem >= need and of * 2 < max(len(at), 1)


def _clauses_of(text: str) -> list[list[str]]:
    """The lemmas of each clause of ``text``."""
    return [[lemma(w) for w in words] for words, _k in clauses(text)]


def _pieces(name: str) -> tuple[str, str] | None:
    """A name's words before its inner preposition and from it ("minutes" and "on
    hold"), or None."""
    words = name.lower().split()
    k = next((k for k in range(1, len(words) - 1) if words[k] in PREPOSITIONS), 0)
    return (" ".join(words[:k]), " ".join(words[k:])) if k else None


def _thing_end(words: Sequence[str]) -> int:
    """Index of the first word of ``words`` that is no noun, the end of the thing a name
    starts with ("savings account" of "savings account not closed"); 0 when the first
    word is none or every word is one."""
    return next((k for k, w in enumerate(words) if not lexicon_tag(w).startswith("NN")), 0)


def _subject_split(name: str) -> tuple[str, str] | None:
    """A :func:`clause_shaped` name's thing and what is said of it ("savings account",
    "not closed"), or None."""
    words = name.lower().split()
    if not clause_shaped(name) or len(words) < 3 or any(w in PREPOSITIONS for w in words):
        return None
    k = _thing_end(words)
    return (" ".join(words[:k]), " ".join(words[k:])) if k else None


def _writes(name: str, text: str, texts: Sequence[str]) -> bool:
    """Whether ``text`` writes ``name`` (see :func:`written`)."""
    if together(name, [text]):
        return True
    words = name.split()
    if paired(name):
        return bool(together(f"{words[1]} {words[0]}", [text]))
    if compound(name, texts):  # "fraud on my card", "disputed the debt"
        return bool(together(f"{words[1]} {words[0]}", [text], across=True))
    if clause_shaped(name) and together(name, [text], nouns=True):
        return True
    said_of = _subject_split(name)
    if said_of:  # "didn't close my savings account" writes "savings account not closed";
        # "my referral reward disappeared" writes "referral bonus disappeared"
        first = said_of[0].split()[0]
        return bool(together(f"{said_of[1]} {said_of[0]}", [text])
                    or together(f"{first} {said_of[1]}", [text], nouns=True))
    pieces = _pieces(name)
    if pieces:  # "on hold for 45 minutes" writes "minutes on hold"
        a, b = _want(pieces[0]), _want(pieces[1])
        return any(_in_clause(a, w) >= 0 and _in_clause(b, w) >= 0 for w, _k in clauses(text))
    return False


def written(name: str, texts: Sequence[str]) -> int:
    """Distinct ``texts`` writing ``name`` together (:func:`together`); a
    :func:`paired` name's words in either order ("staff was rude" writes "rude staff",
    "lost my bag" "bag lost"), a :func:`compound` its problem before its thing across
    a preposition ("fraud on my card"), a name with an inner preposition its two
    phrases in one clause in either order ("on hold for 45 minutes")."""
    uniq = list(dict.fromkeys(texts))
    return sum(_writes(name, t, uniq) for t in uniq)


@lru_cache(maxsize=1)
def _framed() -> re.Pattern[str]:
    """The names the friction frames give (:mod:`voc.themes.frames`' library, their
    wordings and groups; :mod:`voc.themes.framenames`' templates of one subject), which
    summarise by design: "can't get through by phone", "waiting for refund"."""
    from voc.themes.framenames import FRAMES
    from voc.themes.frames import load_frames

    lib = load_frames()
    names = [n for f in [*lib.frames, *lib.groups] for n in [f.name, *f.wordings]]
    names += [t for f in FRAMES for t in f.templates if "{s}" in t and "{v}" not in t]
    alts = [re.escape(n.lower()).replace(r"\{verb\}", r"\w+").replace(r"\{s\}", r"[\w'-]+")
            for n in names]
    return re.compile("(?:" + "|".join(alts) + ")")


def framed(name: str) -> bool:
    """Whether ``name`` is a friction frame's name (see :func:`_framed`)."""
    return _framed().fullmatch(name.lower()) is not None


def judged(name: str) -> bool:
    """Whether ``name`` is an adjective and the noun it judges ("rude staff", "useless
    agent", "rude gate agent"): a participle ("disappointed agent") is not one."""
    words = name.lower().split()
    return 2 <= len(words) <= 3 and lexicon_tag(words[0]) in ("JJ", "JJS", "JJR") \
        and all(lexicon_tag(w).startswith("NN") for w in words[1:])


def clause_shaped(name: str) -> bool:
    """Whether ``name`` is shaped as people write a clause: a thing and what it did or
    is ("bank refused", "savings account not closed", "internet down"), a past
    participle and its thing ("broken bank connections"), a negated verb and its object
    ("can't cancel subscription"), or a word and a prepositional phrase ("stranded at
    the airport", "minutes on hold"). Such a name gives way only to the evidence of a
    dropped preposition (:func:`person_phrase`); a bare verb and a noun ("waiting plane",
    "waited line") may be a verb whose preposition was dropped, and must be written."""
    words = name.lower().split()
    # a word the lexicon does not know is a name of a thing ("atm", "google", "uk")
    tags = [lexicon_tag(w)[:2] or "NN" for w in words]
    # a word after a negation is its verb ("didn't *work*")
    tags = [("VB" if k and _negation(words[k - 1]) else t) for k, t in enumerate(tags)]
    k = next((k for k in range(1, len(words) - 1) if words[k] in PREPOSITIONS), 0)
    if k and all(w in GAP_WORDS for w in words[k + 1:-1]) and words[-1] not in STOPWORDS:
        return True
    if len(words) >= 2 and (lexicon_tag(words[0]) == "VBN"
                            or _negation(words[0]) and tags[1] == "VB") \
            and all(t in ("NN", "JJ") or w in GAP_WORDS
                    for w, t in zip(words[1 + _negation(words[0]):],
                                    tags[1 + _negation(words[0]):], strict=True)):
        return True  # "broken bank connections", "can't cancel subscription"
    if len(words) < 2 or tags[0] != "NN":
        return False
    last = -2 if words[-1] in PARTICLES and len(words) > 2 else -1
    if (tags[last] in ("VB", "JJ", "RB") or words[last] in PARTICLES) and all(
            t == "NN" or _negation(w) or w in GAP_WORDS
            for w, t in zip(words[1:last], tags[1:last], strict=True)):
        return True
    # a thing, a negated verb and its object: "atm didn't give cash"
    v = next((k for k, w in enumerate(words) if tags[k] != "NN" and not _negation(w)), 0)
    return 0 < v < len(words) - 1 and _negation(words[v - 1]) and tags[v] == "VB" \
        and all(t == "NN" or w in GAP_WORDS for w, t in zip(words[v + 1:], tags[v + 1:],
                                                             strict=True))


def unpasted(texts: Sequence[str]) -> list[str]:
    """The distinct ``texts``, copies of one pasted text counted once: a text that writes
    a clause of :data:`PASTED` words or more word for word as an earlier one did is that
    text again ("the plaintiff has failed to demonstrate any capacity ..." pasted in two
    complaints is one statement of it)."""
    seen: set[tuple[str, ...]] = set()
    out: list[str] = []
    for t in dict.fromkeys(texts):
        long = {w for w, _k in clauses(t) if len(w) >= PASTED}
        if not long & seen:
            out.append(t)
        seen |= long
    return out


#: Nouns of a refusal or failure before "to" ("failure to close my savings account").
_FAILURES = frozenset({"failure", "refusal", "inability"})
#: Modals that, with "have" and a participle, say what did not happen ("my account should
#: have been closed").
_UNMET_MODALS = frozenset({"should", "shouldve", "should've", "ought"})


def unmet(words: Sequence[str]) -> bool:
    """Whether a clause (``words``) says something did not happen in another grammatical
    form than a negation: nominalised, a failure or refusal "to" do it ("failure to close
    my savings account", "refused to refund"), or as what should have happened ("should
    have been closed", "should've refunded"): "savings account not closed" is what
    such statements say."""
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if nxt == "to" and (w in _FAILURES or lemma(w) in {"fail", "refuse"}):
            return True
        if w in _UNMET_MODALS and (w.endswith("ve") or "have" in words[k + 1:k + 3]):
            return True
    return False


def _says(want: str, lemmas: Collection[str], words: Sequence[str]) -> bool:
    """Whether a clause (its ``lemmas`` and ``words``) says the name word ``want``: in
    another inflection, a negation as any negation or as what did not happen
    (:func:`unmet`: "failure to close", "should have been closed"), a refusal as any
    :data:`REFUSALS` word."""
    if _negation(want):
        return any(_negation(w) for w in words) or unmet(words)
    if lemma(want) in REFUSALS:
        return any(lemma(w) in REFUSALS or w in REFUSALS or w == "not" for w in words)
    return lemma(want) in lemmas or any(inflected(want, w) for w in words)


def attested(name: str, texts: Sequence[str]) -> int:
    """Distinct ``texts`` one clause of which says every word of ``name`` but its gap
    words and prepositions, in any order and with anything between (:func:`_says`):
    "Bank of America refused" attests "bank refused", "it is wrong ... my credit" does
    not attest "credit wrong" unless one clause says both."""
    want = [w for w in _want(name) if w not in PREPOSITIONS]
    if not want:
        return 0
    n = 0
    for t in dict.fromkeys(texts):
        for words, _k in clauses(t):
            lem = {lemma(w) for w in words}
            if all(_says(w, lem, words) for w in want):
                n += 1
                break
    return n


def _things(words: Sequence[str]) -> list[str]:
    """The nouns of a name's ``words`` (a word the lexicon does not know is a name of a
    thing; a preposition's object is one: "on *hold*"), not its problem nouns, gap words
    or a verb after a negation: what the name says its theme is about."""
    from voc.themes.plain import problem_nouns

    objects = {k for k, w in enumerate(words) if k and words[k - 1] in PREPOSITIONS
               and w not in GAP_WORDS}  # "on *hold*": a preposition's object
    return [w for k, w in enumerate(words)
            if ((lexicon_tag(w)[:2] or "NN") == "NN" or k in objects)
            and w.isalpha() and w not in GAP_WORDS
            and w not in PREPOSITIONS and w not in STOPWORDS and w != "no"
            and lemma(w) not in problem_nouns()
            and not (k and _negation(words[k - 1]))]  # "doesn't *work*": a verb


def about_few(name: str, texts: Sequence[str]) -> bool:
    """Whether ``name`` says a thing few of ``texts`` say: none of its nouns (its
    :func:`_things`) is said by a tenth of them (:func:`voc.themes.pairs.need`), three at
    least (:data:`THING_MIN`; half when fewer than six), so the
    name is confident about what few of its statements are about ("freezing bus" of 30
    statements of passengers stranded in the cold, 2 of them on a bus), unless half of
    them say its other words ("stuck" of "stuck in airport")."""
    from voc.themes.pairs import need as pairs_need

    things = _things(name.lower().split())
    if not things:
        return False
    said = [{lemma(w) for ws, _k in clauses(t) for w in ws} for t in texts]
    need = min(max(THING_MIN, pairs_need(len(texts))), max(2, len(texts) // 2))
    if any(sum(lemma(w) in s for s in said) >= need for w in things):
        return False
    # what it says of its thing most of them say: the name is about that ("stuck in
    # airport" of statements stuck in Denver, in Miami, at the airport)
    rest = [w for w in _want(name) if w not in things and w not in PREPOSITIONS
            and w not in STOPWORDS and not _negation(w)]
    return not any(2 * sum(lemma(w) in s for s in said) >= len(texts) for w in rest)


def person_phrase(name: str, texts: Sequence[str]) -> bool:
    """Whether ``name`` is a phrase a person writes (see the module doc)."""
    name = _NUMBERED.sub("", name)
    part = checked(name)
    uniq = unpasted(texts)
    if not part or not uniq or framed(part) or judged(part) or labelled(part, uniq):
        return True
    if part != name or name.lower().split()[-1] in _PLAIN:
        return True  # "seat problems": a thing and "problems" is how people say it
    if len(part.split()) < 2:
        return True
    if clipped(part, uniq) or about_few(part, uniq):
        return False
    words = part.lower().split()
    need = least(len(uniq))
    if clause_shaped(part) or words[0] == "no" or _adjective_led(words):
        # a grammatical shape is no evidence: garbled when the statements hold its words
        # with a preposition between that the name dropped ("refund for cancelled
        # flight"), else it stands when one of them writes it (a paraphrase summarises:
        # "referral bonus disappeared") or enough say its words in one clause ("Bank of
        # America refused": "bank refused"); not on its shape alone ("statement bill
        # missed", "long wait for delay" no statement writes)
        n = written(part, uniq)
        if n == 0 and together(part, uniq, across=True):
            return False
        if not clause_shaped(part) and words[0] != "no":
            return True  # adjective-led ("swift transfers pending"): Banking77's intents
        head = _head(part)
        return n > 0 or attested(part, uniq) >= need \
            or bool(head) and written(head, uniq) >= need
    if _negation(words[0]) and len(words) > 2 and written(" ".join(words[1:]), uniq) >= need:
        return True  # "can't change flights": people write the negation many ways
    return written(part, uniq) >= need


def _head(name: str) -> str:
    """A grammatical name's head and problem: without the adjective it starts on or the
    nouns before its thing's last ("transfers pending" of "swift transfers pending",
    "account not closed" of "savings account not closed"), else ""."""
    words = name.lower().split()
    if _adjective_led(words) and len(words) > 2:
        return " ".join(words[1:])
    said_of = _subject_split(name)
    if said_of and len(said_of[0].split()) > 1:
        return f"{said_of[0].split()[-1]} {said_of[1]}"
    return ""


def _adjective_led(words: Sequence[str]) -> bool:
    """Whether ``words`` start on an adjective and a noun ("swift transfers pending",
    "worst experience ever flying")."""
    return len(words) >= 2 and lexicon_tag(words[0]) in ("JJ", "JJS", "JJR") \
        and lexicon_tag(words[1]).startswith("NN")


def _leads(phrase: str) -> bool:
    """Whether ``phrase`` starts as a name does: not on a pronoun or another stop word
    ("i'm on hold"), a negation or "no" aside."""
    first = phrase.lower().split()[0]
    return first in ("no", "not", "never") or _negation(first) or first not in STOPWORDS


def rephrased(name: str, texts: Sequence[str], phrases: Sequence[str] = (),
              taken: Collection[str] = ()) -> str:
    """``name`` when it is a :func:`person_phrase`, else what it says of its thing when that
    is one its statements write (:func:`_said_of`), else the problem phrase its statements
    write that is one (the most written first, written so by a tenth of them at least:
    :func:`voc.themes.pairs.need`; saying a word of ``name`` or of the best key
    ``phrases``; never a name in ``taken``), else the honest mixed name."""
    from voc.themes.mixed import mixed_name
    from voc.themes.pairs import need as pairs_need
    from voc.themes.problemspans import said_span
    from voc.themes.said import phrases_said

    if person_phrase(name, texts) or twin_joined(name, texts, taken):
        return name
    uniq = list(dict.fromkeys(texts))
    need = max(least(len(uniq)), pairs_need(len(uniq)))
    gone = {t.lower() for t in taken}
    said = _said_of(name)
    if said and said.lower() not in gone and person_phrase(said, uniq) \
            and written(said, uniq) >= need:
        return said  # "billing charged twice": what its statements write is "charged twice"
    cands = [s.text for s in phrases_said(uniq, phrases) if s.support >= need]
    span = said_span(uniq, phrases)
    about = _lemmas([name, *phrases[:TOPIC_PHRASES]])
    for c in [span, *cands] if span else cands:
        if c and c.lower() not in gone and _leads(c) and not _open_clause(c) and _names_thing(c) \
                and _lemmas([c]) & about and person_phrase(c, uniq) and not clipped(c, uniq) \
                and written(c, uniq) >= need:
            return c
    return mixed_name(uniq, taken=list(taken), about=_thing(name, phrases), phrases=phrases)


#: Words a twin's name may add after its twin's name and preposition ("to letters",
#: "from credit bureaus", "to rebook").
TWIN_TAIL = 2


def twin_joined(name: str, texts: Sequence[str], taken: Collection[str] = ()) -> bool:
    """Whether ``name`` is a twin's name joined to what sets it apart: another theme's
    name (in ``taken``, its number aside), a preposition and at most :data:`TWIN_TAIL`
    words (:func:`voc.themes.twinname.run_joined`: "no response to letters" beside "no
    response"; :func:`voc.themes.twinname.purpose_name`: "hours on hold to rebook"),
    whose last word :func:`voc.themes.pairs.need` of the distinct ``texts`` say in a
    statement that says the twin's name too. Like "parent: qualifier" it summarises by
    design; unlike it, it reads as a phrase."""
    from voc.themes.evidence import said_by, said_words
    from voc.themes.pairs import need

    low = name.lower()
    uniq = list(dict.fromkeys(texts))
    for other in {_NUMBERED.sub("", t).lower() for t in taken}:
        rest = low[len(other):].split() if other and low.startswith(f"{other} ") else []
        if not 2 <= len(rest) <= TWIN_TAIL + 1 or rest[0] not in PREPOSITIONS:
            continue
        content = " ".join(w for w in other.split() if w not in STOPWORDS) or other
        last = norm_word(rest[-1])
        said = [said_words(t) for t in uniq]
        if sum(bool(said_by(content, [s])) and last in s for s in said) >= need(len(uniq)):
            return True
    return False


def _said_of(name: str) -> str:
    """What ``name`` says of the thing(s) it starts with, when that is a verb phrase of
    two words or more ("charged twice" of "billing charged twice"), else ""."""
    words = name.lower().split()
    k = _thing_end(words)
    if k == 0 or len(words) - k < 2:
        return ""
    return " ".join(words[k:]) if lexicon_tag(words[k]).startswith("VB") \
        or _negation(words[k]) else ""


def _thing(name: str, phrases: Sequence[str]) -> str:
    """The noun of ``name`` its theme is about, for its mixed name ("refund" of "refund
    cancelled"): its first noun that is no problem noun and that one of the best key
    ``phrases`` says; "" when none is."""
    from voc.themes.plain import problem_nouns

    keys = _lemmas(phrases[:TOPIC_PHRASES])
    return next((w for w in name.lower().split() if lexicon_tag(w).startswith("NN")
                 and lemma(w) not in problem_nouns() and lemma(w) in keys), "")


def _lemmas(phrases: Sequence[str]) -> set[str]:
    """The content lemmas of ``phrases``."""
    return {lemma(w) for p in phrases for w in p.lower().split() if w not in STOPWORDS}


def _names_thing(phrase: str) -> bool:
    """Whether ``phrase`` says a thing: a noun ("no response"), not only what happened
    ("isn't showing", "didn't work")."""
    return any(lexicon_tag(w).startswith("NN") and w not in STOPWORDS
               for w in phrase.lower().split())


def _open_clause(phrase: str) -> bool:
    """Whether ``phrase`` stops inside a clause, on a progressive verb after a form of
    "be" ("incorrect reporting is harming")."""
    words = phrase.lower().split()
    return len(words) >= 2 and words[-2] in _BE and lexicon_tag(words[-1]) == "VBG"
