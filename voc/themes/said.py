"""Problem phrases as a theme's statements say them, and the words to match them by.

:func:`phrases_said` collects the short spans people write to say what is wrong, as
written and normalised: a negation and a noun ("no response"), a blocked or negated
verb with its particle and what it acts on ("can't check in", "never received refund";
a verb that needs its object never without it, :mod:`voc.themes.dangling`),
a noun and what happened to it ("flight cancelled", "bag lost"), a judgement before a
noun, all judgements of one noun voting together ("bad seat", "lousy coach seat"),
being stuck or waiting somewhere ("stuck on plane", "hours on hold"); each counted once
per distinct statement. :func:`key` is how words match: negations as a class, other
words by lemma. Used by :mod:`voc.themes.attest`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from voc.themes.dangling import needs_object
from voc.themes.idioms import mask
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.modality import framed
from voc.themes.pos import PARTICLES, glued, lexicon_tag
from voc.themes.predicate import evaluative_lemmas, problem_lemmas
from voc.themes.subjects import JUDGEMENTS, SAID_AFTER, SAID_WRONG
from voc.themes.wording import REDACTED, TIME_WORDS, proper_names

_TOKEN = re.compile(
    r"@\w+|#\w+|https?://\S+|www\.\S+|\[[a-z_]+\]|\d[\d.,:/]*"
    r"|[a-z][a-z'\-]*[a-z]|[a-z]|[.,;:!?()\"]"
)
#: Marks a span never crosses: punctuation, handles, tags, links, numbers, placeholders.
BREAK = "|"
_CANT = frozenset({"can't", "cannot", "cant"})
_NEGATED = frozenset({"not", "never"})
#: Negations that lead a noun: "no response", "zero help".
_NO = frozenset({"no", "zero"})
#: Nouns too vague to be what a problem is said of ("no way", "no one").
VAGUE_NOUNS = frozenset(
    {"one", "way", "thing", "things", "matter", "longer", "problem", "problems", "issue",
     "issues", "reason", "need", "idea", "sense", "clue", "lol", "guy", "guys", "people",
     "time", "times", "lot", "kind", "sort", "bit", "day", "days", "hour", "hours", "minute",
     "minutes", "week", "weeks", "month", "months", "year", "years", "today", "thanks",
     "thank", "please", "pls", "u", "ur", "im", "amp", "omg", "wtf", "anyone", "someone",
     "everyone", "nobody", "something", "anything", "everything", "nothing", "fact", "point"}
)
#: Verbs too light to say what the customer cannot do ("can't be", "don't have").
LIGHT_WORDS = frozenset(
    {"be", "have", "do", "get", "go", "make", "know", "think", "want", "need", "see", "say",
     "like", "let", "mean", "seem", "come", "take", "give", "look", "feel", "care", "try",
     "bother", "matter", "wait", "believe", "guess", "expect", "understand", "keep", "put",
     "even", "really", "just", "ever", "yet", "also", "still", "always"}
)
#: Words between a noun and what happened to it ("flight was cancelled").
_BETWEEN = frozenset({"was", "were", "is", "are", "been", "be", "being", "got", "get", "gets",
                      "has", "have", "had", "just", "again", "still", "all", "so", "now",
                      "totally", "completely", "already"})
_DETERMINERS = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their", "any",
                          "this", "that", "these", "those", "its"})
#: Words of being stuck or waiting, which take a place or a thing after a preposition.
_STUCK = frozenset({"stuck", "stranded", "waiting", "waited", "sitting", "sat", "trapped"})


def raw_tokens(text: str) -> list[str]:
    """Lowercase tokens, with :data:`BREAK` for punctuation, handles, numbers and the
    words of fixed expressions ("to no avail": :mod:`voc.themes.idioms`)."""
    toks = _TOKEN.findall(text.lower().replace("’", "'").replace("`", "'"))
    return mask([t if t[0].isalpha() else BREAK for t in toks], BREAK)


def key(word: str, prev: str = "") -> str:
    """A word's key for matching: negations as a class ("cannot" = "unable" = "can't";
    "not" = any other "n't"), other words by lemma."""
    if word in _CANT or word == "unable" or (word == "not" and prev == "can"):
        return "can't"
    if word.endswith("n't") or word == "not":
        return "not"
    return lemma(word)


#: Attempts that say the customer cannot do what follows: "trying to cancel", "let me cancel".
_ATTEMPTS = frozenset({"try", "attempt"})


def token_keys(toks: Sequence[str]) -> list[str]:
    """Keys of a statement's tokens; an attempt ("trying to", "let me") counts as "can't",
    as the name step words it ("can't cancel subscription")."""
    out = [key(w, toks[i - 1] if i else "") for i, w in enumerate(toks)]
    for i in range(len(toks) - 1):
        if out[i] in _ATTEMPTS and toks[i + 1] == "to" or out[i] == "let" and toks[i + 1] == "me":
            out[i] = "can't"
    return out


@lru_cache(maxsize=1)
def wrong_words() -> frozenset[str]:
    """Lemmas and words that say what is wrong (the shipped cue file's problem and
    evaluative words, the subject modules' judgement words), plus negations."""
    return frozenset(
        problem_lemmas() | evaluative_lemmas() | SAID_WRONG | JUDGEMENTS
        | {lemma(w) for w in SAID_WRONG | JUDGEMENTS}
        | {"not", "can't", "never", "no", "zero", "without", "unable", "wait", "waiting",
           "hold", "stuck", "stranded"}
    )



@dataclass(frozen=True)
class Said:
    """A problem phrase as the statements say it: its words, the subject it is said of,
    and how many distinct statements say it."""

    text: str
    subject: str
    support: int


@dataclass(frozen=True)
class Vocab:
    """Words of one theme: names of companies and places (never subjects) and the words
    of its key phrases (``known``: subjects even when the lexicon does not know them)."""

    names: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()


def is_noun(word: str, vocab: Vocab) -> bool:
    """A noun a problem can be said of: tagged noun by the lexicon, or a word it does not
    know that is a word of the theme's key phrases ("wifi", "autopay")."""
    if len(word) < 3 or word in STOPWORDS or word in VAGUE_NOUNS or word in vocab.names \
            or word in TIME_WORDS or REDACTED.fullmatch(word) or glued(word) \
            or not word.replace("-", "").isalpha():
        return False
    tag = lexicon_tag(word)
    return tag.startswith("NN") or (not tag and word in vocab.known and "'" not in word)


def _object(toks: Sequence[str], j: int, vocab: Vocab) -> tuple[str, int]:
    """The noun (one or two words) a verb at ``j - 1`` acts on, starting at ``j``."""
    while j < len(toks) and toks[j] in _DETERMINERS:
        j += 1
    if j < len(toks) and is_noun(toks[j], vocab):
        if j + 1 < len(toks) and is_noun(toks[j + 1], vocab):
            return f"{toks[j]} {toks[j + 1]}", j + 2
        return toks[j], j + 1
    return "", j


#: Marks of a judgement class: every judgement word before a noun votes as one.
_JUDGED = "~bad"
_TIME_NOUNS = frozenset({"hour", "hours", "minute", "minutes", "min", "mins", "hrs", "hr"})


def _spans(text: str, vocab: Vocab) -> dict[str, tuple[str, str]]:
    """Problem spans of one statement: lemma key → (words as written, subject)."""
    toks = raw_tokens(text)
    out: dict[str, tuple[str, str]] = {}
    wrong = wrong_words()

    def add(words: list[str], subject: str, judged: str = "") -> None:
        # judgements vote together, by the head noun ("bad seat", "lousy coach seat")
        if judged:
            keys = [_JUDGED, key(words[-1])]
        else:  # "unable to check in" says "can't check in"
            keys = sorted(key(w) for w in words if not (w == "to" and words[0] == "unable"))
        out.setdefault(" ".join(keys), (" ".join(words), subject))

    for i, w in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else BREAK
        if w in _NO:  # "no response", "no real answer"
            j = i + 1
            if j < len(toks) and lexicon_tag(toks[j]).startswith("JJ") and j + 1 < len(toks):
                j += 1
            obj, _ = _object(toks, j, vocab)
            if obj:
                add([w, *obj.split()], obj)
            continue
        if w in _CANT or w.endswith("n't") or w in _NEGATED or (w == "unable" and nxt == "to"):
            _negated(toks, i, vocab, add)
            continue
        if is_noun(w, vocab):
            # "flight (was) cancelled", "bags lost"
            j = i + 1
            while j < len(toks) and toks[j] in _BETWEEN and j - i <= 3:
                j += 1
            if j < len(toks) and toks[j] in SAID_AFTER and not glued(toks[j]) \
                    and not framed(toks, j):  # not "accounts should be closed"
                add([w, toks[j]], w)
            continue
        lem = lemma(w)
        if w in JUDGEMENTS or lem in evaluative_lemmas() or (
            w in SAID_AFTER and w.endswith("ed")
        ):
            # "bad seat", "lousy service", "delayed flight" (said "flight delayed")
            obj, _ = _object(toks, i + 1, vocab)
            if obj and not set(obj.split()) & wrong and not framed(toks, i):
                if w in SAID_AFTER and w.endswith("ed"):
                    add([*obj.split(), w], obj)
                else:
                    add([w, *obj.split()], obj, judged=w)
            continue
        if w in _STUCK and nxt in ("on", "in", "at", "for"):  # "stuck on the plane"
            obj, _ = _object(toks, i + 2, vocab)
            if obj:
                add([w, nxt, *obj.split()], obj)
        if w == "on" and nxt == "hold":  # "2 hours on hold", "on hold for an hour"
            near = [t for t in toks[max(0, i - 3) : i + 6] if t in _TIME_NOUNS]
            if near:
                unit = "minutes" if near[0].startswith("min") else "hours"
                out.setdefault(f"hold {unit}", (f"{unit} on hold", unit))
    return out


def _negated(toks: Sequence[str], i: int, vocab: Vocab, add: Callable[..., None]) -> None:
    """ "can't check in", "never received refund", "didn't get my bags": a negation, the
    verb it negates (with its particle) and what the verb acts on."""
    w = toks[i]
    prev = toks[i - 1] if i else ""
    if w == "not" and prev == "can":
        lead = "can't"
    elif w == "not" and prev in _CONTRACT:
        lead = _CONTRACT[prev]
    elif w == "unable":
        lead = "unable to"
    else:
        lead = "can't" if w in _CANT else w
    j = i + 2 if w == "unable" else i + 1
    while j < len(toks) and toks[j] in ("even", "ever", "yet", "be", "been", "still"):
        j += 1
    # after a negation a base-form noun is a verb ("can't check in", "doesn't work")
    if j >= len(toks) or not toks[j].isalpha() or toks[j] in _SLANG or glued(toks[j]) \
            or not lexicon_tag(toks[j]).startswith(("VB", "NN")) or toks[j] in STOPWORDS \
            and lemma(toks[j]) not in LIGHT_WORDS:
        return
    verb = [toks[j]]
    if j + 1 < len(toks) and toks[j + 1] in PARTICLES:
        verb.append(toks[j + 1])
    obj, _ = _object(toks, j + len(verb), vocab)
    light = lemma(toks[j]) in LIGHT_WORDS or toks[j] in LIGHT_WORDS
    # the noun the negated verb is said of: "accounts (were) not removed"
    k = i - 1 if w.endswith("n't") or w in _CANT else i - 2
    while k >= 0 and toks[k] in _BETWEEN and i - k <= 3:
        k -= 1
    # "can't change", "never received": a verb that says nothing without what it is
    # done to is a phrase only with its object (:mod:`voc.themes.dangling`)
    bare = len(verb) == 1 and needs_object(toks[j])
    if k >= 0 and is_noun(toks[k], vocab) and not light:
        add([toks[k], *lead.split(), *verb], toks[k])
    elif (not light or len(verb) > 1) and not bare:
        add([*lead.split(), *verb], toks[j])
    if obj:
        add([*lead.split(), *verb, *obj.split()], obj)


#: Spoken contractions the tagger reads as verbs.
_SLANG = frozenset({"gonna", "wanna", "gotta", "lemme", "dunno", "kinda"})
_CONTRACT = {"do": "don't", "does": "doesn't", "did": "didn't", "will": "won't",
             "could": "couldn't", "would": "wouldn't", "is": "isn't", "was": "wasn't",
             "are": "aren't", "were": "weren't", "has": "hasn't", "have": "haven't"}


def phrases_said(texts: Sequence[str], phrases: Sequence[str] = ()) -> list[Said]:
    """Problem phrases of ``texts`` with how many distinct statements say each (by lemma
    key, shown in their most frequent wording), most said first; words of the key
    ``phrases`` may be subjects though the lexicon does not know them."""
    return list(_phrases_said(tuple(dict.fromkeys(texts)), tuple(phrases)))


@lru_cache(maxsize=64)
def _phrases_said(uniq: tuple[str, ...], phrases: tuple[str, ...]) -> tuple[Said, ...]:
    """:func:`phrases_said` of distinct texts, cached: naming asks it several times per
    theme."""
    vocab = Vocab(proper_names(uniq), frozenset(w for p in phrases for w in p.lower().split()))
    df: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    subjects: dict[str, str] = {}
    for text in uniq:
        for k, (words, subject) in _spans(text, vocab).items():
            df[k] += 1
            forms.setdefault(k, Counter())[words] += 1
            subjects.setdefault(k, subject)
    out = [
        Said(min(forms[k].items(), key=lambda kv: (-kv[1], kv[0]))[0], subjects[k], n)
        for k, n in df.items()
    ]
    out.sort(key=lambda s: (-s.support, len(s.text), s.text))
    return tuple(out)



def said_of_thing(said: Said) -> bool:
    """Whether a phrase is said of a thing ("no response"), not only a verb ("doesn't help")."""
    head = said.subject.split()[-1] if said.subject else ""
    return bool(head) and lexicon_tag(head).startswith("NN")
