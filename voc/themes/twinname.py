"""A name of its own for a theme whose drafted name another theme holds (its twin).

Two themes can draft one name and stay two (CFPB, seed 42: "account issues" 48 twice,
0.76 close, under the same-name merge's 0.8). :mod:`voc.themes.distinct` tells them apart
by a phrase one says and the other does not; written as "<name>: <phrase>" ("account
issues: number", "can't get through by phone: hold") it reads as two labels glued
together. A twin is named instead, as a person would write it:

1. by that phrase worked into the span its statements write with it
   (:func:`voc.themes.subphrase.worked_in`: "no response to letter"), when the span holds
   a word of the name or a problem word; for a question name, into what they ask
   (:func:`asked_span`: "how to transfer money: credit card" is "transfer money using
   credit card");
2. else by the problem phrase (:func:`voc.themes.said.phrases_said`, said of a thing or a
   blocked action) the most of its distinct statements say, at least
   :func:`voc.themes.pairs.need` of them, and :data:`MIN_LIFT` times as often as any twin's
   statements say its words ("hours on hold" beside "can't get through by phone").

3. else by the name joined to the phrase the way its statements write the phrase
   (:func:`joined_name`: "no response to my letters", "late payments on my credit
   report"): a preposition, a possessive at most and the phrase, written so by
   :func:`voc.themes.pairs.need` of its distinct statements that say the name too;
4. else by the name joined to the phrase by the preposition the run's statements write
   between the name's noun and the phrase's (:func:`run_joined`: CFPB's twin "sent
   letters" and got "no response", the run writes "response to my letter": "no
   response to letters"; "no response from either creditor or the bureaus": "no
   response from credit bureaus"), when :func:`voc.themes.pairs.need` of its
   statements say the name and the phrase together;
5. else by what its statements write the name was for, "to" and a verb after the name
   (:func:`purpose_name`: "hours on hold to rebook", not "hours on hold (2)"), a verb
   its twins say :data:`MIN_LIFT` times less often.

"" when none gives a name no other theme holds: the caller glues the phrase on after a
colon when the name says what goes wrong (:func:`voc.themes.distinct.glued`: "no
response: letter", which readers keep), else names the twin honestly mixed, or numbers
one that says the name as much as its twin does, the last resort.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence

from voc.themes.bestsaid import of_thing
from voc.themes.evidence import code_like, norm_word, said_by, said_words
from voc.themes.lemmas import STOPWORDS
from voc.themes.pairs import need
from voc.themes.pos import lexicon_tag
from voc.themes.qualify import is_noun_strict, name_key
from voc.themes.question import QWORDS, YES_NO
from voc.themes.said import phrases_said
from voc.themes.subphrase import spans_holding, worked_in
from voc.themes.written import clauses

#: A twin's own phrase is said by this many times the share of any other twin's statements.
MIN_LIFT = 1.5
#: Words a twin's name may have at most.
MAX_WORDS = 6


def _share(phrase: str, said: Sequence[frozenset[str]]) -> float:
    """Share of statements (their words) saying every word of ``phrase``."""
    return said_by(phrase, said) / len(said) if said else 0.0


def _free(name: str, own: str, used: Collection[tuple[str, ...]]) -> bool:
    """A candidate name that reads apart from the twin's drafted ``own``, no other theme
    holds, and says no word twice ("hours on hold on hold")."""
    key, words = name_key(name), name.lower().split()
    return bool(key) and key != name_key(own) and key not in used \
        and len(words) <= MAX_WORDS and len(set(words)) == len(words)


def own_phrase(
    name: str, texts: Sequence[str], others: Sequence[Sequence[str]],
    used: Collection[tuple[str, ...]] = (),
) -> str:
    """The problem phrase the most distinct ``texts`` say (at least :func:`need`) that
    every twin's statements (``others``) say :data:`MIN_LIFT` times less often, said of
    a thing or a blocked action, no code in it, free (not ``name`` nor a ``used`` key);
    "" when none."""
    uniq = list(dict.fromkeys(t.strip() for t in texts))
    mine = [said_words(t) for t in uniq]
    theirs = [[said_words(t) for t in dict.fromkeys(o)] for o in others]
    least = need(len(uniq))
    for s in phrases_said(uniq, ()):
        if s.support < least:
            break
        if not of_thing(s) or any(code_like(w, uniq) for w in s.text.split()):
            continue
        if not _free(s.text, name, used):
            continue
        share = _share(s.text, mine)
        if share and all(share >= MIN_LIFT * _share(s.text, t) for t in theirs):
            return s.text
    return ""


def worked_name(
    name: str, qualifier: str, texts: Sequence[str], used: Collection[tuple[str, ...]] = (),
) -> str:
    """``qualifier`` worked into the span ``texts`` write it in with a problem word or a
    word of ``name`` (:func:`voc.themes.subphrase.worked_in`), else, for a question name,
    into what they ask (:func:`asked_span`), when that is free; else ""."""
    if not qualifier:
        return ""
    for worked in (worked_in(name, qualifier, texts), asked_span(name, qualifier, texts)):
        if worked and _free(worked, name, used):
            return worked
    return ""


def asked_span(name: str, qualifier: str, texts: Sequence[str]) -> str:
    """For a question name ("how to transfer money", "what is top-up limit"), the span of
    ``texts`` holding ``qualifier`` and the most content words of the name (then the
    most said; said by two and a tenth of them), after the question's opening when it
    fits :data:`MAX_WORDS` ("what is" + "limit on auto top-up"; "transfer money using
    credit card" alone); "" for a name that asks nothing (a problem name wants a problem
    word: "account number" names none)."""
    words = name.lower().split()
    if not words or words[0] not in QWORDS | YES_NO:
        return ""
    content = {norm_word(w) for w in words if w not in STOPWORDS and w not in QWORDS | YES_NO}
    held = {f: (len(content & {norm_word(w) for w in f.split()}), n)
            for f, n in spans_holding(qualifier, texts).items()}
    held = {f: k for f, k in held.items() if k[0]}
    if not held:
        return ""
    # the span keeping the most of the name's words, then the most said
    span = min(held, key=lambda f: (-held[f][0], -held[f][1], len(f.split()), f))
    first = {norm_word(w) for w in span.split()}
    opening = next((words[:k] for k, w in enumerate(words) if norm_word(w) in first), [])
    asked = " ".join([*opening, span])
    return asked if len(asked.split()) <= MAX_WORDS else span


#: Prepositions a twin's phrase is joined to its name by, as its statements write them
#: before the phrase ("no response to my letters"; "of" joins no problem to a thing:
#: "round of letters").
JOIN_PREPOSITIONS = frozenset({
    "to", "on", "about", "with", "for", "from", "in", "at", "by", "over", "regarding",
})
#: Determiners a joined phrase keeps as written between its preposition and the phrase
#: ("on my credit report", "in the app") ...
_KEPT = frozenset({"my", "our", "your", "the"})
#: ... and those it leaves out ("about a letter", "to these letters").
_LEFT_OUT = frozenset({"a", "an", "this", "these", "those", "their", "his", "her"})
#: Words a joined name may have at most ("late payments on my credit report").
JOINED_WORDS = 7
_WORD = re.compile(r"[a-z][a-z']*")
_PUNCT = re.compile(r"[.,;:!?()\[\]{}\"]")


def _joins(qualifier: Sequence[str], words: Sequence[str]) -> dict[str, str]:
    """The joined phrases one clause (``words``) writes ``qualifier`` in: a preposition
    of :data:`JOIN_PREPOSITIONS`, at most one determiner (kept when it is a possessive or
    "the", :data:`_KEPT`), the qualifier as written and the noun after it ("on my credit
    report"); each keyed by the phrase without its determiner ("on credit report")."""
    out: dict[str, str] = {}
    keys = [norm_word(w) for w in words]
    n = len(qualifier)
    for i, w in enumerate(words):
        if w not in JOIN_PREPOSITIONS:
            continue
        j, mid = i + 1, []
        if j < len(words) and words[j] in _KEPT | _LEFT_OUT:
            mid = [words[j]] if words[j] in _KEPT else []
            j += 1
        if keys[j:j + n] != list(qualifier):
            continue
        tail = list(words[j:j + n])
        after = words[j + n] if j + n < len(words) else ""
        if after and after not in STOPWORDS and is_noun_strict(after):
            tail.append(after)
        out.setdefault(" ".join([w, *tail]), " ".join([w, *mid, *tail]))
    return out


def joined_name(
    name: str, qualifier: str, texts: Sequence[str], used: Collection[tuple[str, ...]] = (),
) -> str:
    """``name`` joined to ``qualifier`` (a noun) as the distinct ``texts`` write it after a
    preposition (:func:`_joins`: "no response" + "to my letters"), the phrase the most of
    them write (in the form most of those write, a determiner kept on a tie), when
    :func:`voc.themes.pairs.need` of them write it and say every content word of ``name``
    in the same statement (CFPB: 3 of 24 statements about credit bureaus saying
    "response" name no "no response to credit bureaus"); "" when none, or the name is
    taken or longer than :data:`JOINED_WORDS`."""
    uniq = list(dict.fromkeys(t.strip() for t in texts))
    want = [norm_word(w) for w in _WORD.findall(qualifier.lower())]
    if not uniq or not want or not is_noun_strict(want[-1]):
        return ""  # "to call" is a verb's infinitive, no thing the name happened to
    least = need(len(uniq))
    content = " ".join(w for w in name.lower().split()
                       if w not in STOPWORDS and w not in QWORDS | YES_NO) or name
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for t in uniq:
        if not said_by(content, [said_words(t)]):
            continue  # a statement not saying the name writes no joined name
        found: dict[str, str] = {}
        for words, _ in clauses(t):
            for key, form in _joins(want, [w.lower() for w in words]).items():
                found.setdefault(key, form)
        counts.update(found.keys())
        for key, form in found.items():
            forms.setdefault(key, Counter())[form] += 1
    for phrase, n in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0])):
        if n < least:
            break
        form = min(forms[phrase], key=lambda f: (-forms[phrase][f], -len(f.split()), f))
        joined = f"{name} {form}"
        key, words = name_key(joined), joined.lower().split()
        if key and key not in used and len(words) <= JOINED_WORDS \
                and len(set(words)) == len(words):
            return joined
    return ""


#: Words a preposition's object may have before its noun, as the run writes it ("response
#: to *this certified* letter").
OBJECT_GAP = 4


def _object_phrase(qualifier: str, texts: Sequence[str]) -> str:
    """``qualifier`` as the object a name is joined to: run on into the nouns after it
    that the most ``texts`` write with it ("credit" → "credit bureaus"), said by
    :func:`voc.themes.pairs.need` of them, else itself; its last noun plural when
    :func:`voc.themes.pairs.need` of them write it so ("letter" → "letters": a name is
    about a kind of thing)."""
    uniq = list(dict.fromkeys(t.strip() for t in texts))
    least = need(len(uniq))
    words = qualifier.lower().split()
    longer = {f: n for f, n in spans_holding(qualifier, texts).items()
              if n >= least and f.split()[:len(words)] == words and len(f.split()) > len(words)
              and all(is_noun_strict(w) for w in f.split()[len(words):])}
    phrase = min(longer, key=lambda f: (-longer[f], len(f), f)).split() if longer else words
    head = phrase[-1]
    plurals = Counter(w for t in uniq for w in set(_WORD.findall(t.lower()))
                      if w != head and w.startswith(head[:-1]) and norm_word(w) == norm_word(head)
                      and w.endswith("s"))
    plural = min(plurals, key=lambda w: (-plurals[w], w)) if plurals else ""
    if plural and plurals[plural] >= least:
        phrase = [*phrase[:-1], plural]
    return " ".join(phrase)


def _written_between(head: str, noun: str, pool: Sequence[str]) -> Counter[str]:
    """Prepositions (:data:`JOIN_PREPOSITIONS`) ``pool``'s statements write right after
    the noun ``head`` and before ``noun`` (a lemma), at most :data:`OBJECT_GAP` words
    between, in one sentence part (no punctuation between; "and", "or" may be: "no
    response *from* either creditor or the bureaus"): each with how many statements
    write it ("response *to* my letter", "response *from* the bureau")."""
    out: Counter[str] = Counter()
    stem = head[:4]
    for t in dict.fromkeys(pool):
        low = t.lower()
        if stem not in low or noun[:4] not in low:
            continue
        found: set[str] = set()
        for part in _PUNCT.split(low.replace("’", "'")):
            words = _WORD.findall(part)
            for k, w in enumerate(words[:-1]):
                if w != head and norm_word(w) != norm_word(head) or not is_noun_strict(w):
                    continue
                prep = words[k + 1]
                if prep not in JOIN_PREPOSITIONS:
                    continue
                rest = words[k + 2:k + 3 + OBJECT_GAP]
                if any(norm_word(x) == noun for x in rest):
                    found.add(prep)
        out.update(found)
    return out


def run_joined(
    name: str, qualifier: str, texts: Sequence[str], pool: Sequence[str],
    used: Collection[tuple[str, ...]] = (),
) -> str:
    """``name`` joined to ``qualifier`` by the preposition the run's statements (``pool``)
    write between the noun ``name`` ends on and the qualifier's noun (:func:`_written_between`:
    CFPB writes "response to a letter", "response from the bureau", so a twin of "no
    response" set apart by "letter" is "no response to letters", one set apart by
    "credit" "no response from credit bureaus"), the qualifier as its statements write it
    (:func:`_object_phrase`), when :func:`voc.themes.pairs.need` of the twin's distinct
    ``texts`` say the name and the qualifier's noun in one statement; "" when none, the
    name is taken or longer than :data:`JOINED_WORDS`."""
    words = name.lower().split()
    uniq = list(dict.fromkeys(t.strip() for t in texts))
    if not words or not qualifier or not pool or not uniq or not is_noun_strict(words[-1]) \
            or not is_noun_strict(qualifier.split()[-1]) or ":" in name:
        return ""
    obj = _object_phrase(qualifier, uniq)
    noun = norm_word(obj.split()[-1])
    content = " ".join(w for w in words if w not in STOPWORDS and w not in QWORDS | YES_NO) \
        or name
    both = sum(bool(said_by(content, [s])) and noun in s for s in map(said_words, uniq))
    if both < need(len(uniq)):
        return ""
    preps = _written_between(words[-1], noun, pool)
    if not preps:
        return ""
    prep = min(preps, key=lambda p: (-preps[p], p))
    joined = f"{name} {prep} {obj}"
    key, out = name_key(joined), joined.lower().split()
    if key and key not in used and len(out) <= JOINED_WORDS and len(set(out)) == len(out):
        return joined
    return ""


#: Words after a name's last word within which its statements write what it was for
#: ("on hold for almost 2 hours trying *to rebook*").
PURPOSE_GAP = 6
#: Verbs that say no purpose of their own ("on hold to *get* ...").
_LIGHT = frozenset({"be", "get", "have", "do", "make", "go", "say", "tell", "see", "let",
                    "take", "try", "keep", "know", "give", "come", "put", "wait"})


def _verb(word: str) -> bool:
    """Whether ``word`` is a bare verb: the lexicon's, or one whose past form it knows
    ("book" of "booked"), or "re" and one ("rebook")."""
    if lexicon_tag(word) == "VB":
        return True
    if any(lexicon_tag(f).startswith("VB") for f in (f"{word}ed", f"{word}d")):
        return True
    return word.startswith("re") and len(word) > 4 and _verb(word[2:])


def _purposes(last: str, text: str) -> set[str]:
    """The verbs ``text`` writes after "to" within :data:`PURPOSE_GAP` words of a word
    that is ``last`` (in any inflection), in one sentence part: what it was for."""
    out: set[str] = set()
    want = norm_word(last)
    for part in _PUNCT.split(text.lower().replace("’", "'")):
        words = _WORD.findall(part)
        for k, w in enumerate(words):
            if norm_word(w) != want:
                continue
            for j in range(k + 1, min(len(words) - 1, k + 1 + PURPOSE_GAP)):
                verb = words[j + 1]
                if words[j] == "to" and _verb(verb) \
                        and verb not in STOPWORDS and norm_word(verb) not in _LIGHT:
                    out.add(verb)
                    break
    return out


def purpose_name(
    name: str, texts: Sequence[str], others: Sequence[Sequence[str]],
    used: Collection[tuple[str, ...]] = (),
) -> str:
    """``name`` and what its statements write it was for, "to" and a verb after the name's
    last word (:func:`_purposes`: "hours on hold to rebook" of five airline tweets on
    hold to rebook a cancelled flight, beside the "hours on hold" of 127), the verb the
    most distinct ``texts`` write so, :func:`voc.themes.pairs.need` of them and two at
    least, and :data:`MIN_LIFT` times as often as any twin's (``others``) statements say
    it; "" when none, or the name is taken: a twin with nothing else of its own, before
    a number."""
    words = name.lower().split()
    uniq = list(dict.fromkeys(t.strip() for t in texts))
    if not words or not uniq or ":" in name:
        return ""
    counts: Counter[str] = Counter()
    for t in uniq:
        counts.update(_purposes(words[-1], t))
    least = max(2, need(len(uniq)))
    mine = [said_words(t) for t in uniq]
    theirs = [[said_words(t) for t in dict.fromkeys(o)] for o in others]
    for verb, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < least:
            break
        share = _share(verb, mine)
        if not all(share >= MIN_LIFT * _share(verb, t) for t in theirs):
            continue
        purposed = f"{name} to {verb}"
        if _free(purposed, name, used):
            return purposed
    return ""


def twin_name(
    name: str, qualifier: str, texts: Sequence[str], others: Sequence[Sequence[str]],
    used: Collection[tuple[str, ...]] = (), pool: Sequence[str] = (),
) -> str:
    """A name of its own for a twin named ``name`` that ``qualifier`` sets apart (see the
    module docstring), or "" (then the caller glues, names it mixed, or numbers it);
    ``pool`` is every statement of the run, for :func:`run_joined`."""
    return worked_name(name, qualifier, texts, used) \
        or unworked_name(name, qualifier, texts, others, used, pool)


def unworked_name(
    name: str, qualifier: str, texts: Sequence[str], others: Sequence[Sequence[str]],
    used: Collection[tuple[str, ...]] = (), pool: Sequence[str] = (),
) -> str:
    """:func:`twin_name` once ``qualifier`` is worked into no span its statements write
    (steps 2-5 of the module docstring): the problem only the twin says, else the
    qualifier joined as the twin's statements or the run's write it, else what the name
    was for; "" when none."""
    return own_phrase(name, texts, others, used) \
        or joined_name(name, qualifier, texts, used) \
        or run_joined(name, qualifier, texts, pool, used) \
        or purpose_name(name, texts, others, used)
